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
  useHotMemoize,
  notFoundHandler,
  CacheManager,
  DatabaseManager,
  UrlReaders,
  UrlReader,
  ReadUrlOptions,
  ReadUrlResponse,
  ReadTreeOptions,
  ReadTreeResponse,
  SearchOptions,
  SearchResponse,
  PluginDatabaseManager,
  HostDiscovery,
  ServerTokenManager,
} from '@backstage/backend-common';
import { TaskScheduler } from '@backstage/backend-tasks';
import { Config } from '@backstage/config';
import { Logger } from 'winston';
import dora from './plugins/dora';
import { PluginEnvironment } from './types';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { DefaultIdentityClient } from '@backstage/plugin-auth-node';

/** The default readers, with a log line and an audit row for each URL a plugin reads. */
class AuditedUrlReader implements UrlReader {
  constructor(
    private readonly readers: UrlReader,
    private readonly logger: Logger,
    private readonly audit: PluginDatabaseManager,
  ) {}

  async readUrl(url: string, options?: ReadUrlOptions): Promise<ReadUrlResponse> {
    this.logger.info(`Reading ${url}`);
    const db = await this.audit.getClient();
    await db('url_reads').insert({ url, read_at: new Date() });
    return this.readers.readUrl(url, options);
  }

  async readTree(url: string, options?: ReadTreeOptions): Promise<ReadTreeResponse> {
    this.logger.info(`Reading the tree at ${url}`);
    return this.readers.readTree(url, options);
  }

  async search(url: string, options?: SearchOptions): Promise<SearchResponse> {
    return this.readers.search(url, options);
  }
}

function makeCreateEnv(config: Config) {
  const root = getRootLogger();
  const discovery = HostDiscovery.fromConfig(config);
  const cacheManager = CacheManager.fromConfig(config);
  const databaseManager = DatabaseManager.fromConfig(config, { logger: root });
  const reader = new AuditedUrlReader(
    UrlReaders.default({ logger: root, config }),
    root,
    databaseManager.forPlugin('url-audit'),
  );
  const tokenManager = ServerTokenManager.noop();
  const taskScheduler = TaskScheduler.fromConfig(config, { databaseManager });

  const identity = DefaultIdentityClient.create({
    discovery,
  });
  const permissions = ServerPermissionClient.fromConfig(config, {
    discovery,
    tokenManager,
  });

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
    };
  };
}

async function main() {
  const config = await loadBackendConfig({
    argv: process.argv,
    logger: getRootLogger(),
  });
  const createEnv = makeCreateEnv(config);

  const doraEnv = useHotMemoize(module, () => createEnv('dora'));

  const apiRouter = Router();
  apiRouter.use('/dora', await dora(doraEnv));

  // Add backends ABOVE this line; this 404 handler is the catch-all fallback
  apiRouter.use(notFoundHandler());

  const service = createServiceBuilder(module)
    .loadConfig(config)
    .addRouter('/api', apiRouter);

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
