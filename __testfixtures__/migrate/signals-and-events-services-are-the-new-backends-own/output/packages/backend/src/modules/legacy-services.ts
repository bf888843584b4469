/*
 * The events and signals services the legacy makeCreateEnv gave every plugin
 * (index.ts lines 50, 51), moved here by wire-plugin migrate: the new backend
 * makes them itself, and this plugin hands them to the plugins kept on the
 * bridge, whose adapters add them to the env legacyPlugin gives, so they
 * publish and subscribe where the new backend's plugins do, as they shared one
 * before.
 */
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';

type LegacyServices = {
  events: typeof eventsServiceRef.T;
  signals: typeof signalsServiceRef.T;
};

let handOver: (services: LegacyServices) => void;
const services = new Promise<LegacyServices>(function wait(resolve) {
  handOver = resolve;
});

/** The new backend's services, once this plugin has started: the adapters await them. */
export function legacyServices(): Promise<LegacyServices> {
  return services;
}

export default createBackendPlugin({
  pluginId: 'legacy-services',
  register(env) {
    env.registerInit({
      deps: { events: eventsServiceRef, signals: signalsServiceRef },
      async init({ events, signals }) {
        handOver({ events, signals });
      },
    });
  },
});
