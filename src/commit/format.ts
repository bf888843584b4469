/**
 * The prettier options for a file about to be created. Prettier's own
 * resolution (package.json "prettier", .prettierrc*, prettier.config.*,
 * overrides, .editorconfig) is the reference, but loading prettier costs
 * more than the whole rest of a run; so the common layouts (no config, a
 * JSON config, create-app's shared config named in package.json) are read
 * here directly, and prettier is imported only for anything else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BACKSTAGE_FORMAT, ModuleFormat } from '../../transforms/generate/plugin-module';

/**
 * Packages whose shared prettier config is BACKSTAGE_FORMAT: create-app's root
 * package.json names `@spotify/prettier-config` or `@backstage/cli/config/prettier`.
 */
const KNOWN_BACKSTAGE_CONFIGS = ['@spotify/prettier-config', '@backstage/cli/config/prettier'];

/** Prettier's config file names, in the order it looks for them in each folder. */
const CONFIG_FILES = [
  'package.json', 'package.yaml', '.prettierrc', '.prettierrc.json', '.prettierrc.yaml', '.prettierrc.yml',
  '.prettierrc.json5', '.prettierrc.js', '.prettierrc.ts', '.prettierrc.mjs', '.prettierrc.mts', '.prettierrc.cjs',
  '.prettierrc.cts', 'prettier.config.js', 'prettier.config.ts', 'prettier.config.mjs', 'prettier.config.mts',
  'prettier.config.cjs', 'prettier.config.cts', '.prettierrc.toml',
];

export interface ResolvedFormat {
  readonly format: ModuleFormat;
  readonly warning?: string;
  /** Whether prettier itself had to be loaded. */
  readonly viaPrettier: boolean;
}

/** Prettier options as prettier would apply them to this module: what a config leaves out takes prettier's defaults. */
export function formatFromOptions(config: Record<string, unknown>, repoEol: '\n' | '\r\n'): ModuleFormat {
  const trailingComma = config.trailingComma;
  const endOfLine = config.endOfLine;
  return {
    singleQuote: config.singleQuote === true,
    semi: config.semi !== false,
    trailingComma: trailingComma === 'es5' || trailingComma === 'none' ? trailingComma : 'all',
    useTabs: config.useTabs === true,
    tabWidth: typeof config.tabWidth === 'number' ? config.tabWidth : 2,
    printWidth: typeof config.printWidth === 'number' ? config.printWidth : 80,
    bracketSpacing: config.bracketSpacing !== false,
    endOfLine: endOfLine === 'crlf' ? '\r\n' : endOfLine === 'lf' ? '\n' : repoEol,
  };
}

type Quick = { kind: 'none' } | { kind: 'backstage' } | { kind: 'options'; options: Record<string, unknown> } | { kind: 'unknown' };

/**
 * Quick readings by folder, for one run: wiring 20 plugins creates 20 modules
 * in one folder, and the config is looked up once. `forgetPrettierConfigs`
 * starts a run afresh (a library caller may change the config between runs).
 */
const quickByFolder = new Map<string, Quick>();

export function forgetPrettierConfigs(): void {
  quickByFolder.clear();
}

/** Reads the config prettier would find for `file`, when it is one of the simple layouts. */
export function quickPrettierConfig(file: string, readPackageJson: PackageJsonReader = readJsonFile): Quick {
  const start = path.dirname(path.resolve(file));
  const known = quickByFolder.get(start);
  if (known) return known;
  const found = readQuickPrettierConfig(start, readPackageJson);
  quickByFolder.set(start, found);
  return found;
}

/** Reads a package.json: undefined when there is none or it is not JSON. */
export type PackageJsonReader = (file: string) => Record<string, unknown> | undefined;

function readJsonFile(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function readQuickPrettierConfig(start: string, readPackageJson: PackageJsonReader): Quick {
  // Prettier merges .editorconfig (found anywhere above) under the config: leave that to prettier.
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.editorconfig'))) return { kind: 'unknown' };
    if (path.dirname(dir) === dir) break;
  }
  let dir = start;
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(dir, name);
      if (!fs.existsSync(candidate)) continue;
      if (name === 'package.json') {
        const json = readPackageJson(candidate);
        if (!json || typeof json !== 'object' || !('prettier' in json)) continue;
        return classify(json.prettier);
      }
      if (name === '.prettierrc' || name === '.prettierrc.json') {
        try {
          return classify(JSON.parse(fs.readFileSync(candidate, 'utf8')));
        } catch {
          return { kind: 'unknown' }; // YAML, or broken: prettier decides.
        }
      }
      return { kind: 'unknown' };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { kind: 'none' };
    dir = parent;
  }
}

function classify(value: unknown): Quick {
  if (typeof value === 'string') return KNOWN_BACKSTAGE_CONFIGS.includes(value) ? { kind: 'backstage' } : { kind: 'unknown' };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'unknown' };
  const options = value as Record<string, unknown>;
  if ('overrides' in options || 'plugins' in options || '$schema' in options) return { kind: 'unknown' };
  return { kind: 'options', options };
}

/**
 * `repoEol` is the line ending the repo's code uses (from index.ts); it wins
 * unless the prettier config sets `endOfLine` itself.
 */
export async function resolveModuleFormat(
  file: string,
  repoEol: '\n' | '\r\n',
  displayPath: string,
  readPackageJson?: PackageJsonReader,
): Promise<ResolvedFormat> {
  const fallback = { ...BACKSTAGE_FORMAT, endOfLine: repoEol };
  const quick = quickPrettierConfig(file, readPackageJson);
  if (quick.kind === 'none' || quick.kind === 'backstage') return { format: fallback, viaPrettier: false };
  if (quick.kind === 'options') return { format: formatFromOptions(quick.options, repoEol), viaPrettier: false };

  let config: Record<string, unknown> | null;
  try {
    // require, not import(): prettier 3 ships a CommonJS entry, and the bundled CLI loads
    // modules through require only (its code cache runs outside Node's ESM loader).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const prettier = require('prettier') as typeof import('prettier');
    config = (await prettier.resolveConfig(file, { editorconfig: true })) as Record<string, unknown> | null;
  } catch (error) {
    const reason = String((error as Error).message ?? error).split('\n')[0];
    return {
      format: fallback,
      viaPrettier: true,
      warning: `${displayPath}: could not load the prettier config (${reason}); formatted with Backstage's defaults`,
    };
  }
  return { format: config ? formatFromOptions(config, repoEol) : fallback, viaPrettier: true };
}
