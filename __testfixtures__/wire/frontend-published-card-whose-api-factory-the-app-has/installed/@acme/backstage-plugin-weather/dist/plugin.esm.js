import { createPlugin, createComponentExtension } from '@backstage/core-plugin-api';
import { viewDocsRouteRef } from './routes.esm.js';
import './api/WeatherClient.esm.js';

const weatherPlugin = createPlugin({
  id: "weather",
  externalRoutes: {
    viewDocs: viewDocsRouteRef
  }
});
const EntityWeatherCard = weatherPlugin.provide(
  createComponentExtension({
    name: "EntityWeatherCard",
    component: {
      lazy: () => import('./components/WeatherCard/index.esm.js').then((m) => m.WeatherCard)
    }
  })
);

export { EntityWeatherCard, weatherPlugin };
