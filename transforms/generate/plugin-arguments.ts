/**
 * `src/modules/<id>-legacy-plugin.ts`, which migrate generates for a plugin
 * the legacy backend called with more than its env (`await reports(config,
 * reportsEnv)`): a createPlugin of the shape legacyPlugin runs (one env
 * argument), which calls the plugin with the same arguments made from that
 * env (`env.config` for main()'s config, literals as written). The env's
 * type is the plugin's own parameter's.
 */
import type { GeneratedStyle } from './plugin-shell';

export interface PluginArgumentsModule {
  /** The plugin's local name and its printed import. */
  readonly name: string;
  readonly importLine: string;
  /** The arguments, as the adapter passes them (`env.config`, `env`, `'/proxy'`). */
  readonly args: readonly string[];
  /** Which argument is the env. */
  readonly envIndex: number;
  readonly line: number;
}

export function pluginArgumentsModuleName(pluginId: string): string {
  return `${pluginId}-legacy-plugin`;
}

export function printPluginArgumentsModule(module: PluginArgumentsModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const unit = style.unit;
  const width = (text: string): number => text.replace(/\t/g, '  ').length;
  const head = `export default async function createPlugin(env: Parameters<typeof ${module.name}>[${module.envIndex}]) {`;
  const headLines =
    width(head) <= 80
      ? [head]
      : ['export default async function createPlugin(', `${unit}env: Parameters<typeof ${module.name}>[${module.envIndex}],`, ') {'];
  const call = `${unit}return await ${module.name}(${module.args.join(', ')})${semi}`;
  const callLines = width(call) <= 80 ? [call] : [`${unit}return await ${module.name}(`, ...module.args.map(arg => `${unit}${unit}${arg},`), `${unit})${semi}`];
  return [
    '/*',
    ` * The plugin ${module.name}, which the legacy backend called with more than its env`,
    ` * (index.ts line ${module.line}), moved here by wire-plugin migrate: a createPlugin of`,
    ' * the shape legacyPlugin runs, which makes the other arguments from the env.',
    ' */',
    module.importLine,
    '',
    ...headLines,
    ...callLines,
    `}`,
  ].join(style.eol) + style.eol;
}
