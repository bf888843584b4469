import Router from 'express-promise-router';
import { PluginEnvironment } from '../types';

export default async function createPlugin(env: PluginEnvironment) {
  const router = Router();
  router.get('/', async (_req, res) => {
    const rows = await (await env.database.getClient()).select().from('deployments');
    res.json({ deployments: rows.length });
  });
  return router;
}
