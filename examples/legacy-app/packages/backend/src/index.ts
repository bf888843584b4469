/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import Router from 'express-promise-router';
import {
  createServiceBuilder,
  loadBackendConfig,
  getRootLogger,
  createRootLogger,
  useHotMemoize,
  notFoundHandler,
  CacheManager,
  DatabaseManager,
  ServerTokenManager,
} from '@backstage/backend-common';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import { format } from 'winston';
import { TaskScheduler } from '@backstage/backend-tasks';
import { Config } from '@backstage/config';
import healthcheck from './plugins/healthcheck';
import hooks from './plugins/hooks';
import notes from './plugins/notes';
import notesExport from './plugins/notes-export';
import echo from './plugins/echo';
import catalog from './plugins/catalog';
import { PluginEnvironment } from './types';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { DefaultIdentityClient } from '@backstage/plugin-auth-node';
import { assetsRouter, metricsRouter, rootPing, stampNotes } from './assets';
import { ExampleDiscovery } from './discovery';
import { AppInfo } from './app-info';
import { ExampleUrlReader } from './reader';
import { maskTokens } from './logging';

function makeCreateEnv(config: Config) {
  const root = getRootLogger();
  const reader = UrlReaders.default({
    logger: root,
    config,
    factories: [ExampleUrlReader.factory],
  });
  const discovery = ExampleDiscovery.fromConfig(config);
  const cacheManager = CacheManager.fromConfig(config);
  const databaseManager = DatabaseManager.fromConfig(config, { logger: root });
  const tokenManager = ServerTokenManager.noop();
  const taskScheduler = TaskScheduler.fromConfig(config, { databaseManager });

  const identity = DefaultIdentityClient.create({
    discovery,
  });
  const permissions = ServerPermissionClient.fromConfig(config, {
    discovery,
    tokenManager,
  });

  const appInfo = new AppInfo(config);

  root.info(`Created UrlReader ${reader}`);

  return (plugin: string): PluginEnvironment => {
    const logger = root.child({ type: 'plugin', plugin });
    const database = databaseManager.forPlugin(plugin);
    const cache = cacheManager.forPlugin(plugin);
    const scheduler = taskScheduler.forPlugin(plugin);
    return {
      logger,
      database,
      cache,
      config,
      reader,
      discovery,
      tokenManager,
      scheduler,
      permissions,
      identity,
      appInfo,
    };
  };
}

async function main() {
  const logger = createRootLogger({
    format: format.combine(maskTokens(), WinstonLogger.colorFormat()),
  });
  const config = await loadBackendConfig({
    argv: process.argv,
    logger,
  });
  logger.info(
    'legacy-app: the legacy ' +
      'main() started',
  );
  logger.info(`legacy-app: serving ${config.getString('app.title')}`);
  const createEnv = makeCreateEnv(config);

  const hooksEnv = useHotMemoize(module, () => createEnv('hooks'));
  const notesEnv = useHotMemoize(module, () => createEnv('notes_store'));
  const healthcheckEnv = useHotMemoize(module, () => createEnv('healthcheck'));
  const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));

  const apiRouter = Router();
  apiRouter.use('/assets', assetsRouter);
  const hooksRouter = await hooks(hooksEnv);
  apiRouter.use('/hooks', hooksRouter);
  apiRouter.use('/notes', stampNotes, await notes(notesEnv));
  apiRouter.use('/notes/export', await notesExport(notesEnv));
  if (config.getOptionalBoolean('echo.enabled')) {
    const echoEnv = useHotMemoize(module, () => createEnv('echo'));
    apiRouter.use('/echo', await echo(echoEnv));
  }
  apiRouter.use('/catalog', await catalog(catalogEnv));

  // Add backends ABOVE this line; this 404 handler is the catch-all fallback
  apiRouter.use(notFoundHandler());

  const service = createServiceBuilder(module)
    .loadConfig(config)
    .addRouter('/api', apiRouter)
    .addRouter('/backstage/api', apiRouter)
    .addRouter('/metrics', metricsRouter)
    .addRouter('/hooks', hooksRouter)
    .addRouter('', rootPing)
    .addRouter('', await healthcheck(healthcheckEnv));

  await service.start().catch(err => {
    console.log(err);
    process.exit(1);
  });
}

module.hot?.accept();
main().catch(error => {
  console.error('Backend failed to start up', error);
  process.exit(1);
});
