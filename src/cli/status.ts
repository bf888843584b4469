/** `wire-plugin status`: parse, print the backend's and the app's plugins, exit 1 under --check when any is not wired. */
import yargs from 'yargs';
import { backendStatus, StatusReport } from '../commands/status/status';
import { EXIT_CHECK_FAILED, EXIT_OK, reportError, withSharedOptions } from './common';

export interface StatusArgs {
  cwd?: string;
  backend?: string;
  app?: string;
  only?: 'backend' | 'frontend';
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
    .option('only', { choices: ['backend', 'frontend'] as const, describe: 'list one half only: the backend plugins, or the frontend plugins' })
    .version(false)
    .parseSync();
  return { cwd: parsed.cwd, backend: parsed.backend, app: parsed.app, only: parsed.only, json: parsed.json, check: parsed.check, quiet: parsed.quiet };
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

export async function status(argv: string[]): Promise<number> {
  let args: StatusArgs | undefined;
  try {
    args = parseStatusArgs(argv);
    if (argv.includes('--help')) return EXIT_OK;
    const report = backendStatus({ cwd: args.cwd, backend: args.backend, app: args.app, only: args.only });
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
