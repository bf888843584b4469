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
    // Files named like a plugin or module first: that is where createBackendPlugin is.
    next.sort((a, b) => Number(!/plugin|module/i.test(path.basename(a))) - Number(!/plugin|module/i.test(path.basename(b))));
    queue.unshift(...next.filter(f => /plugin|module/i.test(path.basename(f))));
    queue.push(...next.filter(f => !/plugin|module/i.test(path.basename(f))));
  }
  const found = { plugins: [...plugins].sort(), modules: [...modules].sort() };
  cache.set(dir, found);
  return found;
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
