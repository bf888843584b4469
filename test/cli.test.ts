/**
 * The CLI end to end, on scratch copies of examples/legacy-app: files,
 * output, exit codes, --dry-run / --check / --json / --force, and every bad
 * input (exit 2, one line on stderr, nothing written).
 */
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, copyExample, emptyDir, LEGACY_APP, read, runCli, snapshot, write } from './helpers/repo';

const FIXTURES = path.join(__dirname, '..', '__testfixtures__', 'legacy-index');
const INDEX = 'packages/backend/src/index.ts';
const BACKEND_JSON = 'packages/backend/package.json';
const PLUGIN_FILE = 'packages/backend/src/plugins/carmen.ts';
const DEPENDENCY_LINE = '    "@internal/backstage-plugin-carmen-backend": "^0.1.0",\n';

const GENERATED_PLUGIN = `import { createRouter } from '@internal/backstage-plugin-carmen-backend';
import { Router } from 'express';
import { PluginEnvironment } from '../types';

export default async function createPlugin(
  env: PluginEnvironment,
): Promise<Router> {
  return await createRouter({
    logger: env.logger,
  });
}
`;

afterAll(cleanup);

/** The example as `backstage-cli new` leaves it, but without the dependency line. */
function repoWithoutDependency(): string {
  const repo = copyExample();
  write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace(DEPENDENCY_LINE, ''));
  return repo;
}

describe('wiring the example legacy app', () => {
  test('the example backend is the create-app 0.5.11 template fixture', () => {
    expect(read(LEGACY_APP, INDEX)).toBe(fs.readFileSync(path.join(FIXTURES, 'create-app-0.5.11.input.ts'), 'utf8'));
  });

  test('wires carmen: three statements, the plugin module, one line per file and a summary', () => {
    const repo = copyExample();
    const result = runCli(['carmen'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `UNCHANGED ${BACKEND_JSON}`,
        `CREATE ${PLUGIN_FILE}`,
        `UPDATE ${INDEX}`,
        'Wired carmen into packages/backend (legacy backend): 1 created, 1 updated, 1 unchanged.',
        '',
      ].join('\n'),
    );
    expect(read(repo, INDEX)).toBe(fs.readFileSync(path.join(FIXTURES, 'create-app-0.5.11.output.ts'), 'utf8'));
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN);
    expect(read(repo, BACKEND_JSON)).toBe(read(LEGACY_APP, BACKEND_JSON));
  });

  test('a second run changes no byte and says so', () => {
    const repo = copyExample();
    expect(runCli(['carmen'], repo).code).toBe(0);
    const before = snapshot(repo);
    const again = runCli(['carmen'], repo);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('carmen is already wired into packages/backend: nothing to do.');
    expect(again.stdout).toContain(`UNCHANGED ${INDEX}`);
    expect(snapshot(repo)).toEqual(before);
  });

  test('runs from any folder inside the repo', () => {
    const repo = copyExample();
    const result = runCli(['carmen'], path.join(repo, 'packages', 'backend', 'src'));
    expect(result.code).toBe(0);
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN);
  });

  test('adds the dependency as one line in sorted position when it is missing', () => {
    const repo = repoWithoutDependency();
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`UPDATE ${BACKEND_JSON}`);
    expect(read(repo, BACKEND_JSON)).toBe(read(LEGACY_APP, BACKEND_JSON));
  });

  test('uses workspace:^ where the backend already depends on workspace packages that way', () => {
    const repo = repoWithoutDependency();
    write(repo, 'plugins/dora-backend/package.json', JSON.stringify({ name: '@internal/plugin-dora-backend', version: '1.2.3' }, null, 2) + '\n');
    write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace('    "better-sqlite3"', '    "@internal/plugin-dora-backend": "workspace:^",\n    "better-sqlite3"'));
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@internal/backstage-plugin-carmen-backend": "workspace:^",\n    "@internal/plugin-dora-backend"');
  });

  test('finds the plugin package by its backstage.pluginId when it is not in plugins/<id>-backend', () => {
    const repo = repoWithoutDependency();
    fs.renameSync(path.join(repo, 'plugins', 'carmen-backend'), path.join(repo, 'plugins', 'carmen-service'));
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain(DEPENDENCY_LINE);
  });

  test('--package names a package outside the repo, with --range for its version', () => {
    const repo = copyExample();
    const result = runCli(['carmen', '--package', '@acme/backstage-plugin-carmen-backend', '--range', '^2.0.0'], repo);
    expect(result.code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@acme/backstage-plugin-carmen-backend": "^2.0.0",\n    "@backstage/backend-common"');
    expect(read(repo, PLUGIN_FILE)).toContain("import { createRouter } from '@acme/backstage-plugin-carmen-backend';");
  });

  test('--package reads the version of an installed package from node_modules', () => {
    const repo = copyExample();
    write(repo, 'node_modules/@acme/carmen/package.json', '{ "name": "@acme/carmen", "version": "3.1.4" }\n');
    expect(runCli(['carmen', '--package', '@acme/carmen'], repo).code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@acme/carmen": "^3.1.4",\n');
  });

  test('several ids wire several plugins in one run', () => {
    const repo = copyExample();
    write(repo, 'plugins/dora-backend/package.json', '{ "name": "@internal/backstage-plugin-dora-backend", "version": "0.2.0" }\n');
    const result = runCli(['carmen', 'dora'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wired carmen, dora into packages/backend (legacy backend): 2 created, 2 updated, 0 unchanged.');
    const index = read(repo, INDEX);
    expect(index).toContain("import carmen from './plugins/carmen';\nimport dora from './plugins/dora';\n");
    expect(index).toContain("  apiRouter.use('/carmen', await carmen(carmenEnv));\n  apiRouter.use('/dora', await dora(doraEnv));\n");
    expect(read(repo, BACKEND_JSON)).toContain(`${DEPENDENCY_LINE}    "@internal/backstage-plugin-dora-backend": "^0.2.0",\n`);
    expect(runCli(['carmen', 'dora'], repo).stdout).toContain('carmen, dora are already wired');
  });

  test('follows a CRLF backend in the new module too', () => {
    const repo = copyExample();
    write(repo, INDEX, read(repo, INDEX).replace(/\n/g, '\r\n'));
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN.replace(/\n/g, '\r\n'));
    expect(read(repo, INDEX)).toContain("import search from './plugins/search';\r\nimport carmen from './plugins/carmen';\r\n");
  });

  test("formats the new module with the repo's prettier config", () => {
    const repo = copyExample();
    write(repo, 'packages/backend/.prettierrc', '{ "singleQuote": false, "semi": false, "printWidth": 100 }\n');
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, PLUGIN_FILE)).toBe(
      [
        'import { createRouter } from "@internal/backstage-plugin-carmen-backend"',
        'import { Router } from "express"',
        'import { PluginEnvironment } from "../types"',
        '',
        'export default async function createPlugin(env: PluginEnvironment): Promise<Router> {',
        '  return await createRouter({',
        '    logger: env.logger,',
        '  })',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('--dry-run, --check, --json', () => {
  test('--dry-run prints a unified diff and writes nothing', () => {
    const repo = copyExample();
    const before = snapshot(repo);
    const result = runCli(['carmen', '--dry-run'], repo);
    expect(result.code).toBe(0);
    expect(snapshot(repo)).toEqual(before);
    expect(result.stdout).toContain(`--- a/${INDEX}\n+++ b/${INDEX}\n`);
    expect(result.stdout).toContain(" import search from './plugins/search';\n+import carmen from './plugins/carmen';\n import { PluginEnvironment } from './types';\n");
    expect(result.stdout).toContain("+  const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));\n");
    expect(result.stdout).toContain("+  apiRouter.use('/carmen', await carmen(carmenEnv));\n");
    expect(result.stdout).toContain(`--- /dev/null\n+++ b/${PLUGIN_FILE}\n@@ -0,0 +1,11 @@\n`);
    expect(result.stdout.match(/^\+[^+]/gm)).toHaveLength(3 + 11);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toContain('Dry run: wiring carmen into packages/backend would leave 1 created, 1 updated, 1 unchanged; nothing written.');
  });

  test('--check exits 1 with work to do and writes nothing; 0 once wired', () => {
    const repo = copyExample();
    const before = snapshot(repo);
    const check = runCli(['carmen', '--check'], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Check failed: carmen not fully wired into packages/backend');
    expect(snapshot(repo)).toEqual(before);
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(runCli(['carmen', '--check'], repo).code).toBe(0);
  });

  test('--json prints one report with per-plugin, per-file statuses', () => {
    const repo = copyExample();
    const result = runCli(['carmen', '--json'], repo);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: true,
      exitCode: 0,
      system: 'legacy',
      backend: 'packages/backend',
      changed: true,
      written: true,
      plugins: [
        {
          id: 'carmen',
          packageName: '@internal/backstage-plugin-carmen-backend',
          range: '^0.1.0',
          alreadyWired: false,
          warnings: [],
          files: [
            { path: BACKEND_JSON, status: 'unchanged' },
            { path: PLUGIN_FILE, status: 'created' },
            { path: INDEX, status: 'updated' },
          ],
        },
      ],
    });
    const again = JSON.parse(runCli(['carmen', '--json', '--check'], repo).stdout);
    expect(again).toMatchObject({ ok: true, exitCode: 0, changed: false, written: false, plugins: [{ alreadyWired: true }] });
  });

  test('--json reports errors as JSON too', () => {
    const repo = copyExample();
    const result = runCli(['dora', '--json'], repo);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, exitCode: 2 });
  });

  test('--quiet prints nothing on success', () => {
    const repo = copyExample();
    const result = runCli(['carmen', '--quiet'], repo);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('an existing src/plugins/<id>.ts', () => {
  const CUSTOM = "import { createRouter } from '@internal/backstage-plugin-carmen-backend';\nexport default async function createPlugin(env: any) {\n  return createRouter({ logger: env.logger, extra: true });\n}\n";

  test('a differing module with a default export is kept and reported', () => {
    const repo = copyExample();
    write(repo, PLUGIN_FILE, CUSTOM);
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(0);
    expect(read(repo, PLUGIN_FILE)).toBe(CUSTOM);
    expect(result.stdout).toContain(`UNCHANGED ${PLUGIN_FILE}`);
    expect(result.stderr).toBe(`warning: ${PLUGIN_FILE}: kept as it is (it differs from what wire-plugin generates; pass --force to replace it)\n`);
  });

  test('--force replaces it', () => {
    const repo = copyExample();
    write(repo, PLUGIN_FILE, CUSTOM);
    const result = runCli(['carmen', '--force'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`UPDATE ${PLUGIN_FILE}`);
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN);
  });

  test('a module without a default export is an error unless --force', () => {
    const repo = copyExample();
    write(repo, PLUGIN_FILE, 'export const carmen = 1;\n');
    const before = snapshot(repo);
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `wire-plugin: error: ${PLUGIN_FILE}: exists but has no default export: expected \`export default async function createPlugin(env)\` (pass --force to replace it)\n`,
    );
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('bad input: one line on stderr, exit 2, nothing written', () => {
  const ID_RULE = 'expected lowercase letters and digits joined by single dashes (for example carmen or tech-insights), at most 100 characters';
  const cases: { name: string; args: string[]; setup?: (repo: string) => void; cwd?: (repo: string) => string; message: string | RegExp }[] = [
    { name: 'uppercase id', args: ['Carmen'], message: `invalid plugin id "Carmen": ${ID_RULE}` },
    { name: 'path in id', args: ['../x'], message: `invalid plugin id "../x": ${ID_RULE}` },
    { name: 'space in id', args: ['a b'], message: `invalid plugin id "a b": ${ID_RULE}` },
    { name: 'empty id', args: [''], message: `invalid plugin id "": ${ID_RULE}` },
    { name: 'double dash', args: ['a--b'], message: `invalid plugin id "a--b": ${ID_RULE}` },
    {
      name: 'no Backstage root',
      args: ['carmen'],
      cwd: () => emptyDir(),
      message: /^no Backstage repo found at or above .+: expected a folder with a backstage\.json or a package\.json with "workspaces"$/,
    },
    {
      name: 'no packages/backend',
      args: ['carmen'],
      setup: repo => fs.rmSync(path.join(repo, 'packages', 'backend'), { recursive: true }),
      message: 'packages/backend/package.json: not found: expected the backend package there (pass --backend DIR)',
    },
    {
      name: 'a --backend that does not exist',
      args: ['carmen', '--backend', 'packages/server'],
      message: 'packages/server/package.json: not found: expected the backend package there (pass --backend DIR)',
    },
    {
      name: 'plugin package not found',
      args: ['dora'],
      message: 'plugin package for "dora" not found: expected plugins/dora-backend/package.json or a workspace package with "backstage": { "role": "backend-plugin", "pluginId": "dora" } (or pass --package <name>)',
    },
    {
      name: 'package.json that is not JSON',
      args: ['carmen'],
      setup: repo => write(repo, BACKEND_JSON, '{\n  "name": "backend",\n  "dependencies": {\n    "express": "^4.17.1",\n  }\n}\n'),
      message: 'packages/backend/package.json:5:3: invalid JSON: Expected double-quoted property name',
    },
    {
      name: 'index.ts that does not parse',
      args: ['carmen'],
      setup: repo => write(repo, INDEX, read(repo, INDEX).replace('const apiRouter = Router();', 'const apiRouter = Router(;')),
      message: 'packages/backend/src/index.ts:89:28: cannot parse TypeScript: Unexpected token',
    },
    {
      name: 'index.ts with no api router',
      args: ['carmen'],
      setup: repo =>
        write(repo, INDEX, "import { addPlugin } from './addPlugin';\n\nasync function main() {\n  await addPlugin({ plugin: 'catalog' });\n}\n"),
      message:
        'packages/backend/src/index.ts: no api router to extend: expected a router variable such as `const apiRouter = Router();` (Router from express-promise-router) that plugins are mounted on',
    },
    {
      name: '--package that is not an npm name',
      args: ['carmen', '--package', "foo'; process.exit()"],
      message: 'invalid --package "foo\'; process.exit()": expected an npm package name such as @internal/backstage-plugin-carmen-backend',
    },
    {
      name: '--range with a newline',
      args: ['carmen', '--range', '^1.0.0\n"evil": "1"'],
      message: 'invalid --range "^1.0.0\\n\\"evil\\": \\"1\\"": expected a version range on one line, such as ^0.1.0 or workspace:^',
    },
    {
      name: '--package outside the repo with no version and no --range',
      args: ['carmen', '--package', '@acme/not-installed'],
      setup: repo => write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace(DEPENDENCY_LINE, '')),
      message: '@acme/not-installed has no version to depend on (not in the repo, not in node_modules): pass --range <range>',
    },
    {
      name: 'plugin package.json with a hostile name',
      args: ['carmen'],
      setup: repo => write(repo, 'plugins/carmen-backend/package.json', JSON.stringify({ name: "x'; require('child_process').exec('rm -rf /')", version: '0.1.0' })),
      message: `plugins/carmen-backend/package.json: expected "name" to be a valid npm package name, found "x'; require('child_process').exec('rm -rf /')"`,
    },
    {
      name: 'src/plugins symlinked outside the repo',
      args: ['carmen'],
      setup: repo => {
        const outside = emptyDir();
        fs.rmSync(path.join(repo, 'packages/backend/src/plugins'), { recursive: true });
        fs.symlinkSync(outside, path.join(repo, 'packages/backend/src/plugins'));
      },
      message: /^packages\/backend\/src\/plugins\/carmen\.ts: resolves outside the repo \(to .+\); refusing to read or write it$/,
    },
    { name: 'unknown option', args: ['carmen', '--bogus'], message: 'Unknown argument: bogus' },
    { name: '--package with several ids', args: ['carmen', 'dora', '--package', 'x'], message: '--package and --range name one plugin: pass a single plugin id with them' },
  ];

  test.each(cases)('$name', ({ args, setup, cwd, message }) => {
    const repo = copyExample();
    setup?.(repo);
    const before = snapshot(repo);
    const result = runCli(args, cwd ? cwd(repo) : repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines[0].startsWith('wire-plugin: error: ')).toBe(true);
    const shown = lines[0].slice('wire-plugin: error: '.length);
    if (typeof message === 'string') expect(shown).toBe(message);
    else expect(shown).toMatch(message);
    expect(snapshot(repo)).toEqual(before);
  });

  test('no api router: the lines to add by hand follow the error', () => {
    const repo = copyExample();
    write(repo, INDEX, "import { addPlugin } from './addPlugin';\n");
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(1)).toEqual([
      'Add these lines by hand (imports at the top, the rest before the notFoundHandler() catch-all):',
      "import carmen from './plugins/carmen';",
      "const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));",
      "apiRouter.use('/carmen', await carmen(carmenEnv));",
      '',
    ]);
  });
});
