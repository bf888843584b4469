/*
 * The URL reader the legacy makeCreateEnv gave its plugins (index.ts line 32),
 * moved here by wire-plugin migrate: the same readers, made with the root
 * config and the root logger, serve coreServices.urlReader.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-common';
import { NexusUrlReader } from '../nexus';

export default createServiceFactory({
  service: coreServices.urlReader,
  deps: { config: coreServices.rootConfig, root: coreServices.rootLogger },
  factory({ config, root }) {
    return UrlReaders.default({
      logger: root,
      config,
      factories: [NexusUrlReader.factory],
    });
  },
});
