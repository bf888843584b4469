/**
 * No input reaches a shell, and no user string reaches generated code unescaped.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseExpression } from '@babel/parser';
import { stringLiteral } from '../transforms/lib/code-style';
import { PROJECT } from './helpers/repo';

test('the shipped code spawns nothing: no child_process, no eval', () => {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  };
  visit(path.join(PROJECT, 'dist', 'src'));
  visit(path.join(PROJECT, 'dist', 'transforms'));
  // The bundles hold yargs and @babel/parser too: the whole shipped CLI and library.
  files.push(...['cli.js', 'wire-plugin.js', 'index.js'].map(file => path.join(PROJECT, 'dist', file)));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter(file => /child_process|\beval\(|new Function\(|\bexecSync\b|\bspawn\(/.test(fs.readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

test('every string the printer writes reads back as the same value, in either quote', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom("'", '"') as fc.Arbitrary<"'" | '"'>, (value, quote) => {
      const literal = stringLiteral(value, quote);
      const node = parseExpression(literal);
      expect(node.type).toBe('StringLiteral');
      expect((node as { value: string }).value).toBe(value);
    }),
    { seed: 7, numRuns: 500 },
  );
});

test('a hostile string stays one literal', () => {
  const hostile = "x'); require('child_process').exec('rm -rf /'); ('";
  expect(stringLiteral(hostile, "'")).toBe("'x\\'); require(\\'child_process\\').exec(\\'rm -rf /\\'); (\\''");
});
