/**
 * Reading plugin packages: the default export's kind, createRouter, and its
 * options (with which are optional), through re-exports, imported, extended
 * and intersected types, and published .d.ts files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readPluginShape } from '../src/plugin-introspection';

const PLUGINS = path.join(__dirname, 'fixtures', 'plugins');

async function shape(name: string) {
  const dir = path.join(PLUGINS, name);
  const result = await readPluginShape(dir, JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')));
  return { ...result, entry: result.entry && path.relative(dir, result.entry) };
}

const req = (name: string) => ({ name, optional: false });
const opt = (name: string) => ({ name, optional: true });

test.each([
  ['legacy-cli-0.25', { entry: 'src/index.ts', feature: false, createRouter: true, routerOptions: [req('logger')], resolvedWith: 'syntax' }],
  ['both-cli-0.26', { entry: 'src/index.ts', feature: true, createRouter: true, routerOptions: [req('logger'), req('config')], resolvedWith: 'syntax' }],
  ['new-only', { entry: 'src/index.ts', feature: true, createRouter: false, resolvedWith: 'syntax' }],
  ['optional-fields', { feature: false, createRouter: true, routerOptions: [req('logger'), opt('database'), req('config'), opt('reader')], resolvedWith: 'syntax' }],
  ['options-imported', { createRouter: true, routerOptions: [req('logger'), req('database'), opt('identity')], resolvedWith: 'ts-morph' }],
  ['options-extends', { createRouter: true, routerOptions: [req('database'), opt('tokenManager'), req('logger'), req('config')], resolvedWith: 'ts-morph' }],
  ['options-intersection', { createRouter: true, routerOptions: [req('logger'), req('catalogApi'), req('identity'), opt('discovery')], resolvedWith: 'ts-morph' }],
  ['library-only', { feature: false, createRouter: false, resolvedWith: 'syntax' }],
  ['published-dts', { entry: 'types/index.d.ts', feature: true, createRouter: true, routerOptions: [req('logger'), req('discovery'), opt('scheduler')], resolvedWith: 'syntax' }],
  ['no-entry', { entry: undefined, resolvedWith: 'none' }],
])('%s', async (name, expected) => {
  const result = await shape(name);
  expect(result).toMatchObject(expected);
  if (!('routerOptions' in expected)) expect(result.routerOptions).toBeUndefined();
});
