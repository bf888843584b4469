/**
 * `src/modules/root-<id>.ts`, which migrate generates for a plugin module
 * the legacy service builder mounted outside /api (`.addRouter('',
 * await healthcheck(healthcheckEnv))`, `.addRouter('/healthcheck', ...)`):
 * a backend plugin with the legacy plugin's createEnv id, so its database,
 * cache and logger are the ones it had, whose init builds the environment
 * fields the module reads from core services, as legacyPlugin builds them
 * (the logger and cache through backend-common's adapters), calls the
 * module, and serves its router where the service builder did:
 *
 * - at a root path, with `coreServices.rootHttpRouter.use(path, router)`;
 * - at `''` (the root router refuses an empty path), on a router this
 *   module exports, which rootHttpRouterServiceFactory's configure mounts
 *   where the service builder had it (./root-http-router.ts), and which
 *   init fills.
 *
 * Root routes have no credentials check, as the service builder's had none.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, printObject, printPluginShell } from './plugin-shell';

/** An environment field legacyPlugin provides: its core service, and the adapter it goes through. */
export interface EnvironmentService {
  readonly service: string;
  /** `loggerToWinstonLogger` for `logger`, `cacheToPluginCacheManager` for `cache` (from backend-common). */
  readonly adapter?: string;
}

/** The fields legacyPlugin gives a plugin, as backend-common 0.24's legacyPlugin maps them (its stand-ins for tokenManager and identity aside). */
export const ENVIRONMENT_SERVICES: Readonly<Record<string, EnvironmentService>> = {
  cache: { service: 'cache', adapter: 'cacheToPluginCacheManager' },
  config: { service: 'rootConfig' },
  database: { service: 'database' },
  discovery: { service: 'discovery' },
  logger: { service: 'logger', adapter: 'loggerToWinstonLogger' },
  permissions: { service: 'permissions' },
  scheduler: { service: 'scheduler' },
  reader: { service: 'urlReader' },
};

export interface RootPluginModule {
  /** The plugin id: the legacy createEnv id. */
  readonly pluginId: string;
  /** The local name the module is imported by, and its printed import. */
  readonly name: string;
  readonly importLine: string;
  /** The mount path, `''` for the service root. */
  readonly path: string;
  /** The environment fields the module reads, each a key of ENVIRONMENT_SERVICES. */
  readonly fields: readonly string[];
  /** A plugin main() ran without mounting it: init runs it, and serves nothing. */
  readonly run?: boolean;
  /** For `''`: the printed import of a router factory and its local name. */
  readonly router?: { readonly importLine: string; readonly call: string };
  readonly line: number;
}

export function rootPluginModuleName(pluginId: string, run = false): string {
  return `${run ? 'run' : 'root'}-${pluginId.replace(/_/g, '-')}`;
}

/** The router a module for `''` exports (`healthcheckRouter`). */
export function rootPluginRouterName(name: string): string {
  return `${name}Router`;
}

export function printRootPluginModule(module: RootPluginModule, style: GeneratedStyle): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const atRoot = module.path === '' && !module.run;
  if (atRoot && !module.router) throw new Error('a router factory is needed for a plugin at the service root');
  const adapters = [...new Set(module.fields.map(field => ENVIRONMENT_SERVICES[field].adapter).filter((a): a is string => a !== undefined))].sort();
  const served = !atRoot && !module.run;
  const deps = [...module.fields.map(field => `${field}: coreServices.${ENVIRONMENT_SERVICES[field].service}`), ...(served ? ['rootHttpRouter: coreServices.rootHttpRouter'] : [])];
  const params = [...module.fields, ...(served ? ['rootHttpRouter'] : [])];
  const envEntries = module.fields.map(field => {
    const adapter = ENVIRONMENT_SERVICES[field].adapter;
    return adapter ? `${field}: ${adapter}(${field})` : field;
  });
  const routerName = rootPluginRouterName(module.name);
  const where = atRoot ? "''" : module.path;
  return printPluginShell(
    {
      comment: module.run
        ? [
            `The plugin ${module.name}, which the legacy main() ran without mounting it`,
            `(index.ts line ${module.line}), moved here by wire-plugin migrate. It runs under its`,
            `createEnv id, ${module.pluginId}, with the environment fields it reads made from`,
            'core services as legacyPlugin makes them, when the backend starts; nothing',
            'of it is served, as before.',
          ]
        : [
            `The plugin ${module.name}, which the legacy service builder mounted at ${where}`,
            `(index.ts line ${module.line}), moved here by wire-plugin migrate. It runs under its`,
            `createEnv id, ${module.pluginId}, with the environment fields it reads made from`,
            'core services as legacyPlugin makes them, and its router is served',
            atRoot
              ? "at the service root (./root-http-router.ts mounts it), outside /api, with no"
              : `at ${module.path}, outside /api, by the root HTTP router, with no`,
            'credentials check, as before.',
          ],
      imports: [
        ...(adapters.length ? printObject('import ', adapters, ` from ${stringLiteral('@backstage/backend-common', q)}${semi}`, 0, style) : []),
        ...(atRoot && module.router ? [module.router.importLine] : []),
        module.importLine,
      ],
      preamble: [
        `type LegacyEnvironment = Parameters<typeof ${module.name}>[0]${semi}`,
        ...(atRoot
          ? ['', `/** The plugin's router at the service root: ./root-http-router.ts mounts it. */`, `export const ${routerName} = ${module.router?.call}()${semi}`]
          : []),
      ],
      pluginId: module.pluginId,
      deps: deps.length ? printObject('deps: ', deps, ',', 3, style) : ['deps: {},'],
      params: params.length ? `{ ${params.join(', ')} }` : '',
      body: (at, semi) => {
        // The fields the module reads; the legacy type of the whole environment through a cast, as legacyPlugin's own.
        const env = printObject('const pluginEnv = ', envEntries, ` as LegacyEnvironment${semi}`, 4, style);
        const call = `await ${module.name}(pluginEnv)`;
        if (module.run) return [...env, `${call}${semi}`];
        const mount = atRoot ? `${routerName}.use(${call})${semi}` : `rootHttpRouter.use(${stringLiteral(module.path, q)}, ${call})${semi}`;
        const fits = 4 * (style.unit === '\t' ? 2 : style.unit.length) + mount.length <= 80;
        const mountLines = fits
          ? [mount]
          : atRoot
            ? [`${routerName}.use(`, `${at(1)}${call},`, `)${semi}`]
            : ['rootHttpRouter.use(', `${at(1)}${stringLiteral(module.path, q)},`, `${at(1)}${call},`, `)${semi}`];
        return [...env, ...mountLines];
      },
    },
    style,
  );
}
