/**
 * `src/modules/root-<name>.ts`, which migrate generates for a router the
 * legacy service builder mounted at a root path (`.addRouter('/metrics',
 * metrics())`): a backend plugin whose init mounts the same handler at the
 * same path with `coreServices.rootHttpRouter`, which serves it outside
 * /api with no credentials check, as the service builder did. The root
 * router refuses an empty path and one that overlaps /api/<pluginId>; the
 * planner refuses those before this is printed.
 */
import { stringLiteral } from '../lib/code-style';

export interface RootRouterModule {
  /** The mount path (`/metrics`). */
  readonly path: string;
  readonly imports: readonly string[];
  readonly handler: string;
  readonly line: number;
}

/** `root-metrics` for `/metrics`, `root-health-live` for `/health/live`: the generated plugin's id and file name. */
export function rootRouterName(mountPath: string): string {
  const slug = mountPath.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `root-${slug || 'router'}`;
}

export function printRootRouterModule(module: RootRouterModule, style: { quote: "'" | '"'; semicolons: boolean; unit: string; eol: string }): string {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const handler = module.handler.split(/\r?\n/).join(style.eol);
  return [
    '/*',
    ` * The router the legacy service builder mounted at ${module.path} (index.ts line ${module.line}),`,
    ' * moved here by wire-plugin migrate: the root HTTP router serves it at the',
    ' * same path, outside /api, with no credentials check, as before.',
    ' */',
    'import {',
    `${at(1)}coreServices,`,
    `${at(1)}createBackendPlugin,`,
    `} from ${stringLiteral('@backstage/backend-plugin-api', q)}${semi}`,
    ...module.imports,
    '',
    'export default createBackendPlugin({',
    `${at(1)}pluginId: ${stringLiteral(rootRouterName(module.path), q)},`,
    `${at(1)}register(env) {`,
    `${at(2)}env.registerInit({`,
    `${at(3)}deps: { rootHttpRouter: coreServices.rootHttpRouter },`,
    `${at(3)}async init({ rootHttpRouter }) {`,
    `${at(4)}rootHttpRouter.use(${stringLiteral(module.path, q)}, ${handler})${semi}`,
    `${at(3)}},`,
    `${at(2)}})${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
