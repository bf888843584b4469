/*
 * dora: @internal/backstage-plugin-dora-backend exports only a legacy
 * createRouter. This backend plugin, written by wire-plugin, mounts it in the
 * new backend system, each router option from the core service that provides
 * it.
 * Adapted: logger: the plugin's winston Logger is given the LoggerService,
 * which has info, warn, error, debug and child (not winston's other methods)
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from '@internal/backstage-plugin-dora-backend';

type RouterOptions = Parameters<typeof createRouter>[0];

export default createBackendPlugin({
  pluginId: 'dora',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init({ httpRouter, logger, config }) {
        httpRouter.use(
          await createRouter({
            logger: logger as unknown as RouterOptions['logger'],
            config,
          }),
        );
      },
    });
  },
});
