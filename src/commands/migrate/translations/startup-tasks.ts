/** Calls of the app's own that need only the config: a generated plugin runs them at startup with coreServices.rootConfig. */
import { printStartupTasksModule, STARTUP_TASKS_MODULE } from '../../../../transforms/generate/startup-tasks';
import { at, emit, generatedPath, reprint, Translation } from './translation';

export const startupTasks: Translation = {
  kind: 'startup-tasks',
  plan(input, output) {
    const effects = [...input.statements.sideEffects].sort((a, b) => a.line - b.line);
    if (!effects.length) return;
    const { modulePath, display, taken } = generatedPath(input, 'startup-tasks');
    const configNames = [...new Set(effects.map(e => e.configName))];
    if (taken || configNames.includes('lifecycle')) {
      output.refused.push(`${at(input, effects[0].line)}: ${taken ? `${display} exists already: move or remove it, then run migrate again` : 'the config is named lifecycle, which the generated module needs for the root lifecycle: rename it, then run migrate again'}`);
      return;
    }
    const { indexText } = input.context.files;
    const declarations = [...new Set(effects.flatMap(e => e.imports.map(i => i.declaration)))];
    const imports = declarations.map(declaration => reprint(input, declaration, effects.flatMap(e => e.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)), modulePath));
    emit(input, output, {
      modulePath,
      text: printStartupTasksModule({ statements: effects.map(e => ({ text: indexText.slice(e.node.start ?? 0, e.node.end ?? 0), line: e.line })), configNames, imports }, input.style),
      translation: { kind: 'startup-tasks', lines: effects.map(e => e.line), file: display, authPolicy: null },
      add: STARTUP_TASKS_MODULE,
    });
  },
};
