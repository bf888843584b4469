/**
 * `src/modules/startup-log.ts`, which migrate generates for the log lines a
 * legacy main() wrote on its root logger: a backend plugin of its own whose
 * init depends on `coreServices.rootLogger` and `coreServices.rootLifecycle`
 * and writes the same messages, at the same levels, in a startup hook (once
 * the backend has started). Printed in the index's quotes, semicolons and
 * indentation unit, laid out as prettier lays it out at 80 columns.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, printPluginShell } from './plugin-shell';

export interface StartupLogModule {
  readonly lines: readonly { readonly level: string; readonly message: string; readonly line: number }[];
}

export const STARTUP_LOG_MODULE = './modules/startup-log';

export function printStartupLogModule(module: StartupLogModule, style: GeneratedStyle): string {
  const q = style.quote;
  const width = (text: string): number => text.replace(/\t/g, '  ').length;
  // Prettier quotes a string with whichever quote needs fewer escapes (the preferred one on a tie).
  const other = q === "'" ? '"' : "'";
  const quoted = (value: string): string => stringLiteral(value, value.split(q).length > value.split(other).length ? other : q);
  return printPluginShell(
    {
      comment: [
        'The startup log lines of the legacy backend, moved here by wire-plugin',
        "migrate: the same messages through the new backend system's root logger,",
        'once the backend has started.',
        `From index.ts line${module.lines.length === 1 ? '' : 's'} ${module.lines.map(l => l.line).join(', ')}.`,
      ],
      imports: [],
      pluginId: 'startup-log',
      deps: ['deps: {', `${style.unit}logger: coreServices.rootLogger,`, `${style.unit}lifecycle: coreServices.rootLifecycle,`, '},'],
      params: '{ logger, lifecycle }',
      body: (at, semi) => [
        'lifecycle.addStartupHook(() => {',
        ...module.lines.flatMap(({ level, message }) => {
          const call = `${at(1)}logger.${level}(${quoted(message)})${semi}`;
          // A message too long for the line goes under the call, as prettier puts it.
          return width(at(4) + call) <= 80 ? [call] : [`${at(1)}logger.${level}(`, `${at(2)}${quoted(message)},`, `${at(1)})${semi}`];
        }),
        `})${semi}`,
      ],
    },
    style,
  );
}
