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
import { wrapComment } from './plugin-shell';
import { placeMovedText } from '../lib/text';

export interface RootHttpRouterModule {
  /**
   * Each handler as written, or for the api router mounted again at another
   * prefix (`.addRouter('/v1', apiRouter)`) `apiPrefix`: the plugin routes
   * served there too, each request's path taken as `/api<rest>` for them.
   */
  readonly handlers: readonly (
    | { readonly text: string; readonly line: number; readonly afterApi: boolean; readonly paths?: readonly string[] }
    | { readonly apiPrefix: string; readonly line: number; readonly afterApi: boolean; readonly pluginRoute?: string }
  )[];
  readonly imports: readonly string[];
}

export const ROOT_HTTP_ROUTER_MODULE = './modules/root-http-router';

export function printRootHttpRouterModule(module: RootHttpRouterModule, style: { quote: "'" | '"'; semicolons: boolean; unit: string; eol: string }): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  // A handler written over several lines keeps its shape, from the indentation of the line it is used on.
  const use = (text: string): string => `${at(2)}app.use(${placeMovedText(text, at(2), style.eol)})${semi}`;
  // The plugin routes at another prefix: `/v1/catalog/entities` is served as `/api/catalog/entities`, and the path is put back for what follows;
  // a plugin mounted again at a root path likewise (`/proxy/x` as `/api/proxy/x`; at '' every path, below the plugin's).
  const apiAt = (prefix: string, pluginRoute?: string): string =>
    [
      `${at(2)}app.use(${prefix ? `${stringLiteral(prefix, q)}, ` : ''}(req, res, next) => {`,
      `${at(3)}const url = req.url${semi}`,
      `${at(3)}req.url = \`/api${pluginRoute === undefined ? '' : `/${pluginRoute}`}\${url}\`${semi}`,
      `${at(3)}routes(req, res, (error?: unknown) => {`,
      `${at(4)}req.url = url${semi}`,
      `${at(4)}next(error)${semi}`,
      `${at(3)}})${semi}`,
      `${at(2)}})${semi}`,
    ].join(style.eol);
  // Middleware for some paths only (`app.use('/api', cookieParser())`, `app.use(['/api/a', '/api/b'], mw)`).
  const scoped = (paths: readonly string[]): string => (paths.length === 1 ? stringLiteral(paths[0], q) : `[${paths.map(p => stringLiteral(p, q)).join(', ')}]`);
  const width = (text: string): number => text.replace(/\t/g, '  ').length;
  // As prettier breaks a call past 80 columns: its arguments one a line, and the list too where it is still too long.
  const useScoped = (paths: readonly string[], text: string): string => {
    const oneLine = use(`${scoped(paths)}, ${text}`);
    if (width(oneLine) <= 80 || /\n/.test(text)) return oneLine;
    const list = `${at(3)}${scoped(paths)},`;
    const listLines = width(list) <= 80 || paths.length === 1 ? [list] : [`${at(3)}[`, ...paths.map(p => `${at(4)}${stringLiteral(p, q)},`), `${at(3)}],`];
    return [`${at(2)}app.use(`, ...listLines, `${at(3)}${text},`, `${at(2)})${semi}`].join(style.eol);
  };
  const print = (h: RootHttpRouterModule['handlers'][number]): string =>
    'apiPrefix' in h ? apiAt(h.apiPrefix, h.pluginRoute) : h.paths?.length ? useScoped(h.paths, h.text) : use(h.text);
  const before = module.handlers.filter(h => !h.afterApi).map(print);
  const after = module.handlers.filter(h => h.afterApi).map(print);
  const lines = module.handlers.map(h => h.line);
  const plain = module.handlers.filter(h => !('apiPrefix' in h) && !h.paths).length;
  const middleware = module.handlers.filter(h => !('apiPrefix' in h) && h.paths).length;
  const prefixes = module.handlers.flatMap(h => ('apiPrefix' in h && h.pluginRoute === undefined ? [h.apiPrefix] : []));
  const again = module.handlers.flatMap(h => ('apiPrefix' in h && h.pluginRoute !== undefined ? [`/api/${h.pluginRoute} at ${h.apiPrefix || "''"}`] : []));
  const what = [
    plain ? `The handler${plain === 1 ? '' : 's'} the legacy service builder mounted at ''` : undefined,
    prefixes.length ? `${plain ? 'and the' : 'The'} api router it mounted again at ${prefixes.join(', ')}` : undefined,
    again.length ? `${plain || prefixes.length ? 'and the' : 'The'} plugin${again.length === 1 ? '' : 's'} of the api router ${plain || prefixes.length ? 'it' : 'the legacy service builder'} mounted again outside /api (${again.join(', ')})` : undefined,
    middleware ? `${plain || prefixes.length || again.length ? 'and the' : 'The'} middleware the legacy api router ran in front of plugin routes` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    '/*',
    ...wrapComment(
      `${what} (index.ts line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}), moved here by wire-plugin migrate. The root HTTP router is configured as its defaults (applyDefaults) are, in their order, with each handler where the service builder had it relative to the api routes.`,
    ),
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

