/**
 * package.json after a migration: which dependencies nothing imports any
 * more (the old index.ts or a deleted module did, and no file that stays
 * does), and whether a file that stays still imports types.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageOfSpecifier } from '../../../transforms/lib/package-names';
import { applyChanges } from '../../../transforms/lib/changes';
import { planDependencies, planDependencyRemoval } from '../../../transforms/package-json-dependency';
import { Context, versionFor } from './context';
import { releaseRow } from '../../repo/release-table';
import { RELEASE_ROWS } from '../../repo/release-versions';

/** Packages a file imports (or requires, or import()s). */
export function importedPackages(source: string): Set<string> {
  const out = new Set<string>();
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    const pkg = packageOfSpecifier(match[1]);
    if (pkg) out.add(pkg);
  }
  return out;
}

/** Source files of the backend that stay: every .ts/.js under src except index.ts and the deleted modules. */
export function remainingSources(context: Context, deleted: readonly string[]): string[] {
  const { files } = context;
  const out: string[] = [];
  const visit = (dir: string): void => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else if (/\.(ts|tsx|js)$/.test(entry.name) && full !== files.indexPath && !deleted.includes(full)) {
        out.push(full);
      }
    }
  };
  visit(path.join(files.backendDir, 'src'));
  return out.sort();
}

/** Whether a backend source file that stays imports `target` (by a relative specifier). */
export function remainingFilesImport(context: Context, target: string): boolean {
  const stem = target.replace(/\.ts$/, '');
  for (const file of remainingSources(context, []).filter(f => f !== target)) {
    if (context.files.tree.status(file) === 'deleted') continue;
    const text = context.files.tree.read(file) ?? '';
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.[^'"]+)['"]/g)) {
      const resolved = path.resolve(path.dirname(file), match[1]).replace(/\.[jt]s$/, '');
      if (resolved === stem) return true;
    }
  }
  return false;
}

/**
 * Dependencies to remove: those the old index.ts or a deleted module
 * imported, which nothing left in the backend imports (and the new index
 * does not name). Others are never touched.
 */
export function removableDependencies(
  context: Context,
  deleted: readonly string[],
  kept: readonly string[],
  newIndex: string,
  added: ReadonlySet<string>,
): string[] {
  const { files } = context;
  // Every source file under src but index.ts, once: deleted ones (the freed modules, types.ts) and those that stay.
  const sources = [...new Set([...remainingSources(context, []), ...deleted, ...kept])];
  const before = importedPackages(files.indexText);
  const still = importedPackages(newIndex);
  for (const file of sources) {
    if (files.tree.status(file) === 'deleted') for (const pkg of importedPackages(files.tree.original(file) ?? '')) before.add(pkg);
    else for (const pkg of importedPackages(files.tree.read(file) ?? '')) still.add(pkg);
  }
  const dependencies = Object.keys((files.backendJson.dependencies ?? {}) as Record<string, unknown>);
  return dependencies.filter(name => before.has(name) && !still.has(name) && !added.has(name));
}

/**
 * The refusal for packages to add whose version nothing tells (not
 * installed, no row of the table): one line for a release older than the
 * table, where the fix is to bump Backstage first, else one per package.
 */
function unknownVersions(context: Context, names: readonly string[]): string[] {
  if (!names.length) return [];
  const { files } = context;
  const release = context.release;
  if (release !== undefined && releaseRow(release) === undefined) {
    const file = path.join(files.root, 'backstage.json');
    const text = files.tree.read(file) ?? '';
    const line = text.slice(0, Math.max(0, text.indexOf('"version"'))).split('\n').length;
    return [
      `${files.tree.display(file)}:${line}: release ${release} is older than ${RELEASE_ROWS[0]}, the first Backstage release whose new-backend-system packages wire-plugin knows the versions of, so it knows none for ${names.join(', ')}: bump the repo's Backstage release first (yarn backstage-cli versions:bump), then run migrate again; or pass --version <name>@<range> for each`,
    ];
  }
  const why = release === undefined ? 'no backstage.json names the release' : `wire-plugin's table has no version of it for backstage.json's release ${release}`;
  return names.map(name => `${files.tree.display(files.backendJsonPath)}: ${name}: no version known for it (not installed; ${why}): pass --version ${name}@<range>`);
}

/**
 * package.json after the migration: what the new index and the generated
 * modules import (a range each: known, else installed or from the table,
 * else refused by name with --version to pass), minus what nothing imports
 * any more. Written into the tree.
 */
export function planPackageJson(
  context: Context,
  addedPackages: ReadonlyMap<string, string>,
  deletions: readonly string[],
  kept: readonly string[],
  newIndex: string,
): { added: { name: string; range: string }[]; removed: string[]; refused: string[] } {
  const { files } = context;
  const { tree } = files;
  const dependencies = (files.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const added: { name: string; range: string }[] = [];
  const unknown: string[] = [];
  for (const [name, known] of addedPackages) {
    if (name in dependencies) continue;
    const range = known || versionFor(context, name);
    if (range === undefined) unknown.push(name);
    else added.push({ name, range });
  }
  const refused = unknownVersions(context, unknown);
  // The generated modules are not on disk yet: what they import counts as still imported.
  const removed = removableDependencies(context, deletions, kept, newIndex, new Set(addedPackages.keys()));
  let jsonText = files.backendJsonText;
  const display = tree.display(files.backendJsonPath);
  if (removed.length) jsonText = applyChanges(jsonText, planDependencyRemoval(jsonText, display, removed).changes);
  if (added.length) jsonText = applyChanges(jsonText, planDependencies(jsonText, display, added).changes);
  tree.write(files.backendJsonPath, jsonText);
  return { added, removed, refused };
}
