/**
 * Handlers the service builder mounted at '' (and the api router mounted
 * again at another prefix, and the routers of generated plugins for the
 * service root): rootHttpRouterServiceFactory's configure, each where the
 * service builder had it relative to the api routes.
 */
import { printRootHttpRouterModule, ROOT_HTTP_ROUTER_MODULE } from '../../../../transforms/generate/root-http-router';
import { at, emit, generatedPath, reprint, Translation } from './translation';

export const rootHandler: Translation = {
  kind: 'root-handler',
  plan(input, output) {
    const own = input.statements.rootHandlers;
    const generatedRouters = output.rootHandlers;
    if (!own.length && !generatedRouters.length) return;
    const { files } = input.context;
    const { modulePath, display, taken } = generatedPath(input, 'root-http-router');
    const lines = [...own.map(h => h.line), ...generatedRouters.map(h => h.line)].sort((a, b) => a - b);
    if (taken) {
      output.refused.push(`${at(input, lines[0])}: .addRouter('', ...): ${display} exists already: move or remove it, then run migrate again`);
      return;
    }
    const imports = [
      ...new Map(
        own.flatMap(h => h.imports).map(({ declaration }) => [
          declaration,
          reprint(input, declaration, own.flatMap(h => h.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)), modulePath),
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
    ].sort((a, b) => a.line - b.line);
    emit(input, output, {
      modulePath,
      text: printRootHttpRouterModule({ handlers, imports }, input.style),
      translation: { kind: 'root-handler', lines, file: display, authPolicy: null },
      add: ROOT_HTTP_ROUTER_MODULE,
      pluginApi: false,
    });
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
