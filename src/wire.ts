/**
 * The library: plan the wiring of backend plugins into a Backstage backend
 * (every change computed in memory and re-parsed), then commit it all or
 * nothing. Never prints, never exits: callers get a report or a WireError.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseScript } from '@babel/parser';
import { applyChanges } from './changes';
import { commitChanges } from './commit';
import { WireError } from './errors';
import { resolveModuleFormat } from './format';
import { validatePluginId } from './naming';
import { parseTypeScript } from './parse';
import { BACKSTAGE_FORMAT, defaultRouterOptions, printLegacyPluginModule } from './plugin-module';
import { detectEol } from './text';
import { FileChange, FileStatus, FileTree } from './tree';
import { Workspace, findRepoRoot, validateRange } from './workspace';
import { planLegacyWiring } from '../transforms/legacy-index';
import { planDependencies, readPackageJson } from '../transforms/package-json-dependency';

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
  /** Overwrite an existing `src/plugins/<id>.ts` that differs from what the tool generates. */
  readonly force?: boolean;
}

export interface FileReport {
  /** Relative to the repo root, with forward slashes. */
  readonly path: string;
  readonly status: FileStatus;
}

export interface PluginReport {
  readonly id: string;
  readonly packageName: string;
  /** The range the backend depends on the plugin with (existing or added). */
  readonly range?: string;
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** True when nothing had to change for this plugin. */
  readonly alreadyWired: boolean;
}

export interface WireReport {
  readonly root: string;
  /** The backend package folder, relative to the root. */
  readonly backend: string;
  readonly system: 'legacy';
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

/** Computes everything a run would do, writing nothing. */
export async function planWiring(options: WireOptions): Promise<WirePlan> {
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
  const tree = new FileTree(root);
  const workspace = new Workspace(root);

  const backendDir = options.backend ? path.resolve(cwd, options.backend) : path.join(root, 'packages', 'backend');
  const backend = tree.display(backendDir) || '.';
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

  // 1. package.json: the plugin package as a dependency.
  const backendJson = readPackageJson(backendJsonText, tree.display(backendJsonPath));
  const packages = ids.map(id => workspace.findPluginPackage(backendDir, id, options.packageName));
  const declared = (backendJson.dependencies ?? {}) as Record<string, unknown>;
  const entries = packages.map(pkg => ({
    name: pkg.name,
    range: typeof declared[pkg.name] === 'string' ? (declared[pkg.name] as string) : workspace.chooseRange(backendJson, pkg, options.range),
  }));
  const dependencyPlan = planDependencies(backendJsonText, tree.display(backendJsonPath), entries);
  tree.write(backendJsonPath, applyChanges(backendJsonText, dependencyPlan.changes));

  // 2. index.ts: import, env and route, parsed once for all plugins.
  const indexDisplay = tree.display(indexPath);
  const indexAst = parseTypeScript(indexText, indexDisplay);
  const legacyPlan = planLegacyWiring(indexText, ids, indexDisplay, indexAst);
  tree.write(indexPath, applyChanges(indexText, legacyPlan.changes));
  const eol = detectEol(indexText);

  // 3. src/plugins/<id>.ts for every plugin the index imports from there.
  const plugins: PluginReport[] = [];
  for (const [i, id] of ids.entries()) {
    const wiring = legacyPlan.plugins[i];
    const warnings = [...wiring.warnings];
    const files: FileReport[] = [
      { path: tree.display(backendJsonPath), status: dependencyPlan.existingRanges[i] === undefined ? 'updated' : 'unchanged' },
    ];
    if (wiring.importsPluginModule) {
      const modulePath = path.join(backendDir, 'src', 'plugins', `${id}.ts`);
      const status = await planPluginModule(tree, modulePath, packages[i].name, eol, Boolean(options.force), warnings);
      files.push({ path: tree.display(modulePath), status });
    }
    files.push({ path: indexDisplay, status: wiring.added.length ? 'updated' : 'unchanged' });
    plugins.push({
      id,
      packageName: packages[i].name,
      range: entries[i].range,
      files,
      warnings,
      alreadyWired: files.every(f => f.status === 'unchanged'),
    });
  }
  const changes = tree.changes();
  validate(changes);

  const seen = new Map<string, FileReport>();
  for (const plugin of plugins) for (const file of plugin.files) if (!seen.has(file.path)) seen.set(file.path, { path: file.path, status: tree.status(path.join(root, file.path)) });
  const report: WireReport = {
    root,
    backend,
    system: 'legacy',
    plugins,
    files: [...seen.values()],
    warnings: [...dependencyPlan.warnings, ...plugins.flatMap(p => p.warnings)],
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

/** Plans and, unless `dryRun`, writes: the whole job. */
export async function wirePlugins(options: WireOptions & { dryRun?: boolean }): Promise<WireReport> {
  const plan = await planWiring(options);
  return options.dryRun ? plan.report : applyPlan(plan);
}

/**
 * Creates src/plugins/<id>.ts, or leaves an existing one alone: a differing
 * file is the user's to keep unless --force, and must at least export a default.
 */
async function planPluginModule(
  tree: FileTree,
  modulePath: string,
  packageName: string,
  eol: '\n' | '\r\n',
  force: boolean,
  warnings: string[],
): Promise<FileStatus> {
  const display = tree.display(modulePath);
  const module = { packageName, options: defaultRouterOptions() };
  const existing = tree.read(modulePath) ?? siblingModule(tree, modulePath);
  // The common case needs no prettier: an existing file as the tool wrote it with Backstage's defaults.
  if (existing !== undefined && existing === printLegacyPluginModule(module, { ...BACKSTAGE_FORMAT, endOfLine: eol })) {
    return 'unchanged';
  }
  if (existing !== undefined && !force) {
    if (!exportsDefault(existing, display)) {
      throw new WireError(`${display}: exists but has no default export: expected \`export default async function createPlugin(env)\` (pass --force to replace it)`);
    }
    const resolved = await resolveModuleFormat(modulePath, eol, display);
    if (existing !== printLegacyPluginModule(module, resolved.format)) {
      warnings.push(`${display}: kept as it is (it differs from what wire-plugin generates; pass --force to replace it)`);
    }
    return 'unchanged';
  }
  const resolved = await resolveModuleFormat(modulePath, eol, display);
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

/** Every new content must parse before anything is written. */
function validate(changes: readonly FileChange[]): void {
  for (const change of changes) {
    try {
      if (change.path.endsWith('.json')) JSON.parse(change.after);
      else parseScript(change.after, { sourceType: 'module', plugins: ['typescript'] });
    } catch (error) {
      throw new WireError(`${change.displayPath}: the planned edit does not parse (${(error as Error).message}); nothing was written (this is a wire-plugin bug)`);
    }
  }
}
