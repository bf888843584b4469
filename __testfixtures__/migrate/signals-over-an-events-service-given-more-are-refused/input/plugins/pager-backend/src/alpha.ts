import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { createRouter } from './router';

export default createBackendPlugin({
  pluginId: 'pager',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        signals: signalsServiceRef,
      },
      async init({ logger, httpRouter, signals }) {
        httpRouter.use(await createRouter({ logger, signals }));
      },
    });
  },
});
