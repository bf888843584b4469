/*
 * The discovery the legacy makeCreateEnv gave its plugins (index.ts line 32),
 * moved here by wire-plugin migrate: the same class, made with the root config
 * and the root logger, serves coreServices.discovery.
 *
 * The root logger is the winston logger the legacy backend had
 * (loggerToWinstonLogger), which the app's own code was written for.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { loggerToWinstonLogger } from '@backstage/backend-common';
import { ClusterDiscovery } from '../discovery';

export default createServiceFactory({
  service: coreServices.discovery,
  deps: {
    config: coreServices.rootConfig,
    rootLogger: coreServices.rootLogger,
  },
  factory({ config, rootLogger }) {
    const root = loggerToWinstonLogger(rootLogger);
    return ClusterDiscovery.fromConfig(config, { logger: root });
  },
});
