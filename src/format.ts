/**
 * The prettier options for a file about to be created, read with prettier's
 * own config resolution (package.json "prettier", .prettierrc*, prettier.config.*,
 * overrides, .editorconfig). Prettier is imported only here, and only when a
 * file is created.
 */
import { BACKSTAGE_FORMAT, ModuleFormat } from './plugin-module';

/**
 * Packages whose shared prettier config is BACKSTAGE_FORMAT: create-app's root
 * package.json names `@spotify/prettier-config` or `@backstage/cli/config/prettier`.
 */
const KNOWN_BACKSTAGE_CONFIGS = ['@spotify/prettier-config', '@backstage/cli'];

export interface ResolvedFormat {
  readonly format: ModuleFormat;
  readonly warning?: string;
}

/**
 * `repoEol` is the line ending the repo's code uses (from index.ts); it wins
 * unless the prettier config sets `endOfLine` itself.
 */
export async function resolveModuleFormat(file: string, repoEol: '\n' | '\r\n', displayPath: string): Promise<ResolvedFormat> {
  const fallback = { ...BACKSTAGE_FORMAT, endOfLine: repoEol };
  let config: Record<string, unknown> | null;
  try {
    const prettier = await import('prettier');
    config = (await prettier.resolveConfig(file, { editorconfig: true })) as Record<string, unknown> | null;
  } catch (error) {
    const reason = String((error as Error).message ?? error).split('\n')[0];
    // create-app's root package.json names Backstage's shared config; not installed yet, it is still known.
    if (KNOWN_BACKSTAGE_CONFIGS.some(name => reason.includes(`'${name}'`))) return { format: fallback };
    return {
      format: fallback,
      warning: `${displayPath}: could not load the prettier config (${reason}); formatted with Backstage's defaults`,
    };
  }
  if (!config) return { format: fallback };
  // A config exists: what it leaves out takes prettier's defaults, as prettier itself would.
  const trailingComma = config.trailingComma;
  const endOfLine = config.endOfLine;
  return {
    format: {
      singleQuote: config.singleQuote === true,
      semi: config.semi !== false,
      trailingComma: trailingComma === 'es5' || trailingComma === 'none' ? trailingComma : 'all',
      useTabs: config.useTabs === true,
      tabWidth: typeof config.tabWidth === 'number' ? config.tabWidth : 2,
      printWidth: typeof config.printWidth === 'number' ? config.printWidth : 80,
      bracketSpacing: config.bracketSpacing !== false,
      endOfLine: endOfLine === 'crlf' ? '\r\n' : endOfLine === 'lf' ? '\n' : repoEol,
    },
  };
}
