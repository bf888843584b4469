/*
 * The middleware the legacy api router ran in front of plugin routes (index.ts
 * line 79), moved here by wire-plugin migrate. The root HTTP router is
 * configured as its defaults (applyDefaults) are, in their order, with each
 * handler where the service builder had it relative to the api routes.
 */
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { authMiddleware } from '../auth-middleware';

export default rootHttpRouterServiceFactory({
  configure({ app, middleware, routes, healthRouter }) {
    app.use(middleware.helmet());
    app.use(middleware.cors());
    app.use(middleware.compression());
    app.use(middleware.logging());
    app.use(healthRouter);
    app.use('/api/catalog', authMiddleware);
    app.use(routes);
    app.use(middleware.notFound());
    app.use(middleware.error());
  },
});
