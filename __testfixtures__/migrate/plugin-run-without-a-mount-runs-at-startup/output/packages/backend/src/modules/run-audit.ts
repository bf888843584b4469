/*
 * The plugin auditJob, which the legacy main() ran without mounting it
 * (index.ts line 81), moved here by wire-plugin migrate. It runs under its
 * createEnv id, audit, with the environment fields it reads made from
 * core services as legacyPlugin makes them, when the backend starts; nothing
 * of it is served, as before.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { loggerToWinstonLogger } from '@backstage/backend-common';
import auditJob from '../plugins/audit-job';

type LegacyEnvironment = Parameters<typeof auditJob>[0];

export default createBackendPlugin({
  pluginId: 'audit',
  register(env) {
    env.registerInit({
      deps: { logger: coreServices.logger, scheduler: coreServices.scheduler },
      async init({ logger, scheduler }) {
        const pluginEnv = {
          logger: loggerToWinstonLogger(logger),
          scheduler,
        } as LegacyEnvironment;
        await auditJob(pluginEnv);
      },
    });
  },
});
