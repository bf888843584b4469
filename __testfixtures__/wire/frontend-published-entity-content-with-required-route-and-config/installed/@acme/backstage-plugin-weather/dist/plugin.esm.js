import { createPlugin, createApiFactory, discoveryApiRef, fetchApiRef, createRoutableExtension, createComponentExtension } from '@backstage/core-plugin-api';
import { entityContentRouteRef, viewDocsRouteRef } from './routes.esm.js';
import { weatherApiRef, WeatherClient } from './api/WeatherClient.esm.js';

const weatherPlugin = createPlugin({
  id: "weather",
  apis: [
    createApiFactory({
      api: weatherApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new WeatherClient({ discoveryApi, fetchApi })
    })
  ],
  routes: {
    entityContent: entityContentRouteRef
  },
  externalRoutes: {
    viewDocs: viewDocsRouteRef
  }
});
const EntityWeatherContent = weatherPlugin.provide(
  createRoutableExtension({
    name: "EntityWeatherContent",
    component: () => import('./components/Router.esm.js').then((m) => m.Router),
    mountPoint: entityContentRouteRef
  })
);
const EntityWeatherCard = weatherPlugin.provide(
  createComponentExtension({
    name: "EntityWeatherCard",
    component: {
      lazy: () => import('./components/WeatherCard/index.esm.js').then((m) => m.WeatherCard)
    }
  })
);

export { EntityWeatherCard, EntityWeatherContent, weatherPlugin };
//# sourceMappingURL=plugin.esm.js.map
