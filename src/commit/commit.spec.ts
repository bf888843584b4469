import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from '@babel/parser';
import { applyChanges } from '../../transforms/lib/changes';
import { commitChanges, validateChanges } from './commit';
import { WireError } from '../../transforms/lib/errors';
import type { FileChange } from './tree';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-commit-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const change = (file: string, before: string | undefined, after: string): FileChange => ({
  path: path.join(dir, file),
  displayPath: file,
  kind: before === undefined ? 'create' : 'update',
  before,
  after,
});

const listing = (): string[] => fs.readdirSync(dir, { recursive: true }).map(String).sort();

test('writes every change and leaves no temporary file', () => {
  fs.writeFileSync(path.join(dir, 'a.ts'), 'old a');
  commitChanges([change('a.ts', 'old a', 'new a'), change('sub/b.ts', undefined, 'new b')]);
  expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('new a');
  expect(fs.readFileSync(path.join(dir, 'sub/b.ts'), 'utf8')).toBe('new b');
  expect(listing()).toEqual(['a.ts', 'sub', path.join('sub', 'b.ts')]);
});

test('a failure after the first file was replaced puts everything back', () => {
  fs.writeFileSync(path.join(dir, 'a.ts'), 'old a');
  // The last new file's folder is a file: creating it fails after a.ts was replaced and new/deeper/c.ts made (two folders).
  fs.writeFileSync(path.join(dir, 'blocked'), 'x');
  const before = listing();
  expect(() => commitChanges([change('a.ts', 'old a', 'new a'), change('new/deeper/c.ts', undefined, 'c'), change('blocked/b.ts', undefined, 'b')])).toThrow(
    /^blocked\/b\.ts: cannot write \(ENOTDIR\); every file is as it was$/,
  );
  expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('old a');
  expect(listing()).toEqual(before);
});

test('a file, or a folder, where a new file goes is not overwritten', () => {
  fs.mkdirSync(path.join(dir, 'b.ts'));
  fs.writeFileSync(path.join(dir, 'c.ts'), 'made meanwhile');
  const before = listing();
  expect(() => commitChanges([change('b.ts', undefined, 'b')])).toThrow('b.ts: changed on disk while wire-plugin was running; nothing was written, run it again');
  expect(() => commitChanges([change('c.ts', undefined, 'c')])).toThrow('c.ts: changed on disk while wire-plugin was running; nothing was written, run it again');
  expect(listing()).toEqual(before);
  expect(fs.readFileSync(path.join(dir, 'c.ts'), 'utf8')).toBe('made meanwhile');
});

test('a file changed on disk since it was read is not overwritten', () => {
  fs.writeFileSync(path.join(dir, 'a.ts'), 'edited by someone else');
  expect(() => commitChanges([change('a.ts', 'old a', 'new a')])).toThrow(WireError);
  expect(() => commitChanges([change('a.ts', 'old a', 'new a')])).toThrow(
    'a.ts: changed on disk while wire-plugin was running; nothing was written, run it again',
  );
  expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('edited by someone else');
});

test('keeps the file mode of an updated file', () => {
  const file = path.join(dir, 'a.sh');
  fs.writeFileSync(file, 'old', { mode: 0o755 });
  commitChanges([change('a.sh', 'old', 'new')]);
  expect(fs.statSync(file).mode & 0o777).toBe(0o755);
});

describe('validateChanges', () => {
  const source = "import a from 'a';\n\nasync function main() {\n  a();\n}\n";
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript'], attachComment: false });
  const inMain = source.indexOf('  a();');
  const validate = (text: string, edits = [{ start: inMain, end: inMain, text }]): void => {
    const file = path.join(dir, 'index.ts');
    validateChanges([change('index.ts', source, applyChanges(source, edits))], new Map([[file, { ast, edits }]]));
  };

  test('accepts edits whose changed statements parse in place', () => {
    expect(() => validate('  await b();\n')).not.toThrow();
  });

  test('a broken edit is refused with the file named, whether or not its edits are known', () => {
    expect(() => validate('  b(\n')).toThrow(/^index\.ts: the planned edit does not parse \(.*\); nothing was written \(this is a wire-plugin bug\)$/);
    expect(() => validateChanges([change('index.ts', source, source + 'b(')])).toThrow(/^index\.ts: the planned edit does not parse/);
  });

  test('what the changed statements cannot prove goes to the whole-file parse, which decides', () => {
    // A second top-level `a` clashes with the import: not provable in place, and the whole file says no.
    const top = source.indexOf('\nasync');
    expect(() => validate('', [{ start: top, end: top, text: "\nconst a = 1;" }])).toThrow(/does not parse.*already been declared/);
    // A var is never proven in place; this one is fine, and the whole-file parse says so.
    expect(() => validate('  var v = 1;\n')).not.toThrow();
  });

  test('of the files one parse shape covers, the first is parsed and proves the rest; the first of each shape is parsed', () => {
    const created = (name: string, text: string): FileChange => change(name, undefined, text);
    const shapeOf = (file: string): string | undefined => (path.basename(file).startsWith('m-') ? 'module shape' : undefined);
    // The second m- file is proven by the first (the shape says they parse alike), so its text is never parsed.
    expect(() => validateChanges([created('m-a.ts', 'export const a = 1;\n'), created('m-b.ts', 'export const = ;\n')], undefined, shapeOf)).not.toThrow();
    // The first of a shape is parsed, and a file without a shape always is.
    expect(() => validateChanges([created('m-b.ts', 'export const = ;\n'), created('m-a.ts', 'export const a = 1;\n')], undefined, shapeOf)).toThrow(/^m-b\.ts: the planned edit does not parse/);
    expect(() => validateChanges([created('m-a.ts', 'export const a = 1;\n'), created('x.ts', 'export const = ;\n')], undefined, shapeOf)).toThrow(/^x\.ts: the planned edit does not parse/);
  });

  test('JSON is parsed as JSON', () => {
    expect(() => validateChanges([change('package.json', '{}\n', '{\n')])).toThrow(/^package\.json: the planned edit does not parse/);
    expect(() => validateChanges([change('package.json', '{}\n', '{ "a": 1 }\n')])).not.toThrow();
  });
});
