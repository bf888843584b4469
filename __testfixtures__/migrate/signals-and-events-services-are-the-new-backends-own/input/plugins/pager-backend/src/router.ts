import express from 'express';
import Router from 'express-promise-router';
import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';

export interface RouterOptions {
  logger: LoggerService;
  signals: SignalsService;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { logger, signals } = options;
  const router = Router();
  router.use(express.json());
  router.post('/pages', async (req, res) => {
    logger.info(`Paging ${req.body.team}`);
    await signals.publish({
      recipients: { type: 'broadcast' },
      channel: 'pager',
      message: { team: req.body.team },
    });
    res.status(202).end();
  });
  return router;
}
