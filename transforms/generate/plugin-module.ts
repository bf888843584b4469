/**
 * The legacy backend's `src/plugins/<id>.ts`, printed directly in the repo's
 * prettier style. The printer models every prettier option that can change
 * this small module (quotes, semicolons, trailing commas, indentation, print
 * width, bracket spacing, line endings); a spec checks it against prettier
 * itself, so prettier's formatter (and its TypeScript parser) stays unloaded.
 */
import { stringLiteral } from '../lib/code-style';

/** The prettier options this module's text depends on, with prettier's names. */
export interface ModuleFormat {
  readonly singleQuote: boolean;
  readonly semi: boolean;
  readonly trailingComma: 'all' | 'es5' | 'none';
  readonly useTabs: boolean;
  readonly tabWidth: number;
  readonly printWidth: number;
  readonly bracketSpacing: boolean;
  readonly endOfLine: '\n' | '\r\n';
}

/** Backstage's own prettier config (@spotify/prettier-config): single quotes, trailing commas, 2 spaces. */
export const BACKSTAGE_FORMAT: ModuleFormat = {
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  useTabs: false,
  tabWidth: 2,
  printWidth: 80,
  bracketSpacing: true,
  endOfLine: '\n',
};

export interface RouterOption {
  /** Property name in createRouter's options. */
  readonly name: string;
  /** Expression passed for it, such as `env.logger`. */
  readonly value: string;
}

export interface LegacyPluginModule {
  readonly packageName: string;
  readonly options: readonly RouterOption[];
  /**
   * The env parameter's type: create-app's `PluginEnvironment` from `../types`
   * (the default), or, in a new backend that has no such type, the options
   * type of createRouter itself (`Parameters<typeof createRouter>[0]`).
   */
  readonly environment?: { readonly type: string; readonly importFrom?: string };
}

export const PLUGIN_ENVIRONMENT = { type: 'PluginEnvironment', importFrom: '../types' } as const;
export const ROUTER_OPTIONS_ENVIRONMENT = { type: 'Parameters<typeof createRouter>[0]' } as const;

export function printLegacyPluginModule(module: LegacyPluginModule, format: ModuleFormat): string {
  const q = format.singleQuote ? "'" : '"';
  const semi = format.semi ? ';' : '';
  const indent = format.useTabs ? '\t' : ' '.repeat(format.tabWidth);
  const width = (text: string): number => text.replace(/\t/g, ' '.repeat(format.tabWidth)).length;
  const braces = (name: string): string => (format.bracketSpacing ? `{ ${name} }` : `{${name}}`);

  // Prettier keeps an import of a single name on one line, however long.
  const namedImport = (name: string, from: string): string => `import ${braces(name)} from ${stringLiteral(from, q)}${semi}`;

  const environment = module.environment ?? PLUGIN_ENVIRONMENT;
  const signature = `export default async function createPlugin(env: ${environment.type}): Promise<Router> {`;
  const header =
    width(signature) <= format.printWidth
      ? [signature]
      : [
          'export default async function createPlugin(',
          `${indent}env: ${environment.type}${format.trailingComma === 'all' ? ',' : ''}`,
          '): Promise<Router> {',
        ];

  const options = module.options.map(
    (option, i) =>
      `${indent}${indent}${option.name}: ${option.value}${i < module.options.length - 1 || format.trailingComma !== 'none' ? ',' : ''}`,
  );
  const body =
    options.length === 0
      ? [`${indent}return await createRouter(${braces('').replace(/\s+/g, '')})${semi}`]
      : [`${indent}return await createRouter({`, ...options, `${indent}})${semi}`];

  const lines = [
    namedImport('createRouter', module.packageName),
    namedImport('Router', 'express'),
    ...(environment.importFrom ? [namedImport(environment.type, environment.importFrom)] : []),
    '',
    ...header,
    ...body,
    '}',
  ];
  return lines.join(format.endOfLine) + format.endOfLine;
}
