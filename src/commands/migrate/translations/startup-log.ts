/** main()'s log lines on the root logger: a generated plugin writes them at startup through coreServices.rootLogger. */
import { printStartupLogModule, STARTUP_LOG_MODULE } from '../../../../transforms/generate/startup-log';
import { at, emit, generatedPath, Translation } from './translation';

export const startupLog: Translation = {
  kind: 'startup-log',
  plan(input, output) {
    const lines = input.statements.startupLog;
    if (!lines.length) return;
    const { modulePath, display, taken } = generatedPath(input, 'startup-log');
    if (taken) {
      output.refused.push(`${at(input, lines[0].line)}: ${display} exists already: wire-plugin would write the startup log lines there; move or remove it, then run migrate again`);
      return;
    }
    emit(input, output, {
      modulePath,
      text: printStartupLogModule({ lines }, input.style),
      translation: { kind: 'startup-log', lines: lines.map(l => l.line), file: display, authPolicy: null },
      add: STARTUP_LOG_MODULE,
    });
  },
};
