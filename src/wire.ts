/**
 * The library: plan the wiring (or unwiring) of backend plugins into a
 * Backstage backend of either system, every change computed in memory and
 * re-parsed, then commit it all or nothing. Never prints, never exits:
 * callers get a report or a WireError.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseScript } from '@babel/parser';
import type { File } from '@babel/types';
import { applyChanges } from './changes';
import { commitChanges } from './commit';
import { WireError } from './errors';
import { resolveModuleFormat } from './format';
import { preferredAlias, preferredEnvName, validatePluginId } from './naming';
import { parseTypeScript } from './parse';
import { CREATE_APP_ENVIRONMENT, LEGACY_BRIDGE_ENVIRONMENT, readPluginEnvironment } from './plugin-environment';
import { PluginShape, readPluginShape } from './plugin-introspection';
import {
  BACKSTAGE_FORMAT,
  LegacyPluginModule,
  PLUGIN_ENVIRONMENT,
  printLegacyPluginModule,
  ROUTER_OPTIONS_ENVIRONMENT,
} from './plugin-module';
import { detectEol } from './text';
import { acquireLock, Lock } from './lock';
import { FileChange, FileStatus, FileTree } from './tree';
import { findRepoRoot, PackageInfo, validateRange, Workspace } from './workspace';
import { manualLegacyLines, planLegacyWiring } from '../transforms/legacy-index';
import { planLegacyRemoval } from '../transforms/legacy-index-remove';
import { analyzeLegacyIndex, LegacyIndex } from '../transforms/lib/legacy-backend';
import { findNewBackend } from '../transforms/lib/new-backend';
import { describeMissingBackend, LEGACY_PLUGIN_MODULE, planNewBackendWiring } from '../transforms/new-backend-index';
import { planNewBackendRemoval } from '../transforms/new-backend-index-remove';
import { DependencyEntry, planDependencies, planDependencyRemoval, readPackageJson } from '../transforms/package-json-dependency';

export type SystemChoice = 'auto' | 'legacy' | 'new';
export type BackendSystem = 'legacy' | 'new';
/** `legacy`: import, env and route in a legacy backend; `feature`: `backend.add(import(pkg))`; `legacy-bridge`: `backend.add(legacyPlugin(...))`. */
export type WiringForm = 'legacy' | 'feature' | 'legacy-bridge';

export interface WireOptions {
  /** Plugin ids, such as `carmen` or `tech-insights`. */
  readonly plugins: readonly string[];
  /** Where to start looking for the repo root (default: process.cwd()). */
  readonly cwd?: string;
  /** The backend package folder, relative to cwd (default: `<root>/packages/backend`). */
  readonly backend?: string;
  /** The plugin's npm package name, when it is not `plugins/<id>-backend` (one plugin only). */
  readonly packageName?: string;
  /** The dependency range to add, instead of the one derived from the plugin's version (one plugin only). */
  readonly range?: string;
  /** Overwrite (or, with `remove`, delete) a `src/plugins/<id>.ts` that differs from what the tool generates. */
  readonly force?: boolean;
  /** Which backend system to expect; `auto` (the default) reads it from index.ts. */
  readonly system?: SystemChoice;
  /** Undo the wiring instead. */
  readonly remove?: boolean;
}

export interface FileReport {
  /** Relative to the repo root, with forward slashes. */
  readonly path: string;
  readonly status: FileStatus;
}

export interface PluginReport {
  readonly id: string;
  readonly packageName: string;
  /** How the plugin is (or was) wired. */
  readonly form?: WiringForm;
  /** The range the backend depends on the plugin with (existing or added), when wiring. */
  readonly range?: string;
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** Whether anything changes for this plugin. */
  readonly changed: boolean;
  /** When wiring: true when nothing had to change for this plugin. */
  readonly alreadyWired?: boolean;
}

export interface WireReport {
  readonly root: string;
  /** The backend package folder, relative to the root. */
  readonly backend: string;
  readonly system: BackendSystem;
  readonly action: 'wire' | 'remove';
  readonly plugins: readonly PluginReport[];
  /** Every file looked at, once, with its overall status. */
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** Whether any file changes (or, after a dry run, would change). */
  readonly changed: boolean;
  /** Whether the changes were written to disk. */
  readonly written: boolean;
}

export interface WirePlan {
  readonly report: WireReport;
  /** The new content of every file that changes, with what was read. */
  readonly changes: readonly FileChange[];
}

/** What every planning step shares: the tree, the backend's files, the parsed index. */
interface Context {
  readonly options: WireOptions;
  readonly tree: FileTree;
  readonly workspace: Workspace;
  readonly backendDir: string;
  readonly backendJsonPath: string;
  readonly backendJsonText: string;
  readonly backendJson: Record<string, unknown>;
  readonly indexPath: string;
  readonly indexDisplay: string;
  readonly indexText: string;
  readonly ast: File;
  readonly eol: '\n' | '\r\n';
  readonly system: BackendSystem;
  /** The legacy index's analysis, made once while detecting the system. */
  readonly legacy?: LegacyIndex;
}

interface Plugin {
  readonly id: string;
  readonly pkg: PackageInfo;
  readonly shape: PluginShape;
  readonly warnings: string[];
}

interface BackendLocation {
  readonly cwd: string;
  readonly root: string;
  readonly backendDir: string;
  /** The backend folder relative to the root, for messages. */
  readonly backend: string;
}

/** Validates the options that need no file and finds the repo root and the backend package. */
function locateBackend(options: WireOptions): BackendLocation {
  const ids = [...new Set(options.plugins)];
  if (ids.length === 0) throw new WireError('no plugin id given: expected at least one, such as carmen');
  for (const id of ids) validatePluginId(id);
  if (ids.length > 1 && (options.packageName !== undefined || options.range !== undefined)) {
    throw new WireError('--package and --range name one plugin: pass a single plugin id with them');
  }
  if (options.range !== undefined) validateRange(options.range);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (!fs.existsSync(cwd)) throw new WireError(`${cwd}: no such folder`);
  const root = findRepoRoot(cwd);
  const backendDir = options.backend ? path.resolve(cwd, options.backend) : path.join(root, 'packages', 'backend');
  const backend = path.relative(root, backendDir).split(path.sep).join('/') || '.';
  if (!fs.existsSync(path.join(backendDir, 'package.json'))) {
    throw new WireError(`${backend}/package.json: not found: expected the backend package there (pass --backend DIR)`);
  }
  return { cwd, root, backendDir, backend };
}

/**
 * Takes the backend's lock (`.wire-plugin.lock` beside its package.json) for
 * a run that writes: concurrent runs on one repo take turns. Release it when done.
 */
export async function lockBackend(options: WireOptions, timeoutMs?: number): Promise<Lock> {
  const location = locateBackend(options);
  return acquireLock(location.backendDir, location.backend, timeoutMs);
}

/** Computes everything a run would do, writing nothing. */
export async function planWiring(options: WireOptions): Promise<WirePlan> {
  const ids = [...new Set(options.plugins)];
  const { root, backendDir, backend } = locateBackend(options);
  const tree = new FileTree(root);
  const backendJsonPath = path.join(backendDir, 'package.json');
  const indexPath = path.join(backendDir, 'src', 'index.ts');
  const backendJsonText = tree.read(backendJsonPath);
  if (backendJsonText === undefined) {
    throw new WireError(`${backend}/package.json: not found: expected the backend package there (pass --backend DIR)`);
  }
  const indexText = tree.read(indexPath);
  if (indexText === undefined) {
    throw new WireError(`${backend}/src/index.ts: not found: expected the backend's entry point there (pass --backend DIR)`);
  }
  const indexDisplay = tree.display(indexPath);
  const backendJson = readPackageJson(backendJsonText, tree.display(backendJsonPath));
  const ast = parseTypeScript(indexText, indexDisplay);
  const detected = detectSystem(options.system ?? 'auto', ast, indexText, indexDisplay, ids);
  const context: Context = {
    options,
    tree,
    workspace: new Workspace(root),
    backendDir,
    backendJsonPath,
    backendJsonText,
    backendJson,
    indexPath,
    indexDisplay,
    indexText,
    ast,
    eol: detectEol(indexText),
    system: detected.system,
    legacy: detected.legacy,
  };

  const plugins: Plugin[] = [];
  for (const id of ids) {
    const pkg = options.remove ? findPackageToRemove(context, id) : context.workspace.findPluginPackage(backendDir, id, options.packageName);
    plugins.push({ id, pkg, shape: await readPluginShape(pkg.dir, pkg.json), warnings: [] });
  }
  const reports = options.remove ? await planRemoval(context, plugins) : await planAddition(context, plugins);

  const changes = tree.changes();
  validate(changes);
  const seen = new Map<string, FileReport>();
  for (const plugin of reports) {
    for (const file of plugin.files) {
      if (!seen.has(file.path)) seen.set(file.path, { path: file.path, status: tree.status(path.join(root, file.path)) });
    }
  }
  const report: WireReport = {
    root,
    backend,
    system: context.system,
    action: options.remove ? 'remove' : 'wire',
    plugins: reports,
    files: [...seen.values()],
    warnings: reports.flatMap(p => p.warnings),
    changed: changes.length > 0,
    written: false,
  };
  return { report, changes };
}

/** Writes a plan's changes, all or nothing. */
export function applyPlan(plan: WirePlan): WireReport {
  commitChanges(plan.changes);
  return { ...plan.report, written: plan.changes.length > 0 };
}

/** Plans and, unless `dryRun`, writes, holding the backend's lock: the whole job. */
export async function wirePlugins(options: WireOptions & { dryRun?: boolean }): Promise<WireReport> {
  if (options.dryRun) return (await planWiring(options)).report;
  const lock = await lockBackend(options);
  try {
    return applyPlan(await planWiring(options));
  } finally {
    lock.release();
  }
}

/**
 * Legacy (an api router and createEnv) or new (createBackend); a file with
 * both is new (half migrated). A legacy file's analysis is kept for the planners.
 */
function detectSystem(
  choice: SystemChoice,
  ast: File,
  source: string,
  file: string,
  ids: readonly string[],
): { system: BackendSystem; legacy?: LegacyIndex } {
  const isNew = choice !== 'legacy' && findNewBackend(ast, source) !== undefined;
  if (choice === 'new') {
    if (!isNew) throw describeMissingBackend(file);
    return { system: 'new' };
  }
  if (isNew) return { system: 'new' };
  const legacy = analyzeLegacyIndex(ast, source);
  if (!('kind' in legacy)) return { system: 'legacy', legacy };
  if (choice === 'legacy') return { system: 'legacy' };
  throw new WireError(
    `${file}: neither backend system found: expected \`const backend = createBackend();\` (new backend system) or an api router such as \`const apiRouter = Router();\` that plugins are mounted on (legacy backend)`,
    'For a legacy backend, add these lines by hand (imports at the top, the rest before the notFoundHandler() catch-all):\n' +
      ids.map(id => manualLegacyLines(id, preferredAlias(id), preferredEnvName(id))).join('\n'),
  );
}

/** How a plugin goes into this backend, from what the plugin exports. */
function chooseForm(context: Context, plugin: Plugin): WiringForm {
  const { shape, pkg } = plugin;
  const read = shape.entry ? ` (read ${path.relative(context.tree.root, shape.entry).split(path.sep).join('/')})` : '';
  const neither = (): WireError =>
    new WireError(`${pkg.name}: exports neither createRouter nor a backend feature as its default export${read}: there is nothing to wire`);
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
  if (shape.createRouter) return 'legacy-bridge';
  if (shape.feature === false && shape.createRouter === false) throw neither();
  plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature`);
  return 'feature';
}

async function planAddition(context: Context, plugins: Plugin[]): Promise<PluginReport[]> {
  const { tree, indexText, indexDisplay, ast } = context;
  const forms = plugins.map(plugin => chooseForm(context, plugin));
  const ids = plugins.map(p => p.id);

  // index.ts: parsed once for all plugins.
  let indexWork: readonly { added: boolean; importsPluginModule: boolean; warnings: readonly string[] }[];
  if (context.system === 'legacy') {
    const plan = planLegacyWiring(indexText, ids, indexDisplay, ast, context.legacy);
    tree.write(context.indexPath, applyChanges(indexText, plan.changes));
    indexWork = plan.plugins.map(p => ({ added: p.added.length > 0, importsPluginModule: p.importsPluginModule, warnings: p.warnings }));
  } else {
    const requests = plugins.map((p, i) => ({ id: p.id, packageName: p.pkg.name, form: forms[i] === 'feature' ? ('feature' as const) : ('legacy' as const) }));
    const plan = planNewBackendWiring(indexText, requests, indexDisplay, ast);
    tree.write(context.indexPath, applyChanges(indexText, plan.changes));
    indexWork = plan.plugins;
  }

  // package.json: the plugin packages, and @backstage/backend-common for the legacyPlugin bridge.
  const declared = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const entries: DependencyEntry[] = plugins.map(({ pkg }) => ({
    name: pkg.name,
    range: typeof declared[pkg.name] === 'string' ? (declared[pkg.name] as string) : context.workspace.chooseRange(context.backendJson, pkg, context.options.range),
  }));
  const bridged = plugins.findIndex((_, i) => forms[i] === 'legacy-bridge' && indexWork[i].importsPluginModule);
  if (bridged !== -1 && !(LEGACY_PLUGIN_MODULE in declared)) {
    entries.push({ name: LEGACY_PLUGIN_MODULE, range: backendCommonRange(context, plugins[bridged].pkg) });
  }
  const dependencyPlan = planDependencies(context.backendJsonText, tree.display(context.backendJsonPath), entries);
  tree.write(context.backendJsonPath, applyChanges(context.backendJsonText, dependencyPlan.changes));

  const reports: PluginReport[] = [];
  for (const [i, plugin] of plugins.entries()) {
    const warnings = [...plugin.warnings, ...indexWork[i].warnings];
    if (i === 0) warnings.push(...dependencyPlan.warnings);
    const addsDependency = dependencyPlan.existingRanges[i] === undefined || (i === bridged && entries.length > plugins.length);
    const files: FileReport[] = [{ path: tree.display(context.backendJsonPath), status: addsDependency ? 'updated' : 'unchanged' }];
    if (indexWork[i].importsPluginModule) {
      const modulePath = pluginModulePath(context, plugin.id);
      const status = await writePluginModule(context, modulePath, await pluginModule(context, plugin, forms[i], modulePath, warnings), warnings);
      files.push({ path: tree.display(modulePath), status });
    }
    files.push({ path: indexDisplay, status: indexWork[i].added ? 'updated' : 'unchanged' });
    const changed = files.some(f => f.status !== 'unchanged');
    reports.push({ id: plugin.id, packageName: plugin.pkg.name, form: forms[i], range: entries[i].range, files, warnings, changed, alreadyWired: !changed });
  }
  return reports;
}

async function planRemoval(context: Context, plugins: Plugin[]): Promise<PluginReport[]> {
  const { tree, indexText, indexDisplay, ast } = context;
  let indexWork: { removed: boolean; warnings: readonly string[] }[];
  let removesBridgeImport = false;
  if (context.system === 'legacy') {
    const plan = planLegacyRemoval(indexText, plugins.map(p => p.id), indexDisplay, ast, context.legacy);
    tree.write(context.indexPath, applyChanges(indexText, plan.changes));
    indexWork = plan.plugins.map(p => ({ removed: p.removed.length > 0, warnings: p.warnings }));
  } else {
    const plan = planNewBackendRemoval(indexText, plugins.map(p => ({ id: p.id, packageName: p.pkg.name })), indexDisplay, ast);
    tree.write(context.indexPath, applyChanges(indexText, plan.changes));
    indexWork = plan.plugins.map(p => ({ removed: p.removed > 0, warnings: p.warnings }));
    removesBridgeImport = plan.removesLegacyPluginImport;
  }

  const names = plugins.map(p => p.pkg.name);
  const modulePaths = plugins.map(p => pluginModulePath(context, p.id));
  // The bridge's dependency goes when nothing else in the backend imports @backstage/backend-common.
  if (removesBridgeImport && !otherBackendFilesImport(context, LEGACY_PLUGIN_MODULE, modulePaths)) names.push(LEGACY_PLUGIN_MODULE);
  const dependencyPlan = planDependencyRemoval(context.backendJsonText, tree.display(context.backendJsonPath), names);
  tree.write(context.backendJsonPath, applyChanges(context.backendJsonText, dependencyPlan.changes));

  const reports: PluginReport[] = [];
  for (const [i, plugin] of plugins.entries()) {
    const warnings = [...plugin.warnings, ...indexWork[i].warnings];
    const files: FileReport[] = [
      { path: tree.display(context.backendJsonPath), status: dependencyPlan.existingRanges[i] !== undefined ? 'updated' : 'unchanged' },
    ];
    const modulePath = modulePaths[i];
    const existing = tree.read(modulePath);
    if (existing !== undefined) {
      const form: WiringForm = context.system === 'legacy' ? 'legacy' : 'legacy-bridge';
      const module = await pluginModule(context, plugin, form, modulePath, []);
      if (context.options.force || (await isGenerated(context, modulePath, module, existing))) tree.delete(modulePath);
      else warnings.push(`${tree.display(modulePath)}: kept (it differs from what wire-plugin generates; pass --force to delete it)`);
      files.push({ path: tree.display(modulePath), status: tree.status(modulePath) });
    }
    files.push({ path: indexDisplay, status: indexWork[i].removed ? 'updated' : 'unchanged' });
    reports.push({ id: plugin.id, packageName: plugin.pkg.name, files, warnings, changed: files.some(f => f.status !== 'unchanged') });
  }
  return reports;
}

/** The plugin package when unwiring: found as for wiring, else the backend's dependency named like one. */
function findPackageToRemove(context: Context, id: string): PackageInfo {
  try {
    return context.workspace.findPluginPackage(context.backendDir, id, context.options.packageName);
  } catch (error) {
    const deps = Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>);
    const candidates = deps.filter(name => new RegExp(`(^|[/-])plugin-${id.replace(/-/g, '\\-')}-backend$`).test(name));
    if (candidates.length === 1) return { name: candidates[0], json: {} };
    throw error;
  }
}

function pluginModulePath(context: Context, id: string): string {
  return path.join(context.backendDir, 'src', 'plugins', `${id}.ts`);
}

/**
 * The module the tool generates for a plugin wired through createRouter: it
 * passes every option of createRouter that the environment provides under
 * the same name; a required option the environment lacks is left out (so tsc
 * points at it) and reported.
 */
async function pluginModule(context: Context, plugin: Plugin, form: WiringForm, modulePath: string, warnings: string[]): Promise<LegacyPluginModule> {
  const display = context.tree.display(modulePath);
  let environment: readonly string[] = LEGACY_BRIDGE_ENVIRONMENT;
  if (form === 'legacy') {
    const typesPath = path.join(context.backendDir, 'src', 'types.ts');
    const typesText = context.tree.read(typesPath);
    const fields = typesText === undefined ? undefined : readPluginEnvironment(typesText, context.tree.display(typesPath));
    if (!fields) warnings.push(`${context.tree.display(typesPath)}: no PluginEnvironment type found; assuming create-app's fields`);
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
    packageName: plugin.pkg.name,
    options,
    environment: form === 'legacy' ? PLUGIN_ENVIRONMENT : ROUTER_OPTIONS_ENVIRONMENT,
  };
}

/** Whether `existing` is what the tool writes for this module, in Backstage's style or the repo's. */
async function isGenerated(context: Context, modulePath: string, module: LegacyPluginModule, existing: string): Promise<boolean> {
  // The common case needs no prettier: the file as the tool writes it with Backstage's defaults.
  if (existing === printLegacyPluginModule(module, { ...BACKSTAGE_FORMAT, endOfLine: context.eol })) return true;
  const resolved = await resolveModuleFormat(modulePath, context.eol, context.tree.display(modulePath));
  return existing === printLegacyPluginModule(module, resolved.format);
}

/**
 * Creates src/plugins/<id>.ts, or leaves an existing one alone: a differing
 * file is the user's to keep unless --force, and must at least export a default.
 */
async function writePluginModule(context: Context, modulePath: string, module: LegacyPluginModule, warnings: string[]): Promise<FileStatus> {
  const { tree } = context;
  const display = tree.display(modulePath);
  const existing = tree.read(modulePath) ?? siblingModule(tree, modulePath);
  if (existing !== undefined && (await isGenerated(context, modulePath, module, existing))) return 'unchanged';
  if (existing !== undefined && !context.options.force) {
    if (!exportsDefault(existing, display)) {
      throw new WireError(`${display}: exists but has no default export: expected \`export default async function createPlugin(env)\` (pass --force to replace it)`);
    }
    warnings.push(`${display}: kept as it is (it differs from what wire-plugin generates; pass --force to replace it)`);
    return 'unchanged';
  }
  const resolved = await resolveModuleFormat(modulePath, context.eol, display);
  if (resolved.warning) warnings.push(resolved.warning);
  tree.write(modulePath, printLegacyPluginModule(module, resolved.format));
  return tree.status(modulePath);
}

/** `plugins/<id>/index.ts` or `plugins/<id>.js` also satisfy `import x from './plugins/<id>'`. */
function siblingModule(tree: FileTree, modulePath: string): string | undefined {
  const base = modulePath.replace(/\.ts$/, '');
  for (const candidate of [`${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    const content = tree.read(candidate);
    if (content !== undefined) return content;
  }
  return undefined;
}

function exportsDefault(source: string, display: string): boolean {
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
function backendCommonRange(context: Context, bridged: PackageInfo): string {
  const deps = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  if (Object.entries(deps).some(([name, range]) => name.startsWith('@backstage/') && range === 'backstage:^')) return 'backstage:^';
  const fromPlugin = ((bridged.json.dependencies ?? {}) as Record<string, unknown>)[LEGACY_PLUGIN_MODULE];
  if (typeof fromPlugin === 'string' && !fromPlugin.startsWith('workspace:')) return fromPlugin;
  for (const base of [context.backendDir, context.tree.root]) {
    const installed = path.join(base, 'node_modules', '@backstage', 'backend-common', 'package.json');
    if (fs.existsSync(installed)) return `^${JSON.parse(fs.readFileSync(installed, 'utf8')).version}`;
  }
  throw new WireError(
    `${context.tree.display(context.backendJsonPath)}: the legacyPlugin bridge needs ${LEGACY_PLUGIN_MODULE}, and no version of it was found (not in the plugin's dependencies, not installed): add it to the backend's dependencies`,
  );
}

/** Whether any backend source file other than index.ts and `except` imports `module`. */
function otherBackendFilesImport(context: Context, module: string, except: readonly string[]): boolean {
  const pattern = new RegExp(`['"]${module.replace(/[/.-]/g, '\\$&')}(/[^'"]*)?['"]`);
  const visit = (dir: string): boolean => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== 'node_modules' && visit(full);
      if (!/\.(ts|tsx|js)$/.test(entry.name) || full === context.indexPath || except.includes(full)) return false;
      return pattern.test(fs.readFileSync(full, 'utf8'));
    });
  };
  return visit(path.join(context.backendDir, 'src'));
}

/** Every new content must parse before anything is written. */
function validate(changes: readonly FileChange[]): void {
  for (const change of changes) {
    if (change.after === undefined) continue;
    try {
      if (change.path.endsWith('.json')) JSON.parse(change.after);
      else parseScript(change.after, { sourceType: 'module', plugins: ['typescript'], attachComment: false });
    } catch (error) {
      throw new WireError(`${change.displayPath}: the planned edit does not parse (${(error as Error).message}); nothing was written (this is a wire-plugin bug)`);
    }
  }
}
