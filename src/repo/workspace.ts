/**
 * Finding things in a Backstage monorepo: its root, the backend package, the
 * plugin package to wire, and the range to depend on it with.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../transforms/lib/errors';
import { readPackageJson } from '../../transforms/package-json-dependency';

export interface PackageInfo {
  readonly name: string;
  readonly version?: string;
  /** Absolute folder of the package, when it is in the repo or node_modules. */
  readonly dir?: string;
  readonly json: Record<string, unknown>;
}

/** npm's rules for package names: lowercase, URL-safe, optionally scoped, at most 214 characters. */
const NPM_NAME = /^(?:@[a-z0-9-*~][a-z0-9-*._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function isValidPackageName(name: string): boolean {
  return name.length > 0 && name.length <= 214 && NPM_NAME.test(name);
}

export function validateRange(range: string): void {
  // eslint-disable-next-line no-control-regex
  if (range.length === 0 || range.length > 200 || /[\u0000-\u001f\u007f"\\]/.test(range)) {
    throw new WireError(`invalid --range ${JSON.stringify(range)}: expected a version range on one line, such as ^0.1.0 or workspace:^`);
  }
}

/**
 * Root package.json files read while looking for the root, so that a run
 * reads each once; an entry counts only while the file's size and time are
 * unchanged (a library caller may edit it between runs).
 */
const rootPackageJson = new Map<string, { stamp: string; json: Record<string, unknown> }>();

function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function cachedRootJson(root: string): Record<string, unknown> | undefined {
  const entry = rootPackageJson.get(root);
  return entry && entry.stamp === stampOf(path.join(root, 'package.json')) ? entry.json : undefined;
}

/** The nearest folder, from `start` upwards, with a backstage.json or a package.json that declares workspaces. */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'backstage.json'))) return dir;
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8'));
        if (json && typeof json === 'object' && json.workspaces) {
          rootPackageJson.set(dir, { stamp: stampOf(pkg) ?? '', json });
          return dir;
        }
      } catch {
        // A broken package.json below the root is not the root; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new WireError(
        `no Backstage repo found at or above ${start}: expected a folder with a backstage.json or a package.json with "workspaces"`,
      );
    }
    dir = parent;
  }
}

export function readPackageFile(file: string, displayPath: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new WireError(`${displayPath}: cannot read the file`);
  }
  return readPackageJson(text, displayPath);
}

/**
 * The workspace package folders named by the root package.json: `packages/*`,
 * `plugins/*`, and globs as yarn reads them: `**` for any folders below (a
 * public repo names `plugins/**` then `/*`), `plugins/plugin-*`, and
 * `!plugins/legacy` to leave one out. Each folder has a package.json;
 * node_modules and dot folders are not looked in.
 */
function workspaceDirs(root: string, json: Record<string, unknown>): string[] {
  const workspaces = json.workspaces as unknown;
  const patterns: unknown[] = Array.isArray(workspaces)
    ? workspaces
    : Array.isArray((workspaces as { packages?: unknown })?.packages)
      ? (workspaces as { packages: unknown[] }).packages
      : [];
  const strings = patterns.filter((p): p is string => typeof p === 'string');
  const excluded = new Set(strings.filter(p => p.startsWith('!')).flatMap(p => expandWorkspacePattern(root, p.slice(1))));
  const dirs: string[] = [];
  for (const pattern of strings) {
    if (pattern.startsWith('!')) continue;
    for (const dir of expandWorkspacePattern(root, pattern)) if (!excluded.has(dir) && !dirs.includes(dir)) dirs.push(dir);
  }
  return dirs;
}

/** How deep `**` goes below its folder: a workspace's plugins sit a few folders down at most. */
const MAX_GLOB_DEPTH = 5;

/** The folders with a package.json that one workspace pattern names, in name order. */
function expandWorkspacePattern(root: string, pattern: string): string[] {
  const segments = pattern.split('/').filter(segment => segment !== '' && segment !== '.');
  const found: string[] = [];
  const visit = (dir: string, i: number, depth: number): void => {
    if (i === segments.length) {
      if (fs.existsSync(path.join(dir, 'package.json'))) found.push(dir);
      return;
    }
    const segment = segments[i];
    if (segment === '**') {
      visit(dir, i + 1, depth);
      if (depth < MAX_GLOB_DEPTH) for (const child of subfolders(dir)) visit(child, i, depth + 1);
      return;
    }
    if (!segment.includes('*')) {
      visit(path.join(dir, segment), i + 1, depth);
      return;
    }
    const matches = new RegExp(`^${segment.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
    for (const child of subfolders(dir)) if (matches.test(path.basename(child))) visit(child, i + 1, depth + 1);
  };
  visit(root, 0, 0);
  return [...new Set(found)];
}

/** A folder's subfolders in name order, node_modules and dot folders aside. */
function subfolders(dir: string): string[] {
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter(entry => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .map(entry => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(name => path.join(dir, name));
}

/** The package that will be wired: its name goes into code and JSON, so it must be a real npm name. */
function checked(pkg: PackageInfo, root: string): PackageInfo {
  if (!isValidPackageName(pkg.name)) {
    const file = path.relative(root, path.join(pkg.dir ?? root, 'package.json'));
    throw new WireError(`${file}: expected "name" to be a valid npm package name, found ${JSON.stringify(pkg.json.name ?? null).slice(0, 80)}`);
  }
  return pkg;
}

/**
 * The repo's packages, for one run: each package.json is read and parsed
 * once, however many lookups (the plugin to wire, the workspace listing, the
 * prettier config) ask for it.
 */
export class Workspace {
  private cached?: PackageInfo[];
  private readonly jsonByFile = new Map<string, Record<string, unknown> | undefined>();

  /**
   * `known`: package.json files the run has parsed already (the backend's), by absolute path.
   * `readText`: where the run reads files (its file tree), so that each is read from disk once.
   */
  constructor(
    readonly root: string,
    known: Iterable<readonly [string, Record<string, unknown>]> = [],
    private readonly readText?: (file: string) => string | undefined,
  ) {
    for (const [file, json] of known) this.jsonByFile.set(path.resolve(file), json);
  }

  /** A package.json's content, undefined when there is none; a broken one throws, naming the file. */
  packageJson(file: string): Record<string, unknown> | undefined {
    const absolute = path.resolve(file);
    if (!this.jsonByFile.has(absolute)) {
      const root = absolute === path.join(this.root, 'package.json') ? cachedRootJson(this.root) : undefined;
      this.jsonByFile.set(absolute, root ?? this.readJson(absolute));
    }
    return this.jsonByFile.get(absolute);
  }

  private readJson(absolute: string): Record<string, unknown> | undefined {
    const display = path.relative(this.root, absolute);
    if (!this.readText || display.startsWith('..')) return fs.existsSync(absolute) ? readPackageFile(absolute, display) : undefined;
    const text = this.readText(absolute);
    return text === undefined ? undefined : readPackageJson(text, display);
  }

  get packages(): PackageInfo[] {
    const rootFile = path.join(this.root, 'package.json');
    this.cached ??= workspaceDirs(this.root, this.packageJson(rootFile) ?? readPackageFile(rootFile, 'package.json')).flatMap(dir => {
      const pkg = this.packageAt(dir);
      return pkg ? [pkg] : [];
    });
    return this.cached;
  }

  private packageAt(dir: string): PackageInfo | undefined {
    const json = this.packageJson(path.join(dir, 'package.json'));
    if (!json) return undefined;
    const name = typeof json.name === 'string' ? json.name : '';
    const version = typeof json.version === 'string' ? json.version : undefined;
    return { name, version, dir, json };
  }

  /**
   * The package to wire for a plugin id: `plugins/<id>-backend` by default,
   * else the workspace package whose `backstage` field says it is the id's
   * backend plugin; or the package named with --package (in the repo, or
   * installed in node_modules).
   */
  findPluginPackage(backendDir: string, id: string, explicitName?: string): PackageInfo {
    const root = this.root;
    if (explicitName !== undefined) {
      if (!isValidPackageName(explicitName)) {
        throw new WireError(
          `invalid --package ${JSON.stringify(explicitName.slice(0, 80))}: expected an npm package name such as @internal/backstage-plugin-${id}-backend`,
        );
      }
      const inRepo = this.packages.find(pkg => pkg.name === explicitName);
      if (inRepo) return inRepo;
      return this.findInstalled(backendDir, explicitName) ?? { name: explicitName, json: {} };
    }
    const conventional = this.packageAt(path.join(root, 'plugins', `${id}-backend`));
    if (conventional) return checked(conventional, root);
    const declared = this.packages.find(pkg => {
      const backstage = pkg.json.backstage as { role?: unknown; pluginId?: unknown } | undefined;
      return backstage?.pluginId === id && backstage.role === 'backend-plugin';
    });
    if (declared) return checked(declared, root);
    throw new WireError(
      `plugin package for "${id}" not found: expected plugins/${id}-backend/package.json or a workspace package with "backstage": { "role": "backend-plugin", "pluginId": "${id}" } (or pass --package <name>)`,
    );
  }

  /** The package named `name`: a workspace package, else one installed for the backend; undefined when neither. */
  findByName(backendDir: string, name: string): PackageInfo | undefined {
    return this.packages.find(pkg => pkg.name === name) ?? this.findInstalled(backendDir, name);
  }

  /** A package installed in the backend's node_modules or the root's (hoisted), under the name it is imported by. */
  findInstalled(backendDir: string, name: string): PackageInfo | undefined {
    for (const base of [backendDir, this.root]) {
      const installed = this.packageAt(path.join(base, 'node_modules', ...name.split('/')));
      if (installed) return { ...installed, name };
    }
    return undefined;
  }

  /**
   * The range the backend should depend on the plugin with: `workspace:^` when
   * the backend already depends on workspace packages through the workspace
   * protocol, else `^<version>`.
   */
  chooseRange(backendJson: Record<string, unknown>, plugin: PackageInfo, explicitRange?: string): string {
    if (explicitRange !== undefined) {
      validateRange(explicitRange);
      return explicitRange;
    }
    const inRepo = plugin.dir !== undefined && !path.relative(this.root, plugin.dir).split(path.sep).includes('node_modules');
    if (inRepo) {
      const deps = (backendJson.dependencies ?? {}) as Record<string, unknown>;
      const workspaceNames = new Set(this.packages.map(pkg => pkg.name));
      const usesProtocol = Object.entries(deps).some(
        ([name, range]) => workspaceNames.has(name) && typeof range === 'string' && range.startsWith('workspace:'),
      );
      if (usesProtocol) return 'workspace:^';
    }
    if (!plugin.version) {
      throw new WireError(`${plugin.name} has no version to depend on (not in the repo, not in node_modules): pass --range <range>`);
    }
    return `^${plugin.version}`;
  }
}
