import Router from 'express-promise-router';
import express, { Router as ExpressRouter } from 'express';
import { PluginEnvironment } from '../types';

/**
 * A plugin of the app's own that another system calls without a Backstage
 * token: POST /api/hooks/event, as a CI server or a chat bot would. It says
 * which app received it through env.appInfo, a client makeCreateEnv gives.
 */
export default async function createPlugin(
  env: PluginEnvironment,
): Promise<ExpressRouter> {
  const router = Router();
  router.use(express.json());
  router.post('/event', (request, response) => {
    env.logger.info(`hooks: event ${request.body?.type ?? '(no type)'}`);
    response.json({ received: true, by: env.appInfo.title });
  });
  // GET /read: a file through env.reader, which makeCreateEnv made with a URL reader of the app's own.
  router.get('/read', async (_request, response) => {
    const file = await env.reader.readUrl('https://reader.example.invalid/greeting.txt');
    response.json({ text: (await file.buffer()).toString() });
  });
  return router;
}
