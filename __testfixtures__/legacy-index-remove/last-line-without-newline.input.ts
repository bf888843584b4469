import Router from 'express-promise-router';
import catalog from './plugins/catalog';
import carmen from './plugins/carmen';

const createEnv = makeCreateEnv(config);
const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));
const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));

export const apiRouter = Router();
apiRouter.use('/catalog', await catalog(catalogEnv));
apiRouter.use('/carmen', await carmen(carmenEnv));