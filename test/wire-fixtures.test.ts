/**
 * Whole-tree fixtures for wiring (`__testfixtures__/wire/<case>/`): the
 * `input/` tree is copied to a scratch folder and wired through the library
 * with `options.json`; every file must then equal `output/` byte for byte
 * (no file more, none less), with exactly the warnings in `warnings.txt`. A
 * second run must change nothing, and `--remove` must give the input back,
 * byte for byte, except for the files that `removed/` holds (what --remove
 * leaves on purpose, such as an exclude list wiring took the plugin out of).
 * A case with `refused.txt` instead of an output must be refused with
 * exactly that one-line error, and leave every file as it was. A case's
 * `installed/` folder is copied to the scratch repo's node_modules (published
 * packages, read as installed), and `manual.txt` holds exactly the steps the
 * report leaves to be done by hand (none without it). `plugins.json`, where
 * a case has one, lists what the report says of each plugin (its `id`,
 * `role`, `form`), wiring and removing; `removal-warnings.txt` the warnings
 * of the --remove run (none without it).
 * These are the cases that span files: feature discovery, where index.ts,
 * package.json and app-config.yaml are read together. Adding a case needs
 * no code.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileTree, FIXTURES_ROOT } from './helpers/fixtures';
import { applyPlan, planWiring } from '../src/commands/wire/run';
import { WireError } from '../transforms/lib/errors';

const DIR = path.join(FIXTURES_ROOT, 'wire');
const cases = fs.readdirSync(DIR).filter(name => fs.existsSync(path.join(DIR, name, 'input'))).sort();

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

test('there are cases for every discovery form', () => {
  expect(cases.length).toBeGreaterThanOrEqual(6);
});

describe.each(cases)('%s', name => {
  const caseDir = path.join(DIR, name);
  const options = JSON.parse(fs.readFileSync(path.join(caseDir, 'options.json'), 'utf8'));
  const warningsFile = path.join(caseDir, 'warnings.txt');
  const warnings = fs.existsSync(warningsFile) ? fs.readFileSync(warningsFile, 'utf8').split('\n').filter(Boolean) : [];

  const removalWarningsFile = path.join(caseDir, 'removal-warnings.txt');
  const removalWarnings = fs.existsSync(removalWarningsFile) ? fs.readFileSync(removalWarningsFile, 'utf8').split('\n').filter(Boolean) : [];
  const pluginsFile = path.join(caseDir, 'plugins.json');
  const reported = fs.existsSync(pluginsFile) ? (JSON.parse(fs.readFileSync(pluginsFile, 'utf8')) as Record<string, unknown>[]) : undefined;
  const manualFile = path.join(caseDir, 'manual.txt');
  const manual = fs.existsSync(manualFile) ? fs.readFileSync(manualFile, 'utf8').split('\n').filter(Boolean) : [];
  const scratch = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wire-plugin-wire-${name}-`));
    made.push(dir);
    fs.cpSync(path.join(caseDir, 'input'), dir, { recursive: true });
    if (fs.existsSync(path.join(caseDir, 'installed'))) fs.cpSync(path.join(caseDir, 'installed'), path.join(dir, 'node_modules'), { recursive: true });
    return dir;
  };
  /** The repo's files, without what the case installed. */
  const filesOf = (dir: string): Map<string, string> => new Map([...fileTree(dir)].filter(([file]) => !file.startsWith('node_modules/')));

  const refusedFile = path.join(caseDir, 'refused.txt');
  if (fs.existsSync(refusedFile)) {
    test('is refused with exactly this error, and nothing is written', async () => {
      const dir = scratch();
      await expect(planWiring({ ...options, cwd: dir })).rejects.toThrow(new WireError(fs.readFileSync(refusedFile, 'utf8').trimEnd()));
      expect(filesOf(dir)).toEqual(fileTree(path.join(caseDir, 'input')));
    });
    return;
  }

  test('wires to the output byte for byte, a second run changes nothing, and --remove gives the input back', async () => {
    const dir = scratch();

    const plan = await planWiring({ ...options, cwd: dir });
    expect(plan.report.warnings).toEqual(warnings);
    expect(plan.report.manualSteps).toEqual(manual);
    if (reported) expect(plan.report.plugins).toMatchObject(reported);
    applyPlan(plan);
    expect(filesOf(dir)).toEqual(fileTree(path.join(caseDir, 'output')));

    const again = await planWiring({ ...options, cwd: dir });
    expect(again.changes).toEqual([]);
    expect(again.report.plugins.every(plugin => plugin.alreadyWired)).toBe(true);
    expect((again.report.frontend?.plugins ?? []).every(plugin => plugin.alreadyWired)).toBe(true);

    const removal = await planWiring({ ...options, cwd: dir, remove: true });
    expect(removal.report.warnings).toEqual(removalWarnings);
    if (reported) expect(removal.report.plugins).toMatchObject(reported.map(({ form: _form, ...plugin }) => plugin));
    applyPlan(removal);
    const expected = fileTree(path.join(caseDir, 'input'));
    for (const [file, bytes] of fileTree(path.join(caseDir, 'removed'))) expected.set(file, bytes);
    expect(filesOf(dir)).toEqual(expected);
  });
});
