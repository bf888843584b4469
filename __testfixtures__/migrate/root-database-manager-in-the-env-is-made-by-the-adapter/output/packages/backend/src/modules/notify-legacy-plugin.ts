/*
 * The plugin notify (index.ts line 85), bridged by wire-plugin migrate through
 * this createPlugin of the shape legacyPlugin runs. Its legacy env had
 * databaseManager, which makeCreateEnv made and legacyPlugin's env lacks: added
 * here, made the same way.
 */
import { DatabaseManager } from '@backstage/backend-common';
import notify from '../plugins/notify';

export default async function createPlugin(
  env: Omit<Parameters<typeof notify>[0], 'databaseManager'>,
) {
  return await notify({
    ...env,
    databaseManager: DatabaseManager.fromConfig(env.config, {
      logger: env.logger,
    }),
  });
}
