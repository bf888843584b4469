import Router from 'express-promise-router';

export const assetsRouter = Router();
assetsRouter.get('/ping', (_request, response) => {
  response.json({ pong: true });
});

export const assetsV1 = Router();
assetsV1.get('/list', (_request, response) => {
  response.json({ files: [] });
});

export const doraStats = Router();
doraStats.get('/', (_request, response) => {
  response.json({ stats: 0 });
});
