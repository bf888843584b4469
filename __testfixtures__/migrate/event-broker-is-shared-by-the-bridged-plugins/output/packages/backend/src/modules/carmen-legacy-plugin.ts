/*
 * The plugin carmen (index.ts line 84), bridged by wire-plugin migrate through
 * this createPlugin of the shape legacyPlugin runs. Its legacy env had
 * eventBroker, which makeCreateEnv made and legacyPlugin's env lacks: added
 * here, made the same way (eventBroker: the one the bridged plugins share, from
 * ./event-broker).
 */
import { sharedEventBroker } from './event-broker';
import carmen from '../plugins/carmen';

export default async function createPlugin(
  env: Omit<Parameters<typeof carmen>[0], 'eventBroker'>,
) {
  return await carmen({ ...env, eventBroker: sharedEventBroker(env.logger) });
}
