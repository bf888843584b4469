import { Config } from '@backstage/config';

/** Plugins live on one internal host each: http://<pluginId>.backstage.svc:7007/api/<pluginId>. */
export class ClusterDiscovery {
  static fromConfig(config: Config) {
    return new ClusterDiscovery(config.getString('backend.baseUrl'));
  }

  private constructor(private readonly externalBaseUrl: string) {}

  async getBaseUrl(pluginId: string) {
    return `http://${pluginId}.backstage.svc:7007/api/${pluginId}`;
  }

  async getExternalBaseUrl(pluginId: string) {
    return `${this.externalBaseUrl}/api/${pluginId}`;
  }
}
