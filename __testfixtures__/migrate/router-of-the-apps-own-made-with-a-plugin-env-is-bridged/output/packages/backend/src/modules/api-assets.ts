/*
 * The router the legacy backend mounted at /api/assets (index.ts line 82),
 * moved here by wire-plugin migrate. The legacy api router asked for no
 * credentials, so its routes stay open to unauthenticated requests.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { assetsRouter } from '../assets';

export default createBackendPlugin({
  pluginId: 'assets',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use(assetsRouter);
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});
