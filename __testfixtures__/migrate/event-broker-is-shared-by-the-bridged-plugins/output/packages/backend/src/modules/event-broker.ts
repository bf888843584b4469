/*
 * The event broker the legacy makeCreateEnv gave every plugin (index.ts line
 * 39), moved here by wire-plugin migrate: the plugins kept on the bridge share
 * one broker again, so an event one publishes reaches the others' subscribers,
 * as before. Each plugin adapter adds it to the env legacyPlugin gives; the
 * first to ask makes it, with its logger.
 */
import { DefaultEventBroker } from '@backstage/plugin-events-backend';

let shared: DefaultEventBroker | undefined;

export function sharedEventBroker(
  logger: ConstructorParameters<typeof DefaultEventBroker>[0],
): DefaultEventBroker {
  shared ??= new DefaultEventBroker(logger);
  return shared;
}
