#!/usr/bin/env node
/**
 * Bundles the CLI and the library with esbuild after tsc has built dist/:
 *
 *   dist/wire-plugin.js  the CLI in one file (started by dist/cli.js, the package's bin)
 *   dist/index.js        the library in one file (the package's main; types in dist/src)
 *
 * One file loads where hundreds did. ts-morph, typescript and prettier stay
 * outside, required only on the paths that need them; dist/transforms stays
 * as tsc wrote it, for the jscodeshift CLI.
 */
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const PROJECT = path.join(__dirname, '..');
const DIST = path.join(PROJECT, 'dist');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['ts-morph', 'typescript', 'prettier', 'yaml'],
  legalComments: 'none',
  logLevel: 'warning',
  // Keep names readable in stack traces of internal errors.
  keepNames: false,
  minifySyntax: true,
};

async function main() {
  await esbuild.build({ ...common, entryPoints: [path.join(PROJECT, 'src', 'cli.ts')], outfile: path.join(DIST, 'wire-plugin.js') });
  await esbuild.build({ ...common, entryPoints: [path.join(PROJECT, 'src', 'index.ts')], outfile: path.join(DIST, 'index.js') });
  const launcher = path.join(DIST, 'cli.js');
  fs.copyFileSync(path.join(__dirname, 'cli-launcher.js'), launcher);
  fs.chmodSync(launcher, 0o755);
}

main().catch(error => {
  process.stderr.write(`bundle: ${error.message}\n`);
  process.exit(1);
});
