import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileTree } from './tree';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-tree-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('writing the bytes a file already has records nothing', () => {
  fs.writeFileSync(path.join(root, 'a.ts'), 'same');
  const tree = new FileTree(root);
  tree.write('a.ts', 'same');
  expect(tree.status('a.ts')).toBe('unchanged');
  expect(tree.changes()).toEqual([]);
});

test('records creates and updates with what was read', () => {
  fs.writeFileSync(path.join(root, 'a.ts'), 'old');
  const tree = new FileTree(root);
  tree.write('a.ts', 'new');
  tree.write('dir/b.ts', 'b');
  expect(tree.read('a.ts')).toBe('new');
  expect(tree.changes()).toEqual([
    { path: path.join(root, 'a.ts'), displayPath: 'a.ts', kind: 'update', before: 'old', after: 'new' },
    { path: path.join(root, 'dir/b.ts'), displayPath: 'dir/b.ts', kind: 'create', before: undefined, after: 'b' },
  ]);
  expect(fs.existsSync(path.join(root, 'dir'))).toBe(false);
});

test('refuses a path that leaves the repo through a symlink', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-outside-'));
  try {
    fs.symlinkSync(outside, path.join(root, 'link'));
    const tree = new FileTree(root);
    expect(() => tree.read('link/x.ts')).toThrow(/^link\/x\.ts: resolves outside the repo \(to .+\); refusing to read or write it$/);
    expect(() => tree.write('link/y.ts', 'y')).toThrow(/resolves outside the repo/);
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('a symlink that stays inside the repo is fine', () => {
  fs.mkdirSync(path.join(root, 'real'));
  fs.writeFileSync(path.join(root, 'real', 'x.ts'), 'x');
  fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
  expect(new FileTree(root).read('link/x.ts')).toBe('x');
});
