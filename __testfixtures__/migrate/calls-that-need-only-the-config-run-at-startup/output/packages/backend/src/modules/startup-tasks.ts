/*
 * Calls the legacy backend made at its start with the config (index.ts lines
 * 76, 48), moved here by wire-plugin migrate: the same calls, in the same
 * order, with the new backend system's root config, once the backend has
 * started.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { initializeJira, initTracker } from '../telemetry';

export default createBackendPlugin({
  pluginId: 'startup-tasks',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, lifecycle }) {
        lifecycle.addStartupHook(async () => {
          await initTracker(config);
          initializeJira(config);
        });
      },
    });
  },
});
