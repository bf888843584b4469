import { Config } from '@backstage/config';
import { Logger } from 'winston';

/** Plugins live on one internal host each: http://<pluginId>.backstage.svc:7007/api/<pluginId>. */
export class ClusterDiscovery {
  static fromConfig(config: Config, options: { logger: Logger }) {
    return new ClusterDiscovery(config.getString('backend.baseUrl'), options.logger.child({ type: 'discovery' }));
  }

  private constructor(
    private readonly externalBaseUrl: string,
    private readonly logger: Logger,
  ) {}

  async getBaseUrl(pluginId: string) {
    this.logger.debug(`Resolving ${pluginId} in the cluster`);
    return `http://${pluginId}.backstage.svc:7007/api/${pluginId}`;
  }

  async getExternalBaseUrl(pluginId: string) {
    return `${this.externalBaseUrl}/api/${pluginId}`;
  }
}
