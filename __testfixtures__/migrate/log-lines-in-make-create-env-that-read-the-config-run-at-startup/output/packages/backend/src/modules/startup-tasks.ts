/*
 * Calls the legacy backend made at its start with the config and the root
 * logger (index.ts lines 48, 52), moved here by wire-plugin migrate: the same
 * calls, in the same order, with the new backend system's root config and root
 * logger, once the backend has started.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

export default createBackendPlugin({
  pluginId: 'startup-tasks',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        root: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, root, lifecycle }) {
        lifecycle.addStartupHook(() => {
          root.info(
            `Using database ${config.getString('backend.database.client')}`,
          );
          root.debug(`Backend base URL ${config.getString('backend.baseUrl')}`);
        });
      },
    });
  },
});
