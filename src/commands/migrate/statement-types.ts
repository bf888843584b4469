/**
 * What reading a legacy index.ts yields, statement by statement: the types
 * that legacy-statements.ts and each reader under statements/ share. They
 * live below both, so that no reader imports the module that runs it.
 */
import type { Node } from '@babel/types';
import type { ExtraEnvField, IdentityOverride, NewSystemField, ServiceOverride, StartupNeeds } from './create-env';

export interface PluginMount {
  /** The mount path without its slash: the route the plugin had (`catalog`), `''` for the service root (app). */
  readonly route: string;
  /** The local name of the plugin module's import. */
  readonly alias: string;
  /** The plugin module's specifier (`./plugins/catalog`). */
  readonly module: string;
  /** The export the plugin was imported by, when not the default (`auth` of `import { auth } from './plugins/auth'`). */
  readonly exportName?: string;
  /** The id given to createEnv. */
  readonly envId?: string;
  readonly line: number;
  /** The config condition it was mounted under (`if (config.getOptionalBoolean('x.enabled'))`), and that if's line. */
  readonly condition?: { readonly test: Node; readonly line: number };
  /** Where the service builder mounted it outside /api (`''` for the service root, `/healthcheck`); absent for the api router. */
  readonly rootPath?: string;
  /** For a root mount: whether the service builder mounted it after the api router (it saw only what the api routes did not answer). */
  readonly afterApi?: boolean;
  /** A plugin main() runs without mounting it (`await auditJob(auditEnv)`): run at startup by a generated plugin. */
  readonly runOnly?: boolean;
  /** A plugin called with more than its env (`reports(config, reportsEnv)`): the arguments, and which one is the env. */
  readonly call?: { readonly args: readonly Node[]; readonly envIndex: number };
  /** The authenticating middleware mounted in front of it (`apiRouter.use('/catalog', authMiddleware, ...)`), dropped: the default auth policy asks for credentials. */
  readonly authenticatedBy?: { readonly name: string; readonly line: number; readonly setsUser: boolean };
}

export interface StatementVerdict {
  readonly line: number;
  /** The statement's first line, trimmed, at most 100 characters. */
  readonly code: string;
  readonly why?: string;
}

export interface LegacyStatements {
  readonly mounts: readonly PluginMount[];
  /** Statements of main() or the top level carried into the new index.ts, in order. */
  readonly carried: readonly (StatementVerdict & { readonly node: Node })[];
  /** Import declarations the carried statements need (or side-effect imports), as they were. */
  readonly carriedImports: readonly Node[];
  /** Template statements the new backend system replaces. */
  readonly replaced: readonly StatementVerdict[];
  readonly refused: readonly StatementVerdict[];
  /**
   * The account: for every statement of main(), every top-level statement
   * but the imports, and every call on the service builder, what became of
   * it. `accountGaps` checks that each has exactly one entry.
   */
  readonly account: ReadonlyMap<Node, readonly AccountKind[]>;
  /** Log lines main() wrote on the root logger, for a generated module that writes them at startup. */
  readonly startupLog: readonly StartupLogLine[];
  /** Routers of the app's own on the api router (`apiRouter.use('/assets', assets)`), for generated plugins. */
  readonly apiRouters: readonly ApiRouterMount[];
  /** Routers the service builder mounted at a root path (`.addRouter('/metrics', metrics())`), for rootHttpRouter. */
  readonly rootRouters: readonly RootRouterMount[];
  /** Handlers the service builder mounted at `''` (they see every request), for rootHttpRouterServiceFactory's configure. */
  readonly rootHandlers: readonly RootHandlerMount[];
  /** The format of the app's own that createRootLogger was given (`createRootLogger({ format })`), for a coreServices.rootLogger factory. */
  readonly rootLoggerFormat?: { readonly format: Node; readonly line: number; readonly imports: ApiRouterMount['imports'] };
  /** Core services makeCreateEnv made its own way (a discovery class, a URL reader with more factories), for service factories. */
  readonly serviceOverrides: readonly (ServiceOverride & { readonly imports: ApiRouterMount['imports']; readonly classes?: readonly { readonly node: Node; readonly start: number; readonly line: number }[] })[];
  /** The name main() gave the loaded config (`config`), which conditional mounts read. */
  readonly configName?: string;
  /** Calls of the app's own in main() or makeCreateEnv that need only the config or the root logger, for a generated module that runs them at startup. */
  readonly sideEffects: readonly StartupCall[];
  /** Middleware of the app's own on the api router, in front of the plugin routes after it (or of one plugin's route). */
  readonly apiMiddleware: readonly ApiMiddleware[];
  /** Env fields of the app's own that makeCreateEnv made (`catalogClient`), for adapters of the plugins that read them. */
  readonly extraEnvFields: ReadonlyMap<string, ExtraEnvField>;
  /** Env fields that handed on the events or signals service, which the new backend provides itself (`signals`): a bridged plugin that reads one is refused. */
  readonly newSystemEnvFields: ReadonlyMap<string, NewSystemField>;
  /** An identity client makeCreateEnv made with options of its own (an issuer, algorithms), for a coreServices.identity factory. */
  readonly identityOverride?: IdentityOverride & { readonly imports: ApiRouterMount['imports'] };
  /** The line of `apiRouter.use(authMiddleware, notFoundHandler())`, the catch-all behind the authenticating middleware. */
  readonly guardedCatchAll?: number;
  /** Objects main() built of the config and imports and handed to one plugin beside its env (`readAuditOptions(config)`), by name: its adapter builds them. */
  readonly pluginArguments: ReadonlyMap<string, PluginArgument>;
}

export interface ApiMiddleware {
  readonly handler: Node;
  readonly imports: ApiRouterMount['imports'];
  readonly line: number;
  /** The api path it was mounted for (`/catalog` of `apiRouter.use('/catalog', mw, await catalog(env))`); none for every route after it. */
  readonly path?: string;
}

export interface StartupCall {
  readonly node: Node;
  /** The names the statement reads the config (`config`) and the root logger (`root`) by. */
  readonly needs: StartupNeeds;
  /** Where in index.ts it runs: its own offset in main(), or for makeCreateEnv's, the offset of main()'s call of makeCreateEnv. */
  readonly runsAt: number;
  readonly line: number;
  /** The imports its free names come from. */
  readonly imports: ApiRouterMount['imports'];
  /** A log line of the env makeCreateEnv returns, which ran on every createEnv call (once per plugin): it now runs once. */
  readonly perPlugin?: boolean;
}

export interface PluginArgument {
  /** Its name in main(). */
  readonly name: string;
  /** The expression main() built it with. */
  readonly init: Node;
  readonly line: number;
  /** The imported names it uses. */
  readonly names: readonly string[];
  /** Plugin envs it reads shared fields of (`catalogEnv` of `catalogEnv.discovery`): the adapter's env has the same ones. */
  readonly envs: readonly string[];
}

export interface RootHandlerMount {
  /** The handler, or for the api router mounted again at another prefix, none (the plugin routes are served there). */
  readonly handler?: Node;
  /** That prefix (`/v1` of `.addRouter('/v1', apiRouter)`). */
  readonly apiPrefix?: string;
  /**
   * For a plugin of the api router mounted again at a root path
   * (`.addRouter('/proxy', await proxy(proxyEnv))`), its route: requests at
   * `apiPrefix` are handed to the plugin routes at `/api/<route>`.
   */
  readonly pluginRoute?: string;
  readonly imports: ApiRouterMount['imports'];
  readonly line: number;
  /** Whether the service builder mounted it after the api router (so it saw only what the api routes did not answer). */
  readonly afterApi: boolean;
}

export interface RootRouterMount {
  /** The mount path, as the service builder had it (`/metrics`). */
  readonly path: string;
  readonly handler: Node;
  readonly imports: ApiRouterMount['imports'];
  readonly line: number;
}

export interface ApiRouterMount {
  /** The mount path's first segment: the generated plugin's id. */
  readonly segment: string;
  /** The rest of the mount path (`/v1` of `/assets/v1`), `''` for none. */
  readonly rest: string;
  /** The handler expression, as written. */
  readonly handler: Node;
  /** The imports its free names come from. */
  readonly imports: readonly { readonly declaration: Node; readonly names: readonly string[] }[];
  readonly line: number;
}

/** What became of a statement or a service-builder call: recognised template wiring (a mount, or replaced), carried over, translated into generated code, or refused. */
export type AccountKind = 'mount' | 'replaced' | 'carried' | 'translated' | 'refused';

/** A log line main() wrote on the root logger: its level and message. */
export interface StartupLogLine {
  readonly level: 'info' | 'warn' | 'error' | 'debug';
  readonly message: string;
  readonly line: number;
}
