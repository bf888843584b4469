/**
 * The plugin id a package really registers: the `pluginId` its code passes
 * to `createBackendPlugin` (and, for a module, to `createBackendModule`),
 * which can differ from `backstage.pluginId` in its package.json (the
 * community RBAC backend says `rbac` and registers `permission`). Read from
 * the built code of an installed package (`dist/**.js`) or the sources of a
 * workspace package (`src/**.ts`), as text: the call's first argument names
 * the id in every shape the tools emit. Two features that register one id
 * stop the backend at start: "Plugin 'x' is already registered".
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BackstagePackageIdentity } from '../../transforms/lib/package-names';

const PLUGIN_CALL = /createBackendPlugin\(\s*\{\s*pluginId:\s*["'`]([^"'`]+)["'`]/g;
const MODULE_CALL = /createBackendModule\(\s*\{\s*pluginId:\s*["'`]([^"'`]+)["'`]/g;
/** Relative specifiers a file requires, imports or re-exports. */
const RELATIVE = /(?:require\(\s*|from\s+|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g;
/** How many files one package may take: the plugin's file is a step or two from the entry. */
const MAX_FILES = 60;

export interface RegisteredIds {
  /** Ids of the plugins it creates. */
  readonly plugins: readonly string[];
  /** Ids of the plugins its modules extend. */
  readonly modules: readonly string[];
}

const cache = new Map<string, RegisteredIds>();

/**
 * Follows the package's entry point (`main`, else `src/index.ts`) through
 * the files it requires or re-exports, those named like a plugin or module
 * first, until one creates a plugin or module; a few reads for a published
 * package, where reading all of `dist/` would take tens of milliseconds.
 */
export function registeredIds(dir: string | undefined): RegisteredIds {
  if (!dir) return { plugins: [], modules: [] };
  const cached = cache.get(dir);
  if (cached) return cached;
  const plugins = new Set<string>();
  const modules = new Set<string>();
  const queue = entryFiles(dir);
  const seen = new Set<string>(queue);
  for (let read = 0; queue.length && read < MAX_FILES && !plugins.size && !modules.size; read++) {
    const file = queue.shift() as string;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(PLUGIN_CALL)) plugins.add(match[1]);
    for (const match of text.matchAll(MODULE_CALL)) modules.add(match[1]);
    const next: string[] = [];
    for (const match of text.matchAll(RELATIVE)) {
      const resolved = resolveFile(path.resolve(path.dirname(file), match[1]));
      if (resolved && !seen.has(resolved) && resolved.startsWith(dir)) {
        seen.add(resolved);
        next.push(resolved);
      }
    }
    // The file the default export comes from first, then files named like a plugin or module:
    // that is where createBackendPlugin is (a plugin package may export a module of another plugin beside it).
    const fromDefault = defaultExportSpecifier(text);
    const defaultFile = fromDefault ? resolveFile(path.resolve(path.dirname(file), fromDefault)) : undefined;
    const rank = (f: string): number => (f === defaultFile ? 0 : /plugin|module/i.test(path.basename(f)) ? 1 : 2);
    next.sort((a, b) => rank(a) - rank(b));
    queue.unshift(...next.filter(f => rank(f) < 2));
    queue.push(...next.filter(f => rank(f) === 2));
  }
  const found = { plugins: [...plugins].sort(), modules: [...modules].sort() };
  cache.set(dir, found);
  return found;
}

/**
 * The relative specifier a file's default export comes from, in the shapes
 * the build tools emit: CommonJS `var plugin = require('./plugin.cjs.js')`
 * with `exports.default = plugin.rbacPlugin`, ESM or TypeScript
 * `export { rbacPlugin as default } from './plugin'`, or `export default x`
 * of an imported `x`.
 */
export function defaultExportSpecifier(text: string): string | undefined {
  for (const [, names, from] of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    if (names.split(',').some(name => /^(?:[\w$]+\s+as\s+)?default$/.test(name.trim()))) return from;
  }
  const cjs = /exports(?:\.default|\[["']default["']\])\s*=\s*([A-Za-z_$][\w$]*)/.exec(text);
  const local = cjs?.[1] ?? /export\s+default\s+([A-Za-z_$][\w$]*)\s*;/.exec(text)?.[1];
  if (!local) return undefined;
  const name = local.replace(/\$/g, '\\$');
  const required = new RegExp(`\\b${name}\\s*=\\s*(?:__toESM\\()?require\\(\\s*["'](\\.{1,2}\\/[^"']+)["']`).exec(text);
  if (required) return required[1];
  const imported = new RegExp(`import\\s+(?:${name}\\b|\\{[^}]*\\b${name}\\b[^}]*\\})\\s*from\\s*["'](\\.{1,2}\\/[^"']+)["']`).exec(text);
  return imported?.[1];
}

function entryFiles(dir: string): string[] {
  let json: { main?: unknown; module?: unknown } = {};
  try {
    json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const entries = [json.main, json.module].filter((e): e is string => typeof e === 'string').map(e => resolveFile(path.join(dir, e)));
  const found = entries.filter((e): e is string => e !== undefined);
  if (found.length) return [found[0]];
  const source = resolveFile(path.join(dir, 'src', 'index'));
  return source ? [source] : [];
}

/** A specifier's file: as written, or with a TypeScript or JavaScript extension, or its folder's index. */
function resolveFile(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.cjs`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

/**
 * The id and kind a package registers, by its code where the code says one
 * thing (exactly one plugin id and no module, or exactly one module's
 * plugin id and no plugin), else what its metadata says (`declared`). The
 * community RBAC backend 8.x says `"pluginId": "rbac"`, role
 * `backend-plugin`, and its code is `createBackendModule({ pluginId:
 * 'permission', moduleId: 'rbac' })`: a module of `permission`.
 */
export function codeIdentity(dir: string | undefined, declared: BackstagePackageIdentity): BackstagePackageIdentity {
  const { plugins, modules } = registeredIds(dir);
  if (plugins.length === 1 && modules.length === 0) return { pluginId: plugins[0], role: 'plugin' };
  if (modules.length === 1 && plugins.length === 0) {
    // The plugin's package is known only when the metadata spoke of the same plugin.
    const pluginPackage = declared.role === 'module' && declared.pluginId === modules[0] ? declared.pluginPackage : undefined;
    return { pluginId: modules[0], role: 'module', ...(pluginPackage ? { pluginPackage } : {}) };
  }
  return declared;
}

/**
 * A backend plugin or module whose package.json names no pluginId, and whose
 * name gives none (`@rsc-labs/backstage-highlights-plugin-backend`): the one
 * id its code registers (`createBackendPlugin({ pluginId: 'highlights' })`).
 */
export function identityFromCode(dir: string | undefined, json: Record<string, unknown>): BackstagePackageIdentity | undefined {
  const role = (json.backstage as { role?: unknown } | undefined)?.role;
  if (role !== 'backend-plugin' && role !== 'backend-plugin-module') return undefined;
  const { plugins, modules } = registeredIds(dir);
  if (plugins.length === 1 && modules.length === 0) return { pluginId: plugins[0], role: 'plugin' };
  if (modules.length === 1 && plugins.length === 0) return { pluginId: modules[0], role: 'module' };
  return undefined;
}
