import { HostDiscovery } from '@backstage/backend-common';
import { Config } from '@backstage/config';

/** The app's own discovery: the host's, saying once, when it is made, that it is the one in use. */
export class ExampleDiscovery {
  private static said = false;

  static fromConfig(config: Config) {
    if (!ExampleDiscovery.said) {
      ExampleDiscovery.said = true;
      console.log("legacy-app: the app's own discovery is in use");
    }
    return new ExampleDiscovery(HostDiscovery.fromConfig(config));
  }

  private constructor(private readonly host: HostDiscovery) {}

  async getBaseUrl(pluginId: string) {
    return this.host.getBaseUrl(pluginId);
  }

  async getExternalBaseUrl(pluginId: string) {
    return this.host.getExternalBaseUrl(pluginId);
  }
}
