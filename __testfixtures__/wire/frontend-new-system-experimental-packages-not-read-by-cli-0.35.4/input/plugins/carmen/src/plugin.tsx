import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

export const carmenPage = PageBlueprint.make({
  params: {
    path: '/carmen',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ExampleComponent').then(m => <m.ExampleComponent />),
  },
});

export const carmenPlugin = createFrontendPlugin({
  pluginId: 'carmen',
  extensions: [carmenPage],
  routes: {
    root: rootRouteRef,
  },
});
