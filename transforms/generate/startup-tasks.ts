/**
 * `src/modules/startup-tasks.ts`, which migrate generates for calls of the
 * app's own that the legacy backend ran at its start with nothing but the
 * config and the root logger (`initTracker(config)` in main(),
 * `initializeJira(config, root)` in makeCreateEnv): a backend plugin whose
 * init takes the root config and root logger under the names the calls read
 * them by and runs them, in their order, in a
 * coreServices.rootLifecycle startup hook. Printed in the index's style.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, printObject, printPluginShell, wrapComment } from './plugin-shell';

export interface StartupTasksModule {
  /** Each call as written, with the line it came from. */
  readonly statements: readonly { readonly text: string; readonly line: number }[];
  /** The names the calls read the config by (`config`). */
  readonly configNames: readonly string[];
  /** The names the calls read the root logger by (`root`). */
  readonly loggerNames?: readonly string[];
  /**
   * Whether a call is handed a root logger (`initTracker(root)`) rather than
   * only logging through it: each name is then the winston logger the legacy
   * backend had, made with backend-common's loggerToWinstonLogger.
   */
  readonly winston?: boolean;
  readonly imports: readonly string[];
}

export const STARTUP_TASKS_MODULE = './modules/startup-tasks';

/** The dependency the winston root loggers are made from. */
export const ROOT_LOGGER = 'rootLogger';

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
  const loggerNames = module.loggerNames ?? [];
  const loggerDeps = module.winston ? (loggerNames.length ? [ROOT_LOGGER] : []) : loggerNames;
  const deps = [...module.configNames.map(name => `${name}: coreServices.rootConfig`), ...loggerDeps.map(name => `${name}: coreServices.rootLogger`), 'lifecycle: coreServices.rootLifecycle'];
  const q = style.quote;
  const given = [module.configNames.length ? 'the config' : '', loggerNames.length ? 'the root logger' : ''].filter(Boolean).join(' and ');
  const services = [module.configNames.length ? 'root config' : '', loggerNames.length ? 'root logger' : ''].filter(Boolean).join(' and ');
  return printPluginShell(
    {
      comment: wrapComment(
        `Calls the legacy backend made at its start with ${given} (index.ts line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}), ` +
          `moved here by wire-plugin migrate: the same calls, in the same order, with the new backend system's ${services}, once the backend has started.`,
      ).map(line => line.slice(3)),
      imports: [...(module.winston ? [`import { loggerToWinstonLogger } from ${stringLiteral('@backstage/backend-common', q)}${style.semicolons ? ';' : ''}`] : []), ...module.imports],
      pluginId: 'startup-tasks',
      deps: printObject('deps: ', deps, ',', 3, style),
      params: `{ ${[...module.configNames, ...loggerDeps, 'lifecycle'].join(', ')} }`,
      body: (at, semi) => [
        ...(module.winston ? loggerNames.map(name => `const ${name} = loggerToWinstonLogger(${ROOT_LOGGER})${semi}`) : []),
        `lifecycle.addStartupHook(${awaits ? 'async ' : ''}() => {`,
        ...module.statements.flatMap(s => reindent(s.text, at(1))),
        `})${semi}`,
      ],
    },
    style,
  );
}
