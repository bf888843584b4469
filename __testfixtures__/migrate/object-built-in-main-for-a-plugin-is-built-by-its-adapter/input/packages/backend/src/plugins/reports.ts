import { Config } from '@backstage/config';
import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/** Reports of the app's own, given the config besides its env. */
export default async function createPlugin(
  config: Config,
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const title = config.getOptionalString('reports.title') ?? 'Reports';
  const router = Router();
  router.get('/title', (_request, response) => {
    env.logger.info('reports: title');
    response.json({ title });
  });
  return router;
}
