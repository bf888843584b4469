import { createRouteRef, createExternalRouteRef } from '@backstage/core-plugin-api';

const entityContentRouteRef = createRouteRef({
  id: "weather-entity-content"
});
const viewDocsRouteRef = createExternalRouteRef({
  id: "view-docs",
  optional: true
});

export { entityContentRouteRef, viewDocsRouteRef };
//# sourceMappingURL=routes.esm.js.map
