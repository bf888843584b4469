/**
 * `src/modules/<id>-legacy-plugin.ts`, which migrate generates for a plugin
 * the legacy backend called with more than its env (`await reports(config,
 * reportsEnv)`): a createPlugin of the shape legacyPlugin runs (one env
 * argument), which calls the plugin with the same arguments made from that
 * env (`env.config` for main()'s config, literals as written). The env's
 * type is the plugin's own parameter's.
 */
import type { Expression } from '@babel/types';
import { stringLiteral } from '../lib/code-style';
import { parseTypeScript } from '../lib/parse';
import { GeneratedStyle, wrapComment } from './plugin-shell';

export interface PluginAdapterModule {
  /** The plugin's local name and its printed import. */
  readonly name: string;
  readonly importLine: string;
  /** The imports the env fields of the app's own need, printed. */
  readonly imports?: readonly string[];
  /** Env fields of the app's own added to the env (`catalogClient: new CatalogClient({ discoveryApi: env.discovery })`); `shared`: the one every bridged plugin shares (the event broker). */
  readonly envFields?: readonly { readonly key: string; readonly text: string; readonly shared?: 'event-broker' | 'legacy-services' }[];
  /** The arguments, as the adapter passes them (`env.config`, `env`, `'/proxy'`). */
  readonly args: readonly string[];
  /** Which argument is the env. */
  readonly envIndex: number;
  /** Objects main() built and handed to the plugin, by their name there, and their line. */
  readonly built?: readonly { readonly name: string; readonly line: number }[];
  readonly line: number;
}

export function pluginAdapterModuleName(pluginId: string): string {
  return `${pluginId}-legacy-plugin`;
}

export function printPluginAdapterModule(module: PluginAdapterModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const unit = style.unit;
  const width = (text: string): number => text.replace(/\t/g, '  ').length;
  // The bridge's env is the plugin's own type less the fields this adds.
  const own = `Parameters<typeof ${module.name}>[${module.envIndex}]`;
  const added = (module.envFields ?? []).map(field => stringLiteral(field.key, style.quote));
  const envType = added.length ? `Omit<${own}, ${added.join(' | ')}>` : own;
  const head = `export default async function createPlugin(env: ${envType}) {`;
  const headLines = width(head) <= 80 ? [head] : ['export default async function createPlugin(', `${unit}env: ${envType},`, ') {'];
  const fields = module.envFields ?? [];
  const envEntries = ['...env', ...fields.map(field => `${field.key}: ${field.text}`)];
  const envText = fields.length ? `{ ${envEntries.join(', ')} }` : 'env';
  const args = module.args.map((arg, i) => (i === module.envIndex ? envText : arg));
  const call = `${unit}return await ${module.name}(${args.join(', ')})${semi}`;
  // Past 80 columns as prettier breaks it: a sole object argument hugged, one entry a line; else one argument a line.
  const callLines =
    width(call) <= 80
      ? [call]
      : fields.length && args.length === 1
        ? [`${unit}return await ${module.name}({`, ...envEntries.flatMap(entry => entryLines(entry, `${unit}${unit}`, unit)), `${unit}})${semi}`]
        : [`${unit}return await ${module.name}(`, ...args.map(arg => `${unit}${unit}${arg},`), `${unit})${semi}`];
  const comment = wrapComment(
    [
      module.args.length > 1
        ? `The plugin ${module.name}, which the legacy backend called with more than its env (index.ts line ${module.line}), moved here by wire-plugin migrate: a createPlugin of the shape legacyPlugin runs, which makes the other arguments from the env.`
        : `The plugin ${module.name} (index.ts line ${module.line}), bridged by wire-plugin migrate through this createPlugin of the shape legacyPlugin runs.`,
      module.built?.length
        ? `${module.built.map(b => `${b.name} (line ${b.line})`).join(', ')}, which main() built and handed to it, ${module.built.length === 1 ? 'is' : 'are'} built here the same way, from the env (its config and the services every plugin shares) and imports.`
        : '',
      fields.length
        ? `Its legacy env had ${fields.map(f => f.key).join(', ')}, which makeCreateEnv made and legacyPlugin's env lacks: added here, made the same way${
            fields.some(f => f.shared === 'event-broker') ? ` (${fields.filter(f => f.shared === 'event-broker').map(f => f.key).join(', ')}: the one the bridged plugins share, from ./event-broker)` : ''
          }${
            fields.some(f => f.shared === 'legacy-services') ? ` (${fields.filter(f => f.shared === 'legacy-services').map(f => f.key).join(', ')}: the new backend's own, from ./legacy-services)` : ''
          }.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  return [
    '/*',
    ...comment,
    ' */',
    ...(module.imports ?? []),
    module.importLine,
    '',
    ...headLines,
    ...callLines,
    `}`,
  ].join(style.eol) + style.eol;
}

/**
 * An env entry (`key: value`) on its line, or past 80 columns as prettier
 * breaks it where the value is a call whose last argument is an object
 * literal: the object hugged, one property a line
 * (`databaseManager: DatabaseManager.fromConfig(env.config, {`).
 */
function entryLines(entry: string, indent: string, unit: string): string[] {
  const line = `${indent}${entry},`;
  const colon = entry.indexOf(': ');
  if (line.replace(/\t/g, '  ').length <= 80 || colon === -1) return [line];
  const value = entry.slice(colon + 2);
  let expression: Expression | undefined;
  try {
    const statement = parseTypeScript(`(${value});`, 'entry.ts').program.body[0];
    expression = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  } catch {
    return [line];
  }
  const last = expression?.type === 'CallExpression' ? expression.arguments[expression.arguments.length - 1] : undefined;
  if (last?.type !== 'ObjectExpression' || !last.properties.length) return [line];
  // Offsets in `(${value});`, one past the value's.
  const at = (offset: number | null | undefined): number => (offset ?? 1) - 1;
  const properties = last.properties.map(property => value.slice(at(property.start), at(property.end)));
  return [`${indent}${entry.slice(0, colon)}: ${value.slice(0, at(last.start))}{`, ...properties.map(property => `${indent}${unit}${property},`), `${indent}}${value.slice(at(last.end))},`];
}
