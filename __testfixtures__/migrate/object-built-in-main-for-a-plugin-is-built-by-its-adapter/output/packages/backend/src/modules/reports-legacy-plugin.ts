/*
 * The plugin reports, which the legacy backend called with more than its env
 * (index.ts line 95), moved here by wire-plugin migrate: a createPlugin of the
 * shape legacyPlugin runs, which makes the other arguments from the env.
 */
import reports from '../plugins/reports';

export default async function createPlugin(env: Parameters<typeof reports>[1]) {
  return await reports(env.config, env);
}
