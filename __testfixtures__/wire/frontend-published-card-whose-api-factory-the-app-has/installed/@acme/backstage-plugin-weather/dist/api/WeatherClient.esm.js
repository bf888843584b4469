import { createApiRef } from '@backstage/core-plugin-api';

const weatherApiRef = createApiRef({
  id: "plugin.weather.service"
});
class WeatherClient {
  constructor(options) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }
}

export { WeatherClient, weatherApiRef };
//# sourceMappingURL=WeatherClient.esm.js.map
