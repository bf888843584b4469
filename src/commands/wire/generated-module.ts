/**
 * The modules wiring generates in the backend's `src/plugins/`: the legacy
 * system's `createPlugin`, the new system's wrapper of a legacy-only
 * plugin, the `legacyPlugin` bridge's module; their ranges, and whether an
 * existing file is still what the tool writes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../../transforms/lib/errors';
import { resolveModuleFormat } from '../../commit/format';
import { parseTypeScript } from '../../../transforms/lib/parse';
import { CREATE_APP_ENVIRONMENT, LEGACY_BRIDGE_ENVIRONMENT } from '../../repo/plugin-environment';
import { OptionProperty } from '../../repo/router-options';
import { BACKSTAGE_FORMAT, LegacyPluginModule, ModuleFormat, PLUGIN_ENVIRONMENT, printLegacyPluginModule, ROUTER_OPTIONS_ENVIRONMENT } from '../../../transforms/generate/plugin-module';
import { PLUGIN_API, planPluginWrapper, PluginWrapper, printPluginWrapper } from '../../../transforms/generate/plugin-wrapper';
import { releaseOf } from '../../repo/backstage-release';
import { versionForRelease } from '../../repo/release-table';
import { FileStatus, FileTree } from '../../commit/tree';
import { PackageInfo } from '../../repo/workspace';
import { LEGACY_PLUGIN_MODULE } from '../../../transforms/new-backend-index';
import { Context, Plugin, typesPath, pluginEnvironmentFields, packageJsonOf } from './context';
import { WiringForm } from './report';

/** A module the tool generates in src/plugins/<id>.ts: the legacy createPlugin(env), or the new-system wrapper. */
export type GeneratedModule = { readonly kind: 'legacy'; readonly module: LegacyPluginModule } | { readonly kind: 'wrapper'; readonly wrapper: PluginWrapper };

export function printGenerated(generated: GeneratedModule, format: ModuleFormat): string {
  return generated.kind === 'legacy' ? printLegacyPluginModule(generated.module, format) : printPluginWrapper(generated.wrapper, format);
}

/**
 * The module the tool generates for a plugin wired through createRouter: it
 * passes every option of createRouter that the environment provides under
 * the same name; a required option the environment lacks is left out (so tsc
 * points at it) and reported. The wrapper takes each option from its core
 * service instead.
 */
export async function pluginModule(context: Context, plugin: Plugin, form: WiringForm, modulePath: string, warnings: string[]): Promise<GeneratedModule> {
  if (form === 'wrapper') return { kind: 'wrapper', wrapper: pluginWrapper(context, plugin, modulePath, warnings) };
  const display = context.tree.display(modulePath);
  let environment: readonly string[] = LEGACY_BRIDGE_ENVIRONMENT;
  if (form === 'legacy') {
    const fields = pluginEnvironmentFields(context);
    if (!fields) warnings.push(`${context.tree.display(typesPath(context))}: no PluginEnvironment type found; assuming create-app's fields`);
    environment = fields ?? CREATE_APP_ENVIRONMENT;
  }
  const known = plugin.shape.routerOptions;
  let options: { name: string; value: string }[];
  if (!known) {
    options = [{ name: 'logger', value: 'env.logger' }];
    warnings.push(`${display}: could not read the options of ${plugin.pkg.name}'s createRouter; passed logger only, check the file`);
  } else {
    options = known.filter(option => environment.includes(option.name)).map(option => ({ name: option.name, value: `env.${option.name}` }));
    const missing = known.filter(option => !option.optional && !environment.includes(option.name)).map(option => option.name);
    if (missing.length) {
      warnings.push(
        `${display}: createRouter of ${plugin.pkg.name} needs ${missing.join(', ')}, which the plugin environment does not provide: finish the file by hand (tsc will point at it)`,
      );
    }
  }
  return {
    kind: 'legacy',
    module: { packageName: plugin.pkg.name, options, environment: form === 'legacy' ? PLUGIN_ENVIRONMENT : ROUTER_OPTIONS_ENVIRONMENT },
  };
}

/** Where a router option is declared, for messages: `plugins/x/src/service/router.ts:7`. */
export function declaredAt(context: Context, option: OptionProperty): string {
  if (!option.file) return 'its RouterOptions';
  const file = path.relative(context.tree.root, option.file).split(path.sep).join('/');
  return option.line ? `${file}:${option.line}` : file;
}

/** The new-system wrapper of a legacy-only plugin, from its router options as introspection read them. */
export function pluginWrapper(context: Context, plugin: Plugin, modulePath: string, warnings: string[]): PluginWrapper {
  const declared = plugin.shape.routerOptions?.map(option => ({ ...option, where: option.file ? declaredAt(context, option) : undefined }));
  const planned = planPluginWrapper(plugin.id, plugin.pkg.name, declared, context.tree.display(modulePath));
  warnings.push(...planned.warnings);
  return planned.wrapper;
}

/**
 * The range for @backstage/backend-plugin-api, which the wrapper imports:
 * `backstage:^` where the backend uses that protocol, else the installed
 * version, else what the installed backend-defaults depends on.
 */
export function pluginApiRange(context: Context, warnings: string[]): string {
  const deps = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  if (Object.entries(deps).some(([name, range]) => name.startsWith('@backstage/') && range === 'backstage:^')) return 'backstage:^';
  for (const base of [context.backendDir, context.tree.root]) {
    const installed = context.workspace.findByName(base, PLUGIN_API);
    if (installed && typeof installed.json.version === 'string') return `^${installed.json.version}`;
  }
  const defaults = context.workspace.findByName(context.backendDir, '@backstage/backend-defaults');
  const fromDefaults = ((defaults?.json.dependencies ?? {}) as Record<string, unknown>)[PLUGIN_API];
  if (typeof fromDefaults === 'string' && !fromDefaults.startsWith('workspace:')) return fromDefaults;
  const atRelease = rangeAtRelease(context, PLUGIN_API, warnings);
  if (atRelease) return atRelease;
  throw new WireError(
    `${context.tree.display(context.backendJsonPath)}: the new-system wrapper needs ${PLUGIN_API}, and no version of it was found (not installed, not a dependency of @backstage/backend-defaults, no backstage.json naming the release): add it to the backend's dependencies, or a backstage.json with your Backstage release`,
  );
}

/**
 * The range of a package at the repository's release (backstage.json), by
 * wire-plugin's release table: for a fresh clone before `yarn install`,
 * where neither the package nor backend-defaults is installed. A release
 * without a row reads the nearest row below, and a row the registry lacks
 * the package for the nearest version below, each with a warning.
 */
export function rangeAtRelease(context: Context, name: string, warnings: string[]): string | undefined {
  const release = releaseOf(context.root);
  const found = release ? versionForRelease(name, release) : undefined;
  if (!found || !release) return undefined;
  const minor = /^(\d+\.\d+)/.exec(release)?.[1];
  if (found.hole || found.row !== minor) {
    warnings.push(
      found.hole
        ? `${name}: the registry has no version of it for Backstage ${minor}; ${found.range}, the nearest below (${found.row}'s), is added: check it against your release`
        : `backstage.json's release ${release} has no row in wire-plugin's version table: ${name} ${found.range} comes from the nearest release below it, ${found.row}; check it against your release`,
    );
  }
  return found.range;
}

/** Whether `existing` is what the tool writes for this module, in Backstage's style or the repo's. */
export async function isGenerated(context: Context, modulePath: string, module: GeneratedModule, existing: string): Promise<boolean> {
  // The common case needs no prettier: the file as the tool writes it with Backstage's defaults.
  if (existing === printGenerated(module, { ...BACKSTAGE_FORMAT, endOfLine: context.eol })) return true;
  const resolved = await resolveModuleFormat(modulePath, context.eol, context.tree.display(modulePath), packageJsonOf(context));
  return existing === printGenerated(module, resolved.format);
}

/**
 * Creates src/plugins/<id>.ts, or leaves an existing one alone: a differing
 * file is the user's to keep unless --force, and must at least export a default.
 */
export async function writePluginModule(context: Context, modulePath: string, module: GeneratedModule, warnings: string[]): Promise<FileStatus> {
  const { tree } = context;
  const display = tree.display(modulePath);
  const existing = tree.read(modulePath) ?? siblingModule(tree, modulePath);
  if (existing !== undefined && (await isGenerated(context, modulePath, module, existing))) return 'unchanged';
  if (existing !== undefined && !context.options.force) {
    if (!exportsDefault(existing, display)) {
      const expected = module.kind === 'legacy' ? 'export default async function createPlugin(env)' : 'export default createBackendPlugin(...)';
      throw new WireError(`${display}: exists but has no default export: expected \`${expected}\` (pass --force to replace it)`);
    }
    warnings.push(`${display}: kept as it is (it differs from what wire-plugin generates; pass --force to replace it)`);
    return 'unchanged';
  }
  const resolved = await resolveModuleFormat(modulePath, context.eol, display, packageJsonOf(context));
  if (resolved.warning) warnings.push(resolved.warning);
  tree.write(modulePath, printGenerated(module, resolved.format));
  return tree.status(modulePath);
}

/** `plugins/<id>/index.ts` or `plugins/<id>.js` also satisfy `import x from './plugins/<id>'`. */
export function siblingModule(tree: FileTree, modulePath: string): string | undefined {
  const base = modulePath.replace(/\.ts$/, '');
  for (const candidate of [`${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    const content = tree.read(candidate);
    if (content !== undefined) return content;
  }
  return undefined;
}

export function exportsDefault(source: string, display: string): boolean {
  const ast = parseTypeScript(source, display);
  return ast.program.body.some(
    s =>
      s.type === 'ExportDefaultDeclaration' ||
      (s.type === 'ExportNamedDeclaration' && s.specifiers.some(sp => sp.exported.type === 'Identifier' && sp.exported.name === 'default')),
  );
}

/**
 * The range for @backstage/backend-common, which the legacyPlugin bridge
 * needs: `backstage:^` where the backend uses that protocol for Backstage
 * packages, else what the bridged plugin depends on, else the installed version.
 */
export function backendCommonRange(context: Context, bridged: PackageInfo, warnings: string[]): string {
  const deps = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  if (Object.entries(deps).some(([name, range]) => name.startsWith('@backstage/') && range === 'backstage:^')) return 'backstage:^';
  const fromPlugin = ((bridged.json.dependencies ?? {}) as Record<string, unknown>)[LEGACY_PLUGIN_MODULE];
  if (typeof fromPlugin === 'string' && !fromPlugin.startsWith('workspace:')) return fromPlugin;
  for (const base of [context.backendDir, context.tree.root]) {
    const installed = path.join(base, 'node_modules', '@backstage', 'backend-common', 'package.json');
    if (fs.existsSync(installed)) return `^${JSON.parse(fs.readFileSync(installed, 'utf8')).version}`;
  }
  const atRelease = rangeAtRelease(context, LEGACY_PLUGIN_MODULE, warnings);
  if (atRelease) return atRelease;
  throw new WireError(
    `${context.tree.display(context.backendJsonPath)}: the legacyPlugin bridge needs ${LEGACY_PLUGIN_MODULE}, and no version of it was found (not in the plugin's dependencies, not installed, no backstage.json naming the release): add it to the backend's dependencies, or a backstage.json with your Backstage release`,
  );
}
