/**
 * The template's declarations in main(), which the new backend system
 * replaces: the api router, createEnv, config loading (whose name the
 * conditions read) and each plugin's env.
 */
import type { StatementReader } from './reader';
import { loadedConfigName } from './shapes';

export const apiRouterDeclaration: StatementReader = {
  kind: 'api-router',
  read(statement, reading) {
    if (statement !== reading.index.router.declaration) return false;
    reading.replace(statement, 'the api router: the new backend mounts each plugin at /api/<pluginId>');
    return true;
  },
};

export const createEnvDeclaration: StatementReader = {
  kind: 'create-env',
  read(statement, reading) {
    if (statement !== reading.index.createEnvDeclaration) return false;
    reading.replace(statement, 'the plugin environment: the new backend gives each plugin its services');
    return true;
  },
};

export const configLoading: StatementReader = {
  kind: 'config-loading',
  read(statement, reading) {
    const name = loadedConfigName([statement]);
    if (name === undefined) return false;
    reading.configName = name;
    reading.replace(statement, 'config loading: the new backend loads app-config itself (coreServices.rootConfig)');
    return true;
  },
};

export const envDeclaration: StatementReader = {
  kind: 'env',
  read(statement, reading) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const id = statement.declarations[0].id;
    if (id.type !== 'Identifier' || !reading.envs.has(id.name)) return false;
    reading.replace(statement, `the environment of '${reading.envs.get(id.name)?.pluginId}'`);
    return true;
  },
};
