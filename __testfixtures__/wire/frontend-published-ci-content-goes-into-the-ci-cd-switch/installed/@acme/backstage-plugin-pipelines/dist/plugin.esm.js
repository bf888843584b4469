import { createPlugin, createRouteRef, createRoutableExtension, createComponentExtension } from '@backstage/core-plugin-api';

const pipelinesRouteRef = createRouteRef({
  id: "pipelines"
});
const pipelinesPlugin = createPlugin({
  id: "pipelines",
  routes: {
    entityContent: pipelinesRouteRef
  }
});
const EntityPipelinesContent = pipelinesPlugin.provide(
  createRoutableExtension({
    name: "EntityPipelinesContent",
    component: () => import('./components/Router.esm.js').then((m) => m.Router),
    mountPoint: pipelinesRouteRef
  })
);
const EntityLatestPipelineRunCard = pipelinesPlugin.provide(
  createComponentExtension({
    name: "EntityLatestPipelineRunCard",
    component: {
      lazy: () => import('./components/LatestRunCard.esm.js').then((m) => m.LatestRunCard)
    }
  })
);

export { EntityLatestPipelineRunCard, EntityPipelinesContent, pipelinesPlugin };
//# sourceMappingURL=plugin.esm.js.map
