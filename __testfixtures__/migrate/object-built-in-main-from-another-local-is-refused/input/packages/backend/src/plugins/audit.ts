import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** An audit log of the app's own, with its options after its env. */
export default async function createPlugin(
  env: PluginEnvironment,
  options: { retentionDays: number },
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/retention', (_request, response) => {
    env.logger.info('audit: retention');
    response.json({ days: options.retentionDays });
  });
  return router;
}
