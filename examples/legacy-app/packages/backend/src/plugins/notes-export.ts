import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/**
 * An export of the notes plugin's rows, mounted below its path at
 * /notes/export with its environment (notesEnv), so it reads the same
 * database: the notes plugin's, notes_store.sqlite.
 */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/', async (_request, response) => {
    const db = await env.database.getClient();
    const rows = await db('notes').select('text').orderBy('id');
    response.json({ count: rows.length, texts: rows.map(row => row.text) });
  });
  return router;
}
