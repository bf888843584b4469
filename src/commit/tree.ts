/**
 * An in-memory tree of file edits, after Nx devkit's `Tree`: planners read
 * and write here, nothing touches the disk until the changes are committed,
 * and writing the bytes a file already has records nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../transforms/lib/errors';

/** A backend's index.ts or package.json is a few kilobytes; anything this big is not one. */
export const MAX_SOURCE_BYTES = 2 * 2 ** 20;

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'deleted';

export interface FileChange {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the repo root, with forward slashes, for messages and reports. */
  readonly displayPath: string;
  readonly kind: 'create' | 'update' | 'delete';
  /** Content on disk when it was read (undefined for a new file). */
  readonly before?: string;
  /** New content (undefined for a deleted file). */
  readonly after?: string;
}

export class FileTree {
  private readonly originals = new Map<string, string | undefined>();
  /** New contents by absolute path; null for a file to delete. */
  private readonly contents = new Map<string, string | null>();
  private readonly realRoot: string;

  constructor(readonly root: string) {
    this.realRoot = fs.realpathSync(root);
  }

  display(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** Current content: what was written here, else what is on disk, else undefined. */
  read(file: string): string | undefined {
    const absolute = path.resolve(this.root, file);
    if (this.contents.has(absolute)) return this.contents.get(absolute) ?? undefined;
    return this.original(absolute);
  }

  exists(file: string): boolean {
    return this.read(file) !== undefined;
  }

  write(file: string, content: string): void {
    const absolute = path.resolve(this.root, file);
    this.original(absolute);
    this.contents.set(absolute, content);
  }

  delete(file: string): void {
    const absolute = path.resolve(this.root, file);
    if (this.original(absolute) === undefined) this.contents.delete(absolute);
    else this.contents.set(absolute, null);
  }

  status(file: string): FileStatus {
    const absolute = path.resolve(this.root, file);
    const before = this.original(absolute);
    const after = this.contents.get(absolute);
    if (after === null) return 'deleted';
    if (after === undefined || after === before) return 'unchanged';
    return before === undefined ? 'created' : 'updated';
  }

  /** Files whose content differs from the disk, in the order they were first touched. */
  changes(): FileChange[] {
    const out: FileChange[] = [];
    for (const [file, after] of this.contents) {
      const before = this.originals.get(file);
      if (after === before) continue;
      const kind = after === null ? 'delete' : before === undefined ? 'create' : 'update';
      out.push({ path: file, displayPath: this.display(file), kind, before, after: after ?? undefined });
    }
    return out;
  }

  /** What the file held on disk when first read (undefined when it did not exist), whatever was written since. */
  original(file: string): string | undefined {
    const absolute = path.resolve(this.root, file);
    if (this.originals.has(absolute)) return this.originals.get(absolute);
    this.assertInsideRoot(absolute);
    let content: string | undefined;
    try {
      const size = fs.statSync(absolute).size;
      if (size > MAX_SOURCE_BYTES) {
        throw new WireError(`${this.display(absolute)}: too large (${(size / 2 ** 20).toFixed(1)} MB); expected a source file under ${MAX_SOURCE_BYTES / 2 ** 20} MB`);
      }
      content = fs.readFileSync(absolute, 'utf8');
    } catch (error) {
      if (error instanceof WireError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') throw new WireError(`${this.display(absolute)}: is a folder; expected a file`);
      if (code !== 'ENOENT') throw new WireError(`${this.display(absolute)}: cannot read the file (${code ?? String(error)})`);
    }
    if (content !== undefined && content.includes('\u0000')) {
      throw new WireError(`${this.display(absolute)}: not a text file (it contains NUL bytes)`);
    }
    this.originals.set(absolute, content);
    return content;
  }

  /** Refuses paths that leave the repo, including through symlinked folders or files. */
  private assertInsideRoot(absolute: string): void {
    let existing = absolute;
    while (!fs.existsSync(existing)) {
      const parent = path.dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
    const real = fs.realpathSync(existing);
    const relative = path.relative(this.realRoot, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new WireError(`${this.display(absolute)}: resolves outside the repo (to ${real}); refusing to read or write it`);
    }
  }
}
