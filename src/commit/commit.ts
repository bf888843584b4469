/**
 * Writes a set of file changes all-or-nothing: every replaced content goes
 * to a temporary file beside its target first, then each is renamed over its
 * target; a new file is created in place (exclusively: never over one that
 * appeared meanwhile); if any step fails, the files already written are put
 * back or removed and the temporary files removed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseScript } from '@babel/parser';
import { WireError } from '../../transforms/lib/errors';
import { editsReparse, ParsedEdits } from './reparse';
import type { FileChange } from './tree';

let counter = 0;

function tempPathFor(target: string): string {
  counter++;
  return path.join(path.dirname(target), `.${path.basename(target)}.wire-plugin-${process.pid}-${counter}.tmp`);
}

function currentContent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function commitChanges(changes: readonly FileChange[]): void {
  // Someone (an editor, another run) changed a file since it was read: refuse rather than overwrite.
  const present = folderListing();
  for (const change of changes) {
    const unchanged = change.before === undefined ? !present(change.path) : currentContent(change.path) === change.before;
    if (!unchanged) throw new WireError(`${change.displayPath}: changed on disk while wire-plugin was running; nothing was written, run it again`);
  }

  const createdDirs: string[] = [];
  const temps = new Map<FileChange, string>();
  /** Deleted files wait under a backup name until every other step has worked. */
  const backups = new Map<FileChange, string>();
  const replaced: FileChange[] = [];
  /** New files this run opened (so made), which a failure removes. */
  const created = new Set<FileChange>();
  let current: FileChange | undefined;
  const removeTemps = (): void => {
    for (const temp of temps.values()) fs.rmSync(temp, { force: true });
  };
  const makeFolder = (dir: string): void => {
    if (fs.existsSync(dir)) return;
    const first = fs.mkdirSync(dir, { recursive: true });
    // Every level made, outermost first, so that undoing removes the deepest first.
    if (first) {
      const levels: string[] = [];
      for (let level = dir; level.length >= first.length && level !== path.dirname(level); level = path.dirname(level)) levels.unshift(level);
      createdDirs.push(...levels);
    }
  };
  try {
    for (const change of changes) {
      if (change.kind !== 'update') continue;
      current = change;
      const temp = tempPathFor(change.path);
      fs.writeFileSync(temp, change.after ?? '', { mode: fs.statSync(change.path).mode });
      temps.set(change, temp);
    }
    for (const change of changes) {
      current = change;
      if (change.kind === 'delete') {
        const backup = tempPathFor(change.path).replace(/\.tmp$/, '.bak');
        fs.renameSync(change.path, backup);
        backups.set(change, backup);
      } else if (change.kind === 'create') {
        makeFolder(path.dirname(change.path));
        // Exclusive: a file that appeared meanwhile is not ours to overwrite (nor to remove).
        const fd = fs.openSync(change.path, 'wx');
        created.add(change);
        try {
          fs.writeFileSync(fd, change.after ?? '');
        } finally {
          fs.closeSync(fd);
        }
      } else {
        fs.renameSync(temps.get(change)!, change.path);
        temps.delete(change);
      }
      replaced.push(change);
    }
    for (const backup of backups.values()) fs.rmSync(backup, { force: true });
    // A folder the tool's own file was alone in (src/plugins in a new backend) goes with it.
    for (const change of backups.keys()) removeIfEmpty(path.dirname(change.path));
  } catch (error) {
    removeTemps();
    const restoreFailures: string[] = [];
    for (const change of replaced.reverse()) {
      try {
        const backup = backups.get(change);
        if (backup) fs.renameSync(backup, change.path);
        else if (change.before === undefined) fs.rmSync(change.path, { force: true });
        else {
          const temp = tempPathFor(change.path);
          fs.writeFileSync(temp, change.before);
          fs.renameSync(temp, change.path);
        }
      } catch {
        restoreFailures.push(change.displayPath);
      }
    }
    // A create that failed after opening its file: made by this run, so removed too.
    for (const change of created) if (!replaced.includes(change)) fs.rmSync(change.path, { force: true });
    // Folders this run made go only if empty: a file someone else put there meanwhile stays.
    for (const dir of createdDirs.reverse()) removeIfEmpty(dir);
    const failed = current?.displayPath ?? 'a file';
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const state = restoreFailures.length
      ? `could not restore ${restoreFailures.join(', ')}`
      : 'every file is as it was';
    throw new WireError(`${failed}: cannot write (${reason}); ${state}`);
  }
}

/** Whether a file is there, by one listing of its folder (many new files share one): `present(file)`. */
function folderListing(): (file: string) => boolean {
  const listings = new Map<string, Set<string>>();
  return file => {
    const dir = path.dirname(file);
    let names = listings.get(dir);
    if (!names) {
      try {
        names = new Set(fs.readdirSync(dir));
      } catch {
        names = new Set();
      }
      listings.set(dir, names);
    }
    return names.has(path.basename(file));
  };
}

function removeIfEmpty(dir: string): void {
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // Not empty, or gone already: nothing to do.
  }
}

/**
 * The form a file's new text shares with other files of its template (the
 * modules migrate makes for each plugin), such that texts of one form all
 * parse or all do not; undefined for a file of its own.
 */
export type ParseShape = (file: string, text: string) => string | undefined;

/**
 * Every new content must parse before anything is written: JSON as JSON,
 * YAML (app-config) as YAML, the rest as TypeScript. A file whose edits are known (`edited`, by path, with
 * the AST of the text they apply to) has only its changed statements
 * re-parsed when that proves the whole parses; else, and for every other
 * file, the whole new content is parsed. Of the files `parseShape` gives one
 * form (a template's modules, alike but for a plugin's id and names), the
 * first is parsed and proves the others.
 */
export function validateChanges(changes: readonly FileChange[], edited?: ReadonlyMap<string, ParsedEdits>, parseShape?: ParseShape): void {
  const provenShapes = new Set<string>();
  for (const change of changes) {
    if (change.after === undefined) continue;
    const edits = edited?.get(change.path);
    if (edits && change.before !== undefined && editsReparse(change.before, change.after, edits)) continue;
    const shape = parseShape?.(change.path, change.after);
    if (shape !== undefined && provenShapes.has(shape)) continue;
    try {
      if (change.path.endsWith('.json')) JSON.parse(change.after);
      else if (/\.ya?ml$/.test(change.path)) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const error = (require('yaml') as typeof import('yaml')).parseDocument(change.after).errors[0];
        if (error) throw error;
      } else parseScript(change.after, { sourceType: 'module', plugins: change.path.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'], attachComment: false });
      if (shape !== undefined) provenShapes.add(shape);
    } catch (error) {
      throw new WireError(`${change.displayPath}: the planned edit does not parse (${(error as Error).message}); nothing was written (this is a wire-plugin bug)`);
    }
  }
}
