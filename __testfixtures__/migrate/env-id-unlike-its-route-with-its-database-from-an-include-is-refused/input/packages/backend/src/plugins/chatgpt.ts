import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** Prompts the team saved, kept in the plugin's database. */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const db = await env.database.getClient();
  if (!(await db.schema.hasTable('prompts'))) {
    await db.schema.createTable('prompts', table => {
      table.increments('id');
      table.text('text').notNullable();
    });
  }
  const router = Router();
  router.get('/prompts', async (_request, response) => {
    response.json(await db('prompts').select());
  });
  return router;
}
