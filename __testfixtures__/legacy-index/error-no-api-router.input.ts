import Router from 'express-promise-router';
import { addPlugin } from './addPlugin';
import catalog from './plugins/catalog';

async function main() {
  const createEnv = makeCreateEnv(config);
  await addPlugin({ plugin: 'catalog', apiRouter: router, createEnv, router: catalog });
}
