/*
 * The router the legacy backend mounted at /api/dora/stats (index.ts line 80),
 * moved here by wire-plugin migrate, as a module of the dora plugin. The legacy api
 * router asked for no credentials, so these paths stay open to unauthenticated requests.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { doraStats } from '../assets';

export default createBackendModule({
  pluginId: 'dora',
  moduleId: 'api-routes',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.use('/stats', doraStats);
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/stats', allow: 'unauthenticated' });
      },
    });
  },
});
