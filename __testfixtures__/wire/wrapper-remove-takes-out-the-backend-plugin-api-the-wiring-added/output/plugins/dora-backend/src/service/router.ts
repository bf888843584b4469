import { Config } from '@backstage/config';
import express from 'express';
import Router from 'express-promise-router';
import { Logger } from 'winston';

export interface RouterOptions {
  logger: Logger;
  config: Config;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.get('/health', (_, response) => {
    options.logger.info(options.config.getOptionalString('dora.greeting') ?? 'PONG');
    response.json({ status: 'ok' });
  });
  return router;
}
