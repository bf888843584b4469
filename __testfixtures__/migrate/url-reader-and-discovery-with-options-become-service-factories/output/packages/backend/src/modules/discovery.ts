/*
 * The discovery the legacy makeCreateEnv gave its plugins (index.ts line 37),
 * moved here by wire-plugin migrate: the same class, made from the root config,
 * serves coreServices.discovery.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { HostDiscovery } from '@backstage/backend-common';

export default createServiceFactory({
  service: coreServices.discovery,
  deps: { config: coreServices.rootConfig },
  factory({ config }) {
    return HostDiscovery.fromConfig(config, {
      basePath: '/backstage/api',
    });
  },
});
