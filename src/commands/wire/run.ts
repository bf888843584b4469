/**
 * The library's wiring entry points: a run wires (or unwires) both halves of
 * each plugin it names, the backend plugin into packages/backend and the
 * frontend plugin into packages/app, planned in memory, re-parsed, then
 * written all or nothing. Never prints, never exits: callers get a report or
 * a WireError.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../../transforms/lib/errors';
import { commitChanges, validateChanges } from '../../commit/commit';
import { acquireLock, Lock } from '../../commit/lock';
import { FileChange, FileTree } from '../../commit/tree';
import { installCommand } from '../../repo/backend';
import { findRepoRoot, Workspace } from '../../repo/workspace';
import { addedDependencyNames, removedDependencyNames } from './backend-imports';
import { locateApp, readApp } from '../../repo/app';
import { planFrontend } from './frontend/plan';
import type { FrontendReport } from './frontend/types';
import { splitHalves } from './halves';
import { BackendReport, BackendSystem, FileReport, planBackendWiring, validateOptions, WireOptions } from './wire';

/** A run's report: the backend half's (as it always was), and the frontend half's where the run had one. */
export interface WireReport extends Omit<BackendReport, 'backend' | 'system'> {
  /** The backend package folder, relative to the root; absent when the run had no backend half. */
  readonly backend?: string;
  readonly system?: BackendSystem;
  /** The frontend half, when the run had one. */
  readonly frontend?: FrontendReport;
  /** What the tool did not do, with the lines to add by hand. */
  readonly manualSteps: readonly string[];
}

export interface WirePlan {
  readonly report: WireReport;
  readonly changes: readonly FileChange[];
}

/** Where the halves live: the backend and app folders that exist (or were named). */
function locate(options: WireOptions): { root: string; backendDir?: string; appDir?: string; app?: string; cwd: string } {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (!fs.existsSync(cwd)) throw new WireError(`${cwd}: no such folder`);
  const root = findRepoRoot(cwd);
  const backendDir = options.backend ? path.resolve(cwd, options.backend) : path.join(root, 'packages', 'backend');
  const hasBackend = fs.existsSync(path.join(backendDir, 'package.json'));
  const app = options.only === 'backend' ? undefined : locateApp(root, options);
  if (!hasBackend && (options.backend || options.only === 'backend' || !app)) {
    const shown = path.relative(root, backendDir).split(path.sep).join('/') || '.';
    throw new WireError(`${shown}/package.json: not found: expected the backend package there (pass --backend DIR)`);
  }
  return { root, cwd, backendDir: hasBackend ? backendDir : undefined, appDir: app?.appDir, app: app?.app };
}

/** Computes everything a run would do, writing nothing. */
export async function planWiring(options: WireOptions): Promise<WirePlan> {
  validateOptions(options);
  const where = locate(options);
  const args = [...new Set(options.plugins)];
  // One tree and one workspace for both halves: every file is read from disk once, and app-config.yaml edits add up.
  const tree = new FileTree(where.root);
  const workspace = new Workspace(where.root, [], file => tree.read(file));
  const halves = splitHalves(workspace, args, { ...where, only: options.only, packageName: options.packageName, remove: options.remove });
  const backend = halves.backend.length
    ? await withHalfHint(() => planBackendWiring({ ...options, plugins: halves.backend }, { workspace, tree }), 'frontend', halves.frontend.length > 0, args, options)
    : undefined;
  if (!halves.frontend.length) {
    if (!backend) throw new WireError('nothing to wire: no backend or frontend plugin found for ' + args.join(', '));
    return { report: { ...backend.report, manualSteps: halves.notes }, changes: backend.changes };
  }
  const files = readApp(tree, { appDir: where.appDir as string, app: where.app as string });
  const frontend = await withHalfHint(async () => planFrontend({ tree, files, remove: Boolean(options.remove), range: options.range }, workspace, halves.frontend), 'backend', halves.backend.length > 0, args, options);
  const changes = tree.changes();
  const backendAfter = new Map((backend?.changes ?? []).map(change => [change.path, change.after]));
  validateChanges(changes.filter(change => backendAfter.get(change.path) !== change.after || !backendAfter.has(change.path)));
  return { report: mergeReports(where.root, options, backend?.report, frontend, tree, files.appJsonPath, files.appJson, halves.notes), changes };
}

/** One half refused where the other half was found too: the hint says how to wire that other half alone. */
async function withHalfHint<T>(plan: () => Promise<T>, other: 'backend' | 'frontend', hasOther: boolean, args: readonly string[], options: WireOptions): Promise<T> {
  try {
    return await plan();
  } catch (error) {
    if (!(error instanceof WireError) || !hasOther || options.only || options.remove) throw error;
    const hint = `hint: wire-plugin ${args.join(' ')} --only ${other} wires the ${other} half alone`;
    throw new WireError(error.message, error.hint ? `${error.hint}\n${hint}` : hint);
  }
}

function mergeReports(
  root: string,
  options: WireOptions,
  backend: Awaited<ReturnType<typeof planBackendWiring>>['report'] | undefined,
  frontend: FrontendReport,
  tree: FileTree,
  appJsonPath: string,
  appJson: Record<string, unknown>,
  notes: readonly string[],
): WireReport {
  const seen = new Map<string, FileReport>();
  for (const file of [...(backend?.files ?? []), ...frontend.plugins.flatMap(p => p.files)]) {
    seen.set(file.path, { path: file.path, status: tree.status(path.join(root, file.path)) });
  }
  const appAfter = tree.read(appJsonPath) ?? '';
  const added = [...(backend?.addedDependencies ?? []), ...(options.remove ? [] : addedDependencyNames(appJson, appAfter))];
  const removed = [...(backend?.removedDependencies ?? []), ...(options.remove ? removedDependencyNames(appJson, appAfter) : [])];
  return {
    root,
    backend: backend?.backend,
    system: backend?.system,
    action: options.remove ? 'remove' : 'wire',
    plugins: backend?.plugins ?? [],
    frontend,
    files: [...seen.values()],
    warnings: [...(backend?.warnings ?? []), ...frontend.plugins.flatMap(p => p.warnings)],
    manualSteps: [...notes, ...frontend.plugins.flatMap(p => p.manualSteps)],
    changed: tree.changes().length > 0,
    written: false,
    addedDependencies: added,
    removedDependencies: removed,
    nextStep: added.length ? installCommand(root) : undefined,
  };
}

/** Writes a plan's changes, all or nothing. */
export function applyPlan(plan: WirePlan): WireReport {
  commitChanges(plan.changes);
  return { ...plan.report, written: plan.changes.length > 0 };
}

/**
 * Takes the repo's lock for a run that writes (`.wire-plugin.lock` beside
 * the backend's package.json, else the app's): concurrent runs on one repo
 * take turns. Release it when done.
 */
export async function lockBackend(options: WireOptions, timeoutMs?: number): Promise<Lock> {
  validateOptions(options);
  const where = locate(options);
  const dir = (where.backendDir ?? where.appDir) as string;
  return acquireLock(dir, path.relative(where.root, dir).split(path.sep).join('/') || '.', timeoutMs);
}

/** Plans and, unless `dryRun`, writes, holding the repo's lock: the whole job. */
export async function wirePlugins(options: WireOptions & { dryRun?: boolean }): Promise<WireReport> {
  if (options.dryRun) return (await planWiring(options)).report;
  const lock = await lockBackend(options);
  try {
    return applyPlan(await planWiring(options));
  } finally {
    lock.release();
  }
}
