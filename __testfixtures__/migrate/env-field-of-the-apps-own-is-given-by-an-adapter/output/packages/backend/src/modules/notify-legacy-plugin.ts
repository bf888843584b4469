/*
 * The plugin notify (index.ts line 88) reads env.catalogClient, which the legacy
 * makeCreateEnv made and legacyPlugin's env lacks: wire-plugin migrate bridges it
 * through this createPlugin, which adds it to the env, made the same way.
 */
import { CatalogClient } from '@backstage/catalog-client';
import notify from '../plugins/notify';

export default async function createPlugin(env: Parameters<typeof notify>[0]) {
  return await notify({
    ...env,
    catalogClient: new CatalogClient({ discoveryApi: env.discovery }),
  });
}
