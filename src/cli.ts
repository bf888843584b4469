#!/usr/bin/env node
/**
 * The command line: parse arguments, call the library, print, set the exit
 * code. 0: done or nothing to do; 1: --check found work; 2: bad input or
 * failure, with nothing written.
 */
import * as fs from 'fs';
import * as path from 'path';
import yargs, { Argv } from 'yargs';
import { WireError } from '../transforms/lib/errors';
import { unifiedDiff } from './commit/diff';
import type { Lock } from './commit/lock';
import { applyMigration, lockForMigration, MigrationRefused, MigrationReport, planMigration } from './commands/migrate/plan';
import { behaviourLine } from './commands/migrate/behaviour';
import { backendStatus, StatusReport } from './commands/status/status';
import { applyPlan, lockBackend, planWiring, WireReport } from './commands/wire/run';

/** The lock of the run in progress, released on every way out, signals included. */
let heldLock: Lock | undefined;
/** Whether this run's changes are on disk (all of them: the write is one synchronous step). */
let written = false;

const EXIT_OK = 0;
const EXIT_CHECK_FAILED = 1;
const EXIT_ERROR = 2;

interface Args {
  pluginIds: string[];
  cwd?: string;
  backend?: string;
  package?: string;
  range?: string;
  dryRun: boolean;
  check: boolean;
  json: boolean;
  force: boolean;
  quiet: boolean;
  system: 'auto' | 'legacy' | 'new';
  remove: boolean;
  app?: string;
  only?: 'backend' | 'frontend';
}

/** The options and behaviour every command shares: where to run, quiet, strict parsing that throws instead of exiting. */
function withSharedOptions<T>(parser: Argv<T>) {
  return parser
    .option('cwd', { type: 'string', describe: 'folder inside the Backstage repo (default: current folder)' })
    .option('backend', { type: 'string', describe: 'backend package folder (default: <root>/packages/backend)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print errors only' })
    // No wrapping: yargs would break the usage lines at odd places.
    .wrap(null)
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      throw new WireError(message || String(error?.message ?? error));
    });
}

/** This package's version, from its package.json (above dist/ or dist/src/, bundled or not): read only for --version. */
function ownVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (json.name === 'wire-plugin' && typeof json.version === 'string') return json.version;
    } catch {
      // Not here; look further up.
    }
  }
  return 'unknown';
}

function parseArgs(argv: string[]): Args {
  const parser = yargs(argv);
  // Read only when asked for: it costs a file read.
  if (argv.includes('--version')) parser.version(ownVersion());
  else parser.version(false);
  const parsed = withSharedOptions(
    parser
      .scriptName('wire-plugin')
      .usage(
        '$0 <plugin-id or package..> [options]\n$0 status [--json] [--check]\n$0 migrate [--dry-run] [--json]\n\nWire Backstage plugins into a repo: backend plugins and modules into packages/backend, frontend plugins into packages/app; show what is wired, or move a legacy backend to the new backend system.',
      )
      .command('$0 <plugin-id..>', false)
      .positional('plugin-id', { type: 'string', array: true, describe: 'plugin id (carmen) or package name (@backstage/plugin-kubernetes-backend)' }),
  )
    .option('package', { type: 'string', describe: "the plugin's npm package name, when it is not plugins/<id>-backend" })
    .option('range', { type: 'string', describe: 'dependency range to add (default: ^<version> or workspace:^)' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'print a diff of the changes, write nothing' })
    .option('check', { type: 'boolean', default: false, describe: 'write nothing; exit 1 if anything would change' })
    .option('json', { type: 'boolean', default: false, describe: 'print one JSON report on stdout' })
    .option('system', { choices: ['auto', 'legacy', 'new'] as const, default: 'auto' as const, describe: 'backend system to expect' })
    .option('remove', { type: 'boolean', default: false, describe: 'undo the wiring' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite (with --remove: delete) a differing src/plugins/<id>.ts' })
    .option('app', { type: 'string', describe: 'app package folder (default: <root>/packages/app)' })
    .option('only', { choices: ['backend', 'frontend'] as const, describe: 'wire one half of the plugin only' })
    .parseSync();
  return {
    pluginIds: ((parsed['plugin-id'] as unknown[]) ?? []).map(String),
    cwd: parsed.cwd,
    backend: parsed.backend,
    package: parsed.package,
    range: parsed.range,
    dryRun: parsed['dry-run'],
    check: parsed.check,
    json: parsed.json,
    force: parsed.force,
    quiet: parsed.quiet,
    system: parsed.system,
    remove: parsed.remove,
    app: parsed.app,
    only: parsed.only,
  };
}

/** Colour on a terminal, unless NO_COLOR; FORCE_COLOR (not 0) asks for it anyway. */
const useColor = (): boolean =>
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
    ? true
    : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text);

const LABELS = { created: 'CREATE', updated: 'UPDATE', unchanged: 'UNCHANGED', deleted: 'DELETE' } as const;

function summary(report: WireReport, args: Args): string {
  const count = (status: string): number => report.files.filter(f => f.status === status).length;
  const requested = [...new Set([...report.plugins.map(p => p.requested), ...(report.frontend?.plugins ?? []).map(p => p.requested)])];
  const ids = requested.join(', ');
  const several = requested.length > 1;
  const tally = (['created', 'updated', 'deleted', 'unchanged'] as const)
    .filter(status => status !== 'deleted' || count('deleted') > 0)
    .filter(status => status !== 'created' || report.action === 'wire')
    .map(status => `${count(status)} ${status}`)
    .join(', ');
  const where = [
    ...(report.backend !== undefined && report.plugins.length ? [`${report.backend} (${report.system} backend)`] : []),
    ...(report.frontend ? [`${report.frontend.app} (${report.frontend.system} frontend)`] : []),
  ].join(' and ');
  if (report.action === 'remove') {
    if (!report.changed) return `${ids} ${several ? 'are' : 'is'} not wired into ${where}: nothing to remove.`;
    if (args.check) return `Check failed: ${ids} still wired into ${where} (removing would leave ${tally}).`;
    if (args.dryRun) return `Dry run: removing ${ids} from ${where} would leave ${tally}; nothing written.`;
    return `Removed ${ids} from ${where}: ${tally}.`;
  }
  if (!report.changed) return `${ids} ${several ? 'are' : 'is'} already wired into ${where}: nothing to do.`;
  if (args.check) return `Check failed: ${ids} not fully wired into ${where} (would be ${tally}).`;
  if (args.dryRun) return `Dry run: wiring ${ids} into ${where} would leave ${tally}; nothing written.`;
  return `Wired ${ids} into ${where}: ${tally}.`;
}

interface StatusArgs {
  cwd?: string;
  backend?: string;
  app?: string;
  json: boolean;
  check: boolean;
  quiet: boolean;
}

function parseStatusArgs(argv: string[]): StatusArgs {
  const parsed = withSharedOptions(
    yargs(argv)
      .scriptName('wire-plugin status')
      .usage('wire-plugin status [options]\n\nList the backend plugins and modules of the repo and how the backend wires each, and the frontend plugins and what the app has of each; writes nothing.'),
  )
    .option('json', { type: 'boolean', default: false, describe: 'print one JSON report on stdout' })
    .option('check', { type: 'boolean', default: false, describe: 'exit 1 unless every plugin is wired or bridged (a duplicate or a half-wired frontend plugin fails)' })
    .option('app', { type: 'string', describe: 'app package folder (default: <root>/packages/app)' })
    .version(false)
    .parseSync();
  return { cwd: parsed.cwd, backend: parsed.backend, app: parsed.app, json: parsed.json, check: parsed.check, quiet: parsed.quiet };
}

const STATE_ORDER = ['wired', 'bridged', 'duplicate', 'conflict', 'half-wired', 'not-installed', 'not-wired'] as const;

function printStatus(report: StatusReport): void {
  if (report.backend !== undefined) printBackendStatus(report);
  if (report.frontend) printFrontendStatus(report.frontend);
}

const FRONTEND_STATE_ORDER = ['wired', 'half-wired', 'not-installed', 'not-wired'] as const;

function printFrontendStatus(frontend: NonNullable<StatusReport['frontend']>): void {
  const system = frontend.system === 'new' ? 'new frontend system' : 'legacy frontend system';
  process.stdout.write(`${frontend.app} (${system})\n`);
  const idWidth = Math.max(0, ...frontend.plugins.map(p => p.id.length));
  const packageWidth = Math.max(0, ...frontend.plugins.map(p => p.package.length));
  for (const plugin of frontend.plugins) {
    const has = plugin.pieces.filter(piece => piece.where !== undefined && piece.kind !== 'dependency').map(piece => `${piece.kind} ${piece.where}`);
    const detail = plugin.missing.length ? `missing ${plugin.missing.join(', ')}` : has.join(', ');
    process.stdout.write(`  ${plugin.state.padEnd(13)} ${plugin.id.padEnd(idWidth)}  ${plugin.package.padEnd(packageWidth)}  ${detail}`.trimEnd() + '\n');
  }
  const counts = FRONTEND_STATE_ORDER.map(state => [state, frontend.plugins.filter(p => p.state === state).length] as const).filter(([, n]) => n > 0);
  const total = frontend.plugins.length;
  process.stdout.write(`${total} frontend plugin${total === 1 ? '' : 's'}${counts.length ? `: ${counts.map(([state, n]) => `${n} ${state}`).join(', ')}` : ''}.\n`);
}

function printBackendStatus(report: StatusReport): void {
  const system = report.system === 'new' ? 'new backend system' : 'legacy backend';
  process.stdout.write(`${report.backend} (${system})\n`);
  const width = (pick: (p: StatusReport['plugins'][number]) => string): number => Math.max(0, ...report.plugins.map(p => pick(p).length));
  const idWidth = width(p => p.id + (p.role === 'module' ? ' (module)' : ''));
  const packageWidth = width(p => p.package ?? '-');
  for (const plugin of report.plugins) {
    const name = (plugin.id + (plugin.role === 'module' ? ' (module)' : '')).padEnd(idWidth);
    const detail = plugin.missing.length ? `missing ${plugin.missing.join(', ')}` : plugin.form ?? '';
    const line = `  ${plugin.state.padEnd(13)} ${name}  ${(plugin.package ?? '-').padEnd(packageWidth)}  ${detail}`;
    process.stdout.write(line.trimEnd() + '\n');
  }
  const counts = STATE_ORDER.map(state => [state, report.plugins.filter(p => p.state === state).length] as const).filter(([, n]) => n > 0);
  const total = report.plugins.length;
  const tally = counts.map(([state, n]) => `${n} ${state}`).join(', ');
  process.stdout.write(`${total} plugin${total === 1 ? '' : 's'} and modules${tally ? `: ${tally}` : ''}.\n`);
}

async function status(argv: string[]): Promise<number> {
  let args: StatusArgs | undefined;
  try {
    args = parseStatusArgs(argv);
    if (argv.includes('--help')) return EXIT_OK;
    const report = backendStatus({ cwd: args.cwd, backend: args.backend, app: args.app });
    const exitCode = args.check && !report.complete ? EXIT_CHECK_FAILED : EXIT_OK;
    if (args.json) {
      process.stdout.write(JSON.stringify({ backend: report.backend, system: report.system, plugins: report.plugins, frontend: report.frontend }, null, 2) + '\n');
    } else if (!args.quiet) {
      printStatus(report);
    }
    return exitCode;
  } catch (error) {
    return reportError(error, args?.json ?? false, args?.quiet ?? false);
  }
}

function reportError(error: unknown, json: boolean, quiet: boolean): number {
  if (!(error instanceof WireError)) {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    // The bundle's names are short; its source map gives the source's under NODE_OPTIONS=--enable-source-maps.
    process.stderr.write(`wire-plugin: internal error: ${detail}\n`);
    return EXIT_ERROR;
  }
  process.stderr.write(`wire-plugin: error: ${error.message}\n`);
  if (error.hint && !quiet) process.stderr.write(`${error.hint}\n`);
  if (json) process.stdout.write(JSON.stringify({ ok: false, exitCode: EXIT_ERROR, error: error.message }) + '\n');
  return EXIT_ERROR;
}

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

async function migrate(argv: string[]): Promise<number> {
  let args: MigrateArgs | undefined;
  try {
    args = parseMigrateArgs(argv);
    if (argv.includes('--help')) return EXIT_OK;
    const options = { cwd: args.cwd, backend: args.backend, versions: args.versions };
    const writes = !args.dryRun && !args.check;
    heldLock = writes ? await lockForMigration(options, Number(process.env.WIRE_PLUGIN_LOCK_TIMEOUT_MS) || undefined) : undefined;
    const plan = await planMigration(options);
    if (plan.report.refused.length) {
      heldLock?.release();
      if (args.json) process.stdout.write(JSON.stringify({ ok: false, exitCode: EXIT_ERROR, dryRun: args.dryRun, check: args.check, ...plan.report }, null, 2) + '\n');
      for (const line of plan.report.refused) process.stderr.write(`wire-plugin: error: ${line}\n`);
      if (!args.quiet) process.stderr.write(`wire-plugin: migrate refused ${plan.report.refused.length} statement${plan.report.refused.length === 1 ? '' : 's'}; nothing was written\n`);
      return EXIT_ERROR;
    }
    const report = writes ? applyMigration(plan) : plan.report;
    written = report.written;
    heldLock?.release();
    const exitCode = args.check && report.changed ? EXIT_CHECK_FAILED : EXIT_OK;
    if (args.json) {
      process.stdout.write(JSON.stringify({ ok: true, exitCode, dryRun: args.dryRun, check: args.check, ...report }, null, 2) + '\n');
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
    heldLock?.release();
    if (error instanceof MigrationRefused) {
      for (const line of error.refusals) process.stderr.write(`wire-plugin: error: ${line}\n`);
      return EXIT_ERROR;
    }
    return reportError(error, args?.json ?? false, args?.quiet ?? false);
  }
}

export async function main(argv: string[]): Promise<number> {
  // `status` and `migrate` are commands of their own; a plugin with such an id is wired by its package name.
  if (argv[0] === 'status') return status(argv.slice(1));
  if (argv[0] === 'migrate') return migrate(argv.slice(1));
  let args: Args | undefined;
  try {
    if (argv.length === 0) throw new WireError('no plugin id given: expected at least one, such as carmen (see --help)');
    args = parseArgs(argv);
    if (argv.includes('--help') || argv.includes('--version')) return EXIT_OK;
    const options = {
      plugins: args.pluginIds,
      cwd: args.cwd,
      backend: args.backend,
      packageName: args.package,
      range: args.range,
      force: args.force,
      system: args.system,
      remove: args.remove,
      app: args.app,
      only: args.only,
    };
    const writes = !args.dryRun && !args.check;
    // A run that writes holds the backend's lock from reading to writing, so concurrent runs take turns.
    const lockTimeout = Number(process.env.WIRE_PLUGIN_LOCK_TIMEOUT_MS) || undefined;
    heldLock = writes ? await lockBackend(options, lockTimeout) : undefined;
    const plan = await planWiring(options);
    const report = writes ? applyPlan(plan) : plan.report;
    written = report.written;
    heldLock?.release();
    const exitCode = args.check && report.changed ? EXIT_CHECK_FAILED : EXIT_OK;

    if (args.json) {
      process.stdout.write(JSON.stringify({ ok: true, exitCode, dryRun: args.dryRun, check: args.check, ...report }, null, 2) + '\n');
      return exitCode;
    }
    if (!args.quiet) {
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (args.dryRun) {
        const colors = { header: paint(1), hunk: paint(36), added: paint(32), removed: paint(31) };
        const order = report.files.map(file => file.path);
        const changes = [...plan.changes].sort((a, b) => order.indexOf(a.displayPath) - order.indexOf(b.displayPath));
        for (const change of changes) process.stdout.write(unifiedDiff(change.displayPath, change.before, change.after, colors));
      }
      for (const file of report.files) process.stdout.write(`${LABELS[file.status]} ${file.path}\n`);
      for (const plugin of report.frontend?.plugins ?? []) {
        const pieces = plugin.pieces.filter(piece => piece.kind !== 'dependency').map(piece => `${piece.kind} ${piece.where} (${piece.state})`);
        if (pieces.length) process.stdout.write(`  ${plugin.packageName}: ${pieces.join(', ')}\n`);
      }
      for (const name of report.removedDependencies) process.stdout.write(`  removed dependency ${name}\n`);
      for (const step of report.manualSteps) process.stdout.write(`  by hand: ${step}\n`);
      process.stdout.write(summary(report, args) + '\n');
      if (report.written && report.nextStep) {
        const what = report.addedDependencies.length === 1 ? 'the added dependency' : `the ${report.addedDependencies.length} added dependencies`;
        process.stdout.write(`Next: run \`${report.nextStep}\` to install ${what}.\n`);
      }
    }
    return exitCode;
  } catch (error) {
    heldLock?.release();
    return reportError(error, args?.json ?? false, args?.quiet ?? false);
  }
}

/** The process entry: signal handling, then main() with the process's arguments, then the exit code. */
export function run(): void {
  // Writes happen in one synchronous step, which a signal cannot cut in two; a signal before it
  // leaves nothing but the lock, which goes here.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      heldLock?.release();
      const state = written ? 'every change was already written' : 'nothing was written';
      process.stderr.write(`wire-plugin: interrupted (${signal}); ${state}\n`);
      process.exit(code);
    });
  }
  // A reader that stops early (`wire-plugin status | head`) closes the pipe: what is left to print has
  // nowhere to go, which is no failure of the run, so the run ends as it would have, with its exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
  main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}

if (require.main === module) run();
