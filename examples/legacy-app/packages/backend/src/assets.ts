/*
 * Routers of the app's own, beside its plugins: the kind of customisation a
 * real backend grows. index.ts mounts them on the api router (/api/assets)
 * and on the service builder (/metrics, and at '' for /root-ping); and a
 * middleware index.ts runs in front of the notes plugin's routes.
 */
import Router from 'express-promise-router';
import { RequestHandler } from 'express';

export const assetsRouter = Router();
assetsRouter.get('/ping', (_request, response) => {
  response.json({ pong: true });
});

export const metricsRouter = Router();
metricsRouter.get('/', (_request, response) => {
  response.type('text/plain').send('legacy_app_up 1\n');
});

export const rootPing = Router();
rootPing.get('/root-ping', (_request, response) => {
  response.json({ root: true });
});

/** Marks every answer of the notes plugin: the middleware index.ts mounts in front of its routes. */
export const stampNotes: RequestHandler = (_request, response, next) => {
  response.setHeader('x-legacy-app', 'notes');
  next();
};
