/*
 * The plugin carmen (index.ts line 84), bridged by wire-plugin migrate through
 * this createPlugin of the shape legacyPlugin runs. Its legacy env had
 * databaseManager, which makeCreateEnv made and legacyPlugin's env lacks: added
 * here, made the same way.
 */
import { DatabaseManager } from '@backstage/backend-common';
import carmen from '../plugins/carmen';

export default async function createPlugin(
  env: Omit<Parameters<typeof carmen>[0], 'databaseManager'>,
) {
  return await carmen({
    ...env,
    databaseManager: DatabaseManager.fromConfig(env.config, {
      logger: env.logger,
    }),
  });
}
