import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** Notifications of the app's own: it looks owners up with the catalog client makeCreateEnv gives it. */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/owners/:name', async (request, response) => {
    const entity = await env.catalogClient.getEntityByRef(`component:${request.params.name}`);
    response.json({ owner: entity?.spec?.owner ?? null });
  });
  return router;
}
