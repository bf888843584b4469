/*
 * The legacy backend served the notify plugin (index.ts line 85) with no
 * credentials check; the new backend system asks for credentials by default.
 * wire-plugin migrate keeps it open, as it was: delete this module and its
 * backend.add to ask for credentials instead.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export default createBackendModule({
  pluginId: 'notify',
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
