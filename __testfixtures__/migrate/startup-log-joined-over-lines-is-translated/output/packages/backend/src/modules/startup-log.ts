/*
 * The startup log lines of the legacy backend, moved here by wire-plugin
 * migrate: the same messages through the new backend system's root logger,
 * once the backend has started.
 * From index.ts line 75.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

export default createBackendPlugin({
  pluginId: 'startup-log',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ logger, lifecycle }) {
        lifecycle.addStartupHook(() => {
          logger.info(
            'Starting the developer portal backend: catalog and carmen, on the legacy system',
          );
        });
      },
    });
  },
});
