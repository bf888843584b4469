/**
 * `wire-plugin migrate` through the built CLI, on scratch copies of the
 * legacy example with carmen and dora wired (no node_modules: the catalog's
 * target comes from the shipped table), and on the new example.
 */
import * as path from 'path';
import { cleanup, copyExample, LEGACY_APP, NEW_APP, PROJECT, read, runCli, snapshot, write } from './helpers/repo';
import { formatWithPrettier } from './helpers/prettier';

const INDEX = 'packages/backend/src/index.ts';
const BACKEND_JSON = 'packages/backend/package.json';

afterAll(cleanup);

function wiredLegacyApp(): string {
  const repo = copyExample(LEGACY_APP);
  expect(runCli(['carmen', 'dora', '-q'], repo).code).toBe(0);
  return repo;
}

const MIGRATED_INDEX = `/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { legacyPlugin } from '@backstage/backend-common';

const backend = createBackend();

backend.add(legacyPlugin('hooks', import('./modules/hooks-legacy-plugin')));
backend.add(import('./modules/hooks-legacy-access'));
backend.add(legacyPlugin('notes', import('./modules/notes-legacy-plugin')));
backend.add(import('./modules/notes-legacy-access'));
backend.add(import('@backstage/plugin-catalog-backend/alpha'));
backend.add(legacyPlugin('carmen', import('./modules/carmen-legacy-plugin')));
backend.add(import('./modules/carmen-legacy-access'));
backend.add(import('@internal/backstage-plugin-dora-backend'));
backend.add(import('./modules/root-healthcheck'));
backend.add(import('./modules/notes-export'));
backend.add(import('./modules/startup-log'));
backend.add(import('./modules/startup-tasks'));
backend.add(import('./modules/api-assets'));
backend.add(import('./modules/root-metrics'));
backend.add(import('./modules/url-reader'));
backend.add(import('./modules/discovery'));
backend.add(import('./modules/root-logger'));
backend.add(import('./modules/conditional-features'));
backend.add(import('./modules/root-http-router'));

backend.start();
`;

describe('migrate the legacy example', () => {
  test('--dry-run shows the diff and the plan and writes nothing; --check exits 1', () => {
    const repo = wiredLegacyApp();
    const before = snapshot(repo);
    const dry = runCli(['migrate', '--dry-run'], repo);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain("+backend.add(legacyPlugin('carmen', import('./modules/carmen-legacy-plugin')));\n");
    expect(dry.stdout).toContain('--- a/packages/backend/src/plugins/catalog.ts\n+++ /dev/null\n');
    expect(dry.stdout).toContain('  removed dependency @backstage/plugin-permission-node (nothing imports it any more)\n');
    expect(dry.stdout.trimEnd().split('\n').pop()).toBe('Dry run: migrating packages/backend would move 6 plugins (2 as features, 4 bridged); nothing written.');
    expect(snapshot(repo)).toEqual(before);
    expect(runCli(['migrate', '--check'], repo).code).toBe(1);
    expect(snapshot(repo)).toEqual(before);
  });

  test('--dry-run --json lists the whole plan: each target, what decided it, carried and replaced statements, dependencies', () => {
    const repo = wiredLegacyApp();
    const result = runCli(['migrate', '--dry-run', '--json'], repo);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.plugins.map((p: Record<string, unknown>) => [p.id, p.target, p.adds, p.decidedBy])).toEqual([
      // The example's own modules: custom code, so bridged (echo's under its flag: the feature loader yields it).
      ['hooks', 'bridge', ["legacyPlugin('hooks', import('./modules/hooks-legacy-plugin'))"], 'module'],
      ['notes', 'bridge', ["legacyPlugin('notes', import('./modules/notes-legacy-plugin'))"], 'module'],
      ['echo', 'bridge', ["legacyPlugin('echo', import('./modules/echo-legacy-plugin'))"], 'module'],
      ['catalog', 'feature', ['@backstage/plugin-catalog-backend/alpha'], 'table'],
      ['carmen', 'bridge', ["legacyPlugin('carmen', import('./modules/carmen-legacy-plugin'))"], 'installed'],
      ['dora', 'feature', ['@internal/backstage-plugin-dora-backend'], 'installed'],
    ]);
    expect(report.refused).toEqual([]);
    expect(report.carried).toEqual([]);
    expect(report.replaced.map((r: { code: string }) => r.code)).toEqual([
      'const config = await loadBackendConfig({',
      'const createEnv = makeCreateEnv(config);',
      "const hooksEnv = useHotMemoize(module, () => createEnv('hooks'));",
      "const notesEnv = useHotMemoize(module, () => createEnv('notes_store'));",
      "const healthcheckEnv = useHotMemoize(module, () => createEnv('healthcheck'));",
      "const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));",
      "const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));",
      "const doraEnv = useHotMemoize(module, () => createEnv('dora'));",
      'const apiRouter = Router();',
      'const hooksRouter = await hooks(hooksEnv);',
      'apiRouter.use(notFoundHandler());',
      'const service = createServiceBuilder(module)',
      'await service.start().catch(err => {',
      'function makeCreateEnv(config: Config) {',
      'module.hot?.accept();',
      'main().catch(error => {',
    ]);
    // The 1.30 example has backend-defaults already (its UrlReaders moved there from backend-common): nothing to add.
    expect(report.dependencies).toEqual({
      added: [],
      // express-promise-router stays: assets.ts and plugins/echo.ts import it.
      removed: ['@backstage/plugin-permission-node'],
    });
    expect(report.nextStep).toBeUndefined();
    // What keeps behaviour, one entry each: the plugins kept open, the features that now ask for credentials, the
    // routers of its own kept at their URLs, the status check kept at '', and notes kept on notes_store's data.
    expect(report.behaviour.map((b: { kind: string; plugin: string; source: string; kept: boolean }) => `${b.kind} ${b.plugin} ${b.source.replace('packages/backend/src/index.ts', 'index.ts')} ${b.kept ? 'kept' : 'changed'}`)).toEqual([
      'access hooks index.ts:114 kept',
      'access notes index.ts:115 kept',
      'access echo index.ts:119 kept',
      'access catalog index.ts:121 changed',
      'access carmen index.ts:122 kept',
      'access dora index.ts:123 changed',
      'url healthcheck index.ts:135 kept',
      // notesExport below /notes with notesEnv: a module of notes, at the same URL.
      'url notes index.ts:116 kept',
      'access assets index.ts:112 kept',
      'url root-metrics index.ts:132 kept',
      // createRootLogger({ format }): the same format, and no redactions added, as before (the backend's, no plugin's).
      'logging  index.ts:90 kept',
      // The stampNotes middleware in front of the notes plugin, still in front of it.
      'access notes index.ts:115 kept',
      'url root-http-router index.ts:131 kept',
      // hooksRouter, mounted again at /hooks by the service builder: served there too, and open there as at /api/hooks.
      'url hooks index.ts:133 kept',
      'access hooks index.ts:133 kept',
      'url root-http-router index.ts:134 kept',
      'data notes index.ts:115 kept',
    ]);
    expect(report.behaviour.find((b: { kind: string }) => b.kind === 'data').change).toBe(
      'its createEnv id was notes_store, and it runs as notes: app-config.yaml:24: wrote backend.database.plugin.notes.connection.filename: notes_store.sqlite, so it opens the data it kept as notes_store; the cache namespace follows the plugin id (notes, was notes_store), which no config sets: a shared cache (redis, memcache) starts cold for it',
    );
  });

  test('migrates: the new index, the dependencies, the freed modules gone, types.ts kept for the bridged module; a second run changes nothing', () => {
    const repo = wiredLegacyApp();
    const wiredJson = read(repo, BACKEND_JSON);
    const result = runCli(['migrate'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read(repo, INDEX)).toBe(MIGRATED_INDEX);
    // notes ran on createEnv('notes_store') and runs as plugin notes: its sqlite file is pointed at, every other byte kept.
    expect(read(repo, 'app-config.yaml')).toBe(
      read(copyExample(LEGACY_APP), 'app-config.yaml').replace(
        '      directory: ./sqlite-data\n',
        '$&    plugin:\n      notes:\n        connection:\n          filename: notes_store.sqlite\n',
      ),
    );
    expect(read(repo, BACKEND_JSON)).toBe(
      wiredJson
        .replace('    "@backstage/plugin-permission-node": "0.8.2",\n', ''),
    );
    const after = snapshot(repo);
    expect(after.has('packages/backend/src/plugins/catalog.ts')).toBe(false);
    expect(after.has('packages/backend/src/plugins/dora.ts')).toBe(false);
    expect(after.has('packages/backend/src/plugins/carmen.ts')).toBe(true);
    expect(after.has('packages/backend/src/plugins/echo.ts')).toBe(true);
    expect(after.has('packages/backend/src/types.ts')).toBe(true);
    expect(result.stdout.trimEnd().split('\n').slice(-1)).toEqual(['Migrated packages/backend to the new backend system: 6 plugins (2 as features, 4 bridged).']);
    // One line per kept or changed behaviour, a changed one said so.
    const lines = result.stdout.split('\n');
    expect(lines.filter(line => /^  (access|url|data|logging) /.test(line))).toHaveLength(17);
    expect(lines).toContain(
      '  access  catalog (packages/backend/src/index.ts:121): changed: its feature (@backstage/plugin-catalog-backend) brings its package\'s own auth policies: its routes now ask for user or service credentials except those the package opens itself; a script that called /api/catalog without a token needs a token of backend.auth.externalAccess',
    );
    expect(lines).toContain(
      "  url     healthcheck (packages/backend/src/index.ts:135): kept at '' (the service root), outside /api and with no credentials check: packages/backend/src/modules/root-healthcheck.ts runs it under its createEnv id healthcheck and serves its router through the root HTTP router's configure",
    );

    const again = runCli(['migrate'], repo);
    expect(again).toEqual({ code: 0, stdout: 'packages/backend is on the new backend system already: nothing to migrate.\n', stderr: '' });
    expect(snapshot(repo)).toEqual(after);
    expect(runCli(['migrate', '--check'], repo).code).toBe(0);
    // And the migrated backend is one that wire-plugin wires into.
    expect(runCli(['status', '--json'], repo).stdout).toContain('"state": "bridged"');
  });

  test('notes on an in-memory sqlite, the only database config in the repo: its data is a change (kept: false) naming the key for the deployment, in the text and in --json; app-config.yaml untouched', () => {
    const repo = wiredLegacyApp();
    const config = read(repo, 'app-config.yaml').replace("    connection:\n      directory: ./sqlite-data\n", "    connection: ':memory:'\n");
    write(repo, 'app-config.yaml', config);
    const change =
      "its createEnv id was notes_store, and it runs as notes: app-config.yaml:22: an in-memory database, which keeps nothing across starts: nothing written there; no app-config in the repo keeps its data, so the deployment configures its database elsewhere (an environment, a chart), where notes would open a new, empty one: set backend.database.plugin.notes.connection.database: backstage_plugin_notes_store there for pg or mysql (with the deployment's backend.database.prefix in place of backstage_plugin_ if it sets one), or backend.database.plugin.notes.connection.filename: notes_store.sqlite for sqlite with a connection.directory; with pluginDivisionMode: schema no key names another schema: rename the schema notes_store to notes; the cache namespace follows the plugin id (notes, was notes_store), which no config sets: a shared cache (redis, memcache) starts cold for it";
    const json = runCli(['migrate', '--dry-run', '--json'], repo);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.behaviour.filter((b: { kind: string }) => b.kind === 'data')).toEqual([
      { kind: 'data', plugin: 'notes', source: 'packages/backend/src/index.ts:115', kept: false, change },
    ]);
    const result = runCli(['migrate'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toContain(`  data    notes (packages/backend/src/index.ts:115): changed: ${change}`);
    expect(read(repo, 'app-config.yaml')).toBe(config);
  });

  test('a statement it cannot carry: exit 2, one line per statement, nothing written; --json lists the plan with them', () => {
    const repo = wiredLegacyApp();
    write(
      repo,
      INDEX,
      read(repo, INDEX)
        .replace("  apiRouter.use('/catalog', await catalog(catalogEnv));\n", "  apiRouter.use(cookieParser(config.getString('auth.cookieSecret')));\n$&")
        .replace("import Router from 'express-promise-router';\n", "$&import cookieParser from 'cookie-parser';\n"),
    );
    const before = snapshot(repo);
    const line = read(repo, INDEX).split('\n').indexOf("  apiRouter.use(cookieParser(config.getString('auth.cookieSecret')));") + 1;
    // A cookie parser made of imports alone would move in front of the plugins; this one reads main()'s config.
    const refusal = `packages/backend/src/index.ts:${line}: apiRouter.use(cookieParser(config.getString('auth.cookieSecret')));: middleware on the api router made of the legacy main()'s config: only middleware made of imports moves in front of the plugins (rootHttpRouterServiceFactory's configure); make it of imports, or move it into the plugins (httpRouter.use)`;
    const result = runCli(['migrate'], repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`wire-plugin: error: ${refusal}\nwire-plugin: migrate refused 1 statement; nothing was written\n`);
    expect(snapshot(repo)).toEqual(before);
    const json = runCli(['migrate', '--dry-run', '--json'], repo);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, refused: [refusal] });
    expect(snapshot(repo)).toEqual(before);
  });

  test('--version gives a range the table lacks; a malformed one is bad input', () => {
    const repo = wiredLegacyApp();
    write(repo, 'backstage.json', '{\n  "version": "1.18.0"\n}\n');
    write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace('    "@backstage/backend-defaults": "0.4.3",\n', ''));
    const refused = runCli(['migrate', '--dry-run'], repo);
    expect(refused.code).toBe(2);
    // Older than the table: one line, at backstage.json's version, that says to bump Backstage first.
    expect(refused.stderr).toContain(
      "wire-plugin: error: backstage.json:2: release 1.18.0 is older than 1.24, the first Backstage release whose new-backend-system packages wire-plugin knows the versions of, so it knows none for @backstage/backend-defaults: bump the repo's Backstage release first (yarn backstage-cli versions:bump), then run migrate again; or pass --version <name>@<range> for each\n",
    );
    expect(refused.stderr).not.toContain('packages/backend/package.json: @backstage/backend-defaults');
    // A release of the table whose row has no version of the package (backend-defaults before 1.27): one line per package.
    write(repo, 'backstage.json', '{\n  "version": "1.25.0"\n}\n');
    expect(runCli(['migrate', '--dry-run'], repo).stderr).toContain(
      "wire-plugin: error: packages/backend/package.json: @backstage/backend-defaults: no version known for it (not installed; wire-plugin's table has no version of it for backstage.json's release 1.25.0): pass --version @backstage/backend-defaults@<range>\n",
    );
    const given = runCli(['migrate', '--version', '@backstage/backend-defaults@0.4.1', '-q'], repo);
    expect(given.code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@backstage/backend-defaults": "0.4.1",\n');
    expect(runCli(['migrate', '--version', 'nonsense'], copyExample(LEGACY_APP)).stderr).toBe(
      'wire-plugin: error: invalid --version "nonsense": expected NAME@RANGE, such as @backstage/backend-defaults@^0.4.1\n',
    );
  });
});

test('on a new-system backend, migrate does nothing and exits 0', () => {
  const repo = copyExample(NEW_APP);
  const before = snapshot(repo);
  expect(runCli(['migrate'], repo)).toEqual({ code: 0, stdout: 'packages/backend is on the new backend system already: nothing to migrate.\n', stderr: '' });
  expect(runCli(['migrate', '--check', '--json'], repo).code).toBe(0);
  expect(snapshot(repo)).toEqual(before);
});

test("a prettier config that only prettier reads (YAML) formats what migrate writes, through the shipped CLI's dist/prettier.js", () => {
  const fixture = path.join(PROJECT, '__testfixtures__', 'migrate', 'output-formatted-by-the-repos-prettier');
  const repo = copyExample(path.join(fixture, 'input'));
  const rootJson = JSON.parse(read(repo, 'package.json'));
  delete rootJson.prettier;
  write(repo, 'package.json', JSON.stringify(rootJson, null, 2) + '\n');
  const options = { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid', semi: false, printWidth: 100 };
  write(repo, '.prettierrc.yaml', 'singleQuote: true\ntrailingComma: all\narrowParens: avoid\nsemi: false\nprintWidth: 100\n');
  expect(runCli(['migrate', '-q'], repo).code).toBe(0);
  const written = [INDEX, 'packages/backend/src/modules/notification-digests-legacy-plugin.ts'].map(file => read(repo, file));
  expect(formatWithPrettier(written.map(text => ({ text, options })))).toEqual(written);
  // Not the printer's own style (semicolons) and not create-app's (80 columns): the YAML config's.
  expect(written[0]).toContain("backend.add(import('./modules/notification-digests-legacy-access'))\n");
  expect(written[0]).not.toMatch(/;\n/);
});

test('a .prettierignore with wildcards is read without loading the shared prettier config package.json names (not installed): what migrate writes is formatted, with no warning', () => {
  const fixture = path.join(PROJECT, '__testfixtures__', 'migrate', 'output-formatted-by-the-repos-prettier');
  const repo = copyExample(path.join(fixture, 'input'));
  expect(JSON.parse(read(repo, 'package.json')).prettier).toBe('@backstage/cli/config/prettier');
  // create-app's .prettierignore, with the wildcard patterns public apps add: prettier itself matches those.
  write(repo, '.prettierignore', 'dist\ndist-types\ncoverage\n.vscode\n**/.terraform\n**/*.yaml\n');
  const result = runCli(['migrate'], repo);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const written = [INDEX, 'packages/backend/src/modules/notification-digests-legacy-plugin.ts'].map(file => read(repo, file));
  const options = { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid' };
  expect(formatWithPrettier(written.map(text => ({ text, options })))).toEqual(written);
  // The printer's one line past 80 columns is wrapped by prettier.
  expect(written[0]).not.toContain("backend.add(legacyPlugin('notification-digests', import(");
});
