import { Config } from '@backstage/config';
import Router from 'express-promise-router';

export function makeAssetsRouter(config: Config) {
  const router = Router();
  router.get('/ping', (_request, response) => {
    response.json({ title: config.getString('app.title') });
  });
  return router;
}
