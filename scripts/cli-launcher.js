#!/usr/bin/env node
/**
 * wire-plugin's command: loads the CLI, bundled into one file
 * (./wire-plugin.js), with its compiled code cached between runs so that a
 * run pays for compiling the parser once, not every time. Node 22 and later
 * cache through module.enableCompileCache(); on Node 18 and 20 the same V8
 * code cache is kept by hand (vm.Script cachedData) in the OS temp folder,
 * for the bundle and for ./yaml.js and ./prettier.js beside it, keyed by Node's version, the
 * file's size and time, Node's flags and the command (wire, status or
 * migrate): the cache is written at the exit of a run that had none, with
 * the functions that run compiled, so each command keeps the functions it
 * runs. A cache that cannot be read or written, or that V8 rejects, is not
 * used (and is written anew at exit). Writing one removes those not written
 * for a week (older builds, other Node flags).
 */
'use strict';
const Module = require('module');
const path = require('path');

const bundle = path.join(__dirname, 'wire-plugin.js');

/** The command, as far as the cache goes: each one's compiled functions differ. */
function commandKind() {
  const command = process.argv[2];
  return command === 'migrate' || command === 'status' ? command : 'wire';
}

function loadWithCodeCache(file) {
  const fs = require('fs');
  const os = require('os');
  const vm = require('vm');
  // A shebang is no JavaScript inside the module wrapper; blank it, keeping the line count.
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const stat = fs.statSync(file);
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = path.join(os.tmpdir(), `wire-plugin-code-cache-${user}`);
  // V8 rejects a cache made under other flags (--cpu-prof, --max-semi-space-size, ...): one cache per set.
  let flags = 5381;
  for (const ch of `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS || ''}`) flags = ((flags * 33) ^ ch.charCodeAt(0)) >>> 0;
  const stem = path.basename(file) === 'wire-plugin.js' ? '' : `${path.basename(file, '.js')}-`;
  const cacheFile = path.join(dir, `${stem}${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}-${flags.toString(36)}-${commandKind()}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = Module._nodeModulePaths(path.dirname(file));
  // yaml and prettier's TypeScript formatter, files of their own beside the bundle (required only by
  // runs that read app-config, or format what they write), are cached the same way.
  const localRequire = id => (id in beside ? beside[id]() : loaded.require(id));
  localRequire.resolve = (request, options) => Module._resolveFilename(request, loaded, false, options);
  localRequire.main = require.main;
  script.runInThisContext().call(loaded.exports, loaded.exports, localRequire, loaded, file, path.dirname(file));
  loaded.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written at exit, so that it holds the functions this run compiled too.
    process.once('exit', () => {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
        pruneStaleCaches(fs, dir);
      } catch {
        // No cache this time.
      }
    });
  }
  return loaded.exports;
}

/** Caches not written for a week (older builds, other flags) go, so the folder does not grow with every build. */
function pruneStaleCaches(fs, dir) {
  const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.bin')) continue;
    const file = path.join(dir, name);
    if (fs.statSync(file).mtimeMs < weekAgo) fs.rmSync(file, { force: true });
  }
}

/** The files beside the bundle, each loaded once, on first require. */
const besideExports = {};
const beside = Object.fromEntries(
  ['./yaml.js', './prettier.js'].map(id => [id, () => (besideExports[id] ??= loadWithCodeCache(path.join(__dirname, id)))]),
);

if (typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache();
  } catch {
    // Caching is an optimisation only.
  }
  require(bundle).run();
} else if (process.env.WIRE_PLUGIN_NO_CODE_CACHE || process.sourceMapsEnabled) {
  // Node applies the bundle's source map (its names, for an internal error's stack) to required files only.
  require(bundle).run();
} else {
  loadWithCodeCache(bundle).run();
}
