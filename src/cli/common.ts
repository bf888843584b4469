/**
 * What the commands of the command line share: exit codes, the options every
 * command takes, colours, file labels, the one-line error report, and the
 * state of the run in progress (its lock, whether it wrote), which the
 * signal handlers read.
 */
import type { Argv } from 'yargs';
import { WireError } from '../../transforms/lib/errors';
import type { Lock } from '../commit/lock';

export const inProgress = {
  /** The lock of the run in progress, released on every way out, signals included. */
  lock: undefined as Lock | undefined,
  /** Whether this run's changes are on disk (all of them: the write is one synchronous step). */
  written: false,
};

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_ERROR = 2;

/** The options and behaviour every command shares: where to run, quiet, strict parsing that throws instead of exiting. */
export function withSharedOptions<T>(parser: Argv<T>) {
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

/**
 * The end of a planned run: the plan written unless the run only looks
 * (`write` undefined), that recorded for the signal handlers, the lock
 * released; the report and the exit code (1 when --check finds work).
 */
export function finishRun<R extends { readonly written: boolean; readonly changed: boolean }>(planned: R, write: (() => R) | undefined, check: boolean): { report: R; exitCode: number } {
  const report = write ? write() : planned;
  inProgress.written = report.written;
  inProgress.lock?.release();
  return { report, exitCode: check && report.changed ? EXIT_CHECK_FAILED : EXIT_OK };
}

/** A finished run's report as one JSON object on stdout (--json). */
export function printJsonReport(exitCode: number, args: { readonly dryRun: boolean; readonly check: boolean }, report: object): void {
  process.stdout.write(JSON.stringify({ ok: true, exitCode, dryRun: args.dryRun, check: args.check, ...report }, null, 2) + '\n');
}

/** Colour on a terminal, unless NO_COLOR; FORCE_COLOR (not 0) asks for it anyway. */
const useColor = (): boolean =>
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
    ? true
    : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
export const paint = (code: number) => (text: string) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text);

export const LABELS = { created: 'CREATE', updated: 'UPDATE', unchanged: 'UNCHANGED', deleted: 'DELETE' } as const;

/** An error as one line on stderr (and one JSON object on stdout under --json); an internal one with its stack. Returns exit code 2. */
export function reportError(error: unknown, json: boolean, quiet: boolean): number {
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
