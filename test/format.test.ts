/**
 * The quick reading of prettier configs agrees with prettier's own
 * resolveConfig on every layout it claims to handle, without loading prettier.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BACKSTAGE_FORMAT } from '../transforms/generate/plugin-module';
import { formatFromOptions, resolveModuleFormat } from '../src/commit/format';
import { cleanup, emptyDir, write } from './helpers/repo';

afterAll(cleanup);

function resolveWithPrettier(files: string[]): unknown[] {
  const script = path.join(__dirname, 'helpers', 'prettier-config.mjs');
  return JSON.parse(execFileSync(process.execPath, [script], { input: JSON.stringify(files) }).toString('utf8'));
}

const FILE = 'packages/backend/src/plugins/carmen.ts';
const LAYOUTS: { name: string; files: Record<string, string> }[] = [
  { name: 'no config at all', files: { 'package.json': '{ "name": "root", "workspaces": ["packages/*"] }' } },
  { name: "create-app's shared config (not installed)", files: { 'package.json': '{ "name": "root", "prettier": "@spotify/prettier-config" }' } },
  { name: 'a JSON .prettierrc', files: { '.prettierrc': '{ "singleQuote": false, "semi": false, "printWidth": 100 }' } },
  { name: 'options in package.json', files: { 'package.json': '{ "name": "root", "prettier": { "useTabs": true, "tabWidth": 4 } }' } },
  {
    name: 'a nearer .prettierrc.json wins over the root package.json',
    files: {
      'package.json': '{ "name": "root", "prettier": "@spotify/prettier-config" }',
      'packages/backend/.prettierrc.json': '{ "trailingComma": "es5", "endOfLine": "crlf", "bracketSpacing": false }',
    },
  },
  {
    name: 'a package.json without "prettier" is skipped',
    files: { '.prettierrc.json': '{ "singleQuote": true }', 'packages/backend/package.json': '{ "name": "backend" }' },
  },
];

test.each(LAYOUTS)('$name', async ({ files }) => {
  const root = emptyDir();
  for (const [file, content] of Object.entries(files)) write(root, file, content + '\n');
  const target = path.join(root, FILE);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const quick = await resolveModuleFormat(target, '\n', FILE);
  expect(quick.viaPrettier).toBe(false);
  const [config] = resolveWithPrettier([target]);
  const expected =
    config === null || (typeof config === 'object' && config !== null && 'error' in config)
      ? BACKSTAGE_FORMAT
      : formatFromOptions(config as Record<string, unknown>, '\n');
  expect(quick.format).toEqual(expected);
});

test('layouts it does not read itself go to prettier: YAML, overrides, .editorconfig', async () => {
  for (const files of [
    { '.prettierrc': 'singleQuote: false\nsemi: false\n' },
    { '.prettierrc.json': '{ "overrides": [{ "files": "*.ts", "options": { "semi": false } }] }' },
    { '.editorconfig': 'root = true\n[*]\nindent_style = tab\n', 'package.json': '{ "name": "root" }' },
  ]) {
    const root = emptyDir();
    for (const [file, content] of Object.entries(files)) write(root, file, content);
    const target = path.join(root, FILE);
    const resolved = await resolveModuleFormat(target, '\n', FILE).catch(() => undefined);
    // In jest, importing prettier (ESM) fails; what matters is that the quick path declined.
    expect(resolved === undefined || resolved.viaPrettier).toBe(true);
  }
});
