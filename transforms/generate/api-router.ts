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

export function printApiRouterModule(module: ApiRouterModule, style: { quote: "'" | '"'; semicolons: boolean; unit: string; eol: string }): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const handler = module.handler.split(/\r?\n/).join(style.eol);
  return [
    '/*',
    ` * The router the legacy backend mounted at /api/${module.segment} (index.ts line ${module.line}),`,
    ' * moved here by wire-plugin migrate. The legacy api router asked for no',
    ' * credentials, so its routes stay open to unauthenticated requests.',
    ' */',
    'import {',
    `${at(1)}coreServices,`,
    `${at(1)}createBackendPlugin,`,
    `} from ${stringLiteral('@backstage/backend-plugin-api', q)}${semi}`,
    ...module.imports,
    '',
    'export default createBackendPlugin({',
    `${at(1)}pluginId: ${stringLiteral(module.segment, q)},`,
    `${at(1)}register(env) {`,
    `${at(2)}env.registerInit({`,
    `${at(3)}deps: { httpRouter: coreServices.httpRouter },`,
    `${at(3)}async init({ httpRouter }) {`,
    `${at(4)}httpRouter.use(${handler})${semi}`,
    `${at(4)}httpRouter.addAuthPolicy({ path: ${stringLiteral('/', q)}, allow: ${stringLiteral('unauthenticated', q)} })${semi}`,
    `${at(3)}},`,
    `${at(2)}})${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
