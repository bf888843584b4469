/**
 * `src/modules/event-broker.ts`, which migrate generates when the legacy
 * makeCreateEnv gave its plugins one event broker
 * (`const eventBroker = new DefaultEventBroker(root.child({ type: 'plugin' }))`,
 * handed on as `eventBroker`): the plugins kept on the bridge share one
 * broker again, as they shared that one, so an event one publishes reaches
 * the others' subscribers. legacyPlugin's env has no event broker; each
 * bridged plugin's adapter adds `eventBroker: sharedEventBroker(env.logger)`,
 * and the first one to ask makes it, with its logger.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, wrapComment } from './plugin-shell';

export interface EventBrokerModule {
  /** The printed import of DefaultEventBroker, as index.ts had it. */
  readonly importLine: string;
  readonly line: number;
}

export const EVENT_BROKER_MODULE = 'event-broker';

/** The adapters' import of the shared broker (they are in the same folder). */
export function eventBrokerImport(style: GeneratedStyle, name: string): string {
  return `import { ${name} } from ${stringLiteral(`./${EVENT_BROKER_MODULE}`, style.quote)}${style.semicolons ? ';' : ''}`;
}

export function printEventBrokerModule(module: EventBrokerModule, name: string, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const unit = style.unit;
  return [
    '/*',
    ...wrapComment(
      `The event broker the legacy makeCreateEnv gave every plugin (index.ts line ${module.line}), moved here by wire-plugin migrate: ` +
        "the plugins kept on the bridge share one broker again, so an event one publishes reaches the others' subscribers, as before. " +
        'Each plugin adapter adds it to the env legacyPlugin gives; the first to ask makes it, with its logger.',
    ),
    ' */',
    module.importLine,
    '',
    `let shared: DefaultEventBroker | undefined${semi}`,
    '',
    `export function ${name}(`,
    `${unit}logger: ConstructorParameters<typeof DefaultEventBroker>[0],`,
    '): DefaultEventBroker {',
    `${unit}shared ??= new DefaultEventBroker(logger)${semi}`,
    `${unit}return shared${semi}`,
    '}',
  ].join(style.eol) + style.eol;
}
