/**
 * A unified diff of two texts, for --dry-run. The files are small and the
 * edits local, so an LCS over the lines between the common prefix and suffix
 * is plenty; a stretch too big for its table (edits at both ends of a big
 * file) goes to Myers' search instead, whose cost grows with the changes.
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

type Step = ' ' | '-' | '+';

/** Past this many cells the LCS table is too big (a 2 MB file changed at both ends would need gigabytes). */
const MAX_LCS_CELLS = 4_000_000;
/** Past this many changed lines, Myers' search stops and the stretch is shown as replaced. */
const MAX_EDIT_DISTANCE = 2000;

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
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const steps =
    x.length * y.length <= MAX_LCS_CELLS
      ? lcsSteps(x, y, same)
      : (myersSteps(x, y, same) ?? [...x.map((): Step => '-'), ...y.map((): Step => '+')]);
  const ops: Op[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: ' ', line: a[k], oldNo: k, newNo: k });
  let i = start;
  let j = start;
  for (const step of steps) {
    if (step === ' ') ops.push({ kind: ' ', line: a[i++], oldNo: i - 1, newNo: j++ });
    else if (step === '-') ops.push({ kind: '-', line: a[i++], oldNo: i - 1, newNo: j });
    else ops.push({ kind: '+', line: b[j++], oldNo: i, newNo: j - 1 });
  }
  for (let k = 0; k < a.length - endA; k++) {
    ops.push({ kind: ' ', line: a[endA + k], oldNo: endA + k, newNo: endB + k });
  }
  return ops;
}

/** The steps from `a` to `b` by a longest common subsequence table: exact, and small inputs only. */
function lcsSteps(a: Line[], b: Line[], same: (x: Line, y: Line) => boolean): Step[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..n) and b[j..m).
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i], b[j])) {
      steps.push(' ');
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Deletions before additions, as diff(1) prints them.
      steps.push('-');
      i++;
    } else {
      steps.push('+');
      j++;
    }
  }
  return steps;
}

/**
 * The shortest steps from `a` to `b` by Myers' O(ND) search, for inputs too
 * big for a table (time and memory grow with the number of changed lines,
 * not with the file); undefined past MAX_EDIT_DISTANCE changed lines.
 */
function myersSteps(a: Line[], b: Line[], same: (x: Line, y: Line) => boolean): Step[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  // v[offset + k]: the furthest x reached on diagonal k (x - y = k).
  const v = new Int32Array(2 * max + 3);
  // trace[d]: v for diagonals -d-1..d+1 after step d, to walk back from the end.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x], b[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return walkBack(trace, d, n, m);
    }
    trace.push(v.slice(offset - d - 1, offset + d + 2));
  }
  return undefined;
}

function walkBack(trace: Int32Array[], last: number, n: number, m: number): Step[] {
  const reversed: Step[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const before = trace[d - 1];
    // `before` holds diagonals -d..d (those of step d - 1, one wider).
    const at = (k: number): number => before[k + d];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const fromX = at(down ? k + 1 : k - 1);
    const fromY = fromX - (down ? k + 1 : k - 1);
    while (x > fromX && y > fromY) {
      reversed.push(' ');
      x--;
      y--;
    }
    if (down) {
      reversed.push('+');
      y--;
    } else {
      reversed.push('-');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    reversed.push(' ');
    x--;
    y--;
  }
  const steps = reversed.reverse();
  // Deletions before additions within each changed stretch, as diff(1) prints them.
  for (let i = 0; i < steps.length; ) {
    if (steps[i] === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j] !== ' ') j++;
    const removed = steps.slice(i, j).filter(step => step === '-').length;
    for (let k = i; k < j; k++) steps[k] = k - i < removed ? '-' : '+';
    i = j;
  }
  return steps;
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
