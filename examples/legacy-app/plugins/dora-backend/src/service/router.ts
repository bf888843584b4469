import { errorHandler, PluginDatabaseManager } from '@backstage/backend-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { IdentityApi } from '@backstage/plugin-auth-node';
import express from 'express';
import Router from 'express-promise-router';

export interface RouterOptions {
  logger: LoggerService;
  config: Config;
  database: PluginDatabaseManager;
  identity: IdentityApi;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, config, database } = options;

  const router = Router();
  router.use(express.json());

  router.get('/health', async (_, response) => {
    // Proves the environment the backend passed in is real: a query on the plugin's database.
    const client = await database.getClient();
    await client.raw('select 1');
    logger.info(`PONG from ${config.getString('backend.baseUrl')}`);
    response.json({ status: 'ok' });
  });
  router.use(errorHandler());
  return router;
}
