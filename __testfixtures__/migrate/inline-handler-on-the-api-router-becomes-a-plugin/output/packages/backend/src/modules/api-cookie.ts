/*
 * The router the legacy backend mounted at /api/cookie (index.ts line 80),
 * moved here by wire-plugin migrate. The legacy api router asked for no
 * credentials, so its routes stay open to unauthenticated requests.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

export default createBackendPlugin({
  pluginId: 'cookie',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use((_req, res) => {
          res.status(200).send('Coming right up');
        });
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});
