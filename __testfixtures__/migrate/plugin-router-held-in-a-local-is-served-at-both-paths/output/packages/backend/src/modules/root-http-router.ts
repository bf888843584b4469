/*
 * The plugins of the api router the legacy service builder mounted again
 * outside /api (/api/healthcheck at '', /api/proxy at /proxy) (index.ts lines
 * 92, 94), moved here by wire-plugin migrate. The root HTTP router is
 * configured as its defaults (applyDefaults) are, in their order, with each
 * handler where the service builder had it relative to the api routes.
 */
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';

export default rootHttpRouterServiceFactory({
  configure({ app, middleware, routes, healthRouter }) {
    app.use(middleware.helmet());
    app.use(middleware.cors());
    app.use(middleware.compression());
    app.use(middleware.logging());
    app.use(healthRouter);
    app.use((req, res, next) => {
      const url = req.url;
      req.url = `/api/healthcheck${url}`;
      routes(req, res, (error?: unknown) => {
        req.url = url;
        next(error);
      });
    });
    app.use(routes);
    app.use('/proxy', (req, res, next) => {
      const url = req.url;
      req.url = `/api/proxy${url}`;
      routes(req, res, (error?: unknown) => {
        req.url = url;
        next(error);
      });
    });
    app.use(middleware.notFound());
    app.use(middleware.error());
  },
});
