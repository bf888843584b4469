#!/usr/bin/env node
/**
 * The command line: parse arguments, call the library, print, set the exit
 * code. 0: done or nothing to do; 1: --check found work; 2: bad input or
 * failure, with nothing written.
 */
import * as fs from 'fs';
import * as path from 'path';
import yargs from 'yargs';
import { WireError } from '../transforms/lib/errors';
import { unifiedDiff } from './commit/diff';
import { applyPlan, lockBackend, planWiring, WireReport } from './commands/wire/run';
import { EXIT_OK, finishRun, inProgress, LABELS, paint, printJsonReport, reportError, withSharedOptions } from './cli/common';
import { migrate } from './cli/migrate';
import { status } from './cli/status';

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
    // Pieces the app wrote itself are kept (each named in a warning): the plugin is still in the app.
    const kept = (report.frontend?.plugins ?? []).some(plugin => plugin.pieces.some(piece => piece.kind !== 'dependency' && piece.state === 'present'));
    if (!report.changed && kept) return `Nothing of ${ids} in ${where} is in the form wire-plugin writes: nothing removed; what the app wired itself is kept (see the warnings).`;
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

/** Options that take a value: what follows them is no command (`--cwd status status` lists the repo in ./status). */
const VALUE_OPTIONS = new Set(['--cwd', '--backend', '--app', '--only', '--package', '--range', '--system']);

/** Where the first argument that is no option stands, options before it skipped (`--cwd X status`). */
function firstPositional(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (!token.startsWith('-')) return i;
    if (VALUE_OPTIONS.has(token)) i++;
  }
  return -1;
}

export async function main(argv: string[]): Promise<number> {
  // `status` and `migrate` are commands of their own, also after options (`--cwd X status`); a plugin with such an id is
  // wired by its package name.
  const at = firstPositional(argv);
  const command = at === -1 ? undefined : argv[at];
  if (command === 'status') return status([...argv.slice(0, at), ...argv.slice(at + 1)]);
  if (command === 'migrate') return migrate([...argv.slice(0, at), ...argv.slice(at + 1)]);
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
    inProgress.lock = writes ? await lockBackend(options, lockTimeout) : undefined;
    const plan = await planWiring(options);
    const { report, exitCode } = finishRun(plan.report, writes ? () => applyPlan(plan) : undefined, args.check);

    if (args.json) {
      printJsonReport(exitCode, args, report);
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
    inProgress.lock?.release();
    return reportError(error, args?.json ?? false, args?.quiet ?? false);
  }
}

/** The process entry: signal handling, then main() with the process's arguments, then the exit code. */
export function run(): void {
  // Writes happen in one synchronous step, which a signal cannot cut in two; a signal before it
  // leaves nothing but the lock, which goes here.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      inProgress.lock?.release();
      const state = inProgress.written ? 'every change was already written' : 'nothing was written';
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
