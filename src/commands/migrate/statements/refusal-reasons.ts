/**
 * Why a statement of the legacy main() cannot move, in the words a refusal
 * gives: what it uses of the legacy system, and where its code belongs in
 * the new one. Reads only the names the reading gathered (./reading), so it
 * imports neither the reading nor the readers.
 */
import type { CallExpression, Node } from '@babel/types';
import { mentions } from '../../../../transforms/lib/ast';

/** What the reading knows of main()'s names. */
export interface LegacyNames {
  readonly source: string;
  readonly router: string;
  readonly configName: string | undefined;
  readonly serviceName: string | undefined;
  readonly envs: ReadonlyMap<string, { readonly pluginId: string }>;
  readonly legacyNames: ReadonlySet<string>;
  localsIn(node: Node): string[];
}

/** Why a statement that uses the legacy system cannot be carried over. */
export function whyNotCarried(legacy: LegacyNames, node: Node): string {
  const mentioned = mentions(node);
  const { router, configName, serviceName } = legacy;
  if (mentioned.has(router) && /\.stack\b/.test(legacy.source.slice(node.start ?? 0, node.end ?? 0))) {
    return "inspects the api router's stack, which the new backend system does not have (each plugin has its own router): no sound translation; drop it, or list the plugins another way (the backend's startup log names each)";
  }
  if (mentioned.has(router)) return 'mounts on the api router, which the new backend system does not have: move it into a plugin or a backend module (httpRouter)';
  const besides = [...mentioned].find(name => legacy.envs.has(name) || (legacy.legacyNames.has(name) && name !== configName));
  if (configName && mentioned.has(configName) && besides) {
    return `reads the config and ${besides} of the legacy backend system: only a call that needs nothing but the config and the root logger runs at startup (src/modules/startup-tasks.ts); move it into a plugin or a backend module`;
  }
  if (configName && mentioned.has(configName)) return 'reads the legacy config object: read config in a plugin or a backend module (coreServices.rootConfig), or in app-config';
  if (serviceName && mentioned.has(serviceName)) return 'configures the legacy service builder: the new backend system configures its HTTP server from app-config (backend.*) and rootHttpRouter';
  for (const name of mentioned) if (legacy.envs.has(name)) return `uses ${name}, the legacy environment of plugin '${legacy.envs.get(name)?.pluginId}': move it into that plugin`;
  for (const name of mentioned) if (legacy.legacyNames.has(name)) return `uses ${name} from the legacy backend system: move it into a plugin or a backend module`;
  return 'not understood by wire-plugin migrate: move it into a plugin or a backend module, or carry it over by hand';
}

/** Why a router on the service builder cannot move as it is. */
export function serviceRouterWhy(legacy: LegacyNames, call: CallExpression): string {
  const mountPath = call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
  const target = call.arguments[1];
  if (mountPath === '' && target?.type === 'Identifier' && target.name === legacy.router) {
    return "the api router mounted a second time, at the service root (''): the new backend serves plugins at /api/<pluginId> only; drop it, or add it by hand in rootHttpRouterServiceFactory({ configure })";
  }
  if (mountPath === '/api' || mountPath?.startsWith('/api/')) return `mounts at ${mountPath}, which overlaps the plugins' /api/<pluginId>: the root router refuses such a path; serve it from a plugin (httpRouter) instead`;
  const locals = target && target.type !== 'SpreadElement' ? legacy.localsIn(target) : [];
  if (locals.length) return `a router made with ${locals.join(', ')} of the legacy main(): only a router made of imports moves to the root router; build it in a backend plugin (coreServices.rootHttpRouter.use), or make it of imports only`;
  return 'mounts a router that is not a plugin module on the service: move it into a backend plugin (httpRouter) or a rootHttpRouter module';
}
