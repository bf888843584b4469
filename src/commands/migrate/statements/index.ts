/**
 * The kinds of legacy statement, in the order they are tried: main()'s
 * (after its root loggers, read first) and the top level's. A new kind is a
 * reader module of this folder, a line here, and a fixture folder.
 */
import { apiRouterUse } from './api-router-use';
import { authMiddleware } from './auth-middleware';
import { conditionalMounts } from './conditional-mounts';
import { configSideEffect } from './config-side-effect';
import { ownServiceClass } from './own-service-class';
import { pluginArgument } from './plugin-argument';
import { pluginRouter } from './plugin-router';
import { pluginRun } from './plugin-run';
import { rootLoggerFormat } from './root-logger-format';
import type { StatementReader } from './reader';
import { serviceBuilder } from './service-builder';
import { serviceStart } from './service-start';
import { apiRouterDeclaration, configLoading, createEnvDeclaration, envDeclaration } from './template-declarations';
import { hotAccept, keptBackend, mainCall, makeCreateEnv } from './top-level';

export const MAIN_READERS: readonly StatementReader[] = [apiRouterDeclaration, createEnvDeclaration, configLoading, envDeclaration, serviceBuilder, apiRouterUse, serviceStart, conditionalMounts, rootLoggerFormat, authMiddleware, pluginArgument, pluginRouter, configSideEffect, pluginRun];

export const TOP_LEVEL_READERS: readonly StatementReader[] = [keptBackend, makeCreateEnv, rootLoggerFormat, hotAccept, mainCall, ownServiceClass];

export { readRootLoggers } from './root-logger';
export { keptStatements, readTypes } from './top-level';
export { StatementReading } from './reading';
