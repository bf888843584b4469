import { createPlugin, createRouteRef, createRoutableExtension } from '@backstage/core-plugin-api';

const rootRouteRef = createRouteRef({
  id: "budgets"
});
const budgetsPlugin = createPlugin({
  id: "budgets",
  routes: {
    root: rootRouteRef
  }
});
const BudgetsPage = budgetsPlugin.provide(
  createRoutableExtension({
    name: "BudgetsPage",
    component: () => import('./components/Router.esm.js').then((m) => m.Router),
    mountPoint: rootRouteRef
  })
);

export { BudgetsPage, budgetsPlugin };
//# sourceMappingURL=plugin.esm.js.map
