#!/usr/bin/env node
/**
 * Bundles the CLI and the library with esbuild after tsc has built dist/:
 *
 *   dist/wire-plugin.js  the CLI in one file (started by dist/cli.js, the package's bin)
 *   dist/index.js        the library in one file (the package's main; types in dist/src)
 *
 * One file loads where hundreds did. ts-morph, typescript and prettier stay
 * outside, required only on the paths that need them, and yaml and the part
 * of prettier that formats TypeScript are files of their own beside them
 * (dist/yaml.js, dist/prettier.js); dist/transforms stays
 * as tsc wrote it, for the jscodeshift CLI.
 */
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const PROJECT = path.join(__dirname, '..');
const DIST = path.join(PROJECT, 'dist');
/**
 * `yaml` is needed only by runs that read app-config (feature discovery,
 * a migrated plugin whose id changes): it is bundled on its own into
 * dist/yaml.js, which those runs require, one file instead of the package's
 * hundred-odd (about 7 ms to load where the package took 35 on Node 20).
 */
const yamlBeside = {
  name: 'yaml-beside',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};
/**
 * The part of prettier that formats TypeScript (src/commit/prettier-lite.ts:
 * prettier's standalone formatter with its babel and estree plugins) is
 * bundled on its own into dist/prettier.js, which only runs that format the
 * files they write (migrate) require, code-cached like dist/yaml.js.
 */
const prettierBeside = {
  name: 'prettier-beside',
  setup(build) {
    build.onResolve({ filter: /\/prettier-lite$/ }, () => ({ path: './prettier.js', external: true }));
  },
};
/**
 * `import * as fs from 'fs'` in each of fifty-odd modules would make esbuild
 * copy the builtin's exports into a namespace object fifty-odd times at load
 * (its __toESM; about 6 ms of every run): fs and path are imported through
 * one module of the bundle each, whose namespace they all share.
 */
const sharedBuiltins = {
  name: 'shared-builtins',
  setup(build) {
    build.onResolve({ filter: /^(fs|path)$/ }, args => ({ path: args.path, namespace: 'shared-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-builtin' }, args => ({ contents: `export * from 'node:${args.path}';`, loader: 'js' }));
  },
};
/**
 * yargs requires Node's assert for two invariant checks of its own
 * (strictEqual, notStrictEqual); loading assert costs a run about 3 ms.
 * These two, as yargs calls them, are all the bundle needs of it.
 */
const assertLite = {
  name: 'assert-lite',
  setup(build) {
    build.onResolve({ filter: /^assert$/ }, () => ({ path: 'assert', namespace: 'assert-lite' }));
    build.onLoad({ filter: /.*/, namespace: 'assert-lite' }, () => ({
      contents: [
        'export function strictEqual(actual, expected, message) {',
        '  if (actual !== expected) throw new Error(message || `${String(actual)} !== ${String(expected)}`);',
        '}',
        'export function notStrictEqual(actual, expected, message) {',
        '  if (actual === expected) throw new Error(message || `${String(actual)} === ${String(expected)}`);',
        '}',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['ts-morph', 'typescript', 'prettier'],
  plugins: [yamlBeside, prettierBeside, sharedBuiltins, assertLite],
  legalComments: 'none',
  logLevel: 'warning',
  keepNames: false,
  minifySyntax: true,
  minifyWhitespace: true,
};
/**
 * The files a run loads (the CLI, yaml) also get short identifiers: a
 * quarter less to read and to restore from the code cache (about 7 ms a
 * run). The CLI's source map, beside it, gives an internal error's stack
 * its source names under `NODE_OPTIONS=--enable-source-maps`. The library
 * (dist/index.js) keeps its names for its callers' stack traces.
 */
const loaded = { minifyIdentifiers: true };

async function main() {
  await esbuild.build({ ...common, ...loaded, sourcemap: true, entryPoints: [path.join(PROJECT, 'src', 'cli.ts')], outfile: path.join(DIST, 'wire-plugin.js') });
  await esbuild.build({ ...common, entryPoints: [path.join(PROJECT, 'src', 'index.ts')], outfile: path.join(DIST, 'index.js') });
  await esbuild.build({
    ...common,
    ...loaded,
    plugins: [],
    stdin: { contents: "module.exports = require('yaml');", resolveDir: PROJECT, sourcefile: 'yaml-entry.js' },
    outfile: path.join(DIST, 'yaml.js'),
  });
  await esbuild.build({
    ...common,
    external: [],
    plugins: [],
    entryPoints: [path.join(PROJECT, 'src', 'commit', 'prettier-lite.ts')],
    outfile: path.join(DIST, 'prettier.js'),
  });
  const launcher = path.join(DIST, 'cli.js');
  fs.copyFileSync(path.join(__dirname, 'cli-launcher.js'), launcher);
  fs.chmodSync(launcher, 0o755);
}

main().catch(error => {
  process.stderr.write(`bundle: ${error.message}\n`);
  process.exit(1);
});
