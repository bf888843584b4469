import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** Ratings users leave on catalog entities, kept in the plugin's database. */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const db = await env.database.getClient();
  if (!(await db.schema.hasTable('ratings'))) {
    await db.schema.createTable('ratings', table => {
      table.string('entity_ref').notNullable();
      table.string('rating').notNullable();
    });
  }
  const router = Router();
  router.get('/ratings', async (_request, response) => {
    response.json(await db('ratings').select());
  });
  return router;
}
