/**
 * Every TypeScript file the migrate and wire fixtures expect, checked with the
 * real prettier (the `typescript` parser, as `prettier --check` uses for .ts)
 * under create-app's config (`@backstage/cli/config/prettier`): a file the tool
 * created must pass; a file it edited must pass where its input did (the
 * tool keeps the user's own lines as they are).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatWithPrettier } from './helpers/prettier';

const FIXTURES = path.join(__dirname, '..', '__testfixtures__');
// endOfLine auto: a CRLF repo's files are checked as such (create-app's config leaves it unset).
const CREATE_APP = { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid', endOfLine: 'auto' };

interface Checked {
  file: string;
  text: string;
  input?: string;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Each expected .ts file of each case of a whole-tree fixture folder, with its input where it had one. */
function expectedFiles(folder: string): Checked[] {
  const root = path.join(FIXTURES, folder);
  return fs.readdirSync(root).flatMap(name => {
    const output = path.join(root, name, 'output');
    return walk(output).map(file => {
      const input = path.join(root, name, 'input', path.relative(output, file));
      return { file: path.relative(FIXTURES, file), text: fs.readFileSync(file, 'utf8'), input: fs.existsSync(input) ? fs.readFileSync(input, 'utf8') : undefined };
    });
  });
}

const checked = [...expectedFiles('migrate'), ...expectedFiles('wire')];
const parser = (file: string) => (file.endsWith('.tsx') ? { parser: 'typescript' } : {});

test('fixture outputs pass prettier --check under create-app\'s config', () => {
  const jobs = checked.flatMap(c => [
    { text: c.text, options: { ...CREATE_APP, ...parser(c.file) } },
    { text: c.input ?? '', options: { ...CREATE_APP, ...parser(c.file) } },
  ]);
  const results = formatWithPrettier(jobs);
  const failing: string[] = [];
  let created = 0;
  let edited = 0;
  checked.forEach((c, i) => {
    if (c.input !== undefined && results[2 * i + 1] !== c.input) return; // the input was not clean: the user's lines
    if (c.input === undefined) created++;
    else edited++;
    if (results[2 * i] !== c.text) failing.push(c.file);
  });
  expect(failing).toEqual([]);
  expect(created).toBeGreaterThanOrEqual(80);
  expect(edited).toBeGreaterThanOrEqual(150);
});
