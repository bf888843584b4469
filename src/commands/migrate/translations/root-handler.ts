/**
 * Handlers the service builder mounted at '' (and the api router mounted
 * again at another prefix, and the routers of generated plugins for the
 * service root): rootHttpRouterServiceFactory's configure, each where the
 * service builder had it relative to the api routes.
 */
import { printRootHttpRouterModule, ROOT_HTTP_ROUTER_MODULE } from '../../../../transforms/generate/root-http-router';
import { at, emit, generatedPath, reprint, Translation, TranslationInput } from './translation';
import type { ApiMiddleware, RootHandlerMount } from '../legacy-statements';
import type { BehaviourEntry } from '../behaviour';
import { movableText } from '../../../../transforms/lib/text';

export const rootHandler: Translation = {
  kind: 'root-handler',
  plan(input, output) {
    const own = input.statements.rootHandlers;
    const generatedRouters = output.rootHandlers;
    const middleware = input.statements.apiMiddleware;
    if (!own.length && !generatedRouters.length && !middleware.length) return;
    const openOnly = own.filter(h => h.pluginRoute !== undefined && h.apiPrefix === '' && whyAsks(input, h.pluginRoute));
    if (openOnly.length) {
      // At '' the plugin's credentials barrier would see every request: unauthenticated ones to any path would get 401, not what they got before.
      for (const h of openOnly) {
        output.refused.push(
          `${at(input, h.line)}: .addRouter('', ...): serves ${h.pluginRoute} again at the service root (''), and ${whyAsks(input, h.pluginRoute as string)}, which would then ask every request to the backend for credentials; mount it again at a path of its own (.addRouter('/${h.pluginRoute}', ...)), or drop the second mount`,
        );
      }
      return;
    }
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
          ? { apiPrefix: h.apiPrefix ?? '', line: h.line, afterApi: h.afterApi, ...(h.pluginRoute === undefined ? {} : { pluginRoute: h.pluginRoute }) }
          : { text: movableText(files.indexText, h.handler.start ?? 0, h.handler.end ?? 0), line: h.line, afterApi: h.afterApi },
      ),
      ...generatedRouters.map(({ text, line, afterApi }) => ({ text, line, afterApi })),
      ...middleware.map(m => ({ text: movableText(files.indexText, m.handler.start ?? 0, m.handler.end ?? 0), line: m.line, afterApi: false, paths: coveredPaths(input, m) })),
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
      if (handler.pluginRoute !== undefined) {
        output.behaviour.push(...servedAgain(input, handler, display));
        continue;
      }
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
 * A plugin of the api router mounted again at a root path: the URL kept,
 * and the access there, which is the plugin's at /api/<route> now. The
 * legacy service builder's routes asked for no credentials (a legacy
 * plugin router had no credentials barrier); a plugin kept on its legacy
 * code stays open at both paths (its legacy-access module), a feature
 * brings its package's policies to both.
 */
function servedAgain(input: TranslationInput, handler: RootHandlerMount, display: string): BehaviourEntry[] {
  const route = handler.pluginRoute as string;
  const where = handler.apiPrefix || "''";
  const plugin = pluginAt(input, route);
  const asks = whyAsks(input, route);
  return [
    {
      kind: 'url',
      plugin: plugin?.id ?? route,
      source: at(input, handler.line),
      kept: true,
      change: `kept at ${where} too, outside /api: ${display} hands each request there to the plugin routes as /api/${route}<rest>, ${handler.afterApi ? 'after' : 'before'} the plugin routes as the service builder mounted it, so one router of the plugin answers both paths (the new backend makes the plugin once)`,
    },
    {
      kind: 'access',
      plugin: plugin?.id ?? route,
      source: at(input, handler.line),
      kept: !asks,
      change: asks
        ? `at ${where} it asks for what /api/${route} asks for (${asks}), where the legacy service builder asked for no credentials; a script that called ${where} without a token needs a token of backend.auth.externalAccess`
        : `open to requests without credentials at ${where} too, as the legacy service builder served it (a legacy plugin router had no credentials barrier): the requests go through /api/${route}, which its legacy access module opens`,
    },
  ];
}

function pluginAt(input: TranslationInput, route: string): TranslationInput['plugins'][number] | undefined {
  return input.plugins.find(p => input.mountOf.get(p.id)?.route === route);
}

/**
 * Why /api/<route> asks for credentials in the new backend, or undefined
 * where it stays open: a plugin kept on its legacy code stays open (its
 * legacy-access module) unless an authenticating middleware guarded it.
 */
function whyAsks(input: TranslationInput, route: string): string | undefined {
  const plugin = pluginAt(input, route);
  if (plugin?.target === 'feature' || plugin?.target === 'module') return "it moves to its feature, with its package's auth policies";
  const guard = plugin ? input.mountOf.get(plugin.id)?.authenticatedBy : undefined;
  return guard ? `the default auth policy asks for credentials there, in place of the middleware ${guard.name}` : undefined;
}

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
