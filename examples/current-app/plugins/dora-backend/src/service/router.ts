import { Config } from '@backstage/config';
import express from 'express';
import Router from 'express-promise-router';
import { Logger } from 'winston';

export interface RouterOptions {
  logger: Logger;
  config: Config;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, config } = options;
  const greeting = config.getOptionalString('dora.greeting') ?? 'PONG';

  const router = Router();
  router.use(express.json());

  router.get('/health', (_, response) => {
    logger.info(`${greeting} from dora!`);
    response.json({ status: 'ok' });
  });
  return router;
}
