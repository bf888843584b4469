import Router from 'express-promise-router';
import { createBackend, discoveryFeatureLoader } from '@backstage/backend-defaults';
import { createServiceBuilder, notFoundHandler } from '@backstage/backend-common';
import carmen from './plugins/carmen';

function startNewBackend() {
  const backend = createBackend();
  backend.add(discoveryFeatureLoader);
  backend.start();
}

async function legacy() {
  const apiRouter = Router();
  apiRouter.use('/carmen', await carmen({} as any));
  apiRouter.use(notFoundHandler());
  await createServiceBuilder(module).addRouter('/api', apiRouter).start();
}

legacy();
startNewBackend();
