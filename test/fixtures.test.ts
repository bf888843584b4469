/**
 * Runs every fixture under __testfixtures__/<transform>/: `<case>.input.<ext>`
 * through transforms/<transform>.ts with the options in `<case>.options.json`
 * (else the folder's `options.json`), and compares the result byte for byte
 * with `<case>.output.<ext>`, or the error with `<case>.error.txt`. Each
 * output is also run through the transform again and must not change.
 * Adding a case needs no code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES_ROOT, fixtureOptions } from './helpers/fixtures';
import { parse } from '@babel/parser';
import { parseDocument } from 'yaml';
import { WireError } from '../transforms/lib/errors';

type Transform = (file: { path: string; source: string }, api: unknown, options: Record<string, unknown>) => string;

const ROOT = FIXTURES_ROOT;


function assertParses(text: string, ext: string): void {
  if (ext === 'json') JSON.parse(text);
  else if (ext === 'yaml') expect(parseDocument(text).errors).toEqual([]);
  else parse(text, { sourceType: 'module', plugins: ext === 'tsx' ? ['typescript', 'jsx'] : ['typescript'] });
}

const FILE_NAMES: Record<string, string> = { json: 'package.json', yaml: 'app-config.yaml', tsx: 'App.tsx' };
/** The file an app transform's messages name, where it is not App.tsx. */
const TSX_NAMES: Record<string, string> = { 'legacy-app-sidebar': 'Root.tsx', 'legacy-entity-page': 'EntityPage.tsx' };

// Whole-tree fixtures (`<folder>/<case>/input/...`, such as migrate's) have a runner of their own.
const isTreeFolder = (name: string): boolean =>
  fs.readdirSync(path.join(ROOT, name)).some(entry => fs.existsSync(path.join(ROOT, name, entry, 'input')));
const transforms = fs.readdirSync(ROOT).filter(name => fs.statSync(path.join(ROOT, name)).isDirectory() && !isTreeFolder(name));

test('every fixture folder has a transform', () => {
  expect(transforms.length).toBeGreaterThan(0);
  for (const name of transforms) expect(fs.existsSync(path.join(__dirname, '..', 'transforms', `${name}.ts`))).toBe(true);
});

describe.each(transforms)('%s', transformName => {
  const dir = path.join(ROOT, transformName);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transform: Transform = require(`../transforms/${transformName}`).default;
  const cases = fs
    .readdirSync(dir)
    .map(file => /^(.+)\.input\.(\w+)$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => ({ name: m[1], ext: m[2] }));

  test('has cases', () => expect(cases.length).toBeGreaterThan(0));

  describe.each(cases)('$name', ({ name, ext }) => {
    const input = fs.readFileSync(path.join(dir, `${name}.input.${ext}`), 'utf8');
    const options = fixtureOptions(dir, name);
    const file = (ext === 'tsx' ? TSX_NAMES[transformName] : undefined) ?? FILE_NAMES[ext] ?? 'index.ts';
    const errorFile = path.join(dir, `${name}.error.txt`);

    if (fs.existsSync(errorFile)) {
      test('fails with the expected one-line message', () => {
        const expected = fs.readFileSync(errorFile, 'utf8').replace(/\n$/, '');
        expect(() => transform({ path: file, source: input }, {}, options)).toThrow(WireError);
        expect(() => transform({ path: file, source: input }, {}, options)).toThrow(expected);
        try {
          transform({ path: file, source: input }, {}, options);
        } catch (error) {
          expect((error as Error).message).toBe(expected);
        }
      });
      return;
    }

    const expectedBytes = fs.readFileSync(path.join(dir, `${name}.output.${ext}`));
    test('output matches byte for byte', () => {
      const output = transform({ path: file, source: input }, {}, options);
      expect(Buffer.from(output, 'utf8').equals(expectedBytes)).toBe(true);
      // On a mismatch, show the text diff too.
      expect(output).toBe(expectedBytes.toString('utf8'));
      assertParses(output, ext);
    });

    test('is idempotent: the output run again is unchanged', () => {
      const expected = expectedBytes.toString('utf8');
      expect(transform({ path: file, source: expected }, {}, options)).toBe(expected);
    });
  });
});
