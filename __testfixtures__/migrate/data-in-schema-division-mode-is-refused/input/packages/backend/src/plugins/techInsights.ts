import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** Scorecards of the app's own: facts kept in the plugin's database. */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const db = await env.database.getClient();
  if (!(await db.schema.hasTable('facts'))) {
    await db.schema.createTable('facts', table => {
      table.string('entity').notNullable();
      table.integer('score').notNullable();
    });
  }
  const router = Router();
  router.get('/facts', async (_request, response) => {
    response.json(await db('facts').select());
  });
  return router;
}
