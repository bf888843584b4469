import { Logger } from 'winston';
import express from 'express';
import Router from 'express-promise-router';

export interface RouterOptions {
  logger: Logger;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.get('/health', (_, response) => {
    options.logger.info('PONG!');
    response.json({ status: 'ok' });
  });
  return router;
}
