/**
 * Reading plugin packages: the default export's kind, createRouter, and its
 * options (with which are optional), through re-exports, imported, extended
 * and intersected types, and published .d.ts files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readPluginShape } from '../src/repo/plugin-introspection';

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

/** Packages laid out as published (exports map, dist/*.d.ts): where the backend feature is. */
const INSTALLED = path.join(__dirname, 'fixtures', 'installed');

async function installedShape(name: string) {
  const dir = path.join(INSTALLED, ...name.split('/'));
  const result = await readPluginShape(dir, JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')));
  return { ...result, entry: result.entry && path.relative(dir, result.entry) };
}

test.each([
  // The root's default export is no feature; ./alpha's is (BackendFeatureCompat, as published for Backstage 1.2x).
  ['@backstage/plugin-catalog-backend-module-github', { entry: 'dist/index.d.ts', feature: true, featureSubpath: '/alpha', createRouter: false }],
  // A feature factory typed `() => BackendFeature` at ./alpha.
  ['@backstage/plugin-kubernetes-backend', { entry: 'dist/index.d.ts', feature: true, featureSubpath: '/alpha', createRouter: false }],
  // A feature at the root: no subpath.
  ['@roadiehq/backstage-plugin-argo-cd-backend', { entry: 'dist/index.d.ts', feature: true, createRouter: false }],
])('%s', async (name, expected) => {
  const result = await installedShape(name);
  expect(result).toMatchObject(expected);
  if (!('featureSubpath' in expected)) expect(result.featureSubpath).toBeUndefined();
});

test('a subpath found only through typesVersions, and a root that does not exist', async () => {
  const dir = path.join(INSTALLED, '@backstage', 'plugin-catalog-backend-module-github');
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  delete json.exports;
  json.types = 'dist/missing.d.ts';
  expect(await readPluginShape(dir, json)).toMatchObject({ feature: true, featureSubpath: '/alpha', entry: path.join(dir, 'dist', 'alpha.d.ts') });
});

test('a workspace package whose exports map points at sources', async () => {
  // The root (a library) has no feature; ./alpha points at a source file whose default export is one.
  const dir = path.join(__dirname, 'fixtures', 'plugins', 'library-only');
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const moved = { ...json, exports: { '.': './src/index.ts', './alpha': '../new-only/src/index.ts', './package.json': './package.json' } };
  expect(await readPluginShape(dir, moved)).toMatchObject({ feature: true, featureSubpath: '/alpha' });
});
