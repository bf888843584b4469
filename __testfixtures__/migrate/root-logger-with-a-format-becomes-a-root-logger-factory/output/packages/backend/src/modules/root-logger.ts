/*
 * The root logger's format, which the legacy backend gave createRootLogger
 * (index.ts line 72), moved here by wire-plugin migrate:
 * coreServices.rootLogger logs in the same format, at the same level
 * (LOG_LEVEL, else info), to the console. The format replaced Backstage's, and
 * its redacter of config secrets with it; this logger adds no redactions
 * either, as before.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import * as winston from 'winston';
import { maskTokens } from '../logging';

export default createServiceFactory({
  service: coreServices.rootLogger,
  deps: {},
  factory() {
    return WinstonLogger.create({
      meta: { service: 'backstage' },
      level: process.env.LOG_LEVEL || 'info',
      format: winston.format.combine(maskTokens(), winston.format.json()),
      transports: [new winston.transports.Console()],
    });
  },
});
