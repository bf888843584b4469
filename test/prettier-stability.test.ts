/**
 * An independent check of the added lines' layout: for every legacy-index
 * fixture whose input is already formatted as Backstage's prettier config
 * formats it, the expected output must be too (prettier wraps long env and
 * route lines; the tool must wrap them the same way, and only them).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatWithPrettier } from './helpers/prettier';

const DIR = path.join(__dirname, '..', '__testfixtures__', 'legacy-index');
const BACKSTAGE = { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid' };

test('outputs of prettier-formatted inputs stay prettier-formatted', () => {
  const cases = fs
    .readdirSync(DIR)
    .filter(file => file.endsWith('.output.ts'))
    .map(file => ({
      name: file.replace('.output.ts', ''),
      input: fs.readFileSync(path.join(DIR, file.replace('.output.', '.input.')), 'utf8'),
      output: fs.readFileSync(path.join(DIR, file), 'utf8'),
    }));
  const formatted = formatWithPrettier(cases.flatMap(c => [{ text: c.input, options: BACKSTAGE }, { text: c.output, options: BACKSTAGE }]));
  const checked: string[] = [];
  const unstable: string[] = [];
  cases.forEach((c, i) => {
    if (formatted[2 * i] !== c.input) return;
    checked.push(c.name);
    if (formatted[2 * i + 1] !== c.output) unstable.push(c.name);
  });
  expect(unstable).toEqual([]);
  // Most fixtures are in Backstage's style: the check must cover them, including the wrapping case.
  expect(checked.length).toBeGreaterThanOrEqual(20);
  expect(checked).toContain('long-id-wraps-like-prettier');
});
