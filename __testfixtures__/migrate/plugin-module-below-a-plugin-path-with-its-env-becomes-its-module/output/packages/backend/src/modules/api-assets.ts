/*
 * The routers the legacy backend mounted at /api/assets, /api/assets/v1/files (index.ts lines 82, 83),
 * moved here by wire-plugin migrate. The legacy api router asked for no
 * credentials, so these paths stay open to unauthenticated requests.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { assetsRouter, assetsV1 } from '../assets';

export default createBackendPlugin({
  pluginId: 'assets',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.use(assetsRouter);
        router.use('/v1/files', assetsV1);
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/v1/files',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
