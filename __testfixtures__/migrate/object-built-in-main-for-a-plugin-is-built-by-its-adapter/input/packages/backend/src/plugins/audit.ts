import Router from 'express-promise-router';
import { Router as ExpressRouter } from 'express';
import { CatalogApi } from '@backstage/catalog-client';
import { PluginEnvironment } from '../types';

/** An audit log of the app's own, with its options and a catalog client after its env. */
export default async function createPlugin(
  env: PluginEnvironment,
  options: { retentionDays: number },
  catalogApi: CatalogApi,
): Promise<ExpressRouter> {
  const router = Router();
  router.get('/retention', (_request, response) => {
    env.logger.info('audit: retention');
    response.json({ days: options.retentionDays });
  });
  router.get('/owners', async (_request, response) => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
    });
    response.json(items.map(group => group.metadata.name));
  });
  return router;
}
