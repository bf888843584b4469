/**
 * The CLI end to end, on scratch copies of examples/legacy-app: files,
 * output, exit codes, --dry-run / --check / --json / --force, and every bad
 * input (exit 2, one line on stderr, nothing written).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DORA_WRAPPER } from './helpers/expected-wrapper';
import { CLI, cleanup, copyExample, emptyDir, LEGACY_APP, NEW_APP, read, runCli, snapshot, write } from './helpers/repo';

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

/** The example's index.ts with carmen wired: three lines, each after its last neighbour of a kind. */
const WIRED_INDEX = read(LEGACY_APP, INDEX)
  .replace("import catalog from './plugins/catalog';\n", "$&import carmen from './plugins/carmen';\n")
  .replace("  const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));\n", "$&  const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));\n")
  .replace("  apiRouter.use('/catalog', await catalog(catalogEnv));\n", "$&  apiRouter.use('/carmen', await carmen(carmenEnv));\n");

/** The example with the dependency line `backstage-cli new` adds when it scaffolds (the common case). */
function repoWithDependency(): string {
  const repo = copyExample();
  write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace('    "better-sqlite3"', `${DEPENDENCY_LINE}    "better-sqlite3"`));
  return repo;
}

describe('wiring the example legacy app', () => {
  test('wires carmen: three statements, the plugin module, one line per file and a summary', () => {
    const repo = copyExample();
    const result = runCli(['carmen'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `UPDATE ${BACKEND_JSON}`,
        `CREATE ${PLUGIN_FILE}`,
        `UPDATE ${INDEX}`,
        'Wired carmen into packages/backend (legacy backend): 1 created, 2 updated, 0 unchanged.',
        'Next: run `yarn install` to install the added dependency.',
        '',
      ].join('\n'),
    );
    expect(read(repo, INDEX)).toBe(WIRED_INDEX);
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN);
    // One added line, in sorted position.
    expect(read(repo, BACKEND_JSON)).toBe(read(LEGACY_APP, BACKEND_JSON).replace('    "better-sqlite3"', `${DEPENDENCY_LINE}    "better-sqlite3"`));
  });

  test('a dependency backstage-cli new already added is left as it is', () => {
    const repo = repoWithDependency();
    const before = read(repo, BACKEND_JSON);
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`UNCHANGED ${BACKEND_JSON}`);
    expect(read(repo, BACKEND_JSON)).toBe(before);
  });

  test('a second run changes no byte and says so', () => {
    const repo = copyExample();
    expect(runCli(['carmen'], repo).code).toBe(0);
    const before = snapshot(repo);
    const again = runCli(['carmen'], repo);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('carmen is already wired into packages/backend (legacy backend): nothing to do.');
    expect(again.stdout).toContain(`UNCHANGED ${INDEX}`);
    expect(snapshot(repo)).toEqual(before);
  });

  test('runs from any folder inside the repo', () => {
    const repo = copyExample();
    const result = runCli(['carmen'], path.join(repo, 'packages', 'backend', 'src'));
    expect(result.code).toBe(0);
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN);
  });

  test('uses workspace:^ where the backend already depends on workspace packages that way', () => {
    const repo = copyExample();
    write(repo, 'plugins/dora-backend/package.json', JSON.stringify({ name: '@internal/plugin-dora-backend', version: '1.2.3' }, null, 2) + '\n');
    write(repo, BACKEND_JSON, read(repo, BACKEND_JSON).replace('    "better-sqlite3"', '    "@internal/plugin-dora-backend": "workspace:^",\n    "better-sqlite3"'));
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@internal/backstage-plugin-carmen-backend": "workspace:^",\n    "@internal/plugin-dora-backend"');
  });

  test('finds the plugin package by its backstage.pluginId when it is not in plugins/<id>-backend', () => {
    const repo = copyExample();
    fs.renameSync(path.join(repo, 'plugins', 'carmen-backend'), path.join(repo, 'plugins', 'carmen-service'));
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain(DEPENDENCY_LINE);
  });

  test('--package names a package outside the repo, with --range for its version', () => {
    const repo = copyExample();
    write(repo, 'node_modules/@acme/backstage-plugin-carmen-backend/index.d.ts', 'export declare function createRouter(options: { logger: unknown }): Promise<unknown>;\n');
    write(repo, 'node_modules/@acme/backstage-plugin-carmen-backend/package.json', '{ "name": "@acme/backstage-plugin-carmen-backend", "types": "index.d.ts" }\n');
    const result = runCli(['carmen', '--package', '@acme/backstage-plugin-carmen-backend', '--range', '^2.0.0'], repo);
    expect(result.code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@acme/backstage-plugin-carmen-backend": "^2.0.0",\n    "@backstage/backend-common"');
    expect(read(repo, PLUGIN_FILE)).toContain("import { createRouter } from '@acme/backstage-plugin-carmen-backend';");
  });

  test('--package reads the version of an installed package from node_modules', () => {
    const repo = copyExample();
    write(repo, 'node_modules/@acme/carmen/package.json', '{ "name": "@acme/carmen", "version": "3.1.4", "types": "index.d.ts" }\n');
    write(repo, 'node_modules/@acme/carmen/index.d.ts', 'export declare function createRouter(options: { logger: unknown }): Promise<unknown>;\n');
    expect(runCli(['carmen', '--package', '@acme/carmen'], repo).code).toBe(0);
    expect(read(repo, BACKEND_JSON)).toContain('    "@acme/carmen": "^3.1.4",\n');
  });

  test('several ids wire several plugins in one run', () => {
    const repo = copyExample();
    const result = runCli(['carmen', 'dora'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wired carmen, dora into packages/backend (legacy backend): 2 created, 2 updated, 0 unchanged.');
    const index = read(repo, INDEX);
    expect(index).toContain("import carmen from './plugins/carmen';\nimport dora from './plugins/dora';\n");
    expect(index).toContain("  apiRouter.use('/carmen', await carmen(carmenEnv));\n  apiRouter.use('/dora', await dora(doraEnv));\n");
    expect(read(repo, BACKEND_JSON)).toContain(`${DEPENDENCY_LINE}    "@internal/backstage-plugin-dora-backend": "^0.1.0",\n`);
    // dora's createRouter takes logger, config, database and identity: all in PluginEnvironment.
    expect(read(repo, 'packages/backend/src/plugins/dora.ts')).toContain(
      '    logger: env.logger,\n    config: env.config,\n    database: env.database,\n    identity: env.identity,\n',
    );
    expect(runCli(['carmen', 'dora'], repo).stdout).toContain('carmen, dora are already wired');
  });

  test('follows a CRLF backend in the new module too', () => {
    const repo = copyExample();
    write(repo, INDEX, read(repo, INDEX).replace(/\n/g, '\r\n'));
    expect(runCli(['carmen'], repo).code).toBe(0);
    expect(read(repo, PLUGIN_FILE)).toBe(GENERATED_PLUGIN.replace(/\n/g, '\r\n'));
    expect(read(repo, INDEX)).toContain("import catalog from './plugins/catalog';\r\nimport carmen from './plugins/carmen';\r\n");
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

describe('status and migrate after options', () => {
  test('--cwd X status, -q status, --json status and --cwd X migrate --dry-run run the commands, as status and migrate first do', () => {
    const repo = copyExample();
    const elsewhere = emptyDir();
    const before = snapshot(repo);
    const plain = runCli(['status', '--cwd', repo], elsewhere);
    const first = runCli(['--cwd', repo, 'status'], elsewhere);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(plain.stdout);
    expect(runCli(['-q', 'status', '--check'], repo).code).toBe(runCli(['status', '--check', '-q'], repo).code);
    expect(JSON.parse(runCli(['--json', 'status'], repo).stdout)).toEqual(JSON.parse(runCli(['status', '--json'], repo).stdout));
    const migrate = runCli(['--cwd', repo, 'migrate', '--dry-run'], elsewhere);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toBe(runCli(['migrate', '--dry-run', '--cwd', repo], elsewhere).stdout);
    expect(snapshot(repo)).toEqual(before);
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
    expect(result.stdout).toContain(" import catalog from './plugins/catalog';\n+import carmen from './plugins/carmen';\n import { PluginEnvironment } from './types';\n");
    expect(result.stdout).toContain("+  const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));\n");
    expect(result.stdout).toContain("+  apiRouter.use('/carmen', await carmen(carmenEnv));\n");
    expect(result.stdout).toContain(`--- /dev/null\n+++ b/${PLUGIN_FILE}\n@@ -0,0 +1,11 @@\n`);
    expect(result.stdout).toContain(`+${DEPENDENCY_LINE}`);
    // Three statements, one dependency line, and the new module's eleven lines.
    expect(result.stdout.match(/^\+[^+]/gm)).toHaveLength(3 + 1 + 11);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toContain('Dry run: wiring carmen into packages/backend (legacy backend) would leave 1 created, 2 updated, 0 unchanged; nothing written.');
  });

  test('--check exits 1 with work to do and writes nothing; 0 once wired', () => {
    const repo = copyExample();
    const before = snapshot(repo);
    const check = runCli(['carmen', '--check'], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Check failed: carmen not fully wired into packages/backend (legacy backend)');
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
      action: 'wire',
      backend: 'packages/backend',
      changed: true,
      written: true,
      plugins: [
        {
          id: 'carmen',
          packageName: '@internal/backstage-plugin-carmen-backend',
          form: 'legacy',
          range: '^0.1.0',
          changed: true,
          alreadyWired: false,
          warnings: [],
          files: [
            { path: BACKEND_JSON, status: 'updated' },
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
    const result = runCli(['erin', '--json'], repo);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, exitCode: 2 });
  });

  test('--quiet prints nothing on success', () => {
    const repo = copyExample();
    const result = runCli(['carmen', '--quiet'], repo);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('a reader that closes the pipe early (`| head`) cuts the output, not the run: exit code as usual, no stack trace', async () => {
    const repo = copyExample();
    const child = spawn(process.execPath, [CLI, 'carmen'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI has started: its first line meets a pipe with no reader (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += chunk));
    const code = await new Promise(resolve => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(read(repo, INDEX)).toBe(WIRED_INDEX);
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
    { name: 'unicode id', args: ['cármen'], message: `invalid plugin id "cármen": ${ID_RULE}` },
    { name: 'path separator in id', args: ['plugins/carmen'], message: `invalid plugin id "plugins/carmen": ${ID_RULE}` },
    { name: '300-character id', args: ['a'.repeat(300)], message: `invalid plugin id "${'a'.repeat(60)}…": ${ID_RULE}` },
    {
      name: 'empty package.json',
      args: ['carmen'],
      setup: repo => write(repo, BACKEND_JSON, ''),
      message: 'packages/backend/package.json: invalid JSON: Unexpected end of JSON input',
    },
    {
      name: 'package.json that is an array',
      args: ['carmen'],
      setup: repo => write(repo, BACKEND_JSON, '[]\n'),
      message: 'packages/backend/package.json: expected a JSON object, found an array',
    },
    {
      name: 'empty index.ts',
      args: ['carmen'],
      setup: repo => write(repo, INDEX, ''),
      message:
        'packages/backend/src/index.ts: neither backend system found: expected `const backend = createBackend();` (new backend system) or an api router such as `const apiRouter = Router();` that plugins are mounted on (legacy backend)',
    },
    {
      name: 'binary index.ts',
      args: ['carmen'],
      setup: repo => write(repo, INDEX, 'import x\u0000from "y";\n'),
      message: 'packages/backend/src/index.ts: not a text file (it contains NUL bytes)',
    },
    {
      name: '20 MB index.ts',
      args: ['carmen'],
      setup: repo => write(repo, INDEX, ' '.repeat(20_000_000)),
      message: 'packages/backend/src/index.ts: too large (19.1 MB); expected a source file under 2 MB',
    },
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
      args: ['erin'],
      message: 'plugin package for "erin" not found: expected plugins/erin-backend/package.json or a workspace package with "backstage": { "role": "backend-plugin", "pluginId": "erin" } (or pass --package <name>)',
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
      message: 'packages/backend/src/index.ts:107:28: cannot parse TypeScript: Unexpected token',
    },
    {
      name: 'index.ts of neither backend system',
      args: ['carmen'],
      setup: repo =>
        write(repo, INDEX, "import { addPlugin } from './addPlugin';\n\nasync function main() {\n  await addPlugin({ plugin: 'catalog' });\n}\n"),
      message:
        'packages/backend/src/index.ts: neither backend system found: expected `const backend = createBackend();` (new backend system) or an api router such as `const apiRouter = Router();` that plugins are mounted on (legacy backend)',
    },
    {
      name: '--system legacy on a file with no api router',
      args: ['carmen', '--system', 'legacy'],
      setup: repo => write(repo, INDEX, "import { addPlugin } from './addPlugin';\n"),
      message:
        'packages/backend/src/index.ts: no api router to extend: expected a router variable such as `const apiRouter = Router();` (Router from express-promise-router) that plugins are mounted on',
    },
    {
      name: '--system new on a legacy backend',
      args: ['carmen', '--system', 'new'],
      message: 'packages/backend/src/index.ts: no new backend to extend: expected `const backend = createBackend();` (from @backstage/backend-defaults) and `backend.start();`',
    },
    {
      name: 'a new-backend-only plugin into a legacy backend',
      args: ['carmen'],
      setup: repo => {
        fs.rmSync(path.join(repo, 'plugins', 'carmen-backend'), { recursive: true });
        fs.cpSync(path.join(NEW_APP, 'plugins', 'carmen-backend'), path.join(repo, 'plugins', 'carmen-backend'), { recursive: true });
      },
      message:
        'plugins/carmen-backend/src/plugin.ts:12: @internal/backstage-plugin-carmen-backend is a new-backend-system plugin (its default export is a backend feature and it exports no createRouter), so it cannot be wired into the legacy backend in packages/backend/src/index.ts: migrate the backend to the new backend system (createBackend from @backstage/backend-defaults), or export a createRouter from the plugin',
    },
    {
      name: 'a package with nothing to wire',
      args: ['carmen'],
      setup: repo => write(repo, 'plugins/carmen-backend/src/index.ts', 'export const carmenPermission = 1;\n'),
      message:
        '@internal/backstage-plugin-carmen-backend: exports neither createRouter nor a backend feature as its default export (read plugins/carmen-backend/src/index.ts): there is nothing to wire',
    },
    { name: 'an unknown --system', args: ['carmen', '--system', 'old'], message: /^Invalid values:/ },
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
    { name: 'no arguments at all', args: [], message: 'no plugin id given: expected at least one, such as carmen (see --help)' },
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
      'For a legacy backend, add these lines by hand (imports at the top, the rest before the notFoundHandler() catch-all):',
      "import carmen from './plugins/carmen';",
      "const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));",
      "apiRouter.use('/carmen', await carmen(carmenEnv));",
      '',
    ]);
  });
});

describe('the new backend system (examples/new-app)', () => {
  const NEW_INDEX = 'packages/backend/src/index.ts';
  const ADD = "backend.add(import('@internal/backstage-plugin-carmen-backend'));\n";

  test('adds the plugin before backend.start(), after the last add, and the dependency', () => {
    const repo = copyExample(NEW_APP);
    const result = runCli(['carmen'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [`UPDATE ${BACKEND_JSON}`, `UPDATE ${NEW_INDEX}`, 'Wired carmen into packages/backend (new backend): 0 created, 2 updated, 0 unchanged.', 'Next: run `yarn install` to install the added dependency.', ''].join('\n'),
    );
    expect(read(repo, NEW_INDEX)).toBe(
      read(NEW_APP, NEW_INDEX).replace("backend.add(import('@backstage/plugin-catalog-backend'));\n", `$&${ADD}`),
    );
    expect(read(repo, BACKEND_JSON)).toBe(
      read(NEW_APP, BACKEND_JSON).replace('    "better-sqlite3"', `    "@internal/backstage-plugin-carmen-backend": "^0.1.0",\n    "better-sqlite3"`),
    );
    expect(fs.existsSync(path.join(repo, 'packages/backend/src/plugins'))).toBe(false);
  });

  test('a second run and --check find nothing to do; --remove restores every file byte for byte', () => {
    const repo = copyExample(NEW_APP);
    const original = snapshot(repo);
    expect(runCli(['carmen'], repo).code).toBe(0);
    const wired = snapshot(repo);
    expect(runCli(['carmen'], repo).stdout).toContain('carmen is already wired into packages/backend (new backend): nothing to do.');
    expect(runCli(['carmen', '--check'], repo).code).toBe(0);
    expect(snapshot(repo)).toEqual(wired);
    const removed = runCli(['carmen', '--remove'], repo);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed carmen from packages/backend (new backend): 2 updated, 0 unchanged.');
    expect(snapshot(repo)).toEqual(original);
    expect(runCli(['carmen', '--remove'], repo).stdout).toContain('carmen is not wired into packages/backend (new backend): nothing to remove.');
  });

  test('on 1.31, the last release legacyPlugin runs on, a legacy-only plugin goes through the bridge, and comes out again', () => {
    const repo = copyExample(NEW_APP);
    write(repo, 'backstage.json', '{\n  "version": "1.31.0"\n}\n');
    const original = snapshot(repo);
    const result = runCli(['dora'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const index = read(repo, NEW_INDEX);
    expect(index).toContain("import { createBackend } from '@backstage/backend-defaults';\nimport { legacyPlugin } from '@backstage/backend-common';\n");
    expect(index).toContain("backend.add(legacyPlugin('dora', import('./plugins/dora')));\n\nbackend.start();");
    // backend-common at the range the legacy plugin itself uses.
    expect(read(repo, BACKEND_JSON)).toContain('    "@backstage/backend-common": "0.25.0",\n    "@backstage/backend-defaults"');
    expect(read(repo, 'packages/backend/src/plugins/dora.ts')).toBe(
      [
        "import { createRouter } from '@internal/backstage-plugin-dora-backend';",
        "import { Router } from 'express';",
        '',
        'export default async function createPlugin(',
        '  env: Parameters<typeof createRouter>[0],',
        '): Promise<Router> {',
        '  return await createRouter({',
        '    logger: env.logger,',
        '  });',
        '}',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(runCli(['dora', '--json'], repo).stdout).plugins[0]).toMatchObject({ form: 'legacy-bridge', alreadyWired: true });
    expect(runCli(['dora', '--remove'], repo).code).toBe(0);
    expect(snapshot(repo)).toEqual(original);
  });

  test('after 1.31 (the example says 1.33), a legacy-only plugin gets a new-system wrapper, and comes out again', () => {
    const repo = copyExample(NEW_APP);
    write(repo, 'node_modules/@backstage/backend-plugin-api/package.json', '{ "name": "@backstage/backend-plugin-api", "version": "1.0.1" }\n');
    const original = snapshot(repo);
    const result = runCli(['dora'], repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `UPDATE ${BACKEND_JSON}`,
        'CREATE packages/backend/src/plugins/dora.ts',
        `UPDATE ${NEW_INDEX}`,
        'Wired dora into packages/backend (new backend): 1 created, 2 updated, 0 unchanged.',
        'Next: run `yarn install` to install the 2 added dependencies.',
        '',
      ].join('\n'),
    );
    const index = read(repo, NEW_INDEX);
    expect(index).not.toContain('backend-common');
    expect(index).toContain("backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(import('./plugins/dora'));\n\nbackend.start();");
    const json = read(repo, BACKEND_JSON);
    expect(json).not.toContain('backend-common');
    expect(json).toContain('    "@backstage/backend-defaults": "0.9.0",\n    "@backstage/backend-plugin-api": "^1.0.1",\n');
    expect(json).toContain('"@internal/backstage-plugin-dora-backend": "^0.1.0"');
    expect(read(repo, 'packages/backend/src/plugins/dora.ts')).toBe(DORA_WRAPPER);
    expect(JSON.parse(runCli(['dora', '--json'], repo).stdout).plugins[0]).toMatchObject({ form: 'wrapper', alreadyWired: true });
    const status = JSON.parse(runCli(['status', '--json'], repo).stdout);
    expect(status.plugins.find((p: { id: string }) => p.id === 'dora')).toEqual({
      id: 'dora',
      package: '@internal/backstage-plugin-dora-backend',
      role: 'plugin',
      state: 'wired',
      form: 'wrapper',
      missing: [],
    });
    const removed = runCli(['dora', '--remove', '--json'], repo);
    expect(removed.code).toBe(0);
    const report = JSON.parse(removed.stdout);
    expect(report.removedDependencies).toEqual(['@backstage/backend-plugin-api', '@internal/backstage-plugin-dora-backend']);
    expect(report.warnings).toEqual([
      'packages/backend/package.json: removed @backstage/backend-plugin-api, which wire-plugin adds for the new-system wrapper: nothing in the backend imports it any more (add it back if it was there before for another reason)',
    ]);
    expect(snapshot(repo)).toEqual(original);
  });

  test('a legacy-only plugin whose router needs an option no core service provides is refused, by the line of its type', () => {
    const repo = copyExample(NEW_APP);
    write(repo, 'node_modules/@backstage/backend-plugin-api/package.json', '{ "name": "@backstage/backend-plugin-api", "version": "1.0.1" }\n');
    const router = 'plugins/dora-backend/src/service/router.ts';
    write(repo, router, read(repo, router).replace('  logger: Logger;\n', '  logger: Logger;\n  identity: unknown;\n'));
    const original = snapshot(repo);
    const result = runCli(['dora'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'wire-plugin: error: plugins/dora-backend/src/service/router.ts:8: createRouter of @internal/backstage-plugin-dora-backend needs identity, and no core service of the new backend system provides it: a new-system wrapper cannot be generated; give the plugin a backend feature of its own (createBackendPlugin) and wire that\n',
    );
    expect(snapshot(repo)).toEqual(original);
  });

  test('--dry-run, --check and --json work with --remove too', () => {
    const repo = copyExample(NEW_APP);
    expect(runCli(['carmen'], repo).code).toBe(0);
    const wired = snapshot(repo);
    const check = runCli(['carmen', '--remove', '--check'], repo);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Check failed: carmen still wired into packages/backend (new backend)');
    const dry = runCli(['carmen', '--remove', '--dry-run'], repo);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`-${ADD}`);
    const json = JSON.parse(runCli(['carmen', '--remove', '--json', '--dry-run'], repo).stdout);
    expect(json).toMatchObject({ ok: true, action: 'remove', system: 'new', changed: true, written: false });
    expect(snapshot(repo)).toEqual(wired);
  });
});

describe('--remove on the legacy example', () => {
  test('wiring then --remove gives every file back byte for byte', () => {
    const repo = copyExample();
    const original = snapshot(repo);
    expect(runCli(['carmen'], repo).code).toBe(0);
    const removed = runCli(['carmen', '--remove'], repo);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(
      [
        `UPDATE ${BACKEND_JSON}`,
        `DELETE ${PLUGIN_FILE}`,
        `UPDATE ${INDEX}`,
        '  removed dependency @internal/backstage-plugin-carmen-backend',
        'Removed carmen from packages/backend (legacy backend): 2 updated, 1 deleted, 0 unchanged.',
        '',
      ].join('\n'),
    );
    expect(snapshot(repo)).toEqual(original);
  });

  test('a package named by its name, wired under another id (its module, env and route renamed), is found by the module that imports it: wiring it again does nothing, --remove takes that wiring out', () => {
    const repo = copyExample();
    const original = snapshot(repo);
    expect(runCli(['dora', '-q'], repo).code).toBe(0);
    // The operator renamed the plugin's module, env and route to dora-metrics; the package's id stays dora.
    fs.renameSync(path.join(repo, 'packages/backend/src/plugins/dora.ts'), path.join(repo, 'packages/backend/src/plugins/dora-metrics.ts'));
    const index = read(repo, INDEX);
    write(repo, INDEX, index.replace("'./plugins/dora'", "'./plugins/dora-metrics'").replace("createEnv('dora')", "createEnv('dora-metrics')").replace("'/dora'", "'/dora-metrics'"));
    expect(read(repo, INDEX)).not.toMatch(/'\.\/plugins\/dora'|'dora'|'\/dora'/);
    const again = runCli(['@internal/backstage-plugin-dora-backend'], repo);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('wired as dora-metrics (packages/backend/src/plugins/dora-metrics.ts imports it), not as dora');
    expect(again.stdout).toContain('already wired');
    const removed = runCli(['@internal/backstage-plugin-dora-backend', '--remove', '-q'], repo);
    expect(removed.code).toBe(0);
    expect(snapshot(repo)).toEqual(original);
  });

  test('a plugin module the user changed is kept (with a warning) unless --force', () => {
    const repo = copyExample();
    expect(runCli(['carmen'], repo).code).toBe(0);
    write(repo, PLUGIN_FILE, read(repo, PLUGIN_FILE).replace('logger: env.logger,', 'logger: env.logger,\n    extra: true,'));
    const kept = runCli(['carmen', '--remove'], repo);
    expect(kept.code).toBe(0);
    // The kept module still imports the plugin's package: its dependency stays too, so the backend still builds.
    expect(kept.stderr).toBe(
      `warning: ${PLUGIN_FILE}: kept (it differs from what wire-plugin generates; pass --force to delete it)\n` +
        `warning: packages/backend/package.json: kept @internal/backstage-plugin-carmen-backend: ${PLUGIN_FILE} still imports it (remove that file, or pass --force, then run --remove again)\n`,
    );
    expect(fs.existsSync(path.join(repo, PLUGIN_FILE))).toBe(true);
    expect(read(repo, 'packages/backend/package.json')).toContain('"@internal/backstage-plugin-carmen-backend"');
    const forced = runCli(['carmen', '--remove', '--force'], repo);
    expect(forced.stdout).toContain(`DELETE ${PLUGIN_FILE}`);
    expect(fs.existsSync(path.join(repo, PLUGIN_FILE))).toBe(false);
    expect(read(repo, 'packages/backend/package.json')).not.toContain('"@internal/backstage-plugin-carmen-backend"');
  });
});

describe('the generated module passes what createRouter takes and the environment has', () => {
  test('options the environment provides are passed; a required one it lacks is reported', () => {
    const repo = copyExample();
    write(
      repo,
      'plugins/carmen-backend/src/service/router.ts',
      read(repo, 'plugins/carmen-backend/src/service/router.ts').replace(
        'export interface RouterOptions {\n  logger: Logger;\n}',
        'export interface RouterOptions {\n  logger: Logger;\n  database: PluginDatabaseManager;\n  identity?: IdentityApi;\n  catalogApi: CatalogApi;\n  cache?: PluginCacheManager;\n}',
      ),
    );
    const result = runCli(['carmen'], repo);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: ${PLUGIN_FILE}: createRouter of @internal/backstage-plugin-carmen-backend needs catalogApi, which the plugin environment does not provide: finish the file by hand (tsc will point at it)\n`,
    );
    expect(read(repo, PLUGIN_FILE)).toContain(
      '  return await createRouter({\n    logger: env.logger,\n    database: env.database,\n    identity: env.identity,\n    cache: env.cache,\n  });\n',
    );
  });

  test("fields the app added to PluginEnvironment count too; ones it lacks are not passed", () => {
    const repo = copyExample();
    write(repo, 'packages/backend/src/types.ts', 'export type PluginEnvironment = {\n  logger: Logger;\n  catalogApi: CatalogApi;\n};\n');
    write(
      repo,
      'plugins/carmen-backend/src/service/router.ts',
      read(repo, 'plugins/carmen-backend/src/service/router.ts').replace('  logger: Logger;\n}', '  logger: Logger;\n  catalogApi: CatalogApi;\n  database?: unknown;\n}'),
    );
    expect(runCli(['carmen'], repo).stderr).toBe('');
    expect(read(repo, PLUGIN_FILE)).toContain('    logger: env.logger,\n    catalogApi: env.catalogApi,\n  });');
  });
});
