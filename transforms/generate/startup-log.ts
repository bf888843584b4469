/**
 * `src/modules/startup-log.ts`, which migrate generates for the log lines a
 * legacy main() wrote on its root logger: a backend plugin of its own whose
 * init depends on `coreServices.rootLogger` and `coreServices.rootLifecycle`
 * and writes the same messages, at the same levels, in a startup hook (once
 * the backend has started). Printed in the index's quotes, semicolons and
 * indentation unit, laid out as prettier lays it out at 80 columns.
 */
import { stringLiteral } from '../lib/code-style';

export interface StartupLogModule {
  readonly lines: readonly { readonly level: string; readonly message: string; readonly line: number }[];
}

export const STARTUP_LOG_MODULE = './modules/startup-log';

export function printStartupLogModule(module: StartupLogModule, style: { quote: "'" | '"'; semicolons: boolean; unit: string; eol: string }): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const width = (text: string): number => text.replace(/\t/g, '  ').length;
  // Prettier quotes a string with whichever quote needs fewer escapes (the preferred one on a tie).
  const other = q === "'" ? '"' : "'";
  const quoted = (value: string): string =>
    stringLiteral(value, value.split(q).length > value.split(other).length ? other : q);
  const logLines = module.lines.flatMap(({ level, message }) => {
    const call = `${at(5)}logger.${level}(${quoted(message)})${semi}`;
    // A message too long for the line goes under the call, as prettier puts it.
    return width(call) <= 80 ? [call] : [`${at(5)}logger.${level}(`, `${at(6)}${quoted(message)},`, `${at(5)})${semi}`];
  });
  const lines = [
    '/*',
    ' * The startup log lines of the legacy backend, moved here by wire-plugin',
    " * migrate: the same messages through the new backend system's root logger,",
    ' * once the backend has started.',
    ` * From index.ts line${module.lines.length === 1 ? '' : 's'} ${module.lines.map(l => l.line).join(', ')}.`,
    ' */',
    'import {',
    `${at(1)}coreServices,`,
    `${at(1)}createBackendPlugin,`,
    `} from ${stringLiteral('@backstage/backend-plugin-api', q)}${semi}`,
    '',
    'export default createBackendPlugin({',
    `${at(1)}pluginId: ${stringLiteral('startup-log', q)},`,
    `${at(1)}register(env) {`,
    `${at(2)}env.registerInit({`,
    `${at(3)}deps: {`,
    `${at(4)}logger: coreServices.rootLogger,`,
    `${at(4)}lifecycle: coreServices.rootLifecycle,`,
    `${at(3)}},`,
    `${at(3)}async init({ logger, lifecycle }) {`,
    `${at(4)}lifecycle.addStartupHook(() => {`,
    ...logLines,
    `${at(4)}})${semi}`,
    `${at(3)}},`,
    `${at(2)}})${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ];
  return lines.join(style.eol) + style.eol;
}
