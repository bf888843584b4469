/**
 * Planning `--remove`: the index.ts statements, the discovery list entry,
 * the generated module when it is still what the tool writes, and the
 * dependencies, including those wiring added for its generated code.
 */
import { backendFileNaming, importsModule } from './backend-imports';
import { applyChanges } from '../../../transforms/lib/changes';
import { WireError } from '../../../transforms/lib/errors';
import { backstageIdentity, identityFromName } from '../../../transforms/lib/package-names';
import { PLUGIN_API } from '../../../transforms/generate/plugin-wrapper';
import { releaseOf } from '../../repo/backstage-release';
import { planDiscoveryList } from '../../../transforms/app-config-packages';
import { findPackageByName, isPackageArgument, PluginTarget, resolveTarget } from '../../repo/targets';
import { planLegacyRemoval } from '../../../transforms/legacy-index-remove';
import { LEGACY_PLUGIN_MODULE } from '../../../transforms/new-backend-index';
import { planNewBackendRemoval } from '../../../transforms/new-backend-index-remove';
import { planDependencyRemoval } from '../../../transforms/package-json-dependency';
import { Context, writeIndex, Plugin, newBackendOf, discoveryOf, reportedIdentity, pluginModulePath } from './context';
import type { FeatureDiscovery } from '../../repo/feature-discovery';
import { pluginModule, isGenerated } from './generated-module';
import { WiringForm, FileReport, PluginReport } from './report';

/** `--remove`, as a pipeline: index.ts, the discovery list, the generated modules, the dependencies, the report. */
export async function planRemoval(context: Context, plugins: Plugin[]): Promise<PluginReport[]> {
  const index = removeFromIndex(context, plugins);
  const discovery = context.system === 'new' ? discoveryOf(context) : undefined;
  const listed = removeFromDiscoveryList(context, plugins, discovery);
  const modulePaths = plugins.map(p => pluginModulePath(context, p.id));
  // The plugin modules first: a wrapper that goes may take the backend's last use of backend-plugin-api with it.
  const modules: ModuleRemoval[] = [];
  for (const [i, plugin] of plugins.entries()) modules.push(await removeGeneratedModule(context, plugin, modulePaths[i]));
  const dependencies = removeDependencies(context, plugins, index.removesBridgeImport, modules, modulePaths);
  return plugins.map((plugin, i) => {
    const { tree } = context;
    const files: FileReport[] = [{ path: tree.display(context.backendJsonPath), status: dependencies.removedOwn[i] ? 'updated' : 'unchanged' }];
    if (modules[i].existed) files.push({ path: tree.display(modulePaths[i]), status: tree.status(modulePaths[i]) });
    if (listed[i] && discovery) files.push({ path: tree.display(discovery.configPath), status: 'updated' });
    files.push({ path: context.indexDisplay, status: index.plugins[i].removed ? 'updated' : 'unchanged' });
    return {
      requested: plugin.requested,
      ...reportedIdentity(plugin, context.system === 'new' && plugin.shape.feature ? 'feature' : undefined),
      packageName: plugin.pkg.name,
      files,
      warnings: [...plugin.warnings, ...index.plugins[i].warnings, ...modules[i].warnings, ...(i === 0 ? dependencies.notes : [])],
      changed: files.some(f => f.status !== 'unchanged'),
    };
  });
}

interface IndexRemoval {
  readonly plugins: readonly { removed: boolean; warnings: readonly string[] }[];
  /** The bridge's `legacyPlugin` import went with the last bridged plugin. */
  readonly removesBridgeImport: boolean;
}

/** Takes each plugin's statements out of index.ts, in either system. */
function removeFromIndex(context: Context, plugins: readonly Plugin[]): IndexRemoval {
  const { indexText, indexDisplay, ast } = context;
  if (context.system === 'legacy') {
    const plan = planLegacyRemoval(indexText, plugins.map(p => p.id), indexDisplay, ast, context.legacy);
    writeIndex(context, plan.changes);
    return { plugins: plan.plugins.map(p => ({ removed: p.removed.length > 0, warnings: p.warnings })), removesBridgeImport: false };
  }
  const requests = plugins.map(p => ({ id: p.id, packageName: p.pkg.name, module: p.role === 'module', alsoModules: p.role === 'module' ? [] : [`./plugins/${p.id}`] }));
  const plan = planNewBackendRemoval(indexText, requests, indexDisplay, ast, newBackendOf(context));
  writeIndex(context, plan.changes);
  return { plugins: plan.plugins.map(p => ({ removed: p.removed > 0, warnings: p.warnings })), removesBridgeImport: plan.removesLegacyPluginImport };
}

/** Under discovery: out of the include list too (an exclude list is left: without the dependency, nothing is discovered). Which plugins changed it. */
function removeFromDiscoveryList(context: Context, plugins: readonly Plugin[], discovery: FeatureDiscovery | undefined): boolean[] {
  const changed = plugins.map(() => false);
  if (discovery?.configText === undefined) return changed;
  let config = discovery.configText;
  for (const [i, plugin] of plugins.entries()) {
    const list = planDiscoveryList(config, context.tree.display(discovery.configPath), plugin.pkg.name, true);
    config = applyChanges(config, list.changes);
    changed[i] = list.changes.length > 0;
  }
  if (config !== discovery.configText) context.tree.write(discovery.configPath, config);
  return changed;
}

interface ModuleRemoval {
  readonly warnings: string[];
  readonly deleted: boolean;
  readonly existed: boolean;
  readonly importsPluginApi: boolean;
}

/** Deletes the plugin's `src/plugins/<id>.ts` when it is still what the tool generates (in any form it could have), or with --force. */
async function removeGeneratedModule(context: Context, plugin: Plugin, modulePath: string): Promise<ModuleRemoval> {
  const { tree } = context;
  const existing = plugin.role === 'module' ? undefined : tree.read(modulePath);
  if (existing === undefined) return { warnings: [], deleted: false, existed: false, importsPluginApi: false };
  const forms: WiringForm[] = context.system === 'legacy' ? ['legacy'] : ['legacy-bridge', 'wrapper'];
  let generated = Boolean(context.options.force);
  for (const form of forms) {
    if (generated) break;
    try {
      generated = await isGenerated(context, modulePath, await pluginModule(context, plugin, form, modulePath, []), existing);
    } catch (error) {
      // A wrapper that could not be generated (an option no service covers) is not what the tool wrote.
      if (!(error instanceof WireError)) throw error;
    }
  }
  if (!generated) return { warnings: [`${tree.display(modulePath)}: kept (it differs from what wire-plugin generates; pass --force to delete it)`], deleted: false, existed: true, importsPluginApi: false };
  tree.delete(modulePath);
  return { warnings: [], deleted: true, existed: true, importsPluginApi: importsModule(existing, PLUGIN_API) };
}

/** The plugins' dependency lines, and those wiring added for its generated code when nothing imports them any more. */
function removeDependencies(context: Context, plugins: readonly Plugin[], removesBridgeImport: boolean, modules: readonly ModuleRemoval[], modulePaths: readonly string[]): { removedOwn: boolean[]; notes: string[] } {
  const generatedCode: GeneratedCodeDependency[] = [];
  if (removesBridgeImport) generatedCode.push({ name: LEGACY_PLUGIN_MODULE, for: 'legacyPlugin bridge' });
  if (context.system === 'new' && modules.some(work => work.importsPluginApi)) generatedCode.push({ name: PLUGIN_API, for: 'new-system wrapper' });
  const deletedModules = modulePaths.filter((_, i) => modules[i].deleted);
  const dependencies = dependenciesOfGeneratedCode(context, generatedCode, deletedModules);
  // A plugin's own package stays while a file of the backend still imports it (a module kept because it differs).
  const users = plugins.map(p => fileImporting(context, p.pkg.name, deletedModules));
  const notes = plugins.flatMap((p, i) => {
    const user = users[i];
    if (!user) return [];
    // The plugin's own module, kept because it differs from what the tool generates; or a file of the app's own.
    const then =
      user === context.indexPath ? '' : user === pluginModulePath(context, p.id) ? ' (remove that file, or pass --force, then run --remove again)' : ' (take that use out by hand, then run --remove again)';
    return [`${context.tree.display(context.backendJsonPath)}: kept ${p.pkg.name}: ${context.tree.display(user)} still imports it${then}`];
  });
  const own = plugins.map((p, i) => (users[i] ? undefined : p.pkg.name));
  const names = [...own.filter((name): name is string => name !== undefined), ...dependencies.removed.map(dependency => dependency.name)];
  const plan = planDependencyRemoval(context.backendJsonText, context.tree.display(context.backendJsonPath), names);
  context.tree.write(context.backendJsonPath, applyChanges(context.backendJsonText, plan.changes));
  const ranges = new Map(names.map((name, i) => [name, plan.existingRanges[i]]));
  return { removedOwn: own.map(name => name !== undefined && ranges.get(name) !== undefined), notes: [...notes, ...dependencies.notes] };
}

/** A file of the backend that imports `module` once the removal is done: index.ts as planned, else another source file on disk that stays. */
function fileImporting(context: Context, module: string, deletedModules: readonly string[]): string | undefined {
  if (importsModule(context.tree.read(context.indexPath) ?? '', module)) return context.indexPath;
  return backendFileNaming(context.backendDir, module, [context.indexPath, ...deletedModules]);
}

/** A dependency wiring adds for the code it generates, and which code that is. */
export interface GeneratedCodeDependency {
  readonly name: string;
  readonly for: 'legacyPlugin bridge' | 'new-system wrapper';
}

/**
 * When --remove takes out generated code (the bridge's import, a wrapper
 * module), the dependency wiring added for it goes too, unless a file of
 * the backend left (index.ts as it will be, any other source file under
 * src/) still names it. Nothing tells a dependency the tool added from one
 * that was there before, so the report says which went or stayed, and why.
 */
export function dependenciesOfGeneratedCode(
  context: Context,
  candidates: readonly GeneratedCodeDependency[],
  deletedModules: readonly string[],
): { removed: GeneratedCodeDependency[]; notes: string[] } {
  const { tree } = context;
  const declared = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const display = tree.display(context.backendJsonPath);
  const removed: GeneratedCodeDependency[] = [];
  const notes: string[] = [];
  for (const candidate of candidates) {
    if (!(candidate.name in declared)) continue;
    const user = fileImporting(context, candidate.name, deletedModules);
    if (user !== undefined) {
      notes.push(`${display}: kept ${candidate.name}, which wire-plugin adds for the ${candidate.for}, because ${tree.display(user)} imports it`);
      continue;
    }
    removed.push(candidate);
    notes.push(
      `${display}: removed ${candidate.name}, which wire-plugin adds for the ${candidate.for}: nothing in the backend imports it any more (add it back if it was there before for another reason)`,
    );
  }
  return { removed, notes };
}

/**
 * The target when unwiring: found as for wiring; else, for an id, the
 * backend's dependency named like its plugin; a package name needs nothing
 * installed (its adds and dependency line go by name).
 */
export function findTargetToRemove(context: Context, argument: string): PluginTarget {
  const backendJsonDisplay = context.tree.display(context.backendJsonPath);
  if (isPackageArgument(argument)) {
    const pkg = findPackageByName(context.workspace, context.backendDir, argument);
    const identity = backstageIdentity(pkg.name, pkg.json) ?? identityFromName(argument);
    if (identity) return { requested: argument, id: identity.pluginId, pkg, role: identity.role, pluginPackage: identity.pluginPackage };
    return resolveTarget(context.workspace, { ...context, backendJsonDisplay }, argument, { ...context.options, remove: true });
  }
  try {
    return resolveTarget(context.workspace, { ...context, backendJsonDisplay, release: () => releaseOf(context.root) }, argument, context.options);
  } catch (error) {
    const deps = Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>);
    const candidates = deps.filter(name => new RegExp(`(^|[/-])plugin-${argument.replace(/-/g, '\\-')}-backend$`).test(name));
    if (candidates.length === 1) return { requested: argument, id: argument, pkg: { name: candidates[0], json: {} }, role: 'plugin' };
    throw error;
  }
}

/**
 * The packages whose adds a module goes after: the plugin it extends, and
 * the backend's dependencies that are that plugin's other modules (by their
 * installed package.json, else their names).
 */
export function packagesOfPlugin(context: Context, module: Plugin): string[] {
  const packages = new Set<string>(module.pluginPackage ? [module.pluginPackage] : []);
  for (const name of Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>)) {
    if (name === module.pkg.name) continue;
    const installed = context.workspace.findByName(context.backendDir, name);
    const identity = installed ? backstageIdentity(name, installed.json) : identityFromName(name);
    if (identity?.pluginId === module.id) packages.add(name);
  }
  return [...packages];
}
