/**
 * `src/modules/api-<segment>.ts`, which migrate generates for routers of
 * the app's own that the legacy backend mounted on its api router
 * (`apiRouter.use('/assets', assets)`, `apiRouter.use('/assets/v1', v1)`):
 * a backend plugin whose id is the mount paths' first segment, so each is
 * served at the same URL (`/api/assets`, `/api/assets/v1`), mounting the
 * same handlers with `coreServices.httpRouter`. Deeper paths are kept by a
 * router that mounts each handler at the rest of its path. The legacy api
 * router asked for no credentials, so the generated code opens each mount
 * path (`addAuthPolicy({ path, allow: 'unauthenticated' })`).
 *
 * Where the segment is the id of a plugin that is added too, two plugins
 * cannot share the id: it is a module of that plugin instead
 * (`createBackendModule({ pluginId, moduleId: 'api-routes' })`), and its
 * policies open its own paths only. A mount at the plugin's root path
 * would have to open the plugin's own routes, so the planner refuses it.
 */
import { stringLiteral } from '../lib/code-style';
import { placeMovedText } from '../lib/text';
import { GeneratedStyle, printAuthPolicy, printPluginShell } from './plugin-shell';

export interface ApiRouterMountText {
  /** The path below the segment (`/v1`), or `''` for the segment itself. */
  readonly rest: string;
  /** The handler expression, as it was written. */
  readonly handler: string;
  /** The index.ts line it came from. */
  readonly line: number;
}

export interface ApiRouterModule {
  readonly segment: string;
  /** The import statements the handlers need, printed. */
  readonly imports: readonly string[];
  readonly mounts: readonly ApiRouterMountText[];
  /** The printed import of a router factory and its local name, where a mount has a deeper path. */
  readonly router?: { readonly importLine: string; readonly call: string };
  /** Whether the segment is an added plugin's id: a module of it. */
  readonly moduleOfPlugin?: boolean;
}

export const UNAUTHENTICATED_POLICY = "{ path: '/', allow: 'unauthenticated' }";
export const API_ROUTES_MODULE_ID = 'api-routes';

/** The generated file's name: `api-assets`, or `catalog-api-routes` for a module of the catalog plugin. */
export function apiRouterModuleName(segment: string, moduleOfPlugin: boolean): string {
  return moduleOfPlugin ? `${segment}-${API_ROUTES_MODULE_ID}` : `api-${segment}`;
}

export function apiRouterModuleSpecifier(segment: string, moduleOfPlugin = false): string {
  return `./modules/${apiRouterModuleName(segment, moduleOfPlugin)}`;
}

/** The auth policies the module adds, one per mount path, as printed in the report. */
export function apiRouterPolicies(mounts: readonly { readonly rest: string }[]): string[] {
  return [...new Set(mounts.map(m => m.rest || '/'))].map(policyPath => `{ path: '${policyPath}', allow: 'unauthenticated' }`);
}

export function printApiRouterModule(module: ApiRouterModule, style: GeneratedStyle): string {
  const q = style.quote;
  // A handler written over several lines keeps its shape, from the indentation of the init body's line it is used on.
  const inBody = (handler: string, at: (depth: number) => string): string => placeMovedText(handler, at(4), style.eol);
  const lines = module.mounts.map(m => m.line);
  const where = module.mounts.map(m => `/api/${module.segment}${m.rest}`).join(', ');
  const direct = module.mounts.length === 1 && module.mounts[0].rest === '';
  if (!direct && !module.router) throw new Error('a router factory is needed for deeper mount paths');
  const policyPaths = [...new Set(module.mounts.map(m => m.rest || '/'))];
  return printPluginShell(
    {
      comment: [
        `The router${module.mounts.length > 1 ? 's' : ''} the legacy backend mounted at ${where} (index.ts line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}),`,
        module.moduleOfPlugin
          ? `moved here by wire-plugin migrate, as a module of the ${module.segment} plugin. The legacy api`
          : 'moved here by wire-plugin migrate. The legacy api router asked for no',
        module.moduleOfPlugin
          ? 'router asked for no credentials, so these paths stay open to unauthenticated requests.'
          : `credentials, so ${direct ? 'its routes stay' : 'these paths stay'} open to unauthenticated requests.`,
      ],
      imports: [...(direct || !module.router ? [] : [module.router.importLine]), ...module.imports],
      pluginId: module.segment,
      moduleId: module.moduleOfPlugin ? API_ROUTES_MODULE_ID : undefined,
      deps: ['deps: { httpRouter: coreServices.httpRouter },'],
      params: '{ httpRouter }',
      body: (at, semi) => {
        const handlerText = (handler: string): string => inBody(handler, at);
        return [
        ...(direct
          ? [`httpRouter.use(${handlerText(module.mounts[0].handler)})${semi}`]
          : [
              `const router = ${module.router?.call}()${semi}`,
              ...module.mounts.map(m =>
                m.rest ? `router.use(${stringLiteral(m.rest, q)}, ${handlerText(m.handler)})${semi}` : `router.use(${handlerText(m.handler)})${semi}`,
              ),
              `httpRouter.use(router)${semi}`,
            ]),
        ...policyPaths.flatMap(policyPath => printAuthPolicy(policyPath, style)),
        ];
      },
    },
    style,
  );
}
