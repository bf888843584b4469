/**
 * An error caused by the input (the repo, the arguments), as opposed to a bug.
 * The message is one line that names the file and what was expected; the CLI
 * prints it and exits 2. `hint` is optional extra text (for example the lines
 * to add by hand) printed after it.
 */
export class WireError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'WireError';
    this.hint = hint;
  }
}

/**
 * The file is sound, but has no place the tool edits for one piece of the
 * wiring (a sidebar whose items another component makes): a caller that can
 * do without the piece makes it a step by hand and wires the rest.
 */
export class NoPlaceError extends WireError {
  constructor(message: string) {
    super(message);
    this.name = 'NoPlaceError';
  }
}

/** `file:line:col` for a 0-based offset into `source` (line and column 1-based). */
export function formatPosition(file: string, source: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${file}:${line}:${offset - lineStart + 1}`;
}
