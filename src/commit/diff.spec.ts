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

test('a removed file names line 0 on its empty side', () => {
  expect(unifiedDiff('t.ts', 'x\ny\n', undefined)).toBe(['--- a/t.ts', '+++ /dev/null', '@@ -1,2 +0,0 @@', '-x', '-y', ''].join('\n'));
});

test('a pure deletion, with its context', () => {
  expect(unifiedDiff('f.ts', 'a\nb\nc\n', 'a\nc\n')).toBe(['--- a/f.ts', '+++ b/f.ts', '@@ -1,3 +1,2 @@', ' a', '-b', ' c', ''].join('\n'));
});

test('CRLF lines diff and print as LF ones; only a changed line is shown', () => {
  expect(unifiedDiff('f.ts', 'a\r\nb\r\n', 'a\r\nX\r\nb\r\n')).toBe(['--- a/f.ts', '+++ b/f.ts', '@@ -1,2 +1,3 @@', ' a', '+X', ' b', ''].join('\n'));
});

test('deletions come before insertions in a replaced stretch', () => {
  expect(unifiedDiff('f.ts', 'a\nb\nc\n', 'a\nB\nc\n')).toBe(['--- a/f.ts', '+++ b/f.ts', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', ''].join('\n'));
});

test('distant changes make separate hunks', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
  const after = [...lines];
  after.splice(1, 0, 'A');
  after.splice(19, 0, 'B');
  const diff = unifiedDiff('f.ts', lines.join('\n') + '\n', after.join('\n') + '\n');
  expect(diff.match(/^@@/gm)).toHaveLength(2);
});

describe('long files (changes at both ends, and past the edit-length limit)', () => {
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

  test('a 2 MB file changed at both ends gives the two hunks', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `const line${i} = ${i}; // a line of about forty bytes`);
    const after = [...big];
    after.splice(49_990, 0, 'END');
    after[3] = 'START';
    expect(text(big).length).toBeGreaterThan(2_000_000);
    const diff = unifiedDiff('f.ts', text(big), text(after));
    expect(diff.match(/^@@.*$/gm)).toEqual(['@@ -1,7 +1,7 @@', '@@ -49988,6 +49988,7 @@']);
    expect(applyUnified(text(big), diff)).toBe(text(after));
  });

  test('past 2000 changed lines the search stops: the stretch between the common head and tail is shown replaced, with its context', () => {
    const head = ['h1', 'h2', 'h3', 'h4'];
    const tail = ['t1', 't2', 't3', 't4'];
    const before = [...head, ...Array.from({ length: 1100 }, (_, i) => `old ${i}`), ...tail];
    const after = [...head, ...Array.from({ length: 1100 }, (_, i) => `new ${i}`), ...tail];
    const diff = unifiedDiff('f.ts', text(before), text(after));
    expect(diff).toBe(
      ['--- a/f.ts', '+++ b/f.ts', '@@ -2,1106 +2,1106 @@', ' h2', ' h3', ' h4', ...before.slice(4, 1104).map(l => `-${l}`), ...after.slice(4, 1104).map(l => `+${l}`), ' t1', ' t2', ' t3', ''].join('\n'),
    );
    expect(applyUnified(text(before), diff)).toBe(text(after));
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
