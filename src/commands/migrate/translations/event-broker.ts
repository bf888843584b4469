/**
 * The event broker every legacy plugin shared: a module that makes one for
 * the bridged plugins, whose adapters add it to their env (the adapters
 * import it; index.ts does not add it).
 */
import { printEventBrokerModule, EVENT_BROKER_MODULE } from '../../../../transforms/generate/event-broker';
import { SHARED_EVENT_BROKER } from '../create-env';
import { at, emit, generatedPath, reprint, Translation } from './translation';

export const eventBroker: Translation = {
  kind: 'event-broker',
  plan(input, output) {
    // Only where an adapter gives it: a bridged plugin that had the field.
    const field = [...input.statements.extraEnvFields.values()].find(f => f.shared === 'event-broker');
    if (!field || !input.adapters.some(adapter => adapter.envFields.some(f => f.shared === 'event-broker'))) return;
    const { modulePath, display, taken } = generatedPath(input, EVENT_BROKER_MODULE);
    if (taken) {
      output.refused.push(`${at(input, field.line)}: new DefaultEventBroker(...): ${display} exists already: wire-plugin would write the shared event broker there; move or remove it, then run migrate again`);
      return;
    }
    const declaration = input.index.imports.find(d => d.specifiers.some(s => s.local.name === 'DefaultEventBroker'));
    if (!declaration) return;
    emit(input, output, {
      modulePath,
      text: printEventBrokerModule({ importLine: reprint(input, declaration, ['DefaultEventBroker'], modulePath), line: field.line }, SHARED_EVENT_BROKER, input.style),
      translation: { kind: 'event-broker', lines: [field.line], file: display, authPolicy: null },
      pluginApi: false,
    });
  },
};
