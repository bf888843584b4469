/*
 * The plugin notify (index.ts line 90), bridged by wire-plugin migrate through
 * this createPlugin of the shape legacyPlugin runs. Its legacy env had
 * catalogClient, which makeCreateEnv made and legacyPlugin's env lacks: added
 * here, made the same way.
 */
import { CatalogClient } from '@backstage/catalog-client';
import notify from '../plugins/notify';

export default async function createPlugin(
  env: Omit<Parameters<typeof notify>[0], 'catalogClient'>,
) {
  return await notify({
    ...env,
    catalogClient: new CatalogClient({
      discoveryApi: env.discovery,
    }),
  });
}
