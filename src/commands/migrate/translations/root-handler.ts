/**
 * Handlers the service builder mounted at '' (and the api router mounted
 * again at another prefix, and the routers of generated plugins for the
 * service root): rootHttpRouterServiceFactory's configure, each where the
 * service builder had it relative to the api routes.
 */
import { printRootHttpRouterModule, ROOT_HTTP_ROUTER_MODULE } from '../../../../transforms/generate/root-http-router';
import { at, emit, generatedPath, reprint, Translation, TranslationInput } from './translation';
import type { ApiMiddleware } from '../legacy-statements';

export const rootHandler: Translation = {
  kind: 'root-handler',
  plan(input, output) {
    const own = input.statements.rootHandlers;
    const generatedRouters = output.rootHandlers;
    const middleware = input.statements.apiMiddleware;
    if (!own.length && !generatedRouters.length && !middleware.length) return;
    const { files } = input.context;
    const { modulePath, display, taken } = generatedPath(input, 'root-http-router');
    const lines = [...new Set([...own.map(h => h.line), ...generatedRouters.map(h => h.line), ...middleware.map(m => m.line)])].sort((a, b) => a - b);
    if (taken) {
      output.refused.push(`${at(input, lines[0])}: .addRouter('', ...): ${display} exists already: move or remove it, then run migrate again`);
      return;
    }
    const importing = [...own, ...middleware];
    const imports = [
      ...new Map(
        importing.flatMap(h => h.imports).map(({ declaration }) => [
          declaration,
          reprint(input, declaration, [...new Set(importing.flatMap(h => h.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)))], modulePath),
        ]),
      ).values(),
      ...generatedRouters.map(h => h.importLine),
    ];
    const handlers = [
      ...own.map(h =>
        h.apiPrefix !== undefined || !h.handler
          ? { apiPrefix: h.apiPrefix ?? '', line: h.line, afterApi: h.afterApi }
          : { text: files.indexText.slice(h.handler.start ?? 0, h.handler.end ?? 0), line: h.line, afterApi: h.afterApi },
      ),
      ...generatedRouters.map(({ text, line, afterApi }) => ({ text, line, afterApi })),
      ...middleware.map(m => ({ text: files.indexText.slice(m.handler.start ?? 0, m.handler.end ?? 0), line: m.line, afterApi: false, paths: coveredPaths(input, m) })),
    ].sort((a, b) => a.line - b.line);
    emit(input, output, {
      modulePath,
      text: printRootHttpRouterModule({ handlers, imports }, input.style),
      translation: { kind: 'root-handler', lines, file: display, authPolicy: null },
      add: ROOT_HTTP_ROUTER_MODULE,
      pluginApi: false,
    });
    for (const m of middleware) {
      output.behaviour.push({
        kind: 'access',
        plugin: m.path ? m.path.replace(/^\//, '') : 'api',
        source: at(input, m.line),
        kept: true,
        change: `the middleware ${files.indexText.slice(m.handler.start ?? 0, m.handler.end ?? 0)} still runs in front of ${coveredPaths(input, m).join(', ')}, as the legacy api router ran it: ${display} mounts it there in the root HTTP router's configure, before the plugin routes`,
      });
    }
    for (const handler of own) {
      output.behaviour.push({
        kind: 'url',
        plugin: 'root-http-router',
        source: at(input, handler.line),
        kept: true,
        change:
          handler.apiPrefix !== undefined
            ? `the plugin routes are served under ${handler.apiPrefix} too, as the api router mounted there was: ${display} hands those requests to them`
            : `a handler at '' keeps seeing every request ${handler.afterApi ? 'the plugins do not answer' : 'before the plugins'}: ${display} mounts it in the root HTTP router's configure`,
      });
    }
  },
};

/**
 * The paths a middleware of the api router covered: its own path; else
 * every route mounted after it, which is all of /api where it came before
 * every mount.
 */
function coveredPaths(input: TranslationInput, middleware: ApiMiddleware): string[] {
  if (middleware.path) return [`/api${middleware.path}`];
  const mounts = [
    ...input.statements.mounts.filter(m => m.rootPath === undefined).map(m => ({ line: m.line, path: `/api/${m.route}` })),
    ...input.statements.apiRouters.map(r => ({ line: r.line, path: `/api/${r.segment}${r.rest}` })),
  ];
  if (mounts.every(m => m.line > middleware.line)) return ['/api'];
  return [...new Set(mounts.filter(m => m.line > middleware.line).sort((a, b) => a.line - b.line).map(m => m.path))];
}
