/*
 * The plugin pager (index.ts line 94), bridged by wire-plugin migrate through
 * this createPlugin of the shape legacyPlugin runs. Its legacy env had events,
 * signals, which makeCreateEnv made and legacyPlugin's env lacks: added here,
 * made the same way (events, signals: the new backend's own, from
 * ./legacy-services).
 */
import { legacyServices } from './legacy-services';
import pager from '../plugins/pager';

export default async function createPlugin(
  env: Omit<Parameters<typeof pager>[0], 'events' | 'signals'>,
) {
  return await pager({
    ...env,
    events: (await legacyServices()).events,
    signals: (await legacyServices()).signals,
  });
}
