/**
 * Every mount of the legacy backend, decided in order: the service root
 * first, then the api router's; a plugin called with more than its env
 * through an adapter (./decide-adapter), one mounted below another plugin's
 * path as a module of that plugin, the rest by ./decide-plugin.
 */
import * as path from 'path';
import type { Node } from '@babel/types';
import { resolveModuleFormat } from '../../commit/format';
import { printPluginWrapper } from '../../../transforms/generate/plugin-wrapper';
import { readPluginModule } from './classify-plugin';
import type { LegacyStatements, PluginMount } from './legacy-statements';
import { COMMON_PACKAGE, Context, DEFAULTS_PACKAGE, moduleFile, parsedModule, pluginEnvironmentFields } from './context';
import type { BehaviourEntry } from './behaviour';
import type { MigratedPlugin } from './report';
import { Decision, decidePlugin } from './decide-plugin';
import { adapterWithFields, decideAdapter, extraFieldsGiven, PluginAdapter } from './decide-adapter';

/** Mounts on the service root (the app plugin) first, then the api router's in the order they were mounted. */
export function orderedMounts(statements: LegacyStatements): LegacyStatements['mounts'] {
  return [...statements.mounts].sort((a, b) => Number(a.route !== '') - Number(b.route !== '') || a.line - b.line);
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
    const decision: Decision & { adapter?: PluginAdapter } = mount.call
      ? decideAdapter(context, statements, mount)
      : await decidePlugin(context, mount.module, mount.route || mount.envId || path.basename(mount.module), environment, mount.line, mount.exportName);
    if (decision.refusal) {
      decided.refused.push(decision.refusal);
      continue;
    }
    const given = !mount.call && decision.plugin.target === 'bridge' ? extraFieldsGiven(decision.modulePath, statements) : [];
    const withFields = given.length ? { ...decision, ...adapterWithFields(context, statements, mount, decision, given) } : decision;
    if (withFields.adapter) decided.adapters.push(withFields.adapter);
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
