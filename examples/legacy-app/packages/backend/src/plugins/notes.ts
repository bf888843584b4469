import Router from 'express-promise-router';
import express, { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/**
 * A plugin of the app's own that keeps rows in its database. index.ts makes
 * its environment with createEnv('notes_store') and mounts it at /notes, so
 * its rows are in notes_store's database (notes_store.sqlite).
 */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const db = await env.database.getClient();
  if (!(await db.schema.hasTable('notes'))) {
    await db.schema.createTable('notes', table => {
      table.increments('id');
      table.string('text').notNullable();
    });
  }
  const router = Router();
  router.use(express.json());
  router.get('/', async (_request, response) => {
    response.json(await db('notes').select('text').orderBy('id'));
  });
  router.post('/', async (request, response) => {
    await db('notes').insert({ text: String(request.body?.text ?? '') });
    response.status(201).json({ stored: true });
  });
  return router;
}
