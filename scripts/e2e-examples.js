'use strict';
/**
 * The example apps of the backend e2e (examples/*): installed copies cached
 * by their lockfiles, their sources compared byte for byte, their backends
 * started by their own scripts (or under a release's module loader) and
 * called, and the built CLI run on them.
 */
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const lib = require('./e2e-lib');
const { StepError, log, run, freePort, request, stopGroup } = lib;

const { PROJECT, CLI, CACHE } = lib;
const YARN = 'yarn@1.22.22';
const START_TIMEOUT_MS = 180_000;
const TOKEN = 'e2e-test-only-static-token';

/** A GET with the e2e's static token unless told otherwise: its status and body. */
function get(port, urlPath, token = TOKEN) {
  return request(port, 'GET', urlPath, undefined, token);
}

const registryNode = version => lib.registryNode(CACHE, version);

/** yarn 1.22.22 from the npm registry, unpacked once: its bin folder (a start script runs `yarn workspace ...`). */
const registryYarn = () => lib.registryYarn(CACHE, YARN);

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

module.exports = { PROJECT, CLI, CACHE, YARN, START_TIMEOUT_MS, get, registryNode, registryYarn, sources, sameFiles, installedCopy, releaseEraLoader, startAndCall, wire };
