/*
 * The identity client the legacy makeCreateEnv gave its plugins (index.ts line
 * 39), moved here by wire-plugin migrate: the same options serve
 * coreServices.identity, which legacyPlugin gives the bridged plugins as
 * env.identity.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DefaultIdentityClient } from '@backstage/plugin-auth-node';

export default createServiceFactory({
  service: coreServices.identity,
  deps: { discovery: coreServices.discovery, config: coreServices.rootConfig },
  factory({ discovery, config }) {
    return DefaultIdentityClient.create({
      discovery,
      issuer: `${config.getString('backend.baseUrl')}/api/auth`,
      algorithms: ['RS256'],
    });
  },
});
