/**
 * The library: plan the wiring (or unwiring) of backend plugins into a
 * Backstage backend of either system, every change computed in memory and
 * re-parsed, then commit it all or nothing. Never prints, never exits:
 * callers get a report or a WireError.
 */
import * as path from 'path';
import { installCommand, locateBackend, readBackend } from '../../repo/backend';
import { addedDependencyNames, removedDependencyNames } from './backend-imports';
import { validateChanges } from '../../commit/commit';
import { WireError } from '../../../transforms/lib/errors';
import { forgetPrettierConfigs } from '../../commit/format';
import { readPluginShape } from '../../repo/plugin-introspection';
import { legacyPluginVerdict, releaseOf } from '../../repo/backstage-release';
import { isPackageArgument, resolveTarget, validateTargetArguments } from '../../repo/targets';
import { FileTree } from '../../commit/tree';
import { validateRange, Workspace } from '../../repo/workspace';
import { isPluginModuleBridge } from '../../../transforms/new-backend-index';
import { Context, Plugin, newBackendOf } from './context';
import { planAddition } from './plan-addition';
import { planRemoval, findTargetToRemove } from './plan-removal';
import { WiringForm, WireOptions, FileReport, BackendReport, BackendPlan } from './report';

export type { BackendSystem, SystemChoice } from '../../repo/backend';
export * from './report';

/** Validates the options that need no file. */
export function validateOptions(options: WireOptions): void {
  const args = [...new Set(options.plugins)];
  validateTargetArguments(args);
  if (args.length > 1 && (options.packageName !== undefined || options.range !== undefined)) {
    throw new WireError('--package and --range name one plugin: pass a single plugin id with them');
  }
  if (options.range !== undefined) validateRange(options.range);
}

/** Computes everything the backend half of a run would do, writing nothing. */
export async function planBackendWiring(options: WireOptions, shared?: { readonly workspace: Workspace; readonly tree: FileTree }): Promise<BackendPlan> {
  validateOptions(options);
  forgetPrettierConfigs();
  const args = [...new Set(options.plugins)];
  const location = locateBackend(options);
  const files = readBackend(location, options.system ?? 'auto', args.filter(arg => !isPackageArgument(arg)), shared?.tree);
  const { tree, root, backend } = files;
  const context: Context = { ...files, options, workspace: shared?.workspace ?? new Workspace(root, [[files.backendJsonPath, files.backendJson]]), memo: {} };
  const backendJsonDisplay = tree.display(files.backendJsonPath);

  const plugins: Plugin[] = [];
  for (const argument of args) {
    const target = options.remove
      ? findTargetToRemove(context, argument)
      : resolveTarget(context.workspace, { ...files, backendJsonDisplay, release: () => releaseOf(files.root) }, argument, options);
    // One package named twice (as an id and as a name) is wired once.
    if (plugins.some(p => p.pkg.name === target.pkg.name)) continue;
    plugins.push({ ...target, shape: await readPluginShape(target.pkg.dir, target.pkg.json), warnings: [] });
  }
  const reports = options.remove ? await planRemoval(context, plugins) : await planAddition(context, plugins);

  const changes = tree.changes();
  validateChanges(changes, context.indexEdits && new Map([[context.indexPath, { ast: files.ast, edits: context.indexEdits }]]));
  const seen = new Map<string, FileReport>();
  for (const plugin of reports) {
    for (const file of plugin.files) {
      if (!seen.has(file.path)) seen.set(file.path, { path: file.path, status: tree.status(path.join(root, file.path)) });
    }
  }
  const plannedJson = tree.read(files.backendJsonPath) ?? '';
  const addedDependencies = options.remove ? [] : addedDependencyNames(files.backendJson, plannedJson);
  const removedDependencies = options.remove ? removedDependencyNames(files.backendJson, plannedJson) : [];
  const report: BackendReport = {
    root,
    backend,
    system: context.system,
    action: options.remove ? 'remove' : 'wire',
    plugins: reports,
    files: [...seen.values()],
    warnings: reports.flatMap(p => p.warnings),
    changed: changes.length > 0,
    written: false,
    addedDependencies,
    removedDependencies,
    nextStep: addedDependencies.length ? installCommand(root) : undefined,
  };
  return { report, changes };
}

/** How a plugin goes into this backend, from what the plugin exports. */
export function chooseForm(context: Context, plugin: Plugin): WiringForm {
  const { shape, pkg } = plugin;
  const read = shape.entry ? ` (read ${path.relative(context.tree.root, shape.entry).split(path.sep).join('/')})` : '';
  const neither = (): WireError =>
    new WireError(`${pkg.name}: exports neither createRouter nor a backend feature as its default export${read}: there is nothing to wire`);
  if (plugin.role === 'module') {
    if (context.system === 'legacy') {
      throw new WireError(
        `${pkg.name} is a backend module (of the ${plugin.id} plugin) for the new backend system, so it cannot be wired into the legacy backend in ${context.indexDisplay}: migrate the backend to the new backend system first (wire-plugin migrate)`,
      );
    }
    if (shape.feature) return 'feature';
    if (shape.feature === false) {
      throw new WireError(`${pkg.name}: a backend module whose default export is no backend feature${read} (at its root or any subpath it exports): there is nothing to wire`);
    }
    plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature at its root`);
    return 'feature';
  }
  if (context.system === 'legacy') {
    if (shape.createRouter) return 'legacy';
    if (shape.createRouter === false) {
      if (!shape.feature) throw neither();
      throw new WireError(
        `${pkg.name} is a new-backend-system plugin (its default export is a backend feature and it exports no createRouter), so it cannot be wired into the legacy backend in ${context.indexDisplay}: migrate the backend to the new backend system (createBackend from @backstage/backend-defaults), or export a createRouter from the plugin`,
      );
    }
    plugin.warnings.push(`${pkg.name}: could not read its exports; wiring it as a legacy plugin with createRouter`);
    return 'legacy';
  }
  if (shape.feature) return 'feature';
  if (shape.createRouter) return legacyOnlyForm(context, plugin);
  if (shape.feature === false && shape.createRouter === false) throw neither();
  plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature`);
  return 'feature';
}

/**
 * A legacy-only plugin in a new backend: the legacyPlugin bridge where the
 * release still runs it (up to 1.31), else the new-system wrapper; a bridge
 * that index.ts already has stays (with a warning where it will not start).
 */
function legacyOnlyForm(context: Context, plugin: Plugin): WiringForm {
  const verdict = legacyPluginVerdict(context.root, context.backendDir);
  const bridged = newBackendOf(context)?.adds.some(add => isPluginModuleBridge(add, plugin.id));
  if (bridged) {
    if (!verdict.works) {
      plugin.warnings.push(
        `${context.indexDisplay}: ${plugin.id} is added through legacyPlugin(), which fails at startup on this release (${verdict.decidedBy}): run wire-plugin ${plugin.id} --remove, then wire it again for a new-system wrapper`,
      );
    }
    return 'legacy-bridge';
  }
  return verdict.works ? 'legacy-bridge' : 'wrapper';
}
