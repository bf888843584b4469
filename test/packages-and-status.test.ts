/**
 * Packages named on the command line (installed in node_modules as the real
 * ones are: an `exports` map, `.d.ts` files, features at `/alpha`, modules),
 * `wire-plugin status` over repos in every state, and the next-step line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, copyExample, emptyDir, LEGACY_APP, NEW_APP, PROJECT, read, runCli, snapshot, write } from './helpers/repo';

const INDEX = 'packages/backend/src/index.ts';
const BACKEND_JSON = 'packages/backend/package.json';
const INSTALLED = path.join(__dirname, 'fixtures', 'installed');

const KUBERNETES = '@backstage/plugin-kubernetes-backend';
const GITHUB_MODULE = '@backstage/plugin-catalog-backend-module-github';
const ARGO_CD = '@roadiehq/backstage-plugin-argo-cd-backend';

afterAll(cleanup);

/** A copy of an example app with the fixture packages installed in its root node_modules. */
function appWithInstalledPackages(example = NEW_APP): string {
  const repo = copyExample(example);
  fs.cpSync(INSTALLED, path.join(repo, 'node_modules'), { recursive: true });
  return repo;
}

function addDependencies(repo: string, entries: Record<string, string>): void {
  const json = JSON.parse(read(repo, BACKEND_JSON));
  json.dependencies = { ...json.dependencies, ...entries };
  write(repo, BACKEND_JSON, JSON.stringify(json, null, 2) + '\n');
}

function statusJson(repo: string, extra: string[] = []): { code: number | null; report: { backend: string; system: string; plugins: Record<string, unknown>[] } } {
  const result = runCli(['status', '--json', ...extra], repo);
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) };
}

describe('package names as arguments', () => {
  test('packages and ids in one run: a feature at /alpha, a module after its plugin, an id from the name, a workspace plugin', () => {
    const repo = appWithInstalledPackages();
    const before = snapshot(repo);
    const result = runCli([KUBERNETES, GITHUB_MODULE, ARGO_CD, 'carmen'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `UPDATE ${BACKEND_JSON}`,
        `UPDATE ${INDEX}`,
        `Wired ${KUBERNETES}, ${GITHUB_MODULE}, ${ARGO_CD}, carmen into packages/backend (new backend): 0 created, 2 updated, 0 unchanged.`,
        'Next: run `yarn install` to install the 4 added dependencies.',
        '',
      ].join('\n'),
    );
    // The module goes right after its plugin's add, before the plugins named before it.
    const catalogAdd = "backend.add(import('@backstage/plugin-catalog-backend'));\n";
    expect(read(repo, INDEX)).toBe(
      read(NEW_APP, INDEX).replace(
        catalogAdd,
        catalogAdd +
          "backend.add(import('@backstage/plugin-catalog-backend-module-github/alpha'));\n" +
          "backend.add(import('@backstage/plugin-kubernetes-backend/alpha'));\n" +
          "backend.add(import('@roadiehq/backstage-plugin-argo-cd-backend'));\n" +
          "backend.add(import('@internal/backstage-plugin-carmen-backend'));\n",
      ),
    );
    // Ranges from the installed versions, each line in sorted position.
    expect(read(repo, BACKEND_JSON)).toBe(
      read(NEW_APP, BACKEND_JSON)
        .replace('    "@backstage/plugin-catalog-backend": "1.32.1",\n', `$&    "${GITHUB_MODULE}": "^0.6.5",\n    "${KUBERNETES}": "^0.15.0",\n`)
        .replace(
          '    "better-sqlite3"',
          `    "@internal/backstage-plugin-carmen-backend": "^0.1.0",\n    "${ARGO_CD}": "^3.1.0",\n    "better-sqlite3"`,
        ),
    );
    // --json reports what each argument became.
    const second = runCli([KUBERNETES, GITHUB_MODULE, ARGO_CD, 'carmen', '--json'], repo);
    const report = JSON.parse(second.stdout);
    expect(report.changed).toBe(false);
    expect(report.plugins.map((p: Record<string, unknown>) => [p.requested, p.id, p.role, p.form, p.importSpecifier ?? null])).toEqual([
      [KUBERNETES, 'kubernetes', 'plugin', 'feature', `${KUBERNETES}/alpha`],
      [GITHUB_MODULE, 'catalog', 'module', 'feature', `${GITHUB_MODULE}/alpha`],
      [ARGO_CD, 'argo-cd', 'plugin', 'feature', null],
      ['carmen', 'carmen', 'plugin', 'feature', null],
    ]);
    // And --remove gives back every byte.
    const removed = runCli([KUBERNETES, GITHUB_MODULE, ARGO_CD, 'carmen', '--remove'], repo);
    expect(removed.code).toBe(0);
    expect(snapshot(repo)).toEqual(before);
  });

  test('a module goes after the last add of its plugin and its other modules, not at the end', () => {
    const repo = appWithInstalledPackages();
    const catalogAdd = "backend.add(import('@backstage/plugin-catalog-backend'));\n";
    const scaffolderModule = "backend.add(import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'));\n";
    write(repo, INDEX, read(repo, INDEX).replace(catalogAdd, `${catalogAdd}${scaffolderModule}backend.add(import('@backstage/plugin-app-backend'));\n`));
    const indexBefore = read(repo, INDEX);
    expect(runCli([GITHUB_MODULE, '-q'], repo).code).toBe(0);
    expect(read(repo, INDEX)).toBe(indexBefore.replace(scaffolderModule, `${scaffolderModule}backend.add(import('${GITHUB_MODULE}/alpha'));\n`));
  });

  test('an added catalog plugin (or a bridge named catalog) does not make its module count as wired', () => {
    const repo = appWithInstalledPackages();
    const result = runCli([GITHUB_MODULE, '--check'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Check failed');
  });

  test('a dependency on a package that is not installed is kept, and the add uses its root, with a warning', () => {
    const repo = copyExample(NEW_APP);
    addDependencies(repo, { [KUBERNETES]: '^0.18.0' });
    const result = runCli([KUBERNETES], repo);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${KUBERNETES}: could not read its exports; adding it as a backend feature\n`);
    const catalogAdd = "backend.add(import('@backstage/plugin-catalog-backend'));\n";
    expect(read(repo, INDEX)).toBe(read(NEW_APP, INDEX).replace(catalogAdd, `${catalogAdd}backend.add(import('${KUBERNETES}'));\n`));
    expect(result.stdout).not.toContain('Next:');
  });

  test('a backend plugin whose package.json names no pluginId, nor its name an id, takes the id its code registers; with none in its code the error says so', () => {
    const repo = copyExample(NEW_APP);
    const install = (name: string, code: string): void => {
      const dir = path.join(repo, 'node_modules', ...name.split('/'));
      fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '0.3.1', main: 'dist/index.cjs.js', backstage: { role: 'backend-plugin' } }, null, 2) + '\n');
      fs.writeFileSync(path.join(dir, 'dist', 'index.cjs.js'), code);
    };
    const highlights = '@acme/backstage-highlights-plugin-backend';
    install(highlights, "'use strict';\nvar backendPluginApi = require('@backstage/backend-plugin-api');\nconst highlightsPlugin = backendPluginApi.createBackendPlugin({ pluginId: 'highlights', register() {} });\nexports.default = highlightsPlugin;\n");
    const wired = runCli([highlights, '--json'], repo);
    expect(wired.code).toBe(0);
    expect(JSON.parse(wired.stdout).plugins[0]).toMatchObject({ id: 'highlights', form: 'feature' });
    expect(read(repo, INDEX)).toContain(`backend.add(import('${highlights}'));`);
    const listed = statusJson(repo).report.plugins.find(p => p.package === highlights);
    expect(listed).toMatchObject({ id: 'highlights', role: 'plugin', state: 'wired' });
    const silent = '@acme/backstage-silent-plugin-backend';
    install(silent, "'use strict';\nexports.makeThings = () => ({});\n");
    const refused = runCli([silent], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `wire-plugin: error: ${silent}: its package.json says "backstage": { "role": "backend-plugin" } with no "pluginId", and neither its name nor its code names one: pass the plugin id and --package ${silent}\n`,
    );
  });

  test('a package neither installed nor a dependency is added only with --range', () => {
    const repo = copyExample(NEW_APP);
    const before = snapshot(repo);
    const refused = runCli([KUBERNETES], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      // The new example's backstage.json says 1.33.0: the install command names that release's version by the table.
      `wire-plugin: error: ${KUBERNETES}: not found in the workspace or in node_modules, and packages/backend/package.json does not depend on it: install it first (yarn --cwd packages/backend add ${KUBERNETES}@^0.19.0, the version of Backstage 1.33.0 by wire-plugin's table), or pass --range to add the dependency without it\n`,
    );
    expect(snapshot(repo)).toEqual(before);
    // A mistyped package name and a mistyped id are answered with the closest names the repository knows.
    expect(runCli(['@backstage/plugin-catalog-backen'], repo).stderr).toBe(
      "wire-plugin: error: @backstage/plugin-catalog-backen: not found in the workspace or in node_modules, and packages/backend/package.json does not depend on it (did you mean @backstage/plugin-catalog-backend?): install it first (yarn --cwd packages/backend add @backstage/plugin-catalog-backen), or pass --range to add the dependency without it\n",
    );
    expect(runCli(['carmn'], repo).stderr).toBe(
      'wire-plugin: error: plugin package for "carmn" not found: expected plugins/carmn-backend/package.json or a workspace package with "backstage": { "role": "backend-plugin", "pluginId": "carmn" } (or pass --package <name>); did you mean carmen?\n',
    );
    // Without backstage.json the release is unknown: the command names no version.
    fs.rmSync(path.join(repo, 'backstage.json'));
    expect(runCli([KUBERNETES], repo).stderr).toContain(`install it first (yarn --cwd packages/backend add ${KUBERNETES}), or pass --range`);
    write(repo, 'backstage.json', read(NEW_APP, 'backstage.json'));
    expect(snapshot(repo)).toEqual(before);
    const added = runCli([KUBERNETES, '--range', '^0.18.0', '-q'], repo);
    expect(added.code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain(`    "${KUBERNETES}": "^0.18.0",\n`);
  });

  test.each([
    [['@backstage/plugin-catalog'], '@backstage/plugin-catalog: its package.json says "backstage": { "role": "frontend-plugin" }: expected a backend-plugin or a backend-plugin-module'],
    [['@Bad/Name'], 'invalid package name "@Bad/Name": expected an npm package name such as @backstage/plugin-kubernetes-backend, or a plugin id such as carmen'],
    [['@scope/a/b'], 'invalid package name "@scope/a/b": expected an npm package name such as @backstage/plugin-kubernetes-backend, or a plugin id such as carmen'],
    [[KUBERNETES, '--package', KUBERNETES], `--package names the package of a plugin id; ${KUBERNETES} is a package name already: drop --package`],
  ])('%j is refused with one line, nothing written', (args, message) => {
    const repo = appWithInstalledPackages();
    const before = snapshot(repo);
    const result = runCli(args, repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`wire-plugin: error: ${message}\n`);
    expect(snapshot(repo)).toEqual(before);
  });

  test('a module cannot go into a legacy backend', () => {
    const repo = appWithInstalledPackages(LEGACY_APP);
    const before = snapshot(repo);
    const result = runCli([GITHUB_MODULE], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `wire-plugin: error: node_modules/${GITHUB_MODULE}/dist/alpha.d.ts:9: ${GITHUB_MODULE} is a backend module (of the catalog plugin) for the new backend system, so it cannot be wired into the legacy backend in packages/backend/src/index.ts: migrate the backend to the new backend system first (wire-plugin migrate)\n`,
    );
    expect(snapshot(repo)).toEqual(before);
  });

  test('a backend created in another module is refused, naming that module', () => {
    const repo = copyExample(NEW_APP);
    write(repo, 'packages/backend/src/backend.ts', "import { createBackend } from '@backstage/backend-defaults';\n\nexport const backend = createBackend();\n");
    write(repo, INDEX, "import { backend } from './backend';\n\nbackend.add(import('@backstage/plugin-catalog-backend'));\nbackend.start();\n");
    const before = snapshot(repo);
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "wire-plugin: error: packages/backend/src/index.ts: the backend is created in another module (backend, imported from './backend'): wire-plugin edits a backend created in this file with createBackend() or createSpecializedBackend(); add the plugin there by hand, or create the backend in this file\n",
    );
    expect(snapshot(repo)).toEqual(before);
  });

  test('createSpecializedBackend from @backstage/backend-app-api is a new backend', () => {
    const repo = copyExample(NEW_APP);
    write(
      repo,
      INDEX,
      "import { createSpecializedBackend } from '@backstage/backend-app-api';\n\nconst backend = createSpecializedBackend({ defaultServiceFactories: [] });\nbackend.add(import('@backstage/plugin-catalog-backend'));\nbackend.start();\n",
    );
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(0);
    expect(read(repo, INDEX)).toContain("backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(import('@internal/backstage-plugin-carmen-backend'));\nbackend.start();\n");
  });
});

describe('the next-step line names the package manager of the lockfile', () => {
  test.each([
    ['yarn.lock', 'yarn install'],
    ['package-lock.json', 'npm install'],
    ['pnpm-lock.yaml', 'pnpm install'],
  ])('%s: %s', (lockfile, command) => {
    const repo = copyExample(NEW_APP);
    fs.rmSync(path.join(repo, 'yarn.lock'));
    write(repo, lockfile, '\n');
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(-2)[0]).toBe(`Next: run \`${command}\` to install the added dependency.`);
    // --json carries it; a run that adds nothing says nothing of it.
    const again = JSON.parse(runCli(['carmen', '--json'], repo).stdout);
    expect(again.addedDependencies).toEqual([]);
    expect(again.nextStep).toBeUndefined();
  });

  test('--dry-run and --quiet print no next step; --json of a dry run names it', () => {
    const repo = copyExample(NEW_APP);
    expect(runCli(['carmen', '--dry-run'], repo).stdout).not.toContain('Next:');
    expect(runCli(['carmen', '--dry-run', '--json'], repo).stdout).toContain('"nextStep": "yarn install"');
    expect(runCli(['carmen', '--quiet'], repo).stdout).toBe('');
  });
});

describe('--remove takes the bridge out completely', () => {
  test('the legacyPlugin import goes, and backend-common stays while index.ts still imports from it', () => {
    const repo = copyExample(NEW_APP);
    write(repo, 'backstage.json', '{\n  "version": "1.31.0"\n}\n');
    addDependencies(repo, { '@backstage/backend-common': '^0.23.3' });
    const original = read(repo, INDEX);
    write(repo, INDEX, original.replace("import { createBackend } from '@backstage/backend-defaults';\n", "$&import { isDatabaseConflictError } from '@backstage/backend-common';\n"));
    const before = snapshot(repo);
    expect(runCli(['dora', '-q'], repo).code).toBe(0);
    expect(read(repo, INDEX)).toContain("import { legacyPlugin } from '@backstage/backend-common';\n");
    expect(runCli(['dora', '--remove', '-q'], repo).code).toBe(0);
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('wire-plugin status', () => {
  test('the legacy example: wired, not-wired, half-wired and not-installed, and nothing written', () => {
    const repo = copyExample(LEGACY_APP);
    const before = snapshot(repo);
    const first = statusJson(repo);
    expect(first.code).toBe(0);
    expect(first.report).toEqual({
      backend: 'packages/backend',
      system: 'legacy',
      plugins: [
        { id: 'carmen', package: '@internal/backstage-plugin-carmen-backend', role: 'plugin', state: 'not-wired', form: null, missing: [] },
        { id: 'catalog', package: '@backstage/plugin-catalog-backend', role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
        { id: 'dora', package: '@internal/backstage-plugin-dora-backend', role: 'plugin', state: 'not-wired', form: null, missing: [] },
        // The example's own plugin module, mounted under its echo.enabled flag.
        { id: 'echo', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
        // Its status check at '', its hook receiver and its notes store.
        { id: 'healthcheck', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
        { id: 'hooks', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
        { id: 'notes', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
        // Its notes export, mounted below /notes with the notes plugin's env.
        { id: 'notes-export', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
      ],
    });
    expect(snapshot(repo)).toEqual(before);
    expect(statusJson(repo, ['--check']).code).toBe(1);

    expect(runCli(['carmen', 'dora', '-q'], repo).code).toBe(0);
    expect(statusJson(repo, ['--check']).code).toBe(0);
    // dora: its env line removed by hand; carmen: its dependency removed by hand.
    write(repo, INDEX, read(repo, INDEX).replace("  const doraEnv = useHotMemoize(module, () => createEnv('dora'));\n", ''));
    write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace('    "@internal/backstage-plugin-carmen-backend": "^0.1.0",\n', ''));
    const later = statusJson(repo, ['--check']);
    expect(later.code).toBe(1);
    expect(later.report.plugins).toEqual([
      { id: 'carmen', package: '@internal/backstage-plugin-carmen-backend', role: 'plugin', state: 'not-installed', form: 'legacy', missing: [] },
      { id: 'catalog', package: '@backstage/plugin-catalog-backend', role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
      { id: 'dora', package: '@internal/backstage-plugin-dora-backend', role: 'plugin', state: 'half-wired', form: 'legacy', missing: ['env'] },
      { id: 'echo', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
      { id: 'healthcheck', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
      { id: 'hooks', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
      { id: 'notes', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
      { id: 'notes-export', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
    ]);
    const text = runCli(['status'], repo);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        'packages/backend (legacy backend)',
        '  not-installed carmen        @internal/backstage-plugin-carmen-backend  legacy',
        '  wired         catalog       @backstage/plugin-catalog-backend          legacy',
        '  half-wired    dora          @internal/backstage-plugin-dora-backend    missing env',
        '  wired         echo          -                                          legacy',
        '  wired         healthcheck   -                                          legacy',
        '  wired         hooks         -                                          legacy',
        '  wired         notes         -                                          legacy',
        '  wired         notes-export  -                                          legacy',
        '8 plugins and modules: 6 wired, 1 half-wired, 1 not-installed.',
        '',
      ].join('\n'),
    );
  });

  test('the new example: features, a bridge, a module, a local feature, and what is not wired', () => {
    const repo = appWithInstalledPackages();
    // On 1.31 a legacy-only plugin is bridged (later releases get a wrapper).
    write(repo, 'backstage.json', '{\n  "version": "1.31.0"\n}\n');
    addDependencies(repo, { [GITHUB_MODULE]: '^0.6.5' });
    expect(runCli(['dora', KUBERNETES, '-q'], repo).code).toBe(0);
    write(repo, INDEX, read(repo, INDEX).replace('backend.start();', "backend.add(import('./features/health'));\nbackend.start();"));
    const before = snapshot(repo);
    const { code, report } = statusJson(repo, ['--check']);
    expect(code).toBe(1);
    expect(report).toEqual({
      backend: 'packages/backend',
      system: 'new',
      plugins: [
        { id: 'carmen', package: '@internal/backstage-plugin-carmen-backend', role: 'plugin', state: 'not-wired', form: null, missing: [] },
        { id: 'catalog', package: '@backstage/plugin-catalog-backend', role: 'plugin', state: 'wired', form: 'feature', missing: [] },
        { id: 'catalog', package: GITHUB_MODULE, role: 'module', state: 'not-wired', form: null, missing: [] },
        { id: 'dora', package: '@internal/backstage-plugin-dora-backend', role: 'plugin', state: 'bridged', form: 'legacy-bridge', missing: [] },
        { id: 'health', package: './features/health', role: 'plugin', state: 'wired', form: 'feature', missing: [] },
        { id: 'kubernetes', package: KUBERNETES, role: 'plugin', state: 'wired', form: 'feature', missing: [] },
      ],
    });
    expect(snapshot(repo)).toEqual(before);
    // Once the module and carmen are wired, --check passes: bridged counts as done.
    expect(runCli([GITHUB_MODULE, 'carmen', '-q'], repo).code).toBe(0);
    expect(statusJson(repo, ['--check']).code).toBe(0);
    expect(runCli(['status', '--check', '--quiet'], repo)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('a wired package the backend does not depend on is not-installed', () => {
    const repo = copyExample(NEW_APP);
    write(repo, INDEX, read(repo, INDEX).replace('backend.start();', `backend.add(import('${KUBERNETES}/alpha'));\nbackend.start();`));
    const { report } = statusJson(repo);
    expect(report.plugins.find(p => p.package === KUBERNETES)).toEqual({
      id: 'kubernetes',
      package: KUBERNETES,
      role: 'plugin',
      state: 'not-installed',
      form: 'feature',
      missing: [],
    });
  });

  test('bad input: exit 2, one line, nothing written', () => {
    const repo = copyExample(NEW_APP);
    write(repo, INDEX, 'console.log("no backend here");\n');
    const before = snapshot(repo);
    const result = runCli(['status'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'wire-plugin: error: packages/backend/src/index.ts: neither backend system found: expected `const backend = createBackend();` (new backend system) or an api router such as `const apiRouter = Router();` that plugins are mounted on (legacy backend)',
    );
    expect(snapshot(repo)).toEqual(before);
    expect(runCli(['status', 'carmen'], repo).stderr).toBe('wire-plugin: error: Unknown argument: carmen\n');
    expect(runCli(['status'], emptyDir()).code).toBe(2);
  });
});

describe('feature discovery', () => {
  const WIRE_FIXTURES = path.join(__dirname, '..', '__testfixtures__', 'wire');
  const fixtureRepo = (name: string): string => copyExample(path.join(WIRE_FIXTURES, name, 'input'));
  const CATALOG = { id: 'catalog', package: '@backstage/plugin-catalog-backend', role: 'plugin', missing: [] };
  const CARMEN = { id: 'carmen', package: '@internal/backstage-plugin-carmen-backend', role: 'plugin', missing: [] };

  test('status: discovered packages are wired, form discovered; one also added explicitly is a duplicate, which --check fails on', () => {
    const repo = fixtureRepo('discovery-and-an-explicit-add');
    const before = snapshot(repo);
    const { code, report } = statusJson(repo, ['--check']);
    expect(code).toBe(1);
    expect(report.plugins).toEqual([
      { ...CARMEN, state: 'duplicate', form: 'feature' },
      { ...CATALOG, state: 'wired', form: 'discovered' },
    ]);
    expect(runCli(['status'], repo).stdout).toContain('2 plugins and modules: 1 wired, 1 duplicate.');
    // Wiring fails --check too (it would take the explicit add out), and writes nothing.
    expect(runCli(['carmen', '--check'], repo).code).toBe(1);
    expect(snapshot(repo)).toEqual(before);
    expect(runCli(['carmen', '-q'], repo).code).toBe(0);
    const after = statusJson(repo, ['--check']);
    expect(after.code).toBe(0);
    expect(after.report.plugins).toEqual([
      { ...CARMEN, state: 'wired', form: 'discovered' },
      { ...CATALOG, state: 'wired', form: 'discovered' },
    ]);
  });

  test('status: an include list discovers what it names; the rest is not wired', () => {
    const repo = fixtureRepo('discovery-include-list');
    expect(statusJson(repo).report.plugins).toEqual([
      { ...CARMEN, state: 'not-wired', form: null },
      { ...CATALOG, state: 'wired', form: 'discovered' },
    ]);
    const wired = JSON.parse(runCli(['carmen', '--json'], repo).stdout);
    expect(wired.plugins[0]).toMatchObject({ form: 'discovered', files: [
      { path: 'packages/backend/package.json', status: 'updated' },
      { path: 'app-config.yaml', status: 'updated' },
      { path: 'packages/backend/src/index.ts', status: 'unchanged' },
    ] });
    expect(statusJson(repo).report.plugins).toEqual([
      { ...CARMEN, state: 'wired', form: 'discovered' },
      { ...CATALOG, state: 'wired', form: 'discovered' },
    ]);
  });
});

describe('plugin ids that clash', () => {
  test('status marks both packages that register one plugin id as conflict, and --check fails, writing nothing', () => {
    const repo = copyExample(path.join(PROJECT, '__testfixtures__', 'wire', 'plugin-id-taken-by-an-added-package-is-refused', 'input'));
    // The RBAC backend added by hand beside the permission backend: its package.json says rbac, its code registers permission.
    write(repo, 'packages/backend/src/index.ts', read(repo, 'packages/backend/src/index.ts').replace(
      "backend.add(import('@internal/backstage-plugin-permission-backend'));\n",
      "$&backend.add(import('@internal/backstage-plugin-rbac-backend'));\n",
    ));
    write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace('    "@internal/backstage-plugin-permission-backend": "^0.1.0"\n', '    "@internal/backstage-plugin-permission-backend": "^0.1.0",\n    "@internal/backstage-plugin-rbac-backend": "^0.1.0"\n'));
    const before = snapshot(repo);
    const result = statusJson(repo, ['--check']);
    expect(result.code).toBe(1);
    expect(result.report.plugins.map(p => `${p.package} ${p.state}`)).toEqual([
      '@internal/backstage-plugin-permission-backend conflict',
      '@internal/backstage-plugin-rbac-backend conflict',
    ]);
    expect(snapshot(repo)).toEqual(before);
    // Either alone is wired.
    write(repo, 'packages/backend/src/index.ts', read(repo, 'packages/backend/src/index.ts').replace("backend.add(import('@internal/backstage-plugin-rbac-backend'));\n", ''));
    expect(statusJson(repo, ['--check']).report.plugins.map(p => `${p.package} ${p.state}`)).toEqual([
      '@internal/backstage-plugin-permission-backend wired',
      '@internal/backstage-plugin-rbac-backend not-wired',
    ]);
  });
});

describe('the id and kind a package registers in its built code', () => {
  const WIRE_FIXTURES = path.join(PROJECT, '__testfixtures__', 'wire');
  /** A fixture's input, with its installed packages in node_modules. */
  const installedFixture = (name: string): string => {
    const repo = copyExample(path.join(WIRE_FIXTURES, name, 'input'));
    fs.cpSync(path.join(WIRE_FIXTURES, name, 'installed'), path.join(repo, 'node_modules'), { recursive: true });
    return repo;
  };
  const RBAC = '@backstage-community/plugin-rbac-backend';
  const CATALOG = { id: 'catalog', package: '@backstage/plugin-catalog-backend', role: 'plugin', state: 'wired', form: 'feature', missing: [] };
  const PERMISSION = { id: 'permission', package: '@backstage/plugin-permission-backend', role: 'plugin', state: 'wired', form: 'feature', missing: [] };

  test('the RBAC backend 8.x (package.json: plugin rbac; code: createBackendModule of permission) is listed as a module of permission, wired or not', () => {
    const repo = installedFixture('rbac-8-registers-a-module-of-permission-beside-the-permission-backend');
    addDependencies(repo, { [RBAC]: '^8.1.3' });
    expect(statusJson(repo, ['--check']).report.plugins).toEqual([
      CATALOG,
      PERMISSION,
      { id: 'permission', package: RBAC, role: 'module', state: 'not-wired', form: null, missing: [] },
    ]);
    const wired = runCli([RBAC, '--json'], repo);
    expect(wired.code).toBe(0);
    expect(JSON.parse(wired.stdout).plugins[0]).toMatchObject({ requested: RBAC, id: 'permission', role: 'module', form: 'feature' });
    const after = statusJson(repo, ['--check']);
    expect(after.code).toBe(0);
    expect(after.report.plugins).toEqual([CATALOG, PERMISSION, { id: 'permission', package: RBAC, role: 'module', state: 'wired', form: 'feature', missing: [] }]);
    const text = runCli(['status'], repo).stdout.split('\n');
    expect(text.find(line => line.includes(RBAC))?.replace(/ +/g, ' ').trim()).toBe(`wired permission (module) ${RBAC} feature`);
  });

  test('the RBAC backend 5.x/6.x (package.json: plugin rbac; code: createBackendPlugin permission) is listed as the plugin permission: beside the permission backend both are in conflict', () => {
    const repo = installedFixture('rbac-6-registers-the-permission-plugin-beside-the-permission-backend-is-refused');
    addDependencies(repo, { [RBAC]: '^6.1.0' });
    write(repo, INDEX, read(repo, INDEX).replace("backend.add(import('@backstage/plugin-permission-backend'));\n", `$&backend.add(import('${RBAC}'));\n`));
    const result = statusJson(repo, ['--check']);
    expect(result.code).toBe(1);
    expect(result.report.plugins).toEqual([
      CATALOG,
      { id: 'permission', package: RBAC, role: 'plugin', state: 'conflict', form: 'feature', missing: [] },
      { ...PERMISSION, state: 'conflict' },
    ]);
    // Alone, it is the permission plugin, wired.
    write(repo, INDEX, read(repo, INDEX).replace("backend.add(import('@backstage/plugin-permission-backend'));\n", ''));
    const json = JSON.parse(read(repo, BACKEND_JSON));
    delete json.dependencies['@backstage/plugin-permission-backend'];
    write(repo, BACKEND_JSON, JSON.stringify(json, null, 2) + '\n');
    expect(statusJson(repo, ['--check']).report.plugins).toEqual([CATALOG, { id: 'permission', package: RBAC, role: 'plugin', state: 'wired', form: 'feature', missing: [] }]);
  });
});
