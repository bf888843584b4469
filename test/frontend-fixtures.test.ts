/**
 * Two checks over the app transforms' fixtures that the generic runner does
 * not make: every wiring case is undone byte for byte by the same transform
 * with `remove`, and every output whose input is formatted as prettier
 * formats it (Backstage's config, or the file's own double quotes, no
 * semicolons and 4-space indent) is formatted too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES_ROOT, fixtureOptions } from './helpers/fixtures';
import { formatWithPrettier } from './helpers/prettier';

type Transform = (file: { path: string; source: string }, api: unknown, options: Record<string, unknown>) => string;

const FOLDERS = ['legacy-app-routes', 'legacy-app-sidebar', 'legacy-entity-page', 'new-frontend-app'];

interface Case {
  readonly folder: string;
  readonly name: string;
  readonly input: string;
  readonly output: string;
  readonly options: Record<string, unknown>;
}

const cases: Case[] = FOLDERS.flatMap(folder => {
  const dir = path.join(FIXTURES_ROOT, folder);
  return fs
    .readdirSync(dir)
    .map(file => /^(.+)\.output\.tsx$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .map(name => ({
      folder,
      name,
      input: fs.readFileSync(path.join(dir, `${name}.input.tsx`), 'utf8'),
      output: fs.readFileSync(path.join(dir, `${name}.output.tsx`), 'utf8'),
      options: fixtureOptions(dir, name),
    }));
});

// A half-wired input had lines the tool did not add; removal takes those too.
const wiring = cases.filter(c => !c.options.remove && c.input !== c.output && !c.name.startsWith('half-wired'));

test('every app transform has wiring cases that change the file', () => {
  for (const folder of FOLDERS) expect(wiring.filter(c => c.folder === folder).length).toBeGreaterThanOrEqual(2);
});

test.each(wiring.map(c => [`${c.folder}/${c.name}`, c] as const))('%s: --remove gives the input back byte for byte', (_, c) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transform: Transform = require(`../transforms/${c.folder}`).default;
  const removed = transform({ path: 'App.tsx', source: c.output }, {}, { ...c.options, remove: true });
  expect(removed).toBe(c.input);
});

const STYLES = [
  { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid' },
  { singleQuote: false, semi: false, tabWidth: 4, trailingComma: 'all', arrowParens: 'avoid' },
];

test('outputs of prettier-formatted inputs stay prettier-formatted', () => {
  const jobs = cases.flatMap(c => STYLES.flatMap(style => [{ text: c.input, options: { ...style, parser: 'typescript', endOfLine: 'auto' } }, { text: c.output, options: { ...style, parser: 'typescript', endOfLine: 'auto' } }]));
  const formatted = formatWithPrettier(jobs);
  const checked: string[] = [];
  const unformatted: string[] = [];
  cases.forEach((c, i) => {
    STYLES.forEach((_, s) => {
      const at = (i * STYLES.length + s) * 2;
      if (formatted[at] !== c.input) return;
      checked.push(`${c.folder}/${c.name}`);
      if (formatted[at + 1] !== c.output) unformatted.push(`${c.folder}/${c.name}`);
    });
  });
  expect(unformatted).toEqual([]);
  expect(checked.length).toBeGreaterThanOrEqual(15);
});
