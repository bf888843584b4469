/**
 * A unified diff of two texts, for --dry-run. The files are small and the
 * edits local, so an LCS over the lines between the common prefix and suffix
 * is plenty.
 */

interface Line {
  readonly text: string;
  /** Whether the line ends with a line break (only the last line may not). */
  readonly terminated: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines: Line[] = parts.map(part => ({ text: part.replace(/\r$/, ''), terminated: true }));
  if (last !== '') lines.push({ text: last.replace(/\r$/, ''), terminated: false });
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: Line; oldNo: number; newNo: number };

function diffLines(a: Line[], b: Line[]): Op[] {
  const same = (x: Line, y: Line): boolean => x.text === y.text && x.terminated === y.terminated;
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j]: length of the LCS of a[start+i..endA) and b[start+j..endB).
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = same(a[start + i], b[start + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: ' ', line: a[k], oldNo: k, newNo: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[start + i], b[start + j])) {
      ops.push({ kind: ' ', line: a[start + i], oldNo: start + i, newNo: start + j });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Deletions before additions, as diff(1) prints them.
      ops.push({ kind: '-', line: a[start + i], oldNo: start + i, newNo: start + j });
      i++;
    } else {
      ops.push({ kind: '+', line: b[start + j], oldNo: start + i, newNo: start + j });
      j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) {
    ops.push({ kind: ' ', line: a[endA + k], oldNo: endA + k, newNo: endB + k });
  }
  return ops;
}

export interface DiffColors {
  readonly header: (s: string) => string;
  readonly hunk: (s: string) => string;
  readonly added: (s: string) => string;
  readonly removed: (s: string) => string;
}

const PLAIN: DiffColors = { header: s => s, hunk: s => s, added: s => s, removed: s => s };

export function unifiedDiff(file: string, before: string | undefined, after: string | undefined, colors: DiffColors = PLAIN, context = 3): string {
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const ops = diffLines(a, b);
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter(index => index >= 0);
  if (changed.length === 0) return '';
  const out = [
    colors.header(`--- ${before === undefined ? '/dev/null' : `a/${file}`}`),
    colors.header(after === undefined ? '+++ /dev/null' : `+++ b/${file}`),
  ];
  let k = 0;
  while (k < changed.length) {
    let first = Math.max(0, changed[k] - context);
    let last = Math.min(ops.length - 1, changed[k] + context);
    while (k + 1 < changed.length && changed[k + 1] - context <= last + 1) {
      k++;
      last = Math.min(ops.length - 1, changed[k] + context);
    }
    k++;
    first = Math.max(0, first);
    const hunk = ops.slice(first, last + 1);
    const oldCount = hunk.filter(op => op.kind !== '+').length;
    const newCount = hunk.filter(op => op.kind !== '-').length;
    const oldStart = oldCount ? hunk.find(op => op.kind !== '+')!.oldNo + 1 : hunk[0].oldNo;
    const newStart = newCount ? hunk.find(op => op.kind !== '-')!.newNo + 1 : hunk[0].newNo;
    out.push(colors.hunk(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`));
    for (const op of hunk) {
      const text = `${op.kind}${op.line.text}`;
      out.push(op.kind === '+' ? colors.added(text) : op.kind === '-' ? colors.removed(text) : text);
      if (!op.line.terminated) out.push('\\ No newline at end of file');
    }
  }
  return out.join('\n') + '\n';
}
