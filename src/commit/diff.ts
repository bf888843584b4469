/**
 * A unified diff of two texts, for --dry-run. The hunks come from the `diff`
 * package (jsdiff's Myers search, deletions before insertions, three lines of
 * context); this module only prints them, in diff(1)'s layout, with colour.
 *
 * jsdiff's cost grows with the number of changed lines, not with the file, so
 * a 2 MB file changed at both ends prints at once. Past MAX_EDIT_LENGTH
 * changed lines it gives up (a deterministic limit, unlike its `timeout`), and
 * the lines between the common head and tail are shown as replaced: still a
 * diff that applies, only not the shortest.
 *
 * Line endings are not part of a line: a CRLF file diffs and prints like an
 * LF one. The package loads only here, on the paths that print a diff.
 */
import type { StructuredPatchHunk } from 'diff';
// The one module that makes hunks (with the line diff it needs), not the package's every diff and patch function.
type PatchCreation = typeof import('diff/lib/patch/create.js');

/** Past this many changed lines the search stops and the stretch is shown as replaced. */
const MAX_EDIT_LENGTH = 2000;
const NO_NEWLINE = '\\ No newline at end of file';

export interface DiffColors {
  readonly header: (s: string) => string;
  readonly hunk: (s: string) => string;
  readonly added: (s: string) => string;
  readonly removed: (s: string) => string;
}

const PLAIN: DiffColors = { header: s => s, hunk: s => s, added: s => s, removed: s => s };

/** The text with each line's CR before its LF (or before the end) taken away. */
const withoutCr = (text: string): string => text.replace(/\r(?=\n|$)/g, '');

interface Line {
  readonly text: string;
  /** Whether the line ends with a line break (only the last line may not). */
  readonly terminated: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines: Line[] = parts.map(part => ({ text: part, terminated: true }));
  if (last !== '') lines.push({ text: last, terminated: false });
  return lines;
}

/**
 * The one hunk that shows everything between the common head and tail as
 * replaced, with `context` lines of each around it: what is printed when the
 * search gave up.
 */
function replacedStretch(before: string, after: string, context: number): StructuredPatchHunk[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const same = (x: Line, y: Line): boolean => x.text === y.text && x.terminated === y.terminated;
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const first = Math.max(0, head - context);
  const endA = a.length - tail;
  const endB = b.length - tail;
  const trailing = Math.min(tail, context);
  const lines: string[] = [];
  const push = (prefix: string, from: Line[]): void => {
    for (const line of from) {
      lines.push(prefix + line.text);
      if (!line.terminated) lines.push(NO_NEWLINE);
    }
  };
  push(' ', a.slice(first, head));
  push('-', a.slice(head, endA));
  push('+', b.slice(head, endB));
  push(' ', a.slice(endA, endA + trailing));
  const oldLines = endA - first + trailing;
  const newLines = endB - first + trailing;
  return [{ oldStart: first + 1, oldLines, newStart: first + 1, newLines, lines }];
}

export function unifiedDiff(file: string, before: string | undefined, after: string | undefined, colors: DiffColors = PLAIN, context = 3): string {
  const a = withoutCr(before ?? '');
  const b = withoutCr(after ?? '');
  if (a === b) return '';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { structuredPatch } = require('diff/lib/patch/create.js') as PatchCreation;
  const patch = structuredPatch('', '', a, b, undefined, undefined, { context, maxEditLength: MAX_EDIT_LENGTH });
  const hunks = patch?.hunks ?? replacedStretch(a, b, context);
  const out = [
    colors.header(`--- ${before === undefined ? '/dev/null' : `a/${file}`}`),
    colors.header(after === undefined ? '+++ /dev/null' : `+++ b/${file}`),
  ];
  for (const hunk of hunks) {
    // A side with no lines is named by the line before it (diff(1)'s convention, which formatPatch applies too).
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out.push(colors.hunk(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`));
    for (const line of hunk.lines) out.push(line[0] === '+' ? colors.added(line) : line[0] === '-' ? colors.removed(line) : line);
  }
  return out.join('\n') + '\n';
}
