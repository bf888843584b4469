/**
 * One run at a time per backend: a lock file beside the backend package,
 * created exclusively, holding the owner's pid. Two migration scripts wiring
 * different plugins into one repo at the same moment then take turns, and
 * neither loses the other's edit. A lock whose owner is gone is taken over.
 *
 * Ours rather than `proper-lockfile` (4.1.2), for two measured reasons. It
 * judges a lock stale by its age, so a lock left by a run that crashed (a
 * killed migration script, Ctrl-C) blocks the next run for its 10 s stale
 * time; here the owner's pid is asked, and a dead owner's lock is taken at
 * once. And requiring it costs 14 ms on every run (graceful-fs patches fs,
 * signal-exit hooks the process), beside start-ups of about 200 ms. Its
 * strength, locks shared across machines on network file systems, a
 * backend checked out once per developer does not need.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../transforms/lib/errors';

export const LOCK_FILE = '.wire-plugin.lock';

export interface Lock {
  readonly path: string;
  release(): void;
}

/** How long a lock file without a readable pid may be "being written" before it counts as abandoned. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

function ownerIsAlive(lockPath: string): boolean {
  let pid: number;
  let age: number;
  try {
    age = Date.now() - fs.statSync(lockPath).mtimeMs;
    pid = Number(fs.readFileSync(lockPath, 'utf8').split('\n')[0]);
  } catch {
    return true; // Just removed: look again shortly.
  }
  // Created but its pid not written yet (the owner is between open and write), or left so by a crash.
  if (!Number.isInteger(pid) || pid <= 0) return age < UNREADABLE_LOCK_GRACE_MS;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

export async function acquireLock(dir: string, displayDir: string, timeoutMs = 30_000): Promise<Lock> {
  const lockPath = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      fs.closeSync(fd);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new WireError(`${displayDir}/${LOCK_FILE}: cannot create the lock file (${code ?? String(error)})`);
    }
    if (!ownerIsAlive(lockPath)) {
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new WireError(`${displayDir}/${LOCK_FILE}: another wire-plugin run has held this backend for ${Math.round(timeoutMs / 1000)} s; nothing was written, try again`);
    }
    await sleep(Math.min(25 * 2 ** Math.min(attempt, 4), 200));
  }
}
