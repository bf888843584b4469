/**
 * What reading a legacy index.ts knows as it goes, shared by the statement
 * readers: the plugin module imports (by alias), the envs, the names that
 * only mean something in the legacy system; and what it has found so far:
 * each statement's fate (the account), the mounts, the translations'
 * inputs. The readers (one module per kind, `./index.ts`) call its helpers
 * to say what became of a statement.
 */
import type { CallExpression, File, Node, Statement } from '@babel/types';
import { freeNames, mentions } from '../../../../transforms/lib/ast';
import { LegacyIndex, pluginCallIn } from '../../../../transforms/analysis/legacy-backend';
import type { NewBackend } from '../../../../transforms/analysis/new-backend';
import type {
  AccountKind,
  ApiRouterMount,
  LegacyStatements,
  PluginMount,
  RootHandlerMount,
  RootRouterMount,
  StartupCall,
  ApiMiddleware,
  PluginArgument,
  StartupLogLine,
  StatementVerdict,
} from '../statement-types';
import { containsAwait, firstLine, lineOf, pluginCall, stopsTheParent } from './shapes';
import type { ExtraEnvField, NewSystemField } from '../create-env';
import { AuthenticatingReading, readAuthenticatingMiddleware } from './authenticating-middleware';
import { readPluginRouters } from './plugin-router-locals';
import { readPluginImports } from './plugin-imports';
import { whyNotCarried } from './refusal-reasons';

type Mountable = { alias: string; env?: string; args?: readonly Node[]; envIndex?: number };

export class StatementReading {
  readonly mounts: PluginMount[] = [];
  readonly carried: (StatementVerdict & { node: Node })[] = [];
  readonly replaced: StatementVerdict[] = [];
  readonly refused: StatementVerdict[] = [];
  readonly account = new Map<Node, AccountKind[]>();
  readonly startupLog: StartupLogLine[] = [];
  readonly apiRouters: ApiRouterMount[] = [];
  readonly rootRouters: RootRouterMount[] = [];
  readonly rootHandlers: RootHandlerMount[] = [];
  readonly sideEffects: StartupCall[] = [];
  readonly apiMiddleware: ApiMiddleware[] = [];
  /** main()'s locals that hold a plugin's router, used only as mounts' routers (./plugin-router.ts), by name. */
  readonly pluginRouters: ReadonlyMap<string, { statement: Statement; call: Node }>;
  /** Objects main() built of the config and imports and handed to one plugin beside its env, by name (./plugin-argument.ts). */
  readonly pluginArguments = new Map<string, PluginArgument>();
  /** Env fields of the app's own that makeCreateEnv made, by field. */
  readonly extraEnvFields = new Map<string, ExtraEnvField>();
  /** Env fields that handed on the events or signals service, which the new backend provides itself, by field. */
  readonly newSystemEnvFields = new Map<string, NewSystemField>();
  /** An identity client makeCreateEnv made with options of its own, for a coreServices.identity factory. */
  identityOverride: LegacyStatements['identityOverride'];
  /** Statements a translation took whole (the root logger's log lines). */
  readonly translated = new Set<Node>();
  /** main()'s root loggers that stay template or translated (not refused): makeCreateEnv may take one as a parameter. */
  readonly rootLoggers = new Set<string>();
  readonly serviceOverrides: LegacyStatements['serviceOverrides'][number][] = [];
  /** The format of the app's own that createRootLogger was given, for a coreServices.rootLogger factory. */
  rootLoggerFormat: LegacyStatements['rootLoggerFormat'];
  /** The name main() gave the loaded config, and the service builder. */
  configName: string | undefined;
  serviceName: string | undefined;
  /** The line of the 404 catch-all behind the authenticating middleware, if that is how main() wrote it. */
  guardedCatchAll: number | undefined;
  /** Whether the api router's 404 catch-all has been read: what comes after it sees only errors. */
  sawCatchAll = false;
  /** A half-migrated file's own backend statements, once found. */
  kept: Set<Node> | undefined;
  /** main()'s authenticating middleware, read once (`authenticating()`). */
  private authenticatingRead: { found: AuthenticatingReading } | undefined;

  /** Plugin module imports (`import catalog from './plugins/catalog'`, `import { auth } from './plugins/auth'`), by alias. */
  readonly aliases: Map<string, string>;
  /** The export a named import of a plugin module names, by alias. */
  readonly exportNames: Map<string, string>;
  /** Every import's source, by local name. */
  readonly importedFrom: Map<string, string>;
  readonly envs: ReadonlyMap<string, LegacyIndex['envDeclarations'][number]>;
  readonly router: string;
  /** The function that holds the router (`main` in the template). */
  readonly mainFunction: Statement | undefined;
  /** Names that only mean something in the legacy system. */
  readonly legacyNames: Set<string>;
  /** Plugins mounted so far, by alias: a second mount of one is refused, never merged into the first. */
  private readonly mountedAt = new Map<string, { line: number; path: string; text: string; again?: { env?: string; onApi: boolean } }>();

  constructor(
    readonly ast: File,
    readonly source: string,
    readonly index: LegacyIndex,
    readonly existing?: NewBackend,
  ) {
    this.envs = new Map(index.envDeclarations.map(env => [env.variable, env]));
    ({ aliases: this.aliases, exportNames: this.exportNames, importedFrom: this.importedFrom } = readPluginImports(index, this.envs));
    this.pluginRouters = readPluginRouters(index.router.container.body, this.aliases, this.envs);
    this.router = index.router.name;
    this.mainFunction = ast.program.body.find((s): s is Statement => s.type === 'FunctionDeclaration' && s.body === index.router.container);
    this.legacyNames = new Set<string>([this.router, index.createEnvName, 'makeCreateEnv', ...this.envs.keys(), ...this.aliases.keys()]);
    for (const [local, from] of this.importedFrom) if (from === '@backstage/backend-common' || from === './types') this.legacyNames.add(local);
  }

  /** main()'s authenticating middleware, if it has one; its names mean nothing to the new backend, so any other use of them is refused. */
  authenticating(): AuthenticatingReading {
    if (!this.authenticatingRead) {
      const found = readAuthenticatingMiddleware(this, this.index.router.container.body);
      this.authenticatingRead = { found };
      if (found && !('refused' in found)) for (const s of found.statements) for (const d of s.type === 'VariableDeclaration' ? s.declarations : []) if (d.id.type === 'Identifier') this.legacyNames.add(d.id.name);
    }
    return this.authenticatingRead.found;
  }

  lineOf(node: Node): number {
    return lineOf(this.source, node.start ?? 0);
  }

  verdict(node: Node, why?: string): StatementVerdict {
    return { line: this.lineOf(node), code: firstLine(this.source, node), why };
  }

  note(node: Node, kind: AccountKind): void {
    this.account.set(node, [...(this.account.get(node) ?? []), kind]);
  }

  /** Whether a statement has its fate already. */
  done(node: Node): boolean {
    return this.translated.has(node) || this.account.has(node);
  }

  replace(node: Node, why: string): void {
    this.replaced.push(this.verdict(node, why));
    this.note(node, 'replaced');
  }

  refuse(node: Node, why: string): void {
    this.refused.push(this.verdict(node, why));
    this.note(node, 'refused');
  }

  /** A refusal reported at `at` (a call inside the statement) with its own code text. */
  refuseAt(node: Node, at: Node, code: string, why: string): void {
    this.refused.push({ line: this.lineOf(at), code, why });
    this.note(node, 'refused');
  }

  /** `createRootLogger({ format })` (a declaration or a call): its format translated, once; a second is refused. */
  readRootLoggerFormat(statement: Node, format: Node): void {
    if (this.rootLoggerFormat) {
      this.refuse(statement, `a second root logger with a format of its own (the first at line ${this.rootLoggerFormat.line}): one coreServices.rootLogger factory takes one format; keep one`);
      return;
    }
    this.rootLoggerFormat = { format, line: this.lineOf(statement), imports: this.importsOf(format) };
    this.translate(statement);
  }

  translate(node: Node): void {
    this.note(node, 'translated');
  }

  /** A plugin called with its env (`await x(xEnv)`), if `node` is one. */
  pluginCall(node: Node | undefined): Mountable | undefined {
    // A local holding a plugin's router (./plugin-router.ts) is mounted as the call it holds.
    const held = node?.type === 'Identifier' ? this.pluginRouters.get(node.name) : undefined;
    return pluginCall(held ? held.call : node, this.aliases, this.envs);
  }

  /**
   * A plugin mounted at `mountPath` by `at` (inside the statement `node`);
   * the same statement again is one mount, another mount of it is refused.
   */
  mount(
    node: Node,
    at: Node,
    mountPath: string,
    plugin: Mountable,
    condition?: PluginMount['condition'],
    root?: { path: string; afterApi: boolean },
    runOnly = false,
    authenticatedBy?: PluginMount['authenticatedBy'],
  ): void {
    const line = this.lineOf(at);
    const first = this.mountedAt.get(plugin.alias);
    const text = this.source.slice(at.start ?? 0, at.end ?? 0);
    if (first && first.text === text && !condition && !root) {
      // The same statement again, byte for byte: the second mount adds nothing, and the new backend adds the plugin once.
      this.replaced.push({ line, code: firstLine(this.source, at), why: `the same mount as line ${first.line}, again: the new backend adds the plugin once` });
      this.note(node, 'replaced');
      return;
    }
    if (first) {
      this.refused.push({
        line,
        code: firstLine(this.source, at),
        why: `mounts ${plugin.alias} a second time, at ${mountPath || "''"} (line ${first.line} mounts it at ${first.path}): the new backend serves a plugin once, at /api/<pluginId>; serve the second path from a backend module with coreServices.rootHttpRouter by hand, or drop it`,
      });
      this.note(node, 'refused');
      return;
    }
    // What a mount again at a root path must match to be served by this mount's router: the same env, a plain call, on the api router.
    const again = { env: plugin.env, onApi: root === undefined && !runOnly && !condition && !plugin.args };
    this.mountedAt.set(plugin.alias, { line, path: mountPath, text, again });
    this.mounts.push({
      route: root === undefined && !runOnly ? mountPath.replace(/^\//, '') : '',
      ...(root === undefined ? {} : { rootPath: root.path, afterApi: root.afterApi }),
      ...(runOnly ? { runOnly } : {}),
      alias: plugin.alias,
      module: this.aliases.get(plugin.alias) as string,
      exportName: this.exportNames.get(plugin.alias),
      envId: plugin.env ? this.envs.get(plugin.env)?.pluginId : undefined,
      ...(plugin.args ? { call: { args: plugin.args, envIndex: plugin.envIndex as number } } : {}),
      line,
      ...(condition ? { condition } : {}),
      ...(authenticatedBy ? { authenticatedBy } : {}),
    });
    // A conditional mount's if statement has its one fate already (translated).
    if (!condition) this.note(node, 'mount');
  }

  /**
   * A plugin of the api router mounted again at a root path or at '' by a
   * call of the same plugin with the same env (`.addRouter('/proxy', await
   * proxy(proxyEnv))` after `apiRouter.use('/proxy', await proxy(proxyEnv))`):
   * the root HTTP router hands those requests to the plugin's one router,
   * `/proxy/x` as `/api/proxy/x`. Why not, else undefined (translated).
   */
  mountAgain(call: CallExpression, at: Node, mountPath: string, plugin: Mountable, afterApi: boolean): string | undefined {
    const first = this.mountedAt.get(plugin.alias);
    const where = mountPath ? `the service root path ${mountPath}` : "the service root ('')";
    if (!first) return `mounts ${plugin.alias} at ${where} before the api router mounts it: the new backend serves a plugin once, at /api/<pluginId>; mount it on the api router first, then again`;
    if (!first.again?.onApi) {
      return `mounts ${plugin.alias} a second time, at ${where} (line ${first.line} mounts it at ${first.path || "''"}, not on the api router, or under a condition, or with more than its env): the new backend serves a plugin once; only a plugin of the api router can be served again at a root path; serve ${mountPath || "''"} from a backend module with coreServices.rootHttpRouter by hand, or drop it`;
    }
    if (plugin.args || plugin.env === undefined || plugin.env !== first.again.env) {
      return `mounts ${plugin.alias} a second time, at ${where}, with ${plugin.env ?? 'an argument'} where line ${first.line} gives it ${first.again.env}: another env is another plugin instance (its own database, cache and logger), and the new backend runs a plugin once, at /api/<pluginId>; give both mounts the same env, or serve ${mountPath || "''"} from a backend plugin of its own`;
    }
    this.rootHandlers.push({ apiPrefix: mountPath, pluginRoute: first.path.replace(/^\//, ''), imports: [], line: this.lineOf(at), afterApi });
    this.translate(call);
    return undefined;
  }

  /** Whether a plugin is mounted already, or will be by a route of the api router. */
  mountedBefore(alias: string): boolean {
    return this.mountedAt.has(alias) || this.index.routes.some(route => pluginCallIn(route.call)?.callee === alias);
  }

  /** The mount of a plugin made earlier, if any (for a conditional mount's refusal). */
  firstMount(alias: string): { line: number } | undefined {
    return this.mountedAt.get(alias);
  }

  /** Why a statement that uses the legacy system cannot be carried over. */
  why(node: Node): string {
    return whyNotCarried(this, node);
  }

  usesLegacy(node: Node): boolean {
    const names = mentions(node);
    if ((this.configName && names.has(this.configName)) || (this.serviceName && names.has(this.serviceName))) return true;
    for (const name of names) if (this.legacyNames.has(name)) return true;
    return false;
  }

  /** Set-up whose meaning survives goes into the new index.ts as it is; anything else is refused with why. */
  carry(node: Node): void {
    if (stopsTheParent(node, this.source)) {
      this.refuse(node, "a fatal-error handler that stops the parent process: under the new backend's start (backstage-cli package start, or a container's init) the parent is not the backend's supervisor, so it has no sound translation; keep the backend's own handling (it logs and exits), or move it by hand");
    } else if (containsAwait(node)) {
      this.refuse(node, 'awaits inside main(), and the new index.ts has no async main: move it into a plugin or a backend module');
    } else if (this.usesLegacy(node)) {
      this.refuse(node, this.why(node));
    } else {
      this.carried.push({ ...this.verdict(node), node });
      this.note(node, 'carried');
    }
  }

  /** A router of the app's own: a handler whose free names are all imports that mean nothing in the legacy system; the imports it needs. */
  ownRouter(handler: Node): ApiRouterMount['imports'] | undefined {
    if (handler.type === 'SpreadElement' || containsAwait(handler)) return undefined;
    // Its free names: a handler's own parameters and locals (`(_req, res) => res.send('ok')`) are no locals of main().
    const names = [...freeNames(handler)];
    const selfContained = names.length === 0 && (handler.type === 'ArrowFunctionExpression' || handler.type === 'FunctionExpression');
    if ((names.length === 0 && !selfContained) || names.some(name => !this.importedFrom.has(name) || this.legacyNames.has(name) || this.aliases.has(name))) return undefined;
    return this.importsOf(handler);
  }

  /** The import declarations the free names of `node` come from (those that are imported). */
  importsOf(node: Node): ApiRouterMount['imports'] {
    const names = [...freeNames(node)];
    const imports: { declaration: Node; names: string[] }[] = [];
    for (const declaration of this.index.imports) {
      const used = declaration.specifiers.map(specifier => specifier.local.name).filter(name => names.includes(name));
      if (used.length) imports.push({ declaration, names: used });
    }
    return imports;
  }

  /** `await f(xEnv)` with `f` a function index.ts declares at its top level: its name and the env's plugin id. */
  functionOfIndexWithEnv(handler: Node): { name: string; pluginId: string } | undefined {
    const call = handler.type === 'AwaitExpression' ? handler.argument : handler;
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.arguments.length !== 1 || call.arguments[0].type !== 'Identifier') return undefined;
    const name = call.callee.name;
    const env = this.envs.get(call.arguments[0].name);
    const declared = this.ast.program.body.some(s => s.type === 'FunctionDeclaration' && s.id?.name === name);
    return env && declared ? { name, pluginId: env.pluginId } : undefined;
  }

  /** Names in `node` that are main()'s locals or legacy names, not imports of the app's own. */
  localsIn(node: Node): string[] {
    return [...freeNames(node)].filter(name => !this.importedFrom.has(name) || this.legacyNames.has(name));
  }
}
