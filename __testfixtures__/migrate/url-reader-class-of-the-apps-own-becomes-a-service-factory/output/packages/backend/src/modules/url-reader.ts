/*
 * The URL reader the legacy makeCreateEnv gave its plugins (index.ts line 61),
 * moved here by wire-plugin migrate: the same readers, made with the root
 * config and the root logger, serve coreServices.urlReader.
 *
 * The class AuditedUrlReader (index.ts line 38) came with it: nothing else in
 * index.ts used it.
 *
 * The root logger is the winston logger the legacy backend had
 * (loggerToWinstonLogger), which the app's own code was written for.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  UrlReaders,
  UrlReader,
  ReadUrlOptions,
  ReadUrlResponse,
  ReadTreeOptions,
  ReadTreeResponse,
  SearchOptions,
  SearchResponse,
  loggerToWinstonLogger,
} from '@backstage/backend-common';
import { Logger } from 'winston';

/** The default readers, with a log line for each URL a plugin reads (for the audit of catalog imports). */
class AuditedUrlReader implements UrlReader {
  constructor(
    private readonly readers: UrlReader,
    private readonly logger: Logger,
  ) {}

  async readUrl(
    url: string,
    options?: ReadUrlOptions,
  ): Promise<ReadUrlResponse> {
    this.logger.info(`Reading ${url}`);
    return this.readers.readUrl(url, options);
  }

  async readTree(
    url: string,
    options?: ReadTreeOptions,
  ): Promise<ReadTreeResponse> {
    this.logger.info(`Reading the tree at ${url}`);
    return this.readers.readTree(url, options);
  }

  async search(url: string, options?: SearchOptions): Promise<SearchResponse> {
    return this.readers.search(url, options);
  }
}

export default createServiceFactory({
  service: coreServices.urlReader,
  deps: {
    config: coreServices.rootConfig,
    rootLogger: coreServices.rootLogger,
  },
  factory({ config, rootLogger }) {
    const root = loggerToWinstonLogger(rootLogger);
    return new AuditedUrlReader(
      UrlReaders.default({ logger: root, config }),
      root,
    );
  },
});
