/*
 * dora: @internal/backstage-plugin-dora-backend exports only a legacy
 * createRouter. This backend plugin, written by wire-plugin, mounts it in the
 * new backend system, each router option from the core service that provides
 * it.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from '@internal/backstage-plugin-dora-backend';

export default createBackendPlugin({
  pluginId: 'dora',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        reader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
      },
      async init({
        httpRouter,
        logger,
        config,
        database,
        discovery,
        reader,
        scheduler,
        httpAuth,
      }) {
        httpRouter.use(
          await createRouter({
            logger,
            config,
            database,
            discovery,
            reader,
            scheduler,
            httpAuth,
          }),
        );
      },
    });
  },
});
