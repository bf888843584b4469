/*
 * The legacy backend served the carmen plugin (index.ts line 84) with no
 * credentials check; the new backend system asks for credentials by default.
 * wire-plugin migrate keeps it open, as it was: delete this module and its
 * backend.add to ask for credentials instead.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export default createBackendModule({
  pluginId: 'carmen',
  moduleId: 'legacy-access',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});
