'use strict';
/**
 * The backend e2e's current-release case: examples/current-app (Backstage's
 * current release) on its own Node, started by its own start script, with
 * plugins added explicitly and by feature discovery.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { StepError, log, run, freePort, stopGroup, untilPluginsInitialized } = require('./e2e-lib');
const { CLI, START_TIMEOUT_MS, get, installedCopy, registryNode, registryYarn, sameFiles, sources, wire } = require('./e2e-examples');

/** The Node the current release's app runs on (its engines: 22 || 24). */
const CURRENT_APP_NODE = '22.23.5';

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
  try {
    const seconds = await untilPluginsInitialized({ text, exited: () => exited, lastLines, timeoutMs: START_TIMEOUT_MS });
    log(`  yarn start: plugin initialization complete after ${seconds} s, no startup failure`);
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

module.exports = { currentAppCase };
