import { unifiedDiff } from './diff';

test('an insertion, with three lines of context', () => {
  const before = 'a\nb\nc\nd\ne\nf\ng\n';
  const after = 'a\nb\nc\nd\nX\ne\nf\ng\n';
  expect(unifiedDiff('f.ts', before, after)).toBe(
    ['--- a/f.ts', '+++ b/f.ts', '@@ -2,6 +2,7 @@', ' b', ' c', ' d', '+X', ' e', ' f', ' g', ''].join('\n'),
  );
});

test('a new file', () => {
  expect(unifiedDiff('n.ts', undefined, 'x\ny\n')).toBe(['--- /dev/null', '+++ b/n.ts', '@@ -0,0 +1,2 @@', '+x', '+y', ''].join('\n'));
});

test('a missing final newline is marked', () => {
  expect(unifiedDiff('f.ts', 'a', 'a\nb')).toBe(
    ['--- a/f.ts', '+++ b/f.ts', '@@ -1,1 +1,2 @@', '-a', '\\ No newline at end of file', '+a', '+b', '\\ No newline at end of file', ''].join('\n'),
  );
});

test('no change, no diff', () => {
  expect(unifiedDiff('f.ts', 'a\n', 'a\n')).toBe('');
});

test('distant changes make separate hunks', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
  const after = [...lines];
  after.splice(1, 0, 'A');
  after.splice(19, 0, 'B');
  const diff = unifiedDiff('f.ts', lines.join('\n') + '\n', after.join('\n') + '\n');
  expect(diff.match(/^@@/gm)).toHaveLength(2);
});

describe('files too big for the LCS table (changes at both ends of a long file)', () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
  const text = (list: string[]): string => list.join('\n') + '\n';

  test('an insertion near each end: the same two hunks as for a small file', () => {
    const after = [...lines];
    after.splice(2998, 0, 'B');
    after.splice(2, 0, 'A');
    expect(unifiedDiff('f.ts', text(lines), text(after))).toBe(
      [
        '--- a/f.ts',
        '+++ b/f.ts',
        '@@ -1,5 +1,6 @@',
        ' line 0',
        ' line 1',
        '+A',
        ' line 2',
        ' line 3',
        ' line 4',
        '@@ -2996,5 +2997,6 @@',
        ' line 2995',
        ' line 2996',
        ' line 2997',
        '+B',
        ' line 2998',
        ' line 2999',
        '',
      ].join('\n'),
    );
  });

  test('a replaced line and a deleted one: deletions first, and applying the diff gives the new text', () => {
    const after = [...lines];
    after.splice(2990, 1);
    after[10] = 'changed 10';
    const diff = unifiedDiff('f.ts', text(lines), text(after));
    expect(diff.split('\n').filter(l => /^[-+](?![-+]{2} )/.test(l))).toEqual(['-line 10', '+changed 10', '-line 2990']);
    expect(applyUnified(text(lines), diff)).toBe(text(after));
  });

  test('past 2000 changed lines the stretch is shown replaced, still exact', () => {
    const before = Array.from({ length: 2100 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 2100 }, (_, i) => `new ${i}`);
    const diff = unifiedDiff('f.ts', text(before), text(after));
    expect(diff).toBe(['--- a/f.ts', '+++ b/f.ts', '@@ -1,2100 +1,2100 @@', ...before.map(l => `-${l}`), ...after.map(l => `+${l}`), ''].join('\n'));
  });
});

/** Applies a unified diff of whole lines (as unifiedDiff prints them, with final newlines) to `text`. */
function applyUnified(text: string, diff: string): string {
  const old = text.split('\n').slice(0, -1);
  const out: string[] = [];
  let cursor = 0;
  const lines = diff.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; i++) {
    const hunk = /^@@ -(\d+),\d+ \+\d+,\d+ @@$/.exec(lines[i]);
    if (!hunk) throw new Error(`not a hunk header: ${lines[i]}`);
    const start = Number(hunk[1]) - 1;
    while (cursor < start) out.push(old[cursor++]);
    while (i + 1 < lines.length && !lines[i + 1].startsWith('@@')) {
      const line = lines[++i];
      if (line.startsWith(' ')) out.push(old[cursor++]);
      else if (line.startsWith('-')) cursor++;
      else out.push(line.slice(1));
    }
  }
  while (cursor < old.length) out.push(old[cursor++]);
  return out.join('\n') + '\n';
}
