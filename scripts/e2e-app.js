'use strict';
/**
 * The apps of the frontend e2e: made by create-app, installed once and cached
 * (git tags mark their states), run on Node 22 with their own yarn, and
 * started by their own scripts.
 */
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const lib = require('./e2e-lib');
const { StepError, log, run, freePort, request, stopGroup } = lib;

const { CLI, CACHE } = lib;
const NODE_VERSION = '22.23.5';
const START_TIMEOUT_MS = 240_000;

/** Node 22 first on PATH, yarn's installs from the npm registry, mutable lockfiles (yarn 4 freezes them under CI=true), git identity for the cached app's commits. */
function appEnv() {
  const node = lib.registryNode(CACHE, NODE_VERSION);
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  return {
    node: node.binary,
    env: {
      ...process.env,
      // create-app 0.9 checks that a yarn is on PATH; the apps themselves run their own release (yarnPath).
      PATH: `${path.dirname(node.binary)}:${lib.registryYarn(CACHE, 'yarn@1.22.22')}:${process.env.PATH}`,
      npm_config_nodedir: node.dir,
      YARN_NPM_REGISTRY_SERVER: registry,
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      YARN_ENABLE_TELEMETRY: '0',
      BACKSTAGE_CLI_DISABLE_TELEMETRY: '1',
      FORCE_COLOR: '0',
      NODE_ENV: 'development',
      GIT_AUTHOR_NAME: 'e2e',
      GIT_AUTHOR_EMAIL: 'e2e@localhost',
      GIT_COMMITTER_NAME: 'e2e',
      GIT_COMMITTER_EMAIL: 'e2e@localhost',
    },
  };
}

/** The yarn release the app pins (its .yarnrc.yml yarnPath). */
const yarnRelease = dir => path.join(dir, /^yarnPath:\s*(.+)$/m.exec(fs.readFileSync(path.join(dir, '.yarnrc.yml'), 'utf8'))[1].trim());

/** The app's own yarn, on Node 22. */
function yarnOf(dir, runtime) {
  return (step, args, options = {}) => run(step, runtime.node, [yarnRelease(dir), ...args], { cwd: dir, env: runtime.env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

const git = (dir, args) => run('git', 'git', args, { cwd: dir }).stdout.trim();

/**
 * An app made by create-app at `version`, installed, with `prepare` run on
 * it once; tags `e2e-before-new` (before `yarn new`) and `e2e-base` (after).
 * Reused while the marker is there; reset to `e2e-base` each time.
 */
function cachedApp(name, version, runtime, prepare, variant) {
  // `variant` names what `prepare` installs beyond the template, so that a cache made before it changed is not reused.
  const dir = path.join(CACHE, `frontend-${name}-${version}${variant ? `-${variant}` : ''}`);
  const marker = path.join(dir, 'node_modules', '.wire-plugin-e2e-ready');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    log(`${name}: create-app ${version} (cold; cached afterwards in ${dir})`);
    const started = Date.now();
    run('create-app', 'npx', ['--yes', `@backstage/create-app@${version}`, '--path', dir, '--skip-install'], {
      cwd: CACHE,
      env: { ...runtime.env, BACKSTAGE_APP_NAME: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!fs.existsSync(path.join(dir, '.git'))) git(dir, ['init', '-q']);
    prepare(dir, yarnOf(dir, runtime));
    fs.writeFileSync(marker, new Date().toISOString());
    log(`${name}: made and installed in ${Math.round((Date.now() - started) / 1000)} s`);
  } else {
    log(`${name}: reusing ${dir}`);
  }
  git(dir, ['reset', '-q', '--hard', 'e2e-base']);
  git(dir, ['clean', '-qfd']);
  return dir;
}

function commit(dir, message, tag) {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
  if (tag) git(dir, ['tag', '-f', tag]);
}

/** A root package.json field set in place (the resolution the legacy template's floating versions need). */
function editJson(file, edit) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}

/** Every file of the app but installs, builds and logs, as bytes. */
function sources(dir) {
  const out = git(dir, ['ls-files', '-co', '--exclude-standard']);
  const files = new Map();
  for (const file of out.split('\n').filter(Boolean)) {
    if (fs.existsSync(path.join(dir, file))) files.set(file, fs.readFileSync(path.join(dir, file)));
  }
  return files;
}

function differences(a, b, ignore = []) {
  const out = [];
  for (const [file, bytes] of a) if (!ignore.includes(file) && (!b.has(file) || !b.get(file).equals(bytes))) out.push(file);
  for (const file of b.keys()) if (!ignore.includes(file) && !a.has(file)) out.push(file);
  return out;
}

function wire(step, dir, args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new StepError(step, `wire-plugin ${args.join(' ')} exited ${result.status}`, `${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * Starts the backend by its own script (`yarn workspace backend start`,
 * which serves the built app), on a free loopback port through
 * app-config.local.yaml; resolves once it logs that plugin initialization
 * completed with no startup failure. Returns the port and a stop function.
 */
async function startBackend(dir, yarnArgs, runtime) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  fs.writeFileSync(
    path.join(dir, 'app-config.local.yaml'),
    `app:\n  baseUrl: ${base}\nbackend:\n  baseUrl: ${base}\n  listen:\n    port: ${port}\n  cors:\n    origin: ${base}\n`,
  );
  const logFile = path.join(dir, 'backend.e2e.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(runtime.node, yarnArgs, { cwd: dir, detached: true, stdio: ['ignore', out, out], env: runtime.env });
  let exited = false;
  child.on('exit', () => (exited = true));
  const text = () => fs.readFileSync(logFile, 'utf8');
  const lastLines = () => text().split('\n').slice(-40).join('\n');
  // Stopped, the app's sources are as they were: the port's config and the log go.
  const stop = async () => {
    await stopGroup(child, () => exited);
    fs.closeSync(out);
    fs.rmSync(path.join(dir, 'app-config.local.yaml'), { force: true });
    fs.rmSync(logFile, { force: true });
  };
  let seconds;
  try {
    seconds = await lib.untilPluginsInitialized({ text, exited: () => exited, lastLines, timeoutMs: START_TIMEOUT_MS });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`  yarn workspace backend start: plugin initialization complete after ${seconds} s, no startup failure (port ${port})`);
  return { port, base, stop, failed: () => /startup failed/i.test(text()) };
}

/** A guest's token, as the sign-in page gets it. */
async function guestToken(port) {
  const answer = await request(port, 'GET', '/api/auth/guest/refresh?env=development', undefined, null, { 'x-requested-with': 'XMLHttpRequest' });
  const token = answer.status === 200 ? JSON.parse(answer.body).backstageIdentity?.token : undefined;
  if (!token) throw new StepError('guest', `GET /api/auth/guest/refresh answered ${answer.status} ${answer.body.slice(0, 200)}`);
  return token;
}

/**
 * `status --json` reduced to what the proof compares: each frontend plugin's state, and the backend
 * packages that are not wired (the template depends on a GitHub auth module that its index.ts does
 * not add, so the whole-repo `status --check` fails on the template itself).
 */
function statusOf(dir) {
  const result = spawnSync(process.execPath, [CLI, 'status', '--json'], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new StepError('status', `status exited ${result.status}`, result.stderr);
  const report = JSON.parse(result.stdout);
  return {
    frontend: report.frontend.plugins.map(p => ({ id: p.id, package: p.package, state: p.state })),
    backend: report.plugins.filter(p => p.state !== 'wired').map(p => p.package),
  };
}


/**
 * `yarn tsc`'s errors, one `file(line,col): TSnnnn` each. A template that
 * does not type-check as made (create-app 0.9.2's scaffolded plugin, with the
 * registry's older frontend-dev-utils) is held to no new error instead of none.
 */
function tscErrors(dir, runtime) {
  const result = spawnSync(runtime.node, [yarnRelease(dir), 'tsc', '--pretty', 'false'], { cwd: dir, env: runtime.env, encoding: 'utf8' });
  const errors = result.stdout.split('\n').filter(line => /: error TS\d+/.test(line)).map(line => line.replace(/: error (TS\d+).*/, ': $1'));
  if (result.status !== 0 && !errors.length) throw new StepError('tsc', `yarn tsc exited ${result.status} with no error listed`, result.stdout + result.stderr);
  return errors;
}

/**
 * Starts the app's backend by its own script (`yarn workspace backend start`),
 * runs `use` against it, and stops it; a plugin that fails to start while
 * `use` runs fails the step too.
 */
async function withBackend(dir, runtime, use) {
  const backend = await startBackend(dir, [yarnRelease(dir), 'workspace', 'backend', 'start'], runtime);
  try {
    await use(backend);
    if (backend.failed()) throw new StepError('start', 'a plugin failed to start while the app was in use');
  } finally {
    await backend.stop();
  }
}

module.exports = { CLI, CACHE, appEnv, yarnRelease, yarnOf, git, cachedApp, commit, editJson, sources, differences, wire, statusOf, startBackend, withBackend, guestToken, tscErrors };
