/**
 * Heavy modules stay unloaded on the common paths: prettier, ts-morph (with
 * its compiler), typescript, jscodeshift and recast; and the shipped CLI is
 * one bundled file: nothing else is required but Node's own modules. A guard
 * on what is loaded, not on time (the benchmark measures time).
 */
import { spawnSync } from 'child_process';
import { builtinModules } from 'module';
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

const onOldNode = typeof (require('module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

const HEAVY = /^(prettier|ts-morph|typescript|jscodeshift|recast|@babel\/core)(\/|$)/;

const RUNS: [string, () => string, string[], string?][] = [
  ['wiring the legacy app (creates a module, reads the prettier config)', () => copyExample(), ['carmen']],
  ['wiring the new app', () => copyExample(NEW_APP), ['carmen']],
  ['--check on a wired app', () => {
    const repo = copyExample();
    spawnSync(process.execPath, [CLI, 'carmen'], { cwd: repo });
    return repo;
  }, ['carmen', '--check']],
  ['status on the legacy app', () => copyExample(), ['status']],
  // The example's notes plugin runs under another id after the move, so migrate reads app-config with `yaml`, bundled on its own.
  ['migrate --dry-run of the legacy app', () => copyExample(), ['migrate', '--dry-run'], './yaml.js'],
  ['status --json on the new app', () => copyExample(NEW_APP), ['status', '--json']],
  ['a package name with its feature at /alpha', () => {
    const repo = copyExample(NEW_APP);
    fs.cpSync(path.join(__dirname, 'fixtures', 'installed'), path.join(repo, 'node_modules'), { recursive: true });
    return repo;
  }, ['@backstage/plugin-kubernetes-backend', '@backstage/plugin-catalog-backend-module-github']],
];

// Each row padded to four columns: jest passes a `done` callback to a test function with more parameters than its row.
test.each(RUNS.map(([name, makeRepo, args, external]) => [name, makeRepo, args, external ?? ''] as const))('%s loads no heavy module', (_name, makeRepo, args, external) => {
  const loaded = loadedBy([...args], makeRepo());
  expect(loaded.filter(request => HEAVY.test(request))).toEqual([]);
  // One file: besides the launcher, everything but Node's own modules comes from the bundle (the parser and yargs included);
  // a run that must read YAML loads dist/yaml.js beside it, and nothing else.
  const outside = loaded.filter(request => !builtinModules.includes(request.replace(/^node:/, '')) && request !== CLI);
  if (external) {
    // On Node 18 and 20 the launcher compiles dist/yaml.js itself, from its code cache, so no require names it.
    if (!onOldNode) expect(outside).toContain(external);
    expect(outside.filter(request => request !== external)).toEqual([]);
  } else {
    expect(outside).toEqual([]);
  }
});

test('a --dry-run diff is coloured when FORCE_COLOR asks, plain otherwise', () => {
  const repo = copyExample();
  const coloured = spawnSync(process.execPath, [CLI, 'carmen', '--dry-run'], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } });
  expect(coloured.stdout).toContain("\u001b[32m+import carmen from './plugins/carmen';\u001b[0m");
  const plain = spawnSync(process.execPath, [CLI, 'carmen', '--dry-run'], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  expect(plain.stdout).not.toContain('\u001b[');
});

describe('the code cache of the bundled CLI (Node 18 and 20; Node 22 and later use module.enableCompileCache)', () => {
  const maybe = onOldNode ? test : test.skip;

  maybe('the first run writes the cache, later runs use it, and a broken cache is replaced, with the same output each time', () => {
    const tmp = emptyDir();
    const repo = copyExample(NEW_APP);
    const env = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
    const runOnce = () => spawnSync(process.execPath, [CLI, 'carmen', '--check'], { cwd: repo, encoding: 'utf8', env });
    const first = runOnce();
    expect(first.status).toBe(1);
    const cacheDirs = fs.readdirSync(tmp).filter(name => name.startsWith('wire-plugin-code-cache-'));
    expect(cacheDirs).toHaveLength(1);
    const cacheDir = path.join(tmp, cacheDirs[0]);
    const [cacheFile] = fs.readdirSync(cacheDir);
    // One cache per command: each keeps the functions its runs compile.
    expect(cacheFile).toMatch(new RegExp(`^${process.version.replace(/\./g, '\\.')}-${process.arch}-\\d+-\\d+-[0-9a-z]+-wire\\.bin$`));
    const written = fs.statSync(path.join(cacheDir, cacheFile)).mtimeMs;
    const second = runOnce();
    expect(second).toMatchObject({ status: 1, stdout: first.stdout, stderr: first.stderr });
    // Accepted: not written again.
    expect(fs.statSync(path.join(cacheDir, cacheFile)).mtimeMs).toBe(written);
    fs.writeFileSync(path.join(cacheDir, cacheFile), 'not a code cache');
    const third = runOnce();
    expect(third).toMatchObject({ status: 1, stdout: first.stdout, stderr: first.stderr });
    expect(fs.readFileSync(path.join(cacheDir, cacheFile), 'utf8')).not.toBe('not a code cache');
    expect(fs.readdirSync(cacheDir)).toEqual([cacheFile]);
  });
  maybe('migrate keeps a cache of its own, one of dist/yaml.js (it reads app-config) and one of dist/prettier.js (it formats what it writes); wire loads neither', () => {
    const tmp = emptyDir();
    const env = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
    const wired = spawnSync(process.execPath, [CLI, 'carmen', '--check'], { cwd: copyExample(), encoding: 'utf8', env });
    expect(wired.status).toBe(1);
    const migrated = spawnSync(process.execPath, [CLI, 'migrate', '--dry-run'], { cwd: copyExample(), encoding: 'utf8', env });
    expect(migrated.status).toBe(0);
    const [cacheDir] = fs.readdirSync(tmp).filter(name => name.startsWith('wire-plugin-code-cache-'));
    const files = fs.readdirSync(path.join(tmp, cacheDir)).map(name => name.replace(/-\d+-\d+-[0-9a-z]+-/, '-<bundle>-'));
    const node = `${process.version}-${process.arch}`;
    expect(files.sort()).toEqual([`${node}-<bundle>-migrate.bin`, `${node}-<bundle>-wire.bin`, `prettier-${node}-<bundle>-migrate.bin`, `yaml-${node}-<bundle>-migrate.bin`].sort());
  });

  maybe('writing a cache removes those not written for a week, and keeps the others', () => {
    const tmp = emptyDir();
    const cacheDir = path.join(tmp, `wire-plugin-code-cache-${process.getuid?.() ?? 'user'}`);
    fs.mkdirSync(cacheDir);
    const stale = path.join(cacheDir, `${process.version}-${process.arch}-1-1-old-wire.bin`);
    const recent = path.join(cacheDir, `${process.version}-${process.arch}-2-2-other-wire.bin`);
    fs.writeFileSync(stale, 'an older build');
    fs.writeFileSync(recent, 'another build, used yesterday');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    fs.utimesSync(stale, eightDaysAgo, eightDaysAgo);
    const run = spawnSync(process.execPath, [CLI, 'carmen', '--check'], { cwd: copyExample(), encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' } });
    expect(run.status).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readFileSync(recent, 'utf8')).toBe('another build, used yesterday');
    expect(fs.readdirSync(cacheDir)).toHaveLength(2);
  });
});
