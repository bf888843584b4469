/*
 * The plugin audit, which the legacy backend called with more than its env
 * (index.ts line 92), moved here by wire-plugin migrate: a createPlugin of the
 * shape legacyPlugin runs, which makes the other arguments from the env.
 * auditOptions (line 84), which main() built from its config and imports, is
 * built here the same way from env.config.
 */
import { readAuditOptions } from '../audit-options';
import audit from '../plugins/audit';

export default async function createPlugin(env: Parameters<typeof audit>[0]) {
  return await audit(env, readAuditOptions(env.config, { retentionDays: 30 }));
}
