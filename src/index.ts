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
export { planWiring, applyPlan, wirePlugins, lockBackend } from './commands/wire/run';
export type { WirePlan, WireReport } from './commands/wire/run';
export type { FrontendReport, FrontendPluginReport, FrontendPiece, FrontendSystem } from './commands/wire/frontend/types';
export { backendStatus } from './commands/status/status';
export { planMigration, applyMigration, migrateBackend, MigrationRefused } from './commands/migrate/plan';
export type { MigrateOptions, MigrationPlan, MigrationReport, MigratedPlugin, MigrationTarget } from './commands/migrate/plan';
export type { StatusOptions, StatusReport, PluginStatus, PluginState, LegacyPiece } from './commands/status/status';
export type { BackendSystem, SystemChoice } from './repo/backend';
export type { Lock } from './commit/lock';
export type { WireOptions, PluginReport, FileReport } from './commands/wire/wire';
export type { FileChange, FileStatus } from './commit/tree';
export { WireError } from '../transforms/lib/errors';
export { unifiedDiff } from './commit/diff';
export { planLegacyWiring } from '../transforms/legacy-index';
export type { LegacyWiringPlan, LegacyPluginWiring } from '../transforms/legacy-index';
export { planDependencies } from '../transforms/package-json-dependency';
export { applyChanges } from '../transforms/lib/changes';
export type { TextChange } from '../transforms/lib/changes';
