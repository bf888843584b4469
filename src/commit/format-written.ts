/**
 * Every TypeScript file a run wrote, formatted through prettier under the
 * repo's own config, so that the result passes the repo's `prettier --check`
 * (Backstage repos run it in CI). The printers already follow the config;
 * prettier settles what they cannot see: a moved expression's nesting, a
 * line past the print width. A repo without a prettier config keeps the
 * file's own style as printed, and a file its `.prettierignore` names is
 * left alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Options } from 'prettier';
import type { FileTree } from './tree';
import { PackageJsonReader, quickPrettierConfig } from './format';
import { canonicalize, instantiate, parseShape } from './format-memo';

/** create-app's shared config (`@backstage/cli/config/prettier`, as `@spotify/prettier-config`). */
const BACKSTAGE_PRETTIER: Options = { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid' };

const FORMATTED = /\.(ts|tsx|mts|cts)$/;

/**
 * One run's formatting. Texts alike but for their slots (the modules one
 * template makes for each plugin) go through prettier once (./format-memo).
 */
export class FormatSession {
  private readonly results = new Map<string, Promise<string>>();
  private readonly slotsOf = new Map<string, readonly string[]>();
  private readonly ignored: (file: string) => Promise<boolean>;

  constructor(
    root: string,
    private readonly readPackageJson?: PackageJsonReader,
  ) {
    this.ignored = prettierIgnore(root);
  }

  /** Marks `file` as made from a template: `slots` are what differ between its siblings (a plugin's id, its import name, its index.ts line). */
  fromTemplate(file: string, slots: readonly string[]): void {
    this.slotsOf.set(file, slots);
  }

  /** The form `text` shares with its template's other modules for the parse check (./format-memo parseShape); undefined for a file not made from a template. */
  parseShape(file: string, text: string): string | undefined {
    const slots = this.slotsOf.get(file);
    return slots ? parseShape(text, slots) : undefined;
  }

  /** Formats the created and updated TypeScript files of `tree` in place; returns warnings (a file prettier could not format keeps the printers' text). */
  async formatTree(tree: FileTree): Promise<string[]> {
    const warnings: string[] = [];
    for (const change of tree.changes()) {
      if (change.after === undefined || !FORMATTED.test(change.path)) continue;
      try {
        const formatted = await this.formatted(change.path, change.after);
        if (formatted !== undefined && formatted !== change.after) tree.write(change.path, formatted);
      } catch (error) {
        warnings.push(`${change.displayPath}: prettier could not format it (${String((error as Error).message).split('\n')[0]}); written as printed`);
      }
    }
    return warnings;
  }

  /** `text` as prettier formats it under the file's config; undefined where the repo has no config or ignores the file. */
  private async formatted(file: string, text: string): Promise<string | undefined> {
    const config = await prettierOptions(file, this.readPackageJson);
    if (!config || (await this.ignored(file))) return undefined;
    // The file's own line endings, unless the config says otherwise (prettier's default would be LF).
    const options: Options = { endOfLine: 'auto', ...config };
    const slots = this.slotsOf.get(file);
    const canonical = slots ? canonicalize(text, slots) : undefined;
    const source = canonical ? canonical.text : text;
    const key = `${JSON.stringify(options)}\0${source}`;
    let pending = this.results.get(key);
    if (!pending) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { formatTypeScript } = require('./prettier-lite') as typeof import('./prettier-lite');
      pending = formatTypeScript(source, options);
      this.results.set(key, pending);
    }
    const output = await pending;
    return canonical ? instantiate(output, canonical) : output;
  }
}

/** The prettier options for `file`, or undefined where the repo has no prettier config. */
async function prettierOptions(file: string, readPackageJson?: PackageJsonReader): Promise<Options | undefined> {
  const quick = quickPrettierConfig(file, readPackageJson);
  if (quick.kind === 'none') return undefined;
  if (quick.kind === 'backstage') return BACKSTAGE_PRETTIER;
  if (quick.kind === 'options') return quick.options as Options;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prettier = require('prettier') as typeof import('prettier');
  return (await prettier.resolveConfig(file, { editorconfig: true })) ?? undefined;
}

/**
 * Whether the root's `.prettierignore` names a file. Plain names and paths
 * (create-app's `dist`, `coverage`, ...) are matched here as gitignore does;
 * a pattern with wildcards or negation is left to prettier itself.
 */
function prettierIgnore(root: string): (file: string) => Promise<boolean> {
  const ignorePath = path.join(root, '.prettierignore');
  let patterns: string[];
  try {
    patterns = fs.readFileSync(ignorePath, 'utf8').split(/\r?\n/).map(line => line.trim()).filter(line => line && !line.startsWith('#'));
  } catch {
    return async () => false;
  }
  if (patterns.some(pattern => /[*?[\]!\\]/.test(pattern))) {
    return async file => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const prettier = require('prettier') as typeof import('prettier');
      // Whether it is ignored, no more: resolving the config too (getFileInfo's default) loads the shared
      // config a package.json names, which fails where it is not installed.
      return (await prettier.getFileInfo(file, { ignorePath, resolveConfig: false })).ignored;
    };
  }
  return async file => {
    const segments = path.relative(root, file).split(path.sep);
    return patterns.some(pattern => {
      const anchored = pattern.replace(/^\/|\/$/g, '');
      if (pattern.slice(0, -1).includes('/')) return segments.join('/') === anchored || segments.join('/').startsWith(`${anchored}/`);
      return segments.includes(anchored);
    });
  };
}
