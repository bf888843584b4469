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
