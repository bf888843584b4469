/**
 * `src/modules/<pluginId>-<moduleId>.ts`, which migrate generates for a
 * plugin module of the app's own that the legacy backend mounted below an
 * installed plugin's path with that plugin's env (`apiRouter.use(
 * '/auth/saml-proxy', await samlProxy(authEnv))`): a module of that plugin,
 * so its database, cache and logger are the plugin's as before, whose init
 * builds the env fields the module reads from the plugin's core services
 * (as legacyPlugin does: the logger and cache through backend-common's
 * adapters) and serves the router at the rest of the path on the plugin's
 * router. The legacy api router asked for no credentials, so that path
 * stays open to unauthenticated requests.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, printAuthPolicy, printObject, printPluginShell, wrapComment } from './plugin-shell';
import { ENVIRONMENT_SERVICES } from './root-plugin';

export interface PluginRouteModule {
  /** The plugin whose path and env it had (`auth`), and the module's id (`saml-proxy`). */
  readonly pluginId: string;
  readonly moduleId: string;
  /** The plugin module's local name and its printed import. */
  readonly name: string;
  readonly importLine: string;
  /** The path below the plugin's (`/saml-proxy`). */
  readonly rest: string;
  /** The env fields the plugin module reads, each a key of ENVIRONMENT_SERVICES. */
  readonly fields: readonly string[];
  /** The printed import of a router factory and its local name. */
  readonly router: { readonly importLine: string; readonly call: string };
  readonly line: number;
}

/** `saml-proxy` for `/saml-proxy`, `stats-v1` for `/stats/v1`: a module id, or undefined where the path makes none. */
export function pluginRouteModuleId(rest: string): string | undefined {
  const id = rest.replace(/^\//, '').split('/').join('-');
  return /^[a-z0-9][a-z0-9_-]*$/i.test(id) ? id : undefined;
}

export function printPluginRouteModule(module: PluginRouteModule, style: GeneratedStyle): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const adapters = [...new Set(module.fields.map(field => ENVIRONMENT_SERVICES[field].adapter).filter((a): a is string => a !== undefined))].sort();
  const deps = [...module.fields.map(field => `${field}: coreServices.${ENVIRONMENT_SERVICES[field].service}`), 'httpRouter: coreServices.httpRouter'];
  const envEntries = module.fields.map(field => {
    const adapter = ENVIRONMENT_SERVICES[field].adapter;
    return adapter ? `${field}: ${adapter}(${field})` : field;
  });
  const call = `await ${module.name}(pluginEnv)`;
  const mount = `router.use(${stringLiteral(module.rest, q)}, ${call})${semi}`;
  const mountLines = 4 * (style.unit === '\t' ? 2 : style.unit.length) + mount.length <= 80 ? [mount] : ['router.use(', `${style.unit}${stringLiteral(module.rest, q)},`, `${style.unit}${call},`, `)${semi}`];
  return printPluginShell(
    {
      comment: wrapComment(
        `The plugin module ${module.name}, which the legacy backend mounted at /api/${module.pluginId}${module.rest} with the environment of the ${module.pluginId} plugin (index.ts line ${module.line}), moved here by wire-plugin migrate: ` +
          `a module of ${module.pluginId}, whose init makes the environment fields it reads from ${module.pluginId}'s core services as legacyPlugin makes them, and serves its router at ${module.rest} of ${module.pluginId}'s router. ` +
          'The legacy api router asked for no credentials, so the path stays open to unauthenticated requests.',
      ).map(line => line.slice(3)),
      imports: [
        ...(adapters.length ? printObject('import ', adapters, ` from ${stringLiteral('@backstage/backend-common', q)}${semi}`, 0, style) : []),
        module.router.importLine,
        module.importLine,
      ],
      preamble: [`type LegacyEnvironment = Parameters<typeof ${module.name}>[0]${semi}`],
      pluginId: module.pluginId,
      moduleId: module.moduleId,
      deps: printObject('deps: ', deps, ',', 3, style),
      params: `{ ${[...module.fields, 'httpRouter'].join(', ')} }`,
      body: (_at, semi) => [
        ...printObject('const pluginEnv = ', envEntries, ` as LegacyEnvironment${semi}`, 4, style),
        `const router = ${module.router.call}()${semi}`,
        ...mountLines,
        `httpRouter.use(router)${semi}`,
        ...printAuthPolicy(module.rest, style),
      ],
    },
    style,
  );
}
