/**
 * Each mounted plugin's target: its feature (with the modules for the
 * template's customisations), the legacyPlugin bridge, or past 1.31 its
 * new-system wrapper; decided from its module's code, the installed
 * package, and the release table.
 */
import * as path from 'path';
import type { Node } from '@babel/types';
import { resolveModuleFormat } from '../../commit/format';
import { WireError } from '../../../transforms/lib/errors';
import { LEGACY_BRIDGE_ENVIRONMENT } from '../../repo/plugin-environment';
import { readPluginShape } from '../../repo/plugin-introspection';
import { planPluginWrapper, PluginWrapper, PLUGIN_API, printPluginWrapper } from '../../../transforms/generate/plugin-wrapper';
import { CUSTOMISATION_MODULES, readPluginModule } from './classify-plugin';
import type { ExtraEnvField } from './create-env';
import { featureFromRelease, featureFromTable } from './feature-table';
import { lowestVersion } from '../../repo/release-table';
import type { LegacyStatements, PluginArgument, PluginMount } from './legacy-statements';
import { bridgedImport } from './print-index';
import { mentions, walk } from '../../../transforms/lib/ast';
import { pluginAdapterModuleName } from '../../../transforms/generate/plugin-adapter';
import { COMMON_PACKAGE, Context, DEFAULTS_PACKAGE, installed, moduleFile, parsedModule, pluginApiRange, pluginEnvironmentFields, pluginIdOfPackage, versionFor } from './context';
import type { BehaviourEntry } from './behaviour';
import type { MigratedPlugin, MigrationTarget } from './report';

/** Mounts on the service root (the app plugin) first, then the api router's in the order they were mounted. */
export function orderedMounts(statements: LegacyStatements): LegacyStatements['mounts'] {
  return [...statements.mounts].sort((a, b) => Number(a.route !== '') - Number(b.route !== '') || a.line - b.line);
}

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

export async function decidePlugin(context: Context, specifier: string, id: string, environment: readonly string[], line: number, exportName?: string): Promise<Decision> {
  const { files } = context;
  const modulePath = moduleFile(files, specifier);
  const bridgeDecision = (reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Decision => ({
    plugin: { id, module: specifier, ...(exportName ? { exportName } : {}), package: packageName ?? null, target: 'bridge', adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, exportName, "'")})`], decidedBy, reason },
    modulePath,
    packages: new Map(),
  });
  // Past 1.31 legacyPlugin does not run: a template module of a legacy-only package becomes its wrapper; anything else is refused.
  let stockPackage: string | undefined;
  const bridge = async (reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Promise<Decision> => {
    if (context.bridge.works) return bridgeDecision(reason, decidedBy, packageName);
    const refuse = (why: string): Decision => ({
      ...bridgeDecision(reason, decidedBy, packageName),
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
  };
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
  const modules = [
    ...reading.customisations.map(c => CUSTOMISATION_MODULES[c]),
    ...reading.authProviders.map(provider => `@backstage/plugin-auth-backend-module-${provider}-provider`),
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
  const target: MigrationTarget = modules.length ? 'module' : 'feature';
  const reason = target === 'module' ? `template customisations replaced by ${modules.join(', ')}` : 'the module is the stock shape: environment fields and the template\'s own calls only';
  return { plugin: { id, module: specifier, package: packageName, target, adds, decidedBy, reason }, modulePath, packages };
}

/** The app plugin at the service root: its createEnv id is app, or its module wraps the app backend. The root router serves it through its index fallback. */
export function isAppMount(context: Context, mount: PluginMount): boolean {
  if (mount.rootPath !== '') return false;
  if (mount.envId === 'app' || mount.module === '@backstage/plugin-app-backend') return true;
  const modulePath = moduleFile(context.files, mount.module);
  if (!modulePath) return false;
  const { source, ast } = parsedModule(context.files, modulePath);
  return readPluginModule(ast, source, mount.exportName).packageName === '@backstage/plugin-app-backend';
}

export interface DecidedPlugins {
  readonly plugins: MigratedPlugin[];
  /** Each plugin's mount, by plugin id. */
  readonly mountOf: Map<string, PluginMount>;
  /** Plugins mounted under a config condition: yielded by a feature loader instead of added by index.ts. */
  readonly conditionOf: Map<MigratedPlugin, { test: Node; line: number }>;
  /** Plugin modules the service builder mounted outside /api (not the app): kept at their paths on the root router. */
  readonly rootMounts: PluginMount[];
  /** Modules freed (deleted) and kept (bridged, wrapped). */
  readonly deletions: string[];
  readonly keptModules: string[];
  /** Packages the new index imports, with a range where known ('' otherwise). */
  readonly addedPackages: Map<string, string>;
  /** Plugins kept on their legacy code to keep their URLs. */
  readonly keptUrls: BehaviourEntry[];
  /** Plugins called with more than their env, bridged through an adapter module (written by the plugin-arguments translation). */
  readonly adapters: PluginAdapter[];
  /** Plugin modules mounted below another plugin's path with that plugin's env: modules of that plugin (the plugin-route translation). */
  readonly pluginRoutes: PluginRoute[];
  readonly refused: string[];
}

export interface PluginRoute {
  readonly mount: PluginMount;
  /** The plugin whose path and env it had. */
  readonly pluginId: string;
  /** The path below that plugin's (`/stats` of `/dora/stats`). */
  readonly rest: string;
}

/** Every mount's target, in order (the service root first), with the files it frees or keeps and the wrappers it writes. */
export async function decidePlugins(context: Context, statements: LegacyStatements): Promise<DecidedPlugins> {
  const { files } = context;
  const decided: DecidedPlugins = { plugins: [], mountOf: new Map(), conditionOf: new Map(), rootMounts: [], deletions: [], keptModules: [], addedPackages: new Map(), keptUrls: [], adapters: [], pluginRoutes: [], refused: [] };
  const deeper: PluginMount[] = [];
  // Env fields of the app's own are given by an adapter to the bridged plugins that read them: not missing from the bridge's env.
  const environment = pluginEnvironmentFields(files).filter(field => !statements.extraEnvFields.has(field));
  for (const mount of orderedMounts(statements)) {
    if (mount.runOnly || (mount.rootPath !== undefined && !isAppMount(context, mount))) {
      decided.rootMounts.push(mount);
      continue;
    }
    // Below another plugin's path (`/dora/stats`): no plugin id holds a '/'; decided once that plugin is.
    if (mount.route.includes('/')) {
      deeper.push(mount);
      continue;
    }
    const decision = mount.call
      ? decideAdapter(context, statements, mount, decided)
      : await decidePlugin(context, mount.module, mount.route || mount.envId || path.basename(mount.module), environment, mount.line, mount.exportName);
    if (decision.refusal) {
      decided.refused.push(decision.refusal);
      continue;
    }
    const given = !mount.call && decision.plugin.target === 'bridge' ? extraFieldsGiven(decision.modulePath, statements) : [];
    const withFields = given.length ? { ...decision, ...adapterWithFields(context, statements, mount, decision, given, decided) } : decision;
    const plugin: MigratedPlugin = mount.condition
      ? {
          ...withFields.plugin,
          condition: files.indexText.slice(mount.condition.test.start ?? 0, mount.condition.test.end ?? 0),
          reason: `${withFields.plugin.reason}; under the condition of line ${mount.condition.line}, in a feature loader`,
        }
      : withFields.plugin;
    if (mount.condition) decided.conditionOf.set(plugin, mount.condition);
    decided.mountOf.set(plugin.id, mount);
    if (decision.keptUrl) decided.keptUrls.push({ kind: 'url', plugin: plugin.id, source: `${files.indexDisplay}:${mount.line}`, kept: true, change: decision.keptUrl });
    decided.plugins.push(plugin);
    const kept = plugin.target === 'bridge' || plugin.target === 'wrapper';
    if (decision.modulePath) (kept ? decided.keptModules : decided.deletions).push(decision.modulePath);
    if (decision.modulePath && decision.wrapper) {
      const { format } = await resolveModuleFormat(decision.modulePath, files.eol, files.tree.display(decision.modulePath), file => context.workspace.packageJson(file));
      files.tree.write(decision.modulePath, printPluginWrapper(decision.wrapper, format));
    }
    for (const [name, range] of decision.packages) decided.addedPackages.set(name, range);
  }
  for (const mount of deeper) decidePluginRoute(context, mount, decided);
  // A module two plugins share (named exports) stays while either keeps it.
  for (let i = decided.deletions.length - 1; i >= 0; i--) if (decided.keptModules.includes(decided.deletions[i])) decided.deletions.splice(i, 1);
  if (decided.plugins.some(p => p.target === 'bridge')) decided.addedPackages.set(COMMON_PACKAGE, '');
  decided.addedPackages.set(DEFAULTS_PACKAGE, '');
  return decided;
}

export interface PluginAdapter {
  readonly plugin: MigratedPlugin;
  readonly mount: PluginMount;
  /** The adapter module's name in src/modules/. */
  readonly name: string;
  /** The arguments as the adapter passes them (the env's: `env`). */
  readonly args: readonly string[];
  /** Env fields of the app's own the adapter adds to the env (`catalogClient`), with the imports they need. */
  readonly envFields: readonly { readonly key: string; readonly text: string; readonly names: readonly string[]; readonly shared?: ExtraEnvField['shared'] }[];
  /** Objects main() built and handed to it, which the adapter builds from the env (their imports). */
  readonly built?: readonly PluginArgument[];
}

/**
 * A plugin called with more than its env (`reports(config, reportsEnv)`):
 * bridged through an adapter module that makes the other arguments from
 * the env: `env.config` for main()'s config, literals as written. Refused
 * where an argument is made of anything else, or where legacyPlugin does
 * not run.
 */
function decideAdapter(context: Context, statements: LegacyStatements, mount: PluginMount, decided: DecidedPlugins): Decision {
  const { files } = context;
  const id = mount.route || mount.envId || path.basename(mount.module);
  const call = mount.call as NonNullable<PluginMount['call']>;
  const plugin: MigratedPlugin = { id, module: mount.module, package: null, target: 'bridge', adds: [], decidedBy: 'module', reason: '' };
  const refuse = (why: string): Decision => ({ plugin, packages: new Map(), refusal: `${files.indexDisplay}:${mount.line}: ${mount.alias}(...): ${why}` });
  if (!context.bridge.works) {
    return refuse(`called with more than its env, which an adapter can run only through legacyPlugin, and legacyPlugin does not run on this release (${context.bridge.decidedBy}): make the plugin take its env alone (or migrate it), then run migrate again`);
  }
  const args: string[] = [];
  const built: PluginArgument[] = [];
  for (const [i, argument] of call.args.entries()) {
    const text = files.indexText.slice(argument.start ?? 0, argument.end ?? 0);
    const local = argument.type === 'Identifier' ? statements.pluginArguments.get(argument.name) : undefined;
    if (i === call.envIndex) args.push('env');
    else if (argument.type === 'Identifier' && argument.name === statements.configName) args.push('env.config');
    else if (local) {
      // Built again from the env, as main() built it from the config (./statements/plugin-argument.ts).
      args.push(builtFromEnv(files.indexText, local, statements.configName as string));
      built.push(local);
    } else if (mentions(argument).size === 0 && !/\n/.test(text)) args.push(text);
    else return refuse(`its argument ${text.split(/\r?\n/)[0]} is made by the legacy main(), and an adapter can make only the config, literals and an object main() built of the config and imports for this plugin alone: pass it another way (in the plugin, from config), then run migrate again`);
  }
  const name = pluginAdapterModuleName(id);
  const specifier = `./modules/${name}`;
  const modulePath = moduleFile(files, mount.module);
  const bridged: MigratedPlugin = {
    ...plugin,
    module: specifier,
    adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, undefined, "'")})`],
    reason: `called with more than its env (${args.join(', ')}): bridged through ${files.tree.display(path.join(files.backendDir, 'src', 'modules', `${name}.ts`))}, which makes the other arguments from the env`,
  };
  decided.adapters.push({ plugin: bridged, mount, name, args, envFields: fieldsFor(extraFieldsGiven(modulePath, statements), statements), built });
  return { plugin: bridged, packages: new Map(), ...(modulePath ? { modulePath } : {}) };
}

/**
 * main()'s expression with its config as the env's (`readAuditOptions(env.config)`,
 * `{ config: env.config }` for a shorthand) and another plugin's shared field as
 * this one's (`catalogEnv.discovery` as `env.discovery`), on one line as the
 * adapter's call prints its arguments.
 */
function builtFromEnv(source: string, { init, envs }: PluginArgument, configName: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walk(init, (node, ancestors) => {
    if (node.type !== 'Identifier') return;
    const parent = ancestors[ancestors.length - 1];
    if (envs.includes(node.name) && parent?.type === 'MemberExpression' && parent.object === node) {
      edits.push({ start: node.start ?? 0, end: node.end ?? 0, text: 'env' });
      return;
    }
    if (node.name !== configName) return;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
    if (parent?.type === 'ObjectProperty' && parent.key === node && !parent.computed) {
      if (parent.shorthand) edits.push({ start: parent.start ?? 0, end: parent.end ?? 0, text: `${configName}: env.config` });
      return;
    }
    if (parent?.type === 'ObjectProperty' && parent.shorthand) return;
    edits.push({ start: node.start ?? 0, end: node.end ?? 0, text: 'env.config' });
  });
  let text = source.slice(init.start ?? 0, init.end ?? 0);
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start - (init.start ?? 0)) + edit.text + text.slice(edit.end - (init.start ?? 0));
  return text.replace(/\s*\n\s*/g, ' ').replace(/,\s*([}\])])/g, ' $1').replace(/([{[(]) +([)\]])/g, '$1$2');
}

/**
 * The env fields of the app's own a bridged module gets: all of them, as
 * makeCreateEnv gave every plugin all of them (and a module typed with the
 * app's PluginEnvironment needs them all to type-check against the bridge).
 */
function extraFieldsGiven(modulePath: string | undefined, statements: LegacyStatements): string[] {
  return modulePath ? [...statements.extraEnvFields.keys()] : [];
}

function fieldsFor(keys: readonly string[], statements: LegacyStatements): PluginAdapter['envFields'] {
  return keys.map(key => {
    const field = statements.extraEnvFields.get(key) as ExtraEnvField;
    return { key, text: field.text, names: field.names, ...(field.shared ? { shared: field.shared } : {}) };
  });
}

/**
 * A bridged module that reads env fields of the app's own
 * (`env.catalogClient`): bridged through an adapter that adds them to the
 * env legacyPlugin gives, made as makeCreateEnv made them.
 */
function adapterWithFields(context: Context, statements: LegacyStatements, mount: PluginMount, decision: Decision, keys: readonly string[], decided: DecidedPlugins): Partial<Decision> {
  const { files } = context;
  const id = decision.plugin.id;
  const name = pluginAdapterModuleName(id);
  const specifier = `./modules/${name}`;
  const plugin: MigratedPlugin = {
    ...decision.plugin,
    module: specifier,
    adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, undefined, "'")})`],
    reason: `${decision.plugin.reason}; its env had ${keys.join(', ')}, which makeCreateEnv made: bridged through ${files.tree.display(path.join(files.backendDir, 'src', 'modules', `${name}.ts`))}, which adds ${keys.length === 1 ? 'it' : 'them'} to the env`,
  };
  delete (plugin as { exportName?: string }).exportName;
  decided.adapters.push({ plugin, mount, name, args: ['env'], envFields: fieldsFor(keys, statements) });
  return { plugin };
}

/**
 * A plugin module mounted below another plugin's path (`apiRouter.use(
 * '/dora/stats', await doraStats(doraEnv))`): with that plugin's env, a
 * module of it, which keeps the URL and the plugin's data; else refused by
 * line, since a plugin id holds no '/'.
 */
function decidePluginRoute(context: Context, mount: PluginMount, decided: DecidedPlugins): void {
  const [segment] = mount.route.split('/');
  const rest = mount.route.slice(segment.length);
  const owner = decided.plugins.find(plugin => plugin.id === segment && decided.mountOf.get(plugin.id)?.route === segment);
  const ownerMount = owner ? decided.mountOf.get(owner.id) : undefined;
  const at = `${context.files.indexDisplay}:${mount.line}: apiRouter.use('/${mount.route}', await ${mount.alias}(...))`;
  const mountHere = `give it a plugin id of its own (apiRouter.use('/<id>', ...) with createEnv('<id>')), or serve it from a module of ${segment} by hand`;
  let why: string | undefined;
  if (!owner || !ownerMount) why = `mounted below /api/${segment}, where no plugin this migration adds is mounted; the new backend mounts each plugin at /api/<pluginId>, and a plugin id holds no '/': ${mountHere}`;
  else if (mount.envId === undefined || mount.envId !== ownerMount.envId) why = `mounted below the ${segment} plugin's path with ${mount.envId === undefined ? 'an env that is not a createEnv of main()' : `an env of its own (createEnv('${mount.envId}'))`}, not ${segment}'s: only one made with ${segment}'s env becomes a module of ${segment}; ${mountHere}`;
  else if (mount.call) why = `called with more than its env, which a module of ${segment} cannot be given: make it take its env alone, or serve it from a module of ${segment} by hand`;
  else if (mount.condition || decided.conditionOf.has(owner)) why = `mounted under a config condition (line ${(mount.condition ?? decided.conditionOf.get(owner))?.line}), and a module of ${segment} below its path is not moved into the feature loader: serve it from a module of ${segment} by hand`;
  if (why) {
    decided.refused.push(`${at}: ${why}`);
    return;
  }
  decided.pluginRoutes.push({ mount, pluginId: segment, rest });
  const modulePath = moduleFile(context.files, mount.module);
  if (modulePath) decided.keptModules.push(modulePath);
}
