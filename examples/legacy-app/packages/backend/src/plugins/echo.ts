import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** A plugin of the app's own, behind the echo.enabled flag in index.ts: it says who it is. */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/health', (_request, response) => {
    env.logger.info('echo: health');
    response.json({ status: 'ok' });
  });
  return router;
}
