import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES_ROOT = path.join(__dirname, '..', '..', '__testfixtures__');

/** A case's transform options: `<case>.options.json`, else the folder's `options.json`, else none. */
export function fixtureOptions(dir: string, name: string): Record<string, unknown> {
  for (const file of [path.join(dir, `${name}.options.json`), path.join(dir, 'options.json')]) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return {};
}

export interface FixtureCase {
  readonly folder: string;
  readonly name: string;
  /** The case's input text. */
  readonly source: string;
  readonly options: Record<string, unknown>;
}

/** The cases of a fixture folder that expect an output (`<case>.input.ts` without a `<case>.error.txt`). */
export function fixtureCases(folder: string): FixtureCase[] {
  const dir = path.join(FIXTURES_ROOT, folder);
  return fs
    .readdirSync(dir)
    .map(file => /^(.+)\.input\.ts$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && !fs.existsSync(path.join(dir, `${name}.error.txt`)))
    .map(name => ({ folder, name, source: fs.readFileSync(path.join(dir, `${name}.input.ts`), 'utf8'), options: fixtureOptions(dir, name) }));
}

/** Every file under `dir`, by relative path (forward slashes), as bytes in a string (latin1). */
export function fileTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string): void => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full).toString('latin1'));
    }
  };
  visit(dir);
  return files;
}
