import { createPlugin, createRouteRef, createRoutableExtension } from '@backstage/core-plugin-api';

const rootRouteRef = createRouteRef({
  id: "radar"
});
const radarPlugin = createPlugin({
  id: "radar",
  routes: {
    root: rootRouteRef
  }
});
const RadarPage = radarPlugin.provide(
  createRoutableExtension({
    name: "RadarPage",
    component: () => import('./components/Router.esm.js').then((m) => m.Router),
    mountPoint: rootRouteRef
  })
);

export { RadarPage, radarPlugin };
//# sourceMappingURL=plugin.esm.js.map
