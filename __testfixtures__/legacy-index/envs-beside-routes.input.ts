import Router from 'express-promise-router';
import { useHotMemoize, notFoundHandler } from '@backstage/backend-common';
import catalog from './plugins/catalog';
import search from './plugins/search';

async function main() {
  const createEnv = makeCreateEnv(await loadConfig());
  const apiRouter = Router();

  const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));
  apiRouter.use('/catalog', await catalog(catalogEnv));

  const searchEnv = useHotMemoize(module, () => createEnv('search'));
  apiRouter.use('/search', await search(searchEnv));

  apiRouter.use(notFoundHandler());
}
