/*
 * The plugin healthcheck, which the legacy service builder mounted at /healthcheck
 * (index.ts line 91), moved here by wire-plugin migrate. It runs under its
 * createEnv id, healthcheck, with the environment fields it reads made from
 * core services as legacyPlugin makes them, and its router is served
 * at /healthcheck, outside /api, by the root HTTP router, with no
 * credentials check, as before.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { loggerToWinstonLogger } from '@backstage/backend-common';
import { healthcheck } from '../plugins/healthcheck';

type LegacyEnvironment = Parameters<typeof healthcheck>[0];

export default createBackendPlugin({
  pluginId: 'healthcheck',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        rootHttpRouter: coreServices.rootHttpRouter,
      },
      async init({ logger, rootHttpRouter }) {
        const pluginEnv = {
          logger: loggerToWinstonLogger(logger),
        } as LegacyEnvironment;
        rootHttpRouter.use('/healthcheck', await healthcheck(pluginEnv));
      },
    });
  },
});
