/*
 * The handler the legacy service builder mounted at '' and the api router it
 * mounted again at /backstage/api (index.ts lines 87, 88), moved here by
 * wire-plugin migrate. The root HTTP router is configured as its defaults
 * (applyDefaults) are, in their order, with each handler where the service
 * builder had it relative to the api routes.
 */
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { metricsHandler } from '../metrics';

export default rootHttpRouterServiceFactory({
  configure({ app, middleware, routes, healthRouter }) {
    app.use(middleware.helmet());
    app.use(middleware.cors());
    app.use(middleware.compression());
    app.use(middleware.logging());
    app.use(healthRouter);
    app.use(routes);
    app.use('/backstage/api', (req, res, next) => {
      const url = req.url;
      req.url = `/api${url}`;
      routes(req, res, (error?: unknown) => {
        req.url = url;
        next(error);
      });
    });
    app.use(metricsHandler());
    app.use(middleware.notFound());
    app.use(middleware.error());
  },
});
