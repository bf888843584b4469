/**
 * wire-plugin's library API, for migration scripts:
 *
 *   const plan = await planWiring({ plugins: ['carmen'], cwd: repo });
 *   if (plan.report.changed) applyPlan(plan);
 *
 * or `await wirePlugins({ plugins: ['carmen'], cwd: repo })` for both steps, and
 * `backendStatus({ cwd: repo })` for what is wired where, and
 * `migrateBackend({ cwd: repo })` to move a legacy backend to the new system.
 * Nothing here prints or exits; bad input throws a WireError with a one-line message.
 */
export { planWiring, applyPlan, wirePlugins, lockBackend } from './wire';
export { backendStatus } from './status';
export { planMigration, applyMigration, migrateBackend, MigrationRefused } from './migrate/plan';
export type { MigrateOptions, MigrationPlan, MigrationReport, MigratedPlugin, MigrationTarget } from './migrate/plan';
export type { StatusOptions, StatusReport, PluginStatus, PluginState, LegacyPiece } from './status';
export type { BackendSystem, SystemChoice } from './backend';
export type { Lock } from './lock';
export type { WireOptions, WirePlan, WireReport, PluginReport, FileReport } from './wire';
export type { FileChange, FileStatus } from './tree';
export { WireError } from './errors';
export { unifiedDiff } from './diff';
export { planLegacyWiring } from '../transforms/legacy-index';
export type { LegacyWiringPlan, LegacyPluginWiring } from '../transforms/legacy-index';
export { planDependencies } from '../transforms/package-json-dependency';
export { applyChanges } from './changes';
export type { TextChange } from './changes';
