/**
 * Where a package's types are: the file its root starts from, and the types
 * file of each subpath its `exports` map (or `typesVersions`) names.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The file a package's types start from: `types`, `exports['.'].types`, a TypeScript `main`, or src/index.ts. */
export function packageEntry(dir: string, json: Record<string, unknown>): string | undefined {
  const exportsField = json.exports as Record<string, unknown> | string | undefined;
  const dot = typeof exportsField === 'object' && exportsField ? (exportsField['.'] as Record<string, unknown> | string | undefined) : undefined;
  const candidates = [
    json.types,
    json.typings,
    typeof dot === 'object' && dot ? dot.types : undefined,
    typeof json.main === 'string' && /\.tsx?$/.test(json.main) ? json.main : undefined,
    'src/index.ts',
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const file = path.resolve(dir, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/** The types file of one subpath of a package's `exports` map (or its `typesVersions`), when there is one. */
export function subpathTypesFile(dir: string, json: Record<string, unknown>, subpath: string): string | undefined {
  const exportsField = json.exports as Record<string, unknown> | undefined;
  const candidates: unknown[] = [];
  const collect = (target: unknown): void => {
    if (typeof target === 'string') {
      candidates.push(target.replace(/\.(c|m)?js$/, '.d.ts'), target);
    } else if (target && typeof target === 'object') {
      const conditions = target as Record<string, unknown>;
      if (conditions.types !== undefined) collect(conditions.types);
      for (const [key, value] of Object.entries(conditions)) if (key !== 'types') collect(value);
    }
  };
  if (exportsField && typeof exportsField === 'object') collect(exportsField[`.${subpath}`]);
  const versions = (json.typesVersions as Record<string, Record<string, unknown>> | undefined)?.['*'];
  const mapped = versions?.[subpath.slice(1)];
  if (Array.isArray(mapped)) candidates.push(...mapped);
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !/\.(d\.)?tsx?$/.test(candidate)) continue;
    const file = path.resolve(dir, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/** The subpaths a package exports besides its root: `/alpha` first, then the rest in the map's order. */
export function exportedSubpaths(json: Record<string, unknown>): string[] {
  const exportsField = json.exports as Record<string, unknown> | undefined;
  const keys = exportsField && typeof exportsField === 'object' ? Object.keys(exportsField) : [];
  const versions = (json.typesVersions as Record<string, Record<string, unknown>> | undefined)?.['*'];
  for (const key of Object.keys(versions ?? {})) if (key !== 'index' && !key.includes('*')) keys.push(`./${key}`);
  const subpaths = [...new Set(keys)].filter(key => key.startsWith('./') && !key.includes('*') && key !== './package.json').map(key => key.slice(1));
  return subpaths.sort((a, b) => Number(b === '/alpha') - Number(a === '/alpha'));
}
