/*
 * The plugin module doraStats, which the legacy backend mounted at
 * /api/dora/stats with the environment of the dora plugin (index.ts line 81),
 * moved here by wire-plugin migrate: a module of dora, whose init makes the
 * environment fields it reads from dora's core services as legacyPlugin makes
 * them, and serves its router at /stats of dora's router. The legacy api router
 * asked for no credentials, so the path stays open to unauthenticated requests.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import doraStats from '../plugins/dora-stats';

type LegacyEnvironment = Parameters<typeof doraStats>[0];

export default createBackendModule({
  pluginId: 'dora',
  moduleId: 'stats',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpRouter }) {
        const pluginEnv = { database } as LegacyEnvironment;
        const router = Router();
        router.use('/stats', await doraStats(pluginEnv));
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/stats', allow: 'unauthenticated' });
      },
    });
  },
});
