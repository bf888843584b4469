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
import { releaseOf } from '../../repo/backstage-release';
import { isPackageArgument, resolveTarget, validateTargetArguments } from '../../repo/targets';
import { FileTree } from '../../commit/tree';
import { validateRange, Workspace } from '../../repo/workspace';
import { Context, Plugin } from './context';
import { planAddition } from './plan-addition';
import { planRemoval, findTargetToRemove } from './plan-removal';
import { legacyWiredId } from './legacy-wired-id';
import { WireOptions, FileReport, BackendReport, BackendPlan } from './report';

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
    // A package named by its name, wired under another id by a plugin module of the legacy index.ts: that id.
    const wiredAs = isPackageArgument(argument) ? legacyWiredId(context, target.id, target.pkg.name) : undefined;
    const warnings = wiredAs ? [`${target.pkg.name}: wired as ${wiredAs.id} (${tree.display(wiredAs.file)} imports it), not as ${target.id}: taken as ${wiredAs.id}`] : [];
    plugins.push({ ...target, ...(wiredAs ? { id: wiredAs.id } : {}), shape: await readPluginShape(target.pkg.dir, target.pkg.json), warnings });
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
