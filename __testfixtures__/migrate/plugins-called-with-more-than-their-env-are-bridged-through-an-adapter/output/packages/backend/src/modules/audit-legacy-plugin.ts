/*
 * The plugin audit, which the legacy backend called with more than its env
 * (index.ts line 87), moved here by wire-plugin migrate: a createPlugin of the
 * shape legacyPlugin runs, which makes the other arguments from the env.
 */
import audit from '../plugins/audit';

export default async function createPlugin(env: Parameters<typeof audit>[0]) {
  return await audit(env, { retentionDays: 30 });
}
