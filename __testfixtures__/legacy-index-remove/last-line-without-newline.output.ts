import Router from 'express-promise-router';
import catalog from './plugins/catalog';

const createEnv = makeCreateEnv(config);
const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));

export const apiRouter = Router();
apiRouter.use('/catalog', await catalog(catalogEnv));