import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const PROJECT = path.join(__dirname, '..', '..');
export const CLI = path.join(PROJECT, 'dist', 'cli.js');
export const LEGACY_APP = path.join(PROJECT, 'examples', 'legacy-app');
export const NEW_APP = path.join(PROJECT, 'examples', 'new-app');

const made: string[] = [];

/** A scratch copy of an example app (removed after the test file). */
export function copyExample(example = LEGACY_APP): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-test-'));
  made.push(dir);
  const target = path.join(dir, 'repo');
  fs.cpSync(example, target, { recursive: true });
  return target;
}

export function emptyDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-test-'));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI, no TTY, no colour. */
export function runCli(args: string[], cwd: string): RunResult {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` (symlinks as their target text), to prove that nothing changed. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isSymbolicLink()) files.set(rel, `-> ${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) visit(full);
      else files.set(rel, fs.readFileSync(full).toString('base64'));
    }
  };
  visit(dir);
  return files;
}

export function read(repo: string, file: string): string {
  return fs.readFileSync(path.join(repo, file), 'utf8');
}

export function write(repo: string, file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), content);
}
