/*
 * The plugin audit, which the legacy backend called with more than its env
 * (index.ts line 96), moved here by wire-plugin migrate: a createPlugin of the
 * shape legacyPlugin runs, which makes the other arguments from the env.
 * auditOptions (line 85), catalogApi (line 88), which main() built and handed
 * to it, are built here the same way, from the env (its config and the services
 * every plugin shares) and imports.
 */
import { readAuditOptions } from '../audit-options';
import { CatalogClient } from '@backstage/catalog-client';
import audit from '../plugins/audit';

export default async function createPlugin(env: Parameters<typeof audit>[0]) {
  return await audit(
    env,
    readAuditOptions(env.config, { retentionDays: 30 }),
    new CatalogClient({ discoveryApi: env.discovery }),
  );
}
