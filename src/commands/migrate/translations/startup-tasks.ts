/** Calls of the app's own that need only the config or the root logger: a generated plugin runs them at startup with coreServices.rootConfig and rootLogger. */
import type { Node } from '@babel/types';
import { printStartupTasksModule, ROOT_LOGGER, STARTUP_TASKS_MODULE } from '../../../../transforms/generate/startup-tasks';
import { walk } from '../../../../transforms/lib/ast';
import { COMMON_PACKAGE } from '../context';
import type { StartupCall } from '../legacy-statements';
import { at, emit, generatedPath, reprint, Translation, TranslationInput } from './translation';

export const startupTasks: Translation = {
  kind: 'startup-tasks',
  plan(input, output) {
    // In the order the legacy backend ran them: makeCreateEnv's where main() called it.
    const effects = [...input.statements.sideEffects].sort((a, b) => a.runsAt - b.runsAt || (a.node.start ?? 0) - (b.node.start ?? 0));
    if (!effects.length) return;
    const { modulePath, display, taken } = generatedPath(input, 'startup-tasks');
    const configNames = [...new Set(effects.flatMap(e => (e.needs.configName ? [e.needs.configName] : [])))];
    const loggerNames = [...new Set(effects.flatMap(e => e.needs.loggerNames))];
    const handedOn = effects.find(e => e.needs.loggerNames.some(name => handsOn(e.node, name)));
    const why = refusal(input, { taken, display, names: [...configNames, ...loggerNames], handedOn });
    if (why) {
      output.refused.push(`${at(input, why.line ?? effects[0].line)}: ${why.text}`);
      return;
    }
    const { indexText } = input.context.files;
    const declarations = [...new Set(effects.flatMap(e => e.imports.map(i => i.declaration)))];
    const imports = declarations.map(declaration => reprint(input, declaration, effects.flatMap(e => e.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)), modulePath));
    const statements = effects.map(e => ({ text: indexText.slice(e.node.start ?? 0, e.node.end ?? 0), line: e.line }));
    emit(input, output, {
      modulePath,
      text: printStartupTasksModule({ statements, configNames, loggerNames, winston: handedOn !== undefined, imports }, input.style),
      translation: { kind: 'startup-tasks', lines: effects.map(e => e.line), file: display, authPolicy: null },
      add: STARTUP_TASKS_MODULE,
    });
    if (handedOn) output.addedPackages.set(COMMON_PACKAGE, '');
    // A log line of the env makeCreateEnv returned ran on every createEnv call; the module writes it once.
    for (const effect of effects.filter(e => e.perPlugin)) {
      output.behaviour.push({
        kind: 'logging',
        plugin: '',
        source: at(input, effect.line),
        kept: false,
        change: `this log line was written on every createEnv call, once per plugin; ${display} writes it once at startup, as the line makeCreateEnv wrote`,
      });
    }
  },
};

/** Why the module cannot be generated: a file in its place, a name it needs taken, or a winston logger on a release without backend-common. */
function refusal(
  input: TranslationInput,
  found: { taken: boolean; display: string; names: readonly string[]; handedOn?: StartupCall },
): { text: string; line?: number } | undefined {
  if (found.taken) return { text: `${found.display} exists already: move or remove it, then run migrate again` };
  const clash = found.names.find(name => name === 'lifecycle' || (found.handedOn && name === ROOT_LOGGER));
  if (clash) return { text: `a call at startup reads a name (${clash}) the generated module needs for itself: rename it, then run migrate again` };
  const { bridge } = input.context;
  if (found.handedOn && !bridge.works) {
    return {
      line: found.handedOn.line,
      text: `hands the root logger on, and the winston logger it was is made with @backstage/backend-common's loggerToWinstonLogger, gone on this release (${bridge.decidedBy}): give it coreServices.rootLogger in a backend module by hand`,
    };
  }
  return undefined;
}

/** Whether `node` hands the logger `name` on (`initTracker(root)`), rather than only calling its methods (`root.info(...)`). */
function handsOn(node: Node, name: string): boolean {
  let handed = false;
  walk(node, (inner, ancestors) => {
    if (inner.type !== 'Identifier' || inner.name !== name) return;
    const parent = ancestors[ancestors.length - 1];
    const grand = ancestors[ancestors.length - 2];
    const methodCall = parent?.type === 'MemberExpression' && parent.object === inner && grand?.type === 'CallExpression' && grand.callee === parent;
    if (!methodCall) handed = true;
  });
  return handed;
}
