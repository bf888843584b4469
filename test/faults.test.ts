/**
 * Nothing is ever lost: a write that fails half-way leaves every file as it
 * was; two runs at once both land; a file changed under the tool is not
 * overwritten; an interrupted run leaves no temporary file and no half state.
 */
import { spawn } from 'child_process';
// The real module object (not an import-star wrapper), so that jest can replace its functions.
import fs = require('fs');
import * as path from 'path';
import { commitChanges } from '../src/commit/commit';
import { applyPlan, planWiring } from '../src/commands/wire/run';
import type { FileChange } from '../src/commit/tree';
import { CLI, cleanup, copyExample, emptyDir, read, snapshot, write } from './helpers/repo';

afterAll(cleanup);
afterEach(() => jest.restoreAllMocks());

const INDEX = 'packages/backend/src/index.ts';
const BACKEND_JSON = 'packages/backend/package.json';
const PLUGIN_FILE = 'packages/backend/src/plugins/carmen.ts';

function leftovers(dir: string): string[] {
  return [...snapshot(dir).keys()].filter(file => /\.wire-plugin(-\d+-\d+\.(tmp|bak)|\.lock)$/.test(file));
}

describe('a write that fails half-way', () => {
  function changesIn(dir: string): FileChange[] {
    fs.writeFileSync(path.join(dir, 'a.ts'), 'old a');
    fs.writeFileSync(path.join(dir, 'c.ts'), 'old c');
    const change = (file: string, before: string | undefined, after: string): FileChange => ({
      path: path.join(dir, file),
      displayPath: file,
      kind: before === undefined ? 'create' : 'update',
      before,
      after,
    });
    return [change('a.ts', 'old a', 'new a'), change('sub/b.ts', undefined, 'new b'), change('c.ts', 'old c', 'new c')];
  }

  /** The `call`th call of fs.renameSync or fs.writeFileSync fails with `code`; the others work. */
  function failCall(name: 'renameSync' | 'writeFileSync', call: number, code: string): () => void {
    return () => {
      const real = fs[name] as (...args: unknown[]) => void;
      let calls = 0;
      jest.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
        if (++calls === call) throw Object.assign(new Error('injected'), { code });
        return real(...args);
      }) as never);
    };
  }

  // Updates are written to temporary files first and renamed over their targets; a new file is created in place,
  // exclusively. What fails is named, and everything done before it is undone.
  test.each([
    ['an injected rename error on the second replaced file, after the new one was made', failCall('renameSync', 2, 'EIO'), /^c\.ts: cannot write \(EIO\); every file is as it was$/],
    ['a full disk while writing the second temporary file', failCall('writeFileSync', 2, 'ENOSPC'), /^c\.ts: cannot write \(ENOSPC\); every file is as it was$/],
    ['a full disk while writing the new file, after the first was replaced', failCall('writeFileSync', 3, 'ENOSPC'), /^sub\/b\.ts: cannot write \(ENOSPC\); every file is as it was$/],
  ])('%s leaves every file as it was', (_name, inject, message) => {
    const dir = emptyDir();
    const changes = changesIn(dir);
    const before = snapshot(dir);
    inject();
    expect(() => commitChanges(changes)).toThrow(message);
    jest.restoreAllMocks();
    expect(snapshot(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'sub'))).toBe(false);
  });

  test('a new file someone else made meanwhile is neither overwritten nor removed, and the rest is put back', () => {
    const dir = emptyDir();
    const changes = changesIn(dir);
    const before = snapshot(dir);
    const open = fs.openSync;
    jest.spyOn(fs, 'openSync').mockImplementation((file, flags, mode) => {
      if (String(file).endsWith(path.join('sub', 'b.ts')) && flags === 'wx') fs.writeFileSync(file, 'theirs');
      return open(file, flags, mode);
    });
    expect(() => commitChanges(changes)).toThrow(/^sub\/b\.ts: cannot write \(EEXIST\); every file is as it was$/);
    jest.restoreAllMocks();
    expect(snapshot(dir)).toEqual(new Map([...before, [path.join('sub', 'b.ts'), Buffer.from('theirs').toString('base64')]]));
  });
});

test('a file changed between read and write is not overwritten, and nothing else is written', async () => {
  const repo = copyExample();
  const plan = await planWiring({ plugins: ['carmen'], cwd: repo });
  write(repo, INDEX, read(repo, INDEX) + '// saved in an editor meanwhile\n');
  const before = snapshot(repo);
  expect(() => applyPlan(plan)).toThrow(
    'packages/backend/src/index.ts: changed on disk while wire-plugin was running; nothing was written, run it again',
  );
  expect(snapshot(repo)).toEqual(before);
});

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

test('two runs started at the same moment, wiring different plugins, both land', async () => {
  for (let round = 0; round < 4; round++) {
    const repo = copyExample();
    const [carmen, dora] = await Promise.all([runCli(['carmen', '--cwd', repo]), runCli(['dora', '--cwd', repo])]);
    expect([carmen.code, carmen.stderr, dora.code, dora.stderr]).toEqual([0, '', 0, '']);
    const index = read(repo, INDEX);
    for (const line of [
      "import carmen from './plugins/carmen';",
      "import dora from './plugins/dora';",
      "  const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));",
      "  const doraEnv = useHotMemoize(module, () => createEnv('dora'));",
      "  apiRouter.use('/carmen', await carmen(carmenEnv));",
      "  apiRouter.use('/dora', await dora(doraEnv));",
    ]) {
      expect(index).toContain(`${line}\n`);
    }
    expect(read(repo, BACKEND_JSON)).toContain('"@internal/backstage-plugin-carmen-backend": "^0.1.0",\n    "@internal/backstage-plugin-dora-backend": "^0.1.0",');
    expect(leftovers(repo)).toEqual([]);
  }
});

test('a lock left by a run that died is taken over', async () => {
  const repo = copyExample();
  write(repo, 'packages/backend/.wire-plugin.lock', '999999999\n2026-01-01T00:00:00.000Z\n');
  const result = await runCli(['carmen', '--cwd', repo]);
  expect(result.code).toBe(0);
  expect(leftovers(repo)).toEqual([]);
});

test('a lock held by a live run makes a writing run wait, then give up with exit 2, writing nothing', async () => {
  const repo = copyExample();
  write(repo, 'packages/backend/.wire-plugin.lock', `${process.pid}\n`);
  const before = snapshot(repo);
  const result = await runCli(['carmen', '--cwd', repo], { WIRE_PLUGIN_LOCK_TIMEOUT_MS: '300' });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(
    'wire-plugin: error: packages/backend/.wire-plugin.lock: another wire-plugin run has held this backend for 0 s; nothing was written, try again\n',
  );
  expect(snapshot(repo)).toEqual(before);
  // Read-only runs take no lock.
  expect((await runCli(['carmen', '--cwd', repo, '--check'])).code).toBe(1);
});

test('an interrupted run leaves no temporary file, no lock, and every file either as it was or wired', async () => {
  const outcomes = new Set<string>();
  for (let i = 0; i < 16; i++) {
    const repo = copyExample();
    const original = snapshot(repo);
    const child = spawn(process.execPath, [CLI, 'carmen', '--cwd', repo], { stdio: 'ignore' });
    const signal = i % 2 ? 'SIGINT' : 'SIGTERM';
    setTimeout(() => child.kill(signal), (i * 9) % 120);
    const code = await new Promise<number | null>(resolve => child.on('exit', (exitCode, killedBy) => resolve(exitCode ?? (killedBy ? -1 : null))));
    expect(leftovers(repo)).toEqual([]);
    const files = [INDEX, BACKEND_JSON, PLUGIN_FILE].map(file => (fs.existsSync(path.join(repo, file)) ? read(repo, file) : undefined));
    const untouched = JSON.stringify(snapshot(repo)) === JSON.stringify(original);
    const wired = files[0]?.includes("apiRouter.use('/carmen'") && files[1]?.includes('backstage-plugin-carmen-backend') && files[2] !== undefined;
    expect(untouched || wired).toBe(true);
    outcomes.add(`${code}:${untouched ? 'untouched' : 'wired'}`);
  }
  // The runs were really cut at different points: some before writing, some after.
  expect([...outcomes].some(o => o.endsWith('untouched'))).toBe(true);
});
