import Router from 'express-promise-router';
import { createBackend } from '@backstage/backend-defaults';
import { createServiceBuilder, notFoundHandler } from '@backstage/backend-common';
import carmen from './plugins/carmen';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend/alpha'));

async function legacy() {
  const apiRouter = Router();
  apiRouter.use('/carmen', await carmen({} as any));
  apiRouter.use(notFoundHandler());
  await createServiceBuilder(module).addRouter('/api', apiRouter).start();
}

legacy();
backend.start();
