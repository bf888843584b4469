/**
 * `const service = createServiceBuilder(module).loadConfig(config).addRouter('/api', apiRouter)...`:
 * the builder is template wiring, and each call on it has a fate of its own:
 * the api router at /api is replaced; at another prefix it goes into the
 * root HTTP router's configure; a plugin at '' or a root path is a mount
 * (the app, or a plugin kept at its path); a router of the app's own at ''
 * or a root path is translated; anything else is refused by its line.
 */
import type { CallExpression, Node } from '@babel/types';
import type { StatementReader } from './reader';
import type { StatementReading } from './reading';
import { serviceRouterWhy } from './refusal-reasons';
import { builderChain, isRootPath, methodName } from './shapes';

/** The api router mounted again at this prefix: a plain path outside /api. */
const API_PREFIX = /^\/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]$/;

export const serviceBuilder: StatementReader = {
  kind: 'service-builder',
  read(statement, reading) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const declarator = statement.declarations[0];
    const init = declarator.init?.type === 'AwaitExpression' ? declarator.init.argument : declarator.init;
    const chain = init ? builderChain(init) : undefined;
    if (!chain || declarator.id.type !== 'Identifier') return false;
    reading.serviceName = declarator.id.name;
    // The builder statement is template wiring; each call on it is accounted for on its own.
    reading.replace(statement, 'the service builder: the new backend serves the plugins itself');
    let sawApi = false;
    for (const call of chain.slice(1)) {
      const read = readBuilderCall(call, reading, sawApi);
      if (read === 'api') sawApi = true;
    }
    return true;
  },
};

/** One call on the builder; `'api'` for the api router's own mount at /api. */
function readBuilderCall(call: CallExpression, reading: StatementReading, sawApi: boolean): 'api' | 'read' {
  const method = methodName(call);
  // Reported at the line of the call's own name (`.addRouter`), not the builder's first line.
  const at: Node = call.callee.type === 'MemberExpression' ? call.callee.property : call;
  const code = `.${reading.source.slice(at.start ?? 0, call.end ?? 0).split(/\r?\n/)[0].trim().slice(0, 100)}`;
  if (method === 'loadConfig') {
    reading.note(call, 'replaced');
    return 'read';
  }
  if (method !== 'addRouter') {
    reading.refuseAt(call, at, code, 'configures the legacy service builder: set it in app-config (backend.*) or a rootHttpRouter module');
    return 'read';
  }
  const mountPath = call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
  const target = call.arguments[1];
  const isApiRouter = target?.type === 'Identifier' && target.name === reading.router;
  if (mountPath === '/api' && isApiRouter) {
    reading.note(call, 'replaced');
    return 'api';
  }
  // The api router again at another prefix: the plugin routes served there too, from the root HTTP router's configure.
  if (mountPath && isApiRouter && API_PREFIX.test(mountPath) && mountPath !== '/api' && !mountPath.startsWith('/api/')) {
    reading.rootHandlers.push({ apiPrefix: mountPath, imports: [], line: reading.lineOf(at), afterApi: sawApi });
    reading.translate(call);
    return 'read';
  }
  const plugin = reading.pluginCall(target);
  // A plugin at the service root ('': the app plugin, or a status check) or at a root path of its own: the
  // planner keeps it there (the app through the root router's index fallback, any other on the root router).
  const mountedBefore = plugin !== undefined && reading.mountedBefore(plugin.alias);
  if (plugin && !mountedBefore && (mountPath === '' || (mountPath && isRootPath(mountPath)))) {
    reading.mount(call, at, mountPath, plugin, undefined, { path: mountPath, afterApi: sawApi });
    return 'read';
  }
  // A router of the app's own at a root path outside /api: the root HTTP router serves it at the same path.
  const own = mountPath !== undefined && !plugin && target ? reading.ownRouter(target) : undefined;
  if (own && mountPath === '') {
    reading.rootHandlers.push({ handler: target as Node, imports: own, line: reading.lineOf(at), afterApi: sawApi });
    reading.translate(call);
    return 'read';
  }
  if (own && mountPath && isRootPath(mountPath)) {
    reading.rootRouters.push({ path: mountPath, handler: target as Node, imports: own, line: reading.lineOf(at) });
    reading.translate(call);
    return 'read';
  }
  // The same plugin with the same env again at a root path or '': its one router served there too (root HTTP router).
  if (plugin && mountedBefore && (mountPath === '' || (mountPath && isRootPath(mountPath)))) {
    const why = reading.mountAgain(call, at, mountPath, plugin, sawApi);
    if (why) reading.refuseAt(call, at, code, why);
    return 'read';
  }
  if (mountPath !== undefined && plugin) {
    reading.refuseAt(
      call,
      at,
      code,
      mountedBefore
        ? `mounts ${plugin.alias} a second time, at the service root path ${mountPath}: the new backend serves a plugin once, at /api/<pluginId>; serve ${mountPath} from a backend module with coreServices.rootHttpRouter by hand, or drop it`
        : `serves ${plugin.alias} at ${mountPath}, which overlaps the plugins' /api/<pluginId> (or is not a plain path): the root router refuses such a path, and the plugin would change its URLs; mount it on the api router first`,
    );
    return 'read';
  }
  reading.refuseAt(call, at, code, serviceRouterWhy(reading, call));
  return 'read';
}
