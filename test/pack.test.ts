/**
 * The published package works: `npm pack` makes a tarball whose bin runs
 * through `npx ./wire-plugin-<version>.tgz carmen` in a fresh directory, and
 * whose transforms are where the README says. (Packed with --ignore-scripts:
 * `npm test` has built dist already, and rebuilding it here would race the
 * other test files that run the built CLI.)
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, copyExample, emptyDir, PROJECT, read } from './helpers/repo';

const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT, 'package.json'), 'utf8'));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

afterAll(cleanup);

test('npx ./wire-plugin-<version>.tgz carmen wires a fresh copy of the example app', () => {
  const out = emptyDir();
  execFileSync(NPM, ['pack', '--ignore-scripts', '--pack-destination', out, '--silent'], { cwd: PROJECT, stdio: 'pipe' });
  const tarball = `wire-plugin-${version}.tgz`;
  const listing = execFileSync('tar', ['-tzf', path.join(out, tarball)], { encoding: 'utf8' }).split('\n');
  expect(listing).toEqual(expect.arrayContaining(['package/dist/cli.js', 'package/dist/wire-plugin.js', 'package/dist/index.js', 'package/dist/yaml.js', 'package/dist/prettier.js', 'package/dist/src/index.d.ts', 'package/dist/transforms/legacy-index.js']));
  expect(listing.filter(file => /\.(spec|test)\.|__testfixtures__|examples\//.test(file))).toEqual([]);

  const repo = copyExample();
  fs.copyFileSync(path.join(out, tarball), path.join(repo, tarball));
  const run = spawnSync(NPX, ['--yes', `./${tarball}`, 'carmen'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });
  expect(run.stderr.split('\n').filter(line => line.includes('wire-plugin'))).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Wired carmen into packages/backend (legacy backend): 1 created, 2 updated, 0 unchanged.');
  expect(read(repo, 'packages/backend/src/index.ts')).toContain("apiRouter.use('/carmen', await carmen(carmenEnv));");
  // migrate reads app-config (dist/yaml.js) and formats what it writes (dist/prettier.js): both shipped.
  const migrated = spawnSync(NPX, ['--yes', `./${tarball}`, 'migrate', '-q'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  expect(migrated.stderr).toBe('');
  expect(migrated.status).toBe(0);
  expect(read(repo, 'packages/backend/src/index.ts')).toContain('const backend = createBackend();');
}, 180_000);

test("the package's main, the bundled library, works as a library", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const main = JSON.parse(fs.readFileSync(path.join(PROJECT, 'package.json'), 'utf8')).main as string;
  expect(main).toBe('dist/index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const library = require(path.join(PROJECT, main)) as typeof import('../src/index');
  const repo = copyExample();
  const plan = await library.planWiring({ plugins: ['carmen'], cwd: repo });
  expect(plan.report.changed).toBe(true);
  library.applyPlan(plan);
  expect(library.backendStatus({ cwd: repo }).plugins.find(p => p.id === 'carmen')?.state).toBe('wired');
  // The example's own modules (hooks, notes, and echo under its flag) are bridged; the catalog is a feature; carmen bridged.
  expect((await library.planMigration({ cwd: repo })).report.plugins.map(p => `${p.id}:${p.target}`)).toEqual(['hooks:bridge', 'notes:bridge', 'echo:bridge', 'catalog:feature', 'carmen:bridge']);
  expect(() => library.backendStatus({ cwd: emptyDir() })).toThrow(library.WireError);
});
