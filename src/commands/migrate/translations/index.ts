/**
 * The kinds of translation, in the order they run: a kind may read what an
 * earlier one put in the output (the feature loader yields the access
 * modules; the root HTTP router mounts the routers of plugins at ''). A new
 * kind is a module of this folder, a line here, and a fixture folder.
 */
import { apiRouter } from './api-router';
import { authMiddleware } from './auth-middleware';
import { discovery } from './discovery';
import { eventBroker } from './event-broker';
import { featureLoader } from './feature-loader';
import { identity } from './identity';
import { legacyAccess } from './legacy-access';
import { legacyServices } from './legacy-services';
import { pluginAdapter } from './plugin-adapter';
import { pluginRoute } from './plugin-route';
import { rootHandler } from './root-handler';
import { rootLogger } from './root-logger';
import { rootPlugin } from './root-plugin';
import { rootRouter } from './root-router';
import { startupLog } from './startup-log';
import { startupTasks } from './startup-tasks';
import { emptyOutput, Translation, TranslationInput, TranslationOutput } from './translation';
import type { BehaviourEntry } from '../behaviour';

export const TRANSLATIONS: readonly Translation[] = [pluginAdapter, eventBroker, legacyAccess, rootPlugin, pluginRoute, startupLog, startupTasks, apiRouter, rootRouter, discovery, rootLogger, featureLoader, rootHandler, identity, legacyServices, authMiddleware];

/** Runs every kind over the input: the generated modules (written into the tree), and what the report says of them. */
export function translate(input: TranslationInput, behaviour: readonly BehaviourEntry[]): TranslationOutput {
  const output = emptyOutput(behaviour);
  for (const translation of TRANSLATIONS) translation.plan(input, output);
  return output;
}

export type { TranslationInput, TranslationOutput } from './translation';
