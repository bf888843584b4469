import { createPlugin, createRouteRef, createRoutableExtension } from '@backstage/core-plugin-api';

const rootRouteRef = createRouteRef({
  id: "clusters"
});
const clustersPlugin = createPlugin({
  id: "clusters",
  routes: {
    root: rootRouteRef
  }
});
const ClustersPage = clustersPlugin.provide(
  createRoutableExtension({
    name: "ClustersPage",
    component: () => import('./components/Router.esm.js').then((m) => m.Router),
    mountPoint: rootRouteRef
  })
);

export { ClustersPage, clustersPlugin };
//# sourceMappingURL=plugin.esm.js.map
