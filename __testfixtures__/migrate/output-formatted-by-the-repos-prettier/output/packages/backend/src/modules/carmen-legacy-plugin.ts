/*
 * The plugin carmen (index.ts line 89), bridged by wire-plugin migrate through
 * this createPlugin of the shape legacyPlugin runs. Its legacy env had
 * catalogClient, which makeCreateEnv made and legacyPlugin's env lacks: added
 * here, made the same way.
 */
import { CatalogClient } from '@backstage/catalog-client';
import carmen from '../plugins/carmen';

export default async function createPlugin(
  env: Omit<Parameters<typeof carmen>[0], 'catalogClient'>,
) {
  return await carmen({
    ...env,
    catalogClient: new CatalogClient({
      discoveryApi: env.discovery,
    }),
  });
}
