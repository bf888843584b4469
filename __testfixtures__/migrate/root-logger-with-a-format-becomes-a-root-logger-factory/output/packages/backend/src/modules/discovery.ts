/*
 * The discovery the legacy makeCreateEnv gave its plugins (index.ts line 35),
 * moved here by wire-plugin migrate: the same class, made from the root config,
 * serves coreServices.discovery.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ClusterDiscovery } from '../discovery';

export default createServiceFactory({
  service: coreServices.discovery,
  deps: { config: coreServices.rootConfig },
  factory({ config }) {
    return ClusterDiscovery.fromConfig(config);
  },
});
