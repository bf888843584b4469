import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from './types';

/** The app's own status page: what the backend runs with. */
export async function createStatusRouter(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/', (_request, response) => {
    env.logger.info('status: asked');
    response.json({ title: env.config.getString('app.title') });
  });
  return router;
}
