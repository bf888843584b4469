/**
 * Whole-tree fixtures for `wire-plugin migrate`: every
 * `__testfixtures__/migrate/<case>/input/` tree is copied to a scratch
 * folder and migrated through the library; the result must equal
 * `<case>/output/` byte for byte, file for file (deleted files absent, no
 * file added that the output lacks). A second migration must change
 * nothing. `<case>/options.json` gives the options (`versions`);
 * `<case>/refused.txt` instead of an output expects exactly those refusal
 * lines and an untouched tree; `<case>/warnings.txt` the warnings;
 * `<case>/behaviour.txt` the report's behaviour lines, as the CLI prints them
 * (kept, or `changed:`), where a case checks what it says. A case
 * without a root package.json gets a default one (not compared). Adding a
 * case needs no code.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileTree, FIXTURES_ROOT } from './helpers/fixtures';
import { applyMigration, MigrationRefused, planMigration } from '../src/commands/migrate/plan';
import { behaviourLine } from '../src/commands/migrate/behaviour';

const DIR = path.join(FIXTURES_ROOT, 'migrate');
const DEFAULT_ROOT_JSON = '{\n  "private": true,\n  "workspaces": ["packages/*", "plugins/*"]\n}\n';
const cases = fs.readdirSync(DIR).filter(name => fs.existsSync(path.join(DIR, name, 'input'))).sort();

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function scratchCopy(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wire-plugin-migrate-${name}-`));
  made.push(dir);
  fs.cpSync(path.join(DIR, name, 'input'), dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), DEFAULT_ROOT_JSON);
  return dir;
}

function comparable(files: Map<string, string>, hasOwnRoot: boolean): Map<string, string> {
  if (!hasOwnRoot) files.delete('package.json');
  return files;
}

function readLines(file: string): string[] | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(line => line !== '') : undefined;
}

test('there are at least 25 migrate cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

describe.each(cases)('%s', name => {
  const caseDir = path.join(DIR, name);
  const options = fs.existsSync(path.join(caseDir, 'options.json')) ? JSON.parse(fs.readFileSync(path.join(caseDir, 'options.json'), 'utf8')) : {};
  const hasOwnRoot = fs.existsSync(path.join(caseDir, 'input', 'package.json'));
  const refusedExpected = readLines(path.join(caseDir, 'refused.txt'));
  const warningsExpected = readLines(path.join(caseDir, 'warnings.txt')) ?? [];
  const behaviourExpected = readLines(path.join(caseDir, 'behaviour.txt'));

  if (refusedExpected) {
    test('refuses with exactly these lines and writes nothing', async () => {
      const dir = scratchCopy(name);
      const before = fileTree(dir);
      const plan = await planMigration({ ...options, cwd: dir });
      expect(plan.report.refused).toEqual(refusedExpected);
      expect(() => applyMigration(plan)).toThrow(MigrationRefused);
      expect(fileTree(dir)).toEqual(before);
    });
    return;
  }

  test('the migrated tree matches output/ byte for byte', async () => {
    const dir = scratchCopy(name);
    const plan = await planMigration({ ...options, cwd: dir });
    expect(plan.report.refused).toEqual([]);
    expect(plan.report.warnings).toEqual(warningsExpected);
    if (behaviourExpected) expect(plan.report.behaviour.map(behaviourLine)).toEqual(behaviourExpected);
    applyMigration(plan);
    const expected = fileTree(path.join(caseDir, 'output'));
    const actual = comparable(fileTree(dir), hasOwnRoot);
    // On a mismatch, name the files first, then show the text.
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, bytes] of expected) expect(`${file}:\n${actual.get(file)}`).toBe(`${file}:\n${bytes}`);
  });

  test('a second migration changes nothing', async () => {
    const dir = scratchCopy(name);
    applyMigration(await planMigration({ ...options, cwd: dir }));
    const once = fileTree(dir);
    const again = await planMigration({ ...options, cwd: dir });
    expect(again.changes).toEqual([]);
    expect(again.report.refused).toEqual([]);
    applyMigration(again);
    expect(fileTree(dir)).toEqual(once);
  });
});
