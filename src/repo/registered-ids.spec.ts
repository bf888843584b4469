import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeIdentity, defaultExportSpecifier } from './registered-ids';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A package folder with these files. */
function packageWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-registered-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test.each([
  ["var plugin = require('./plugin.cjs.js');\nexports.default = plugin.rbacPlugin;\n", './plugin.cjs.js'],
  ["var plugin = require('./plugin.cjs.js');\nexports[\"default\"] = plugin.rbacPlugin;\n", './plugin.cjs.js'],
  ["export { rbacPlugin as default } from './plugin.esm.js';\n", './plugin.esm.js'],
  ["export { default } from './plugin';\n", './plugin'],
  ["export { default as other } from './other';\nexport { catalogPlugin as default } from './service/plugin';\n", './service/plugin'],
  ["import { examplePlugin } from './plugin';\nexport default examplePlugin;\n", './plugin'],
  ["export * from './service/router';\n", undefined],
])('the default export of %j comes from %j', (text, expected) => {
  expect(defaultExportSpecifier(text)).toBe(expected);
});

const RBAC_JSON = JSON.stringify({ name: '@backstage-community/plugin-rbac-backend', main: 'dist/index.cjs.js', backstage: { role: 'backend-plugin', pluginId: 'rbac' } });
const INDEX = "'use strict';\nvar router = require('./service/router.cjs.js');\nvar plugin = require('./plugin.cjs.js');\nexports.createRouter = router.createRouter;\nexports.default = plugin.rbacPlugin;\n";
const ROUTER = "'use strict';\nasync function createRouter() {}\nexports.createRouter = createRouter;\n";

test('a package whose metadata says plugin rbac and whose code creates a module of permission is a module of permission', () => {
  const dir = packageWith({
    'package.json': RBAC_JSON,
    'dist/index.cjs.js': INDEX,
    'dist/service/router.cjs.js': ROUTER,
    'dist/plugin.cjs.js': "const rbacPlugin = backendPluginApi.createBackendModule({\n  pluginId: \"permission\",\n  moduleId: \"rbac\",\n  register() {}\n});\nexports.rbacPlugin = rbacPlugin;\n",
  });
  expect(codeIdentity(dir, { pluginId: 'rbac', role: 'plugin' })).toEqual({ pluginId: 'permission', role: 'module' });
});

test('one whose code creates the plugin permission is the plugin permission', () => {
  const dir = packageWith({
    'package.json': RBAC_JSON,
    'dist/index.cjs.js': INDEX,
    'dist/service/router.cjs.js': ROUTER,
    'dist/plugin.cjs.js': "const rbacPlugin = backendPluginApi.createBackendPlugin({\n  pluginId: \"permission\",\n  register() {}\n});\nexports.rbacPlugin = rbacPlugin;\n",
  });
  expect(codeIdentity(dir, { pluginId: 'rbac', role: 'plugin' })).toEqual({ pluginId: 'permission', role: 'plugin' });
});

test('a plugin package that also exports a module of another plugin is read by its default export', () => {
  // As scaffolder-backend once exported catalogModuleTemplateKind beside its plugin, required first.
  const dir = packageWith({
    'package.json': JSON.stringify({ name: '@acme/plugin-tasks-backend', main: 'dist/index.cjs.js', backstage: { role: 'backend-plugin', pluginId: 'tasks' } }),
    'dist/index.cjs.js': "var module$1 = require('./modules/catalogModuleTaskKind.cjs.js');\nvar plugin = require('./plugin.cjs.js');\nexports.catalogModuleTaskKind = module$1.catalogModuleTaskKind;\nexports.default = plugin.tasksPlugin;\n",
    'dist/modules/catalogModuleTaskKind.cjs.js': "const catalogModuleTaskKind = createBackendModule({ pluginId: 'catalog', moduleId: 'task-kind', register() {} });\nexports.catalogModuleTaskKind = catalogModuleTaskKind;\n",
    'dist/plugin.cjs.js': "const tasksPlugin = createBackendPlugin({ pluginId: 'tasks', register() {} });\nexports.tasksPlugin = tasksPlugin;\n",
  });
  expect(codeIdentity(dir, { pluginId: 'tasks', role: 'plugin' })).toEqual({ pluginId: 'tasks', role: 'plugin' });
});

test('code that registers nothing readable, or more than one thing, leaves the metadata as it is', () => {
  const declared = { pluginId: 'dora', role: 'plugin' as const };
  expect(codeIdentity(packageWith({ 'package.json': '{"main":"src/index.ts"}', 'src/index.ts': "export * from './service/router';\n" }), declared)).toBe(declared);
  expect(codeIdentity(undefined, declared)).toBe(declared);
  const module = { pluginId: 'catalog', role: 'module' as const, pluginPackage: '@backstage/plugin-catalog-backend' };
  const dir = packageWith({ 'package.json': '{"main":"src/index.ts"}', 'src/index.ts': "export default createBackendModule({ pluginId: 'catalog', moduleId: 'x', register() {} });\n" });
  expect(codeIdentity(dir, module)).toEqual(module);
});
