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
