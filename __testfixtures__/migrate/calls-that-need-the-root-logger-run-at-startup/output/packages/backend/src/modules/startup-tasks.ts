/*
 * Calls the legacy backend made at its start with the config and the root
 * logger (index.ts lines 77, 80, 48), moved here by wire-plugin migrate: the
 * same calls, in the same order, with the new backend system's root config and
 * root logger, once the backend has started.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { loggerToWinstonLogger } from '@backstage/backend-common';
import { initializeJira, initTracker } from '../telemetry';

export default createBackendPlugin({
  pluginId: 'startup-tasks',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        rootLogger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, rootLogger, lifecycle }) {
        const logger = loggerToWinstonLogger(rootLogger);
        const root = loggerToWinstonLogger(rootLogger);
        lifecycle.addStartupHook(async () => {
          logger.info(
            `Serving ${config.getString('app.title')} at ${config.getString('backend.baseUrl')}`,
          );
          await initTracker(logger);
          initializeJira(config, root);
        });
      },
    });
  },
});
