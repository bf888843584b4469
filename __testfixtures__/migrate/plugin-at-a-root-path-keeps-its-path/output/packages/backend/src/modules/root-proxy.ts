/*
 * The plugin proxy, which the legacy service builder mounted at /proxy
 * (index.ts line 106), moved here by wire-plugin migrate. It runs under its
 * createEnv id, proxy, with the environment fields it reads made from
 * core services as legacyPlugin makes them, and its router is served
 * at /proxy, outside /api, by the root HTTP router, with no
 * credentials check, as before.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { loggerToWinstonLogger } from '@backstage/backend-common';
import proxy from '../plugins/proxy';

type LegacyEnvironment = Parameters<typeof proxy>[0];

export default createBackendPlugin({
  pluginId: 'proxy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        rootHttpRouter: coreServices.rootHttpRouter,
      },
      async init({ config, discovery, logger, rootHttpRouter }) {
        const pluginEnv = {
          config,
          discovery,
          logger: loggerToWinstonLogger(logger),
        } as LegacyEnvironment;
        rootHttpRouter.use('/proxy', await proxy(pluginEnv));
      },
    });
  },
});
