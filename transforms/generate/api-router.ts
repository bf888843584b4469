/**
 * `src/modules/api-<segment>.ts`, which migrate generates for a router of
 * the app's own that the legacy backend mounted on its api router
 * (`apiRouter.use('/assets', assets)`): a backend plugin whose id is the
 * mount path's segment, so it is served at the same URL (`/api/assets`),
 * mounting the same handler with `coreServices.httpRouter`. The legacy api
 * router asked for no credentials, so the generated code opens the plugin's
 * routes (`addAuthPolicy({ path: '/', allow: 'unauthenticated' })`). A
 * segment that is the id of a plugin also added is refused by the planner:
 * a module of that plugin could not open its router's routes without
 * opening the plugin's own.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, printPluginShell } from './plugin-shell';

export interface ApiRouterModule {
  readonly segment: string;
  /** The import statements the handler needs, printed. */
  readonly imports: readonly string[];
  /** The handler expression, as it was written. */
  readonly handler: string;
  /** The index.ts line it came from. */
  readonly line: number;
}

export const UNAUTHENTICATED_POLICY = "{ path: '/', allow: 'unauthenticated' }";

export function apiRouterModuleSpecifier(segment: string): string {
  return `./modules/api-${segment}`;
}

export function printApiRouterModule(module: ApiRouterModule, style: GeneratedStyle): string {
  const q = style.quote;
  const handler = module.handler.split(/\r?\n/).join(style.eol);
  return printPluginShell(
    {
      comment: [
        `The router the legacy backend mounted at /api/${module.segment} (index.ts line ${module.line}),`,
        'moved here by wire-plugin migrate. The legacy api router asked for no',
        'credentials, so its routes stay open to unauthenticated requests.',
      ],
      imports: module.imports,
      pluginId: module.segment,
      deps: ['deps: { httpRouter: coreServices.httpRouter },'],
      params: '{ httpRouter }',
      body: (_at, semi) => [
        `httpRouter.use(${handler})${semi}`,
        `httpRouter.addAuthPolicy({ path: ${stringLiteral('/', q)}, allow: ${stringLiteral('unauthenticated', q)} })${semi}`,
      ],
    },
    style,
  );
}
