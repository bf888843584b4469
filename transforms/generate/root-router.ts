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
import { GeneratedStyle, printPluginShell } from './plugin-shell';
import { placeMovedText } from '../lib/text';

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

export function printRootRouterModule(module: RootRouterModule, style: GeneratedStyle): string {
  return printPluginShell(
    {
      comment: [
        `The router the legacy service builder mounted at ${module.path} (index.ts line ${module.line}),`,
        'moved here by wire-plugin migrate: the root HTTP router serves it at the',
        'same path, outside /api, with no credentials check, as before.',
      ],
      imports: module.imports,
      pluginId: rootRouterName(module.path),
      deps: ['deps: { rootHttpRouter: coreServices.rootHttpRouter },'],
      params: '{ rootHttpRouter }',
      // A handler written over several lines keeps its shape, from the init body's indentation.
      body: (at, semi) => [`rootHttpRouter.use(${stringLiteral(module.path, style.quote)}, ${placeMovedText(module.handler, at(4), style.eol)})${semi}`],
    },
    style,
  );
}
