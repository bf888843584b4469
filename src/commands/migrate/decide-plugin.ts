/**
 * Each mounted plugin's target: its feature (with the modules for the
 * template's customisations), the legacyPlugin bridge, or past 1.31 its
 * new-system wrapper; decided from its module's code, the installed
 * package, and the release table.
 */
import * as path from 'path';
import { WireError } from '../../../transforms/lib/errors';
import { LEGACY_BRIDGE_ENVIRONMENT } from '../../repo/plugin-environment';
import { readPluginShape } from '../../repo/plugin-introspection';
import { planPluginWrapper, PluginWrapper, PLUGIN_API } from '../../../transforms/generate/plugin-wrapper';
import { CUSTOMISATION_MODULES, readPluginModule } from './classify-plugin';
import { configuredDefaultProviders, DEFAULT_PROVIDER_MODULES } from './auth-providers';
import { featureFromRelease, featureFromTable } from './feature-table';
import { lowestVersion } from '../../repo/release-table';
import { bridgedImport } from './print-index';
import { Context, installed, moduleFile, parsedModule, pluginApiRange, pluginIdOfPackage, versionFor } from './context';
import type { MigratedPlugin, MigrationTarget } from './report';

export interface Decision {
  readonly plugin: MigratedPlugin;
  /** A legacy-only plugin past 1.31: the module's new text, a new-system plugin. */
  readonly wrapper?: PluginWrapper;
  /** Why the plugin cannot be migrated (`file:LINE: ...`): a legacy-only plugin past 1.31 with no wrapper to give it. */
  readonly refusal?: string;
  /** The module file (`src/plugins/x.ts`), deleted unless bridged. */
  readonly modulePath?: string;
  /** Packages the new index imports for it, with a range where one is known already ('' otherwise). */
  readonly packages: ReadonlyMap<string, string>;
  /** Why the plugin stays on its legacy code to keep its URL, where its feature would move it. */
  readonly keptUrl?: string;
}

/** Where a package's feature is: from the installed package, else the table by the backend's range; undefined when unknown. */
export async function featureOf(context: Context, name: string): Promise<{ subpath?: string; decidedBy: 'installed' | 'table'; version?: string }> {
  const pkg = installed(context, name);
  if (pkg?.dir) {
    const shape = await readPluginShape(pkg.dir, pkg.json);
    return { subpath: shape.feature ? shape.featureSubpath ?? '' : undefined, decidedBy: 'installed', version: pkg.version };
  }
  const declared = ((context.files.backendJson.dependencies ?? {}) as Record<string, unknown>)[name];
  const range = typeof declared === 'string' ? declared : versionFor(context, name);
  const version = range ? lowestVersion(range) : undefined;
  // A range without a version (`backstage:^`): the release in backstage.json says where.
  const subpath = version ? featureFromTable(name, version) : featureFromRelease(name, context.release);
  return { subpath, decidedBy: 'table', version };
}

/** The mount a decision is about. */
interface Mounted {
  readonly context: Context;
  readonly id: string;
  readonly specifier: string;
  readonly exportName?: string;
  readonly modulePath?: string;
  readonly line: number;
}

function bridgeDecision({ id, specifier, exportName, modulePath }: Mounted, reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Decision {
  return {
    plugin: { id, module: specifier, ...(exportName ? { exportName } : {}), package: packageName ?? null, target: 'bridge', adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, exportName, "'")})`], decidedBy, reason },
    modulePath,
    packages: new Map(),
  };
}

/**
 * The legacyPlugin bridge where it runs; past 1.31, a template module of a
 * legacy-only package (`stockPackage`) becomes its new-system wrapper, and
 * anything else is refused by the mount's line.
 */
async function bridgeOrWrapper(mounted: Mounted, stockPackage: string | undefined, reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Promise<Decision> {
  const { context, id, specifier, exportName, modulePath, line } = mounted;
  const { files } = context;
  if (context.bridge.works) return bridgeDecision(mounted, reason, decidedBy, packageName);
  const refuse = (why: string): Decision => ({
    ...bridgeDecision(mounted, reason, decidedBy, packageName),
    refusal: `${files.indexDisplay}:${line}: ${id} (${specifier}): ${reason.replace(/: kept behind legacyPlugin$/, '')}, and legacyPlugin does not run on this release (${context.bridge.decidedBy}): ${why}`,
  });
  if (!modulePath || !stockPackage) return refuse('move the module into a backend plugin of its own (createBackendPlugin, backend.add(import(...))), then run migrate again');
  if (exportName) return refuse(`it is the module's export ${exportName}, and a wrapper takes the whole file: make it the module's default export, then run migrate again`);
  const pkg = installed(context, stockPackage);
  const shape = pkg?.dir ? await readPluginShape(pkg.dir, pkg.json) : undefined;
  if (!shape?.createRouter) return refuse(`${stockPackage} is not installed with a createRouter to wrap: install it, or migrate the plugin (createBackendPlugin), then run migrate again`);
  const root = files.root;
  const declared = shape.routerOptions?.map(option => ({
    ...option,
    where: option.file ? `${path.relative(root, option.file).split(path.sep).join('/')}${option.line ? `:${option.line}` : ''}` : undefined,
  }));
  let planned;
  try {
    planned = planPluginWrapper(id, stockPackage, declared, files.tree.display(modulePath));
  } catch (error) {
    if (error instanceof WireError) return { ...refuse('no wrapper can be generated'), refusal: `${files.indexDisplay}:${line}: ${id} (${specifier}): ${error.message}` };
    throw error;
  }
  context.warnings.push(...planned.warnings);
  const packages = new Map<string, string>([[stockPackage, ''], [PLUGIN_API, pluginApiRange(context)]]);
  return {
    plugin: { id, module: specifier, package: stockPackage, target: 'wrapper', adds: [specifier], decidedBy, reason: `${reason}; legacyPlugin does not run on this release (${context.bridge.decidedBy}): a new-system wrapper in ${files.tree.display(modulePath)}` },
    modulePath,
    wrapper: planned.wrapper,
    packages,
  };
}

export async function decidePlugin(context: Context, specifier: string, id: string, environment: readonly string[], line: number, exportName?: string): Promise<Decision> {
  const { files } = context;
  const modulePath = moduleFile(files, specifier);
  const mounted: Mounted = { context, id, specifier, exportName, modulePath, line };
  // Past 1.31 legacyPlugin does not run: a template module of a legacy-only package becomes its wrapper; anything else is refused.
  let stockPackage: string | undefined;
  const bridge = (reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Promise<Decision> => bridgeOrWrapper(mounted, stockPackage, reason, decidedBy, packageName);
  // A createPlugin imported straight from a package: its feature where it has one, else the bridge to its default export.
  if (!specifier.startsWith('.')) {
    const feature = await featureOf(context, specifier);
    if (feature.subpath !== undefined) {
      const packages = new Map<string, string>([[specifier, '']]);
      return { plugin: { id, module: specifier, package: specifier, target: 'feature', adds: [`${specifier}${feature.subpath}`], decidedBy: feature.decidedBy, reason: `imported from the package itself, which has its feature${feature.subpath ? ` at ${feature.subpath}` : ''}` }, packages };
    }
    return await bridge(`imported from the package itself, whose default export is a legacy createPlugin`, feature.decidedBy, specifier);
  }
  if (!modulePath) return await bridge(`${specifier} was not found; bridged as it is imported`, 'module');
  const { source, ast } = parsedModule(files, modulePath);
  const reading = readPluginModule(ast, source, exportName);
  const display = files.tree.display(modulePath);

  const warnBridged = (): void => {
    for (const [field, line] of reading.envFields) {
      if (environment.includes(field) && !LEGACY_BRIDGE_ENVIRONMENT.includes(field)) {
        context.warnings.push(`${display}:${line}: env.${field}: PluginEnvironment declares it, but legacyPlugin does not provide it; give the plugin that service another way (or migrate the plugin)`);
      }
    }
  };
  if (!reading.stock || !reading.packageName) {
    warnBridged();
    return await bridge(`custom code (${reading.custom}): kept behind legacyPlugin`, 'module', reading.packageName);
  }
  const packageName = reading.packageName;
  stockPackage = packageName;
  const feature = await featureOf(context, packageName);
  if (feature.subpath === undefined) {
    warnBridged();
    const why =
      feature.decidedBy === 'installed'
        ? `the installed ${packageName}${feature.version ? ` ${feature.version}` : ''} exports no backend feature`
        : `not installed, and wire-plugin's table does not say where ${packageName}${feature.version ? ` ${feature.version}` : ''} has its feature`;
    return await bridge(why, feature.decidedBy, packageName);
  }
  // Its feature serves at /api/<the package's plugin id>: where the legacy route was another, its URLs would move.
  const featureId = pluginIdOfPackage(context, packageName);
  if (id !== 'app' && featureId && featureId !== id) {
    warnBridged();
    const why = `its feature serves at /api/${featureId}, and the legacy backend served it at /api/${id}: kept on its legacy code at the same URL`;
    return { ...(await bridge(why, feature.decidedBy, packageName)), keptUrl: `kept at /api/${id}: ${packageName}'s feature would serve it at /api/${featureId}, so it stays on its legacy code (the ${context.bridge.works ? 'legacyPlugin bridge' : 'new-system wrapper'}) under the id ${id}` };
  }
  const adds = [`${packageName}${feature.subpath}`];
  const packages = new Map<string, string>([[packageName, '']]);
  let decidedBy: MigratedPlugin['decidedBy'] = feature.decidedBy;
  // The built-in providers the legacy router served unnamed, where app-config configures them (./auth-providers).
  const defaults = reading.defaultAuthProviders ? configuredDefaultProviders(files.tree, files.root).filter(p => !reading.authProviders.includes(p.provider)) : [];
  const moduleless = defaults.find(p => DEFAULT_PROVIDER_MODULES[p.provider] === null);
  if (moduleless) {
    warnBridged();
    return await bridge(`the legacy auth router serves the ${moduleless.provider} provider that ${moduleless.at} configures, one of its defaults, and the new backend system has no module for it: kept on its legacy code`, 'module', packageName);
  }
  const modules = [
    ...reading.customisations.map(c => CUSTOMISATION_MODULES[c]),
    ...reading.authProviders.map(provider => `@backstage/plugin-auth-backend-module-${provider}-provider`),
    ...defaults.map(p => DEFAULT_PROVIDER_MODULES[p.provider] as string),
  ];
  for (const moduleName of modules) {
    const found = await featureOf(context, moduleName);
    if (found.subpath === undefined) {
      warnBridged();
      stockPackage = undefined;
      return await bridge(`its customisation needs ${moduleName}, whose feature${found.version ? ` in ${found.version}` : ''} wire-plugin cannot place (install it, or pass --version ${moduleName}@<range>)`, found.decidedBy, packageName);
    }
    // No version of the module anywhere at or below the release (and none installed or declared): the plugin stays on its legacy code.
    const declared = ((files.backendJson.dependencies ?? {}) as Record<string, unknown>)[moduleName];
    if (found.decidedBy === 'table' && declared === undefined && versionFor(context, moduleName) === undefined && context.bridge.works) {
      warnBridged();
      stockPackage = undefined;
      return await bridge(`its customisation needs ${moduleName}, of which the registry has no version at or below Backstage ${context.release ?? '(no backstage.json)'}: kept on its legacy code (or pass --version ${moduleName}@<range> to take the module)`, 'table', packageName);
    }
    if (found.decidedBy === 'table') decidedBy = 'table';
    adds.push(`${moduleName}${found.subpath}`);
    packages.set(moduleName, '');
  }
  for (const provider of reading.authProviders) {
    context.warnings.push(`${display}: the ${provider} provider's sign-in resolver moves to app-config: auth.providers.${provider}.<environment>.signIn.resolvers`);
  }
  if (defaults.length) {
    context.warnings.push(
      `${display}: the legacy auth router served every built-in provider app-config configures, the new auth plugin only those whose modules are added: added for ${defaults.map(p => `${p.provider} (${p.at})`).join(', ')}; a provider the deployment configures outside the repo needs its module too`,
    );
  }
  const target: MigrationTarget = modules.length ? 'module' : 'feature';
  const reason = target === 'module' ? `template customisations replaced by ${modules.join(', ')}` : 'the module is the stock shape: environment fields and the template\'s own calls only';
  return { plugin: { id, module: specifier, package: packageName, target, adds, decidedBy, reason }, modulePath, packages };
}
