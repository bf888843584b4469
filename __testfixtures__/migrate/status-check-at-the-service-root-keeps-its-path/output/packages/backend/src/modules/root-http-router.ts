/*
 * The handler the legacy service builder mounted at '' (index.ts line 91),
 * moved here by wire-plugin migrate. The root HTTP router is configured as its
 * defaults (applyDefaults) are, in their order, with each handler where the
 * service builder had it relative to the api routes.
 */
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { healthcheckRouter } from './root-healthcheck';

export default rootHttpRouterServiceFactory({
  configure({ app, middleware, routes, healthRouter }) {
    app.use(middleware.helmet());
    app.use(middleware.cors());
    app.use(middleware.compression());
    app.use(middleware.logging());
    app.use(healthRouter);
    app.use(routes);
    app.use(healthcheckRouter);
    app.use(middleware.notFound());
    app.use(middleware.error());
  },
});
