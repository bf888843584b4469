/*
 * The router the legacy service builder mounted at /metrics (index.ts line 87),
 * moved here by wire-plugin migrate: the root HTTP router serves it at the
 * same path, outside /api, with no credentials check, as before.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { metricsText } from '../metrics';

export default createBackendPlugin({
  pluginId: 'root-metrics',
  register(env) {
    env.registerInit({
      deps: { rootHttpRouter: coreServices.rootHttpRouter },
      async init({ rootHttpRouter }) {
        rootHttpRouter.use('/metrics', (_req, res) => {
          res.type('text/plain').send(metricsText());
        });
      },
    });
  },
});
