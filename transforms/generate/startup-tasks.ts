/**
 * `src/modules/startup-tasks.ts`, which migrate generates for calls of the
 * app's own that the legacy backend ran at its start with nothing but the
 * config (`initTracker(config)` in main(), `initializeJira(config)` in
 * makeCreateEnv): a backend plugin whose init takes the root config under
 * the name the calls read it by and runs them, in their order, in a
 * coreServices.rootLifecycle startup hook. Printed in the index's style.
 */
import { GeneratedStyle, printObject, printPluginShell } from './plugin-shell';

export interface StartupTasksModule {
  /** Each call as written, with the line it came from. */
  readonly statements: readonly { readonly text: string; readonly line: number }[];
  /** The names the calls read the config by (`config`). */
  readonly configNames: readonly string[];
  readonly imports: readonly string[];
}

export const STARTUP_TASKS_MODULE = './modules/startup-tasks';

/** A statement's text re-indented: its first line's indentation taken off every line, `indent` put on. */
function reindent(text: string, indent: string): string[] {
  const lines = text.split(/\r?\n/);
  const rest = lines.slice(1).filter(line => line.trim() !== '');
  const common = rest.length ? Math.min(...rest.map(line => /^[ \t]*/.exec(line)?.[0].length ?? 0)) : 0;
  return [lines[0].trim(), ...lines.slice(1).map(line => (line.trim() === '' ? '' : line.slice(common)))].map(line => (line === '' ? '' : `${indent}${line}`));
}

export function printStartupTasksModule(module: StartupTasksModule, style: GeneratedStyle): string {
  const lines = module.statements.map(s => s.line);
  const awaits = module.statements.some(s => /\bawait\b/.test(s.text));
  const deps = [...module.configNames.map(name => `${name}: coreServices.rootConfig`), 'lifecycle: coreServices.rootLifecycle'];
  return printPluginShell(
    {
      comment: [
        `Calls the legacy backend made at its start with the config (index.ts line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}),`,
        'moved here by wire-plugin migrate: the same calls, in the same order, with',
        "the new backend system's root config, once the backend has started.",
      ],
      imports: module.imports,
      pluginId: 'startup-tasks',
      deps: printObject('deps: ', deps, ',', 3, style),
      params: `{ ${[...module.configNames, 'lifecycle'].join(', ')} }`,
      body: (at, semi) => [
        `lifecycle.addStartupHook(${awaits ? 'async ' : ''}() => {`,
        ...module.statements.flatMap(s => reindent(s.text, at(1))),
        `})${semi}`,
      ],
    },
    style,
  );
}
