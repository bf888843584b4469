import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** A count of the app's own: it reads the catalog's database through the root database manager makeCreateEnv gives it. */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/entities/count', async (_request, response) => {
    const knex = await env.databaseManager.forPlugin('catalog').getClient();
    const [{ count }] = await knex('final_entities').count({ count: '*' });
    response.json({ count });
  });
  return router;
}
