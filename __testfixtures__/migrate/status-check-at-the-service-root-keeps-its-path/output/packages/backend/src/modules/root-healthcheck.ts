/*
 * The plugin healthcheck, which the legacy service builder mounted at ''
 * (index.ts line 91), moved here by wire-plugin migrate. It runs under its
 * createEnv id, healthcheck, with the environment fields it reads made from
 * core services as legacyPlugin makes them, and its router is served
 * at the service root (./root-http-router.ts mounts it), outside /api, with no
 * credentials check, as before.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { loggerToWinstonLogger } from '@backstage/backend-common';
import Router from 'express-promise-router';
import healthcheck from '../plugins/healthcheck';

type LegacyEnvironment = Parameters<typeof healthcheck>[0];

/** The plugin's router at the service root: ./root-http-router.ts mounts it. */
export const healthcheckRouter = Router();

export default createBackendPlugin({
  pluginId: 'healthcheck',
  register(env) {
    env.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        const pluginEnv = {
          logger: loggerToWinstonLogger(logger),
        } as LegacyEnvironment;
        healthcheckRouter.use(await healthcheck(pluginEnv));
      },
    });
  },
});
