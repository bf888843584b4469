import Router from 'express-promise-router';

export const assetsRouter = Router();
assetsRouter.get('/ping', (_request, response) => {
  response.json({ pong: true });
});
