/*
 * The discovery the legacy makeCreateEnv gave its plugins (index.ts line 49),
 * moved here by wire-plugin migrate: the same class, made from the root config,
 * serves coreServices.discovery.
 *
 * The class SplitDiscovery (index.ts line 31) came with it: nothing else in
 * index.ts used it.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  HostDiscovery,
  PluginEndpointDiscovery,
} from '@backstage/backend-common';

/** dora runs in a deployment of its own; every other plugin runs here. */
class SplitDiscovery implements PluginEndpointDiscovery {
  constructor(private readonly delegate: PluginEndpointDiscovery) {}

  async getBaseUrl(pluginId: string): Promise<string> {
    if (pluginId === 'dora') {
      return `http://dora-backend:7007/api/${pluginId}`;
    }
    return this.delegate.getBaseUrl(pluginId);
  }

  async getExternalBaseUrl(pluginId: string): Promise<string> {
    return this.delegate.getExternalBaseUrl(pluginId);
  }
}

export default createServiceFactory({
  service: coreServices.discovery,
  deps: { config: coreServices.rootConfig },
  factory({ config }) {
    return new SplitDiscovery(HostDiscovery.fromConfig(config));
  },
});
