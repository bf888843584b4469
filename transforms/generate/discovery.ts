/**
 * A service factory for a core service the legacy makeCreateEnv made its
 * own way, which migrate generates so that every plugin (and the
 * legacyPlugin bridge) gets it as the legacy plugins did:
 *
 * - `src/modules/discovery.ts`: a discovery of the app's own class
 *   (`MyDiscovery.fromConfig(config)`), or Backstage's with options
 *   (`HostDiscovery.fromConfig(config, { basePath })`), for
 *   `coreServices.discovery`;
 * - `src/modules/url-reader.ts`: `UrlReaders.default({ logger: root,
 *   config, factories })`, for `coreServices.urlReader`.
 *
 * The same expression, with the root config and the root logger under the
 * names it reads them by; added with backend.add. A class declared in the
 * legacy index.ts that makes the service is moved in, above the factory. `createServiceFactory`
 * returns the factory itself from backend-plugin-api 0.7.0 on (callable
 * there too, for the older form).
 */
import { stringLiteral } from '../lib/code-style';
import { continuedAt, coreServicesImport, GeneratedStyle, printObject, wrapComment } from './plugin-shell';
import { ROOT_LOGGER } from './startup-tasks';

export type OverriddenService = 'discovery' | 'urlReader';

export interface ServiceFactoryModule {
  readonly service: OverriddenService;
  /** The expression as written, which reads `configName` and `loggerNames`; lines after the first indented relative to the first's line. */
  readonly expression: string;
  readonly configName?: string;
  readonly loggerNames?: readonly string[];
  readonly imports: readonly string[];
  readonly line: number;
  /**
   * Whether the root logger is handed to the app's own code (`new
   * LoggingUrlReader(readers, root)`): each name is then the winston logger
   * the legacy backend had (backend-common's loggerToWinstonLogger), the type
   * that code was written for.
   */
  readonly winston?: boolean;
  /** Classes declared in the legacy index.ts that make the service, moved here as written (top level, so unindented). */
  readonly classes?: readonly { readonly text: string; readonly line: number; readonly name: string }[];
}

/** Each service's module, as index.ts adds it, and what its comment calls it. */
export const SERVICE_FACTORY_MODULES: Readonly<Record<OverriddenService, { readonly add: string; readonly file: string; readonly what: string }>> = {
  discovery: { add: './modules/discovery', file: 'discovery', what: 'discovery' },
  urlReader: { add: './modules/url-reader', file: 'url-reader', what: 'URL reader' },
};

/** The discovery module, as index.ts adds it. */
export const DISCOVERY_MODULE = SERVICE_FACTORY_MODULES.discovery.add;

export function printServiceFactoryModule(module: ServiceFactoryModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  // Continuation lines come relative to the expression's first line, and move with it to the return's depth.
  const expression = continuedAt(module.expression, 2, style);
  const loggerNames = module.loggerNames ?? [];
  const loggerDeps = module.winston ? (loggerNames.length ? [ROOT_LOGGER] : []) : loggerNames;
  const deps = [...(module.configName ? [`${module.configName}: coreServices.rootConfig`] : []), ...loggerDeps.map(name => `${name}: coreServices.rootLogger`)];
  const given = [...(module.configName ? ['the root config'] : []), ...(loggerNames.length ? ['the root logger'] : [])].join(' and ');
  const { what } = SERVICE_FACTORY_MODULES[module.service];
  const made = module.service === 'discovery' && !loggerNames.length ? 'made from the root config' : `made with ${given}`;
  // The discovery's comment as it always was; others wrapped to 80 columns.
  const comment =
    module.service === 'discovery' && !loggerNames.length
      ? [` * The ${what} the legacy makeCreateEnv gave its plugins (index.ts line ${module.line}),`, ` * moved here by wire-plugin migrate: the same class, ${made},`, ` * serves coreServices.${module.service}.`]
      : wrapComment(`The ${what} the legacy makeCreateEnv gave its plugins (index.ts line ${module.line}), moved here by wire-plugin migrate: the same ${module.service === 'discovery' ? 'class' : 'readers'}, ${made}, serve${module.service === 'discovery' ? 's' : ''} coreServices.${module.service}.`);
  const classes = module.classes ?? [];
  const moved = classes.length
    ? wrapComment(`${classes.map(c => `The class ${c.name} (index.ts line ${c.line})`).join(', ')} came with it: nothing else in index.ts used it.`)
    : [];
  const winston = module.winston ? wrapComment(`The root logger is the winston logger the legacy backend had (loggerToWinstonLogger), which the app's own code was written for.`) : [];
  return [
    '/*',
    ...comment,
    ...(moved.length ? [' *', ...moved] : []),
    ...(winston.length ? [' *', ...winston] : []),
    ' */',
    ...coreServicesImport('createServiceFactory', style),
    ...importsWith(module, style),
    ...classes.flatMap(c => ['', c.text.split(/\r?\n/).join(style.eol)]),
    '',
    'export default createServiceFactory({',
    `${at(1)}service: coreServices.${module.service},`,
    ...printObject('deps: ', deps, ',', 1, style).map(line => `${at(1)}${line}`),
    `${at(1)}factory(${deps.length ? `{ ${[...(module.configName ? [module.configName] : []), ...loggerDeps].join(', ')} }` : ''}) {`,
    ...(module.winston ? loggerNames.map(name => `${at(2)}const ${name} = loggerToWinstonLogger(${ROOT_LOGGER})${semi}`) : []),
    `${at(2)}return ${expression}${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}

/** The module's imports, with loggerToWinstonLogger where it is needed: in the one-line import of backend-common it has, else on a line of its own. */
function importsWith(module: ServiceFactoryModule, style: GeneratedStyle): readonly string[] {
  if (!module.winston) return module.imports;
  const common = stringLiteral('@backstage/backend-common', style.quote);
  const oneLine = module.imports.findIndex(line => line.startsWith('import { ') && line.includes(` } from ${common}`) && !line.includes('\n'));
  if (oneLine < 0) return [`import { loggerToWinstonLogger } from ${common}${style.semicolons ? ';' : ''}`, ...module.imports];
  return module.imports.map((line, i) => (i === oneLine ? line.replace(' } from ', ', loggerToWinstonLogger } from ') : line));
}
