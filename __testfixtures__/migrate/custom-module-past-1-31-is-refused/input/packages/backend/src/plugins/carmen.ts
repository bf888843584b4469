import { createRouter } from '@internal/backstage-plugin-carmen-backend';
import { Router } from 'express';
import { PluginEnvironment } from '../types';

export default async function createPlugin(
  env: PluginEnvironment,
): Promise<Router> {
  const router = await createRouter({
    logger: env.logger,
  });
  env.logger.info('carmen mounted');
  return router;
}
