/** `wire-plugin migrate`: parse, plan, write under the backend's lock unless --dry-run or --check, print the report. */
import yargs from 'yargs';
import { WireError } from '../../transforms/lib/errors';
import { unifiedDiff } from '../commit/diff';
import { applyMigration, lockForMigration, MigrationRefused, MigrationReport, planMigration } from '../commands/migrate/plan';
import { behaviourLine } from '../commands/migrate/behaviour';
import { EXIT_ERROR, EXIT_OK, finishRun, inProgress, LABELS, paint, printJsonReport, reportError, withSharedOptions } from './common';
import type { StatusArgs } from './status';

interface MigrateArgs extends StatusArgs {
  dryRun: boolean;
  versions: Record<string, string>;
}

function parseMigrateArgs(argv: string[]): MigrateArgs {
  const parsed = withSharedOptions(
    yargs(argv)
      .scriptName('wire-plugin migrate')
      .usage('wire-plugin migrate [options]\n\nMove a legacy backend (createEnv, apiRouter) to the new backend system (createBackend).'),
  )
    .option('dry-run', { type: 'boolean', default: false, describe: 'print a diff of the changes, write nothing' })
    .option('check', { type: 'boolean', default: false, describe: 'write nothing; exit 1 if the backend is not migrated' })
    .option('json', { type: 'boolean', default: false, describe: 'print the whole plan as one JSON report on stdout' })
    .version(false)
    .option('version', { type: 'string', array: true, describe: 'NAME@RANGE for a package to add whose version is not installed nor in the table' })
    .parseSync();
  const versions: Record<string, string> = {};
  for (const entry of (parsed.version as string[] | undefined) ?? []) {
    const at = entry.lastIndexOf('@');
    if (at <= 0) throw new WireError(`invalid --version ${JSON.stringify(entry)}: expected NAME@RANGE, such as @backstage/backend-defaults@^0.4.1`);
    versions[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return { cwd: parsed.cwd, backend: parsed.backend, json: parsed.json, check: parsed.check, quiet: parsed.quiet, dryRun: parsed['dry-run'], versions };
}

function migrationSummary(report: MigrationReport, args: MigrateArgs): string {
  const where = report.backend;
  if (report.alreadyMigrated) return `${where} is on the new backend system already: nothing to migrate.`;
  const counts = (['feature', 'module', 'bridge', 'wrapper'] as const)
    .map(target => [target, report.plugins.filter(p => p.target === target).length] as const)
    .filter(([, n]) => n > 0)
    .map(([target, n]) => `${n} ${target === 'bridge' ? 'bridged' : target === 'wrapper' ? 'wrapped' : target === 'module' ? 'with modules' : 'as features'}`)
    .join(', ');
  const plugins = `${report.plugins.length} plugin${report.plugins.length === 1 ? '' : 's'}${counts ? ` (${counts})` : ''}`;
  if (args.check) return `Check failed: ${where} is a legacy backend; migrate would move ${plugins}.`;
  if (args.dryRun) return `Dry run: migrating ${where} would move ${plugins}; nothing written.`;
  return `Migrated ${where} to the new backend system: ${plugins}.`;
}

export async function migrate(argv: string[]): Promise<number> {
  let args: MigrateArgs | undefined;
  try {
    args = parseMigrateArgs(argv);
    if (argv.includes('--help')) return EXIT_OK;
    const options = { cwd: args.cwd, backend: args.backend, versions: args.versions };
    const writes = !args.dryRun && !args.check;
    inProgress.lock = writes ? await lockForMigration(options, Number(process.env.WIRE_PLUGIN_LOCK_TIMEOUT_MS) || undefined) : undefined;
    const plan = await planMigration(options);
    if (plan.report.refused.length) {
      inProgress.lock?.release();
      if (args.json) process.stdout.write(JSON.stringify({ ok: false, exitCode: EXIT_ERROR, dryRun: args.dryRun, check: args.check, ...plan.report }, null, 2) + '\n');
      for (const line of plan.report.refused) process.stderr.write(`wire-plugin: error: ${line}\n`);
      if (!args.quiet) process.stderr.write(`wire-plugin: migrate refused ${plan.report.refused.length} statement${plan.report.refused.length === 1 ? '' : 's'}; nothing was written\n`);
      return EXIT_ERROR;
    }
    const { report, exitCode } = finishRun(plan.report, writes ? () => applyMigration(plan) : undefined, args.check);
    if (args.json) {
      printJsonReport(exitCode, args, report);
      return exitCode;
    }
    if (args.quiet) return exitCode;
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (args.dryRun) {
      const colors = { header: paint(1), hunk: paint(36), added: paint(32), removed: paint(31) };
      for (const change of plan.changes) process.stdout.write(unifiedDiff(change.displayPath, change.before, change.after, colors));
    }
    for (const plugin of report.plugins) {
      process.stdout.write(`  ${plugin.target.padEnd(7)} ${plugin.id}: ${plugin.target === 'bridge' ? plugin.adds[0] : plugin.adds.join(', ')} (${plugin.reason}${plugin.decidedBy === 'table' ? '; from the table' : ''})\n`);
    }
    for (const entry of report.behaviour) process.stdout.write(`  ${behaviourLine(entry)}\n`);
    for (const name of report.dependencies.removed) process.stdout.write(`  removed dependency ${name} (nothing imports it any more)\n`);
    for (const file of report.files) process.stdout.write(`${LABELS[file.status]} ${file.path}\n`);
    process.stdout.write(migrationSummary(report, args) + '\n');
    if (report.written && report.nextStep) process.stdout.write(`Next: run \`${report.nextStep}\` to install the added dependencies.\n`);
    return exitCode;
  } catch (error) {
    inProgress.lock?.release();
    if (error instanceof MigrationRefused) {
      for (const line of error.refusals) process.stderr.write(`wire-plugin: error: ${line}\n`);
      return EXIT_ERROR;
    }
    return reportError(error, args?.json ?? false, args?.quiet ?? false);
  }
}
