/**
 * Heavy modules stay unloaded on the common paths: prettier, ts-morph (with
 * its compiler), typescript, jscodeshift and recast. A guard on what is loaded,
 * not on time (the benchmark measures time).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, cleanup, copyExample, emptyDir, NEW_APP } from './helpers/repo';

afterAll(cleanup);

function loadedBy(args: string[], cwd: string): string[] {
  const out = path.join(emptyDir(), 'modules.json');
  const result = spawnSync(process.execPath, ['-r', path.join(__dirname, 'helpers', 'track-modules.js'), CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TRACK_MODULES_OUT: out },
  });
  expect(result.stderr).toBe('');
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const HEAVY = /^(prettier|ts-morph|typescript|jscodeshift|recast|@babel\/core)(\/|$)/;

test.each([
  ['wiring the legacy app (creates a module, reads the prettier config)', () => copyExample(), ['carmen']],
  ['wiring the new app', () => copyExample(NEW_APP), ['carmen']],
  ['--check on a wired app', () => {
    const repo = copyExample();
    spawnSync(process.execPath, [CLI, 'carmen'], { cwd: repo });
    return repo;
  }, ['carmen', '--check']],
  ['status on the legacy app', () => copyExample(), ['status']],
  ['migrate --dry-run of the legacy app', () => copyExample(), ['migrate', '--dry-run']],
  ['status --json on the new app', () => copyExample(NEW_APP), ['status', '--json']],
  ['a package name with its feature at /alpha', () => {
    const repo = copyExample(NEW_APP);
    fs.cpSync(path.join(__dirname, 'fixtures', 'installed'), path.join(repo, 'node_modules'), { recursive: true });
    return repo;
  }, ['@backstage/plugin-kubernetes-backend', '@backstage/plugin-catalog-backend-module-github']],
])('%s loads no heavy module', (_name, makeRepo, args) => {
  const loaded = loadedBy(args as string[], (makeRepo as () => string)());
  expect(loaded).toContain('@babel/parser');
  expect(loaded.filter(request => HEAVY.test(request))).toEqual([]);
});

test('a --dry-run diff is coloured when FORCE_COLOR asks, plain otherwise', () => {
  const repo = copyExample();
  const coloured = spawnSync(process.execPath, [CLI, 'carmen', '--dry-run'], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } });
  expect(coloured.stdout).toContain("\u001b[32m+import carmen from './plugins/carmen';\u001b[0m");
  const plain = spawnSync(process.execPath, [CLI, 'carmen', '--dry-run'], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  expect(plain.stdout).not.toContain('\u001b[');
});
