import {
  DatabaseService,
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import express from 'express';
import Router from 'express-promise-router';

export interface RouterOptions {
  logger: LoggerService;
  config: Config;
  database: DatabaseService;
  discovery: DiscoveryService;
  reader: UrlReaderService;
  scheduler?: SchedulerService;
  httpAuth: HttpAuthService;
  catalogApi?: unknown;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.get('/health', (_, response) => {
    options.logger.info('PONG');
    response.json({ status: 'ok' });
  });
  return router;
}
