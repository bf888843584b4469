/**
 * The part of prettier that formats TypeScript: its standalone formatter with
 * the babel (`babel-ts` parser) and estree (printer) plugins. Prettier's full
 * entry also loads its config machinery and the TypeScript compiler's parser,
 * three times the code for the same output. The bundle makes this module a
 * file of its own beside the CLI (dist/prettier.js), loaded only by runs that
 * format and code-cached like dist/yaml.js.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Options, Plugin } from 'prettier';

interface Standalone {
  format(source: string, options: Options): Promise<string>;
}

const standalone = require('prettier/standalone') as Standalone;
const plugins = [require('prettier/plugins/babel'), require('prettier/plugins/estree')] as Plugin[];

/** Formats TypeScript source as prettier would under `options` (a resolved prettier config). */
export function formatTypeScript(source: string, options: Options): Promise<string> {
  return standalone.format(source, { ...options, parser: 'babel-ts', plugins });
}
