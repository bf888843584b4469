/**
 * The built transforms are real jscodeshift transforms: the jscodeshift CLI
 * runs them on files and writes the same bytes the library plans.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, emptyDir, PROJECT } from './helpers/repo';

const JSCODESHIFT = path.join(PROJECT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const FIXTURES = path.join(PROJECT, '__testfixtures__');

afterAll(cleanup);

function runJscodeshift(transform: string, file: string, extra: string[]): { code: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [JSCODESHIFT, '-t', path.join(PROJECT, 'dist', 'transforms', `${transform}.js`), '--run-in-band', '--no-babel', ...extra, file],
    { encoding: 'utf8' },
  );
  return { code: result.status, output: result.stdout + result.stderr };
}

test('jscodeshift -t dist/transforms/legacy-index.js --id=carmen wires an index.ts, then leaves it alone', () => {
  const dir = emptyDir();
  const file = path.join(dir, 'index.ts');
  fs.copyFileSync(path.join(FIXTURES, 'legacy-index', 'create-app-0.5.11.input.ts'), file);
  const first = runJscodeshift('legacy-index', file, ['--parser=ts', '--extensions=ts', '--id=carmen']);
  expect(first.code).toBe(0);
  expect(first.output).toMatch(/1 ok/);
  expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'legacy-index', 'create-app-0.5.11.output.ts'), 'utf8'));
  const second = runJscodeshift('legacy-index', file, ['--parser=ts', '--extensions=ts', '--id=carmen']);
  expect(second.output).toMatch(/1 unmodified/);
});

test('jscodeshift -t dist/transforms/package-json-dependency.js adds a dependency line', () => {
  const dir = emptyDir();
  const file = path.join(dir, 'package.json');
  fs.copyFileSync(path.join(FIXTURES, 'package-json-dependency', 'sorted-insert-in-order.input.json'), file);
  const run = runJscodeshift('package-json-dependency', file, [
    '--extensions=json',
    '--package=@internal/backstage-plugin-carmen-backend',
    '--range=^0.1.0',
  ]);
  expect(run.code).toBe(0);
  expect(fs.readFileSync(file, 'utf8')).toBe(
    fs.readFileSync(path.join(FIXTURES, 'package-json-dependency', 'sorted-insert-in-order.output.json'), 'utf8'),
  );
});
