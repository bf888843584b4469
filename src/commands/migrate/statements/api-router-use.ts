/**
 * `apiRouter.use(...)`: the 404 catch-all (replaced), a plugin mount, a
 * router of the app's own made of imports (translated into a plugin at
 * the same URL); anything else refused with why (middleware before a
 * plugin, a router made of main()'s locals, ...).
 */
import { pluginCallIn } from '../../../../transforms/analysis/legacy-backend';
import type { StatementReader } from './reader';
import type { ApiMiddleware } from '../statement-types';

/** `/assets`, `/assets/v1/files`: a first segment that can be a plugin id, and the rest. */
const API_PATH = /^\/([a-z0-9][a-z0-9-]*)((?:\/[A-Za-z0-9._~-]+)*)$/;

export const apiRouterUse: StatementReader = {
  kind: 'api-router-use',
  read(statement, reading) {
    if (statement.type !== 'ExpressionStatement') return false;
    const call = statement.expression.type === 'CallExpression' ? statement.expression : undefined;
    if (!call || call.callee.type !== 'MemberExpression' || call.callee.object.type !== 'Identifier' || call.callee.object.name !== reading.router) return false;
    const mountPath = call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
    const [only] = call.arguments;
    if (call.arguments.length === 1 && only.type === 'CallExpression' && only.callee.type === 'Identifier' && only.callee.name === 'notFoundHandler') {
      reading.replace(statement, 'the 404 catch-all: the new backend answers unknown routes itself');
      reading.sawCatchAll = true;
      return true;
    }
    // The catch-all behind main()'s authenticating middleware (`apiRouter.use(authMiddleware, notFoundHandler())`): the same fate.
    const authenticating = reading.authenticating();
    const [guard, catchAll] = call.arguments;
    if (
      call.arguments.length === 2 &&
      guard.type === 'Identifier' &&
      authenticating &&
      !('refused' in authenticating) &&
      guard.name === authenticating.name &&
      catchAll.type === 'CallExpression' &&
      catchAll.callee.type === 'Identifier' &&
      catchAll.callee.name === 'notFoundHandler'
    ) {
      reading.replace(statement, `the 404 catch-all behind ${guard.name}: the new backend answers unknown routes itself`);
      reading.guardedCatchAll = reading.lineOf(statement);
      reading.sawCatchAll = true;
      return true;
    }
    if (reading.sawCatchAll) {
      reading.refuse(
        statement,
        "after the 404 catch-all, which passes every unknown route on as an error: an error handler here saw the plugins' errors, and in the new backend system each plugin's router answers its own errors, so nothing would reach it; no sound translation: handle errors in the plugins, or drop it",
      );
      return true;
    }
    const plugin = call.arguments.length === 2 ? reading.pluginCall(call.arguments[1]) : undefined;
    if (mountPath !== undefined && plugin) {
      reading.mount(statement, statement, mountPath, plugin);
      return true;
    }
    const own = mountPath !== undefined && call.arguments.length === 2 ? reading.ownRouter(call.arguments[1]) : undefined;
    const apiPath = own ? API_PATH.exec(mountPath as string) : null;
    if (own && apiPath) {
      reading.apiRouters.push({ segment: apiPath[1], rest: apiPath[2], handler: call.arguments[1], imports: own, line: reading.lineOf(statement) });
      reading.translate(statement);
      return true;
    }
    // Middleware of the app's own (made of imports): in front of the plugin routes, in the root HTTP router's configure.
    const last = call.arguments[call.arguments.length - 1];
    const middleware = mountPath === undefined ? call.arguments : call.arguments.slice(1, -1);
    const lastPlugin = mountPath !== undefined && call.arguments.length > 2 ? reading.pluginCall(last) : undefined;
    // main()'s authenticating middleware alone in front of a plugin: dropped, the plugin keeps asking for credentials (the default policy).
    const [sole] = middleware;
    if (lastPlugin && middleware.length === 1 && sole.type === 'Identifier' && authenticating && !('refused' in authenticating) && sole.name === authenticating.name) {
      reading.mount(statement, statement, mountPath as string, lastPlugin, undefined, undefined, false, { name: authenticating.name, line: authenticating.line, setsUser: authenticating.setsUser });
      return true;
    }
    const ownMiddleware = middleware.map(handler => ({ handler, imports: reading.ownRouter(handler) }));
    if ((mountPath === undefined || lastPlugin) && middleware.length && ownMiddleware.every(m => m.imports)) {
      for (const { handler, imports } of ownMiddleware) {
        reading.apiMiddleware.push({ handler, imports: imports as ApiMiddleware['imports'], line: reading.lineOf(statement), ...(mountPath === undefined ? {} : { path: mountPath }) });
      }
      if (lastPlugin) reading.mount(statement, statement, mountPath as string, lastPlugin);
      else reading.translate(statement);
      return true;
    }
    if (mountPath === undefined) {
      const locals = [...new Set(call.arguments.flatMap(handler => reading.localsIn(handler)))];
      if (locals.length) {
        reading.refuse(statement, `middleware on the api router made of the legacy main()'s ${locals.join(', ')}: only middleware made of imports moves in front of the plugins (rootHttpRouterServiceFactory's configure); make it of imports, or move it into the plugins (httpRouter.use)`);
        return true;
      }
    }
    const withMiddleware = call.arguments.length > 2 && pluginCallIn(call) !== undefined;
    const handler = call.arguments.length === 2 ? call.arguments[1] : undefined;
    const locals = handler ? reading.localsIn(handler) : [];
    const ownFunction = handler ? reading.functionOfIndexWithEnv(handler) : undefined;
    if (ownFunction) {
      reading.refuse(
        statement,
        `${ownFunction.name}, a function of index.ts, makes this router with the env of plugin '${ownFunction.pluginId}': the new index.ts keeps no functions of the legacy backend; move ${ownFunction.name} into a module of its own (src/${ownFunction.pluginId}.ts) and import it, and migrate bridges it as a plugin module, then run migrate again`,
      );
      return true;
    }
    reading.refuse(
      statement,
      withMiddleware
        ? `a plugin route with middleware before it made of the legacy main()'s ${middleware.flatMap(handler => reading.localsIn(handler)).join(', ') || 'code'}: only middleware made of imports moves in front of the plugin (rootHttpRouterServiceFactory's configure); move it into the plugin (httpRouter.use) or a backend module`
        : mountPath !== undefined && handler && locals.length
          ? `a router of the app's own made with ${locals.join(', ')} of the legacy main(): only a router made of imports moves into a generated plugin; build it in a backend plugin (coreServices.rootConfig for config, httpRouter.use), or make it of imports only`
          : reading.why(statement),
    );
    return true;
  },
};
