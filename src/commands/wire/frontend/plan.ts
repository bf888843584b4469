/**
 * The frontend half of a run: for each frontend plugin, the dependency in
 * the app's package.json, then the app's files by its frontend system, all
 * into the run's file tree; a report per plugin.
 */
import * as path from 'path';
import { applyChanges } from '../../../../transforms/lib/changes';
import { DependencyEntry, planDependencies, planDependencyRemoval } from '../../../../transforms/package-json-dependency';
import { Workspace } from '../../../repo/workspace';
import { sourceFileNaming } from '../backend-imports';
import { planLegacyFrontend } from './legacy';
import { planNewFrontend } from './new-system';
import { FrontendContext, FrontendPluginReport, FrontendReport, FrontendTarget, newWork, PieceWork } from './types';

export function planFrontend(context: FrontendContext, workspace: Workspace, targets: readonly FrontendTarget[]): FrontendReport {
  const { tree, files, remove } = context;
  const works = targets.map(() => newWork());
  // Wiring adds the dependency first; removing takes it out last, once the app's files show what still imports it.
  const ranges = remove ? [] : planAppDependencies(context, workspace, targets, works);
  targets.forEach((target, i) => {
    if (files.system === 'legacy') planLegacyFrontend(context, target.plugin, works[i]);
    else planNewFrontend(context, target.plugin, works[i]);
  });
  if (remove) removeAppDependencies(context, targets, works);
  const plugins = targets.map((target, i): FrontendPluginReport => {
    const work = works[i];
    const order = [files.appJsonPath, ...[...work.paths].filter(p => p !== files.appJsonPath)];
    const reported = order.filter(p => work.paths.has(p));
    const pieceChanged = work.pieces.some(piece => piece.state === 'added' || piece.state === 'removed');
    const fileReports = reported.map(p => ({ path: tree.display(p), status: tree.status(p) }));
    const changed = pieceChanged;
    return {
      requested: target.requested,
      id: target.plugin.pluginId,
      packageName: target.plugin.pkg.name,
      role: target.plugin.role,
      range: ranges[i],
      pieces: work.pieces,
      files: fileReports,
      warnings: work.warnings,
      manualSteps: work.manualSteps,
      changed,
      alreadyWired: remove ? undefined : !changed,
    };
  });
  return { app: files.app, system: files.system, plugins };
}

/** The app's package.json: every plugin's dependency added, in one edit of the file. */
function planAppDependencies(context: FrontendContext, workspace: Workspace, targets: readonly FrontendTarget[], works: PieceWork[]): (string | undefined)[] {
  const { tree, files } = context;
  const display = tree.display(files.appJsonPath);
  const text = tree.read(files.appJsonPath) as string;
  const declared = (files.appJson.dependencies ?? {}) as Record<string, unknown>;
  works.forEach(work => work.paths.add(files.appJsonPath));
  const entries: DependencyEntry[] = targets.map(({ plugin }) => ({
    name: plugin.pkg.name,
    range: typeof declared[plugin.pkg.name] === 'string' ? (declared[plugin.pkg.name] as string) : workspace.chooseRange(files.appJson, plugin.pkg, context.range),
  }));
  const plan = planDependencies(text, display, entries);
  tree.write(files.appJsonPath, applyChanges(text, plan.changes));
  targets.forEach((_, i) => {
    works[i].pieces.push({ kind: 'dependency', where: display, state: plan.existingRanges[i] === undefined ? 'added' : 'present' });
    if (i === 0) works[i].warnings.push(...plan.warnings);
  });
  return entries.map(entry => entry.range);
}

/**
 * Removing: each plugin's dependency taken out of the app's package.json, in
 * one edit, but for a package a file of the app still imports once its
 * wiring is out (a use the tool does not write, such as a tab made by a
 * function of the app's own): the build would break at the next install.
 */
function removeAppDependencies(context: FrontendContext, targets: readonly FrontendTarget[], works: PieceWork[]): void {
  const { tree, files } = context;
  const display = tree.display(files.appJsonPath);
  const text = tree.read(files.appJsonPath) as string;
  const users = targets.map(target => sourceFileNaming(files.appDir, target.plugin.pkg.name, file => tree.read(file)));
  const going = targets.filter((_, i) => users[i] === undefined).map(target => target.plugin.pkg.name);
  const plan = planDependencyRemoval(text, display, going);
  tree.write(files.appJsonPath, applyChanges(text, plan.changes));
  targets.forEach((target, i) => {
    const work = works[i];
    work.paths.add(files.appJsonPath);
    const user = users[i];
    if (user !== undefined) {
      work.pieces.unshift({ kind: 'dependency', where: display, state: 'present' });
      work.warnings.push(`${display}: kept ${target.plugin.pkg.name}: ${tree.display(user)} still imports it (take that use out by hand, then run --remove again)`);
      return;
    }
    const removed = plan.existingRanges[going.indexOf(target.plugin.pkg.name)] !== undefined;
    work.pieces.unshift({ kind: 'dependency', where: display, state: removed ? 'removed' : 'absent' });
  });
}

export const appRelative = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');
