/**
 * `src/modules/root-logger.ts`, which migrate generates for a root logger
 * the legacy backend made with a format of the app's own
 * (`createRootLogger({ format: redactingFormat() })`): a service factory for
 * `coreServices.rootLogger` that makes backend-defaults' WinstonLogger as
 * its own root logger factory does (service `backstage`, LOG_LEVEL else
 * info, the console), in that format. The app's format replaced Backstage's
 * in the legacy logger, and with it the redacter that loadBackendConfig fed
 * the config's secrets; this factory does not feed them either, so log
 * lines stay as they were.
 */
import { stringLiteral } from '../lib/code-style';
import { continuedAt, coreServicesImport, GeneratedStyle, wrapComment } from './plugin-shell';

export interface RootLoggerModule {
  /** The format expression as written, lines after the first indented relative to the first's line. */
  readonly format: string;
  readonly imports: readonly string[];
  /** How the module names winston's transports: an import of the app's (`winston.transports`), else its own import of `transports`. */
  readonly transports?: string;
  /** Whether `imports` bring backend-defaults' WinstonLogger already (the format uses it). */
  readonly winstonLoggerImported?: boolean;
  readonly line: number;
}

export const ROOT_LOGGER_MODULE = './modules/root-logger';

export function printRootLoggerModule(module: RootLoggerModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const q = style.quote;
  const at = (depth: number): string => style.unit.repeat(depth);
  const format = continuedAt(module.format, 3, style);
  const transports = module.transports ?? 'transports';
  return [
    '/*',
    ...wrapComment(
      `The root logger's format, which the legacy backend gave createRootLogger (index.ts line ${module.line}), moved here by wire-plugin migrate: ` +
        'coreServices.rootLogger logs in the same format, at the same level (LOG_LEVEL, else info), to the console. ' +
        "The format replaced Backstage's, and its redacter of config secrets with it; this logger adds no redactions either, as before.",
    ),
    ' */',
    ...coreServicesImport('createServiceFactory', style),
    ...(module.winstonLoggerImported ? [] : [`import { WinstonLogger } from ${stringLiteral('@backstage/backend-defaults/rootLogger', q)}${semi}`]),
    ...(module.transports ? [] : [`import { transports } from ${stringLiteral('winston', q)}${semi}`]),
    ...module.imports,
    '',
    'export default createServiceFactory({',
    `${at(1)}service: coreServices.rootLogger,`,
    `${at(1)}deps: {},`,
    `${at(1)}factory() {`,
    `${at(2)}return WinstonLogger.create({`,
    `${at(3)}meta: { service: ${stringLiteral('backstage', q)} },`,
    `${at(3)}level: process.env.LOG_LEVEL || ${stringLiteral('info', q)},`,
    `${at(3)}format: ${format},`,
    `${at(3)}transports: [new ${transports}.Console()],`,
    `${at(2)}})${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
