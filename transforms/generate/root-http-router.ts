/**
 * `src/modules/root-http-router.ts`, which migrate generates for handlers
 * the legacy service builder mounted at `''` (metrics middleware, health
 * checks): `rootHttpRouterServiceFactory({ configure })` from
 * `@backstage/backend-defaults/rootHttpRouter`, added with backend.add. Its
 * configure installs what `applyDefaults()` does, in the same order
 * (helmet, cors, compression, logging, the health router, the plugin
 * routes, not found, errors: read from backend-defaults 0.4.1 and 0.18.0),
 * with each handler where the service builder had it: before the routes
 * when it was mounted before the api router, else after them, so that it
 * sees what the plugins do not answer, as before.
 */
import { stringLiteral } from '../lib/code-style';

export interface RootHttpRouterModule {
  readonly handlers: readonly { readonly text: string; readonly line: number; readonly afterApi: boolean }[];
  readonly imports: readonly string[];
}

export const ROOT_HTTP_ROUTER_MODULE = './modules/root-http-router';

export function printRootHttpRouterModule(module: RootHttpRouterModule, style: { quote: "'" | '"'; semicolons: boolean; unit: string; eol: string }): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const use = (text: string): string => `${at(2)}app.use(${text.split(/\r?\n/).join(style.eol)})${semi}`;
  const before = module.handlers.filter(h => !h.afterApi).map(h => use(h.text));
  const after = module.handlers.filter(h => h.afterApi).map(h => use(h.text));
  const lines = module.handlers.map(h => h.line);
  return [
    '/*',
    ` * The handler${lines.length === 1 ? '' : 's'} the legacy service builder mounted at '' (index.ts line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}),`,
    ' * moved here by wire-plugin migrate. The root HTTP router is configured as its',
    ' * defaults (applyDefaults) are, in their order, with each handler where the',
    ' * service builder had it relative to the api routes.',
    ' */',
    `import { rootHttpRouterServiceFactory } from ${stringLiteral('@backstage/backend-defaults/rootHttpRouter', q)}${semi}`,
    ...module.imports,
    '',
    'export default rootHttpRouterServiceFactory({',
    `${at(1)}configure({ app, middleware, routes, healthRouter }) {`,
    use('middleware.helmet()'),
    use('middleware.cors()'),
    use('middleware.compression()'),
    use('middleware.logging()'),
    use('healthRouter'),
    ...before,
    use('routes'),
    ...after,
    use('middleware.notFound()'),
    use('middleware.error()'),
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
