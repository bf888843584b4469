/**
 * Reads a legacy `src/index.ts` statement by statement, top level and the
 * body of `main()`, and sorts each into what the migration does with it:
 * a plugin mount; a template statement the new system replaces; a statement
 * carried over to the new index.ts (set-up whose meaning survives); or a
 * refusal, with its line and what to do instead. Nothing is dropped unseen.
 */
import type { CallExpression, File, Node, Statement } from '@babel/types';
import { mentions, walk } from '../../../transforms/lib/ast';
import { LegacyIndex, pluginCallIn } from '../../../transforms/analysis/legacy-backend';
import type { NewBackend } from '../../../transforms/analysis/new-backend';
import { createEnvItems, CustomDiscovery, readCreateEnvFactory } from './create-env';

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
  /** A discovery of the app's own class that makeCreateEnv made from config, for a coreServices.discovery factory. */
  readonly discovery?: CustomDiscovery & { readonly imports: ApiRouterMount['imports'] };
  /** The name main() gave the loaded config (`config`), which conditional mounts read. */
  readonly configName?: string;
}

export interface RootHandlerMount {
  /** The handler, or for the api router mounted again at another prefix, none (the plugin routes are served there). */
  readonly handler?: Node;
  /** That prefix (`/v1` of `.addRouter('/v1', apiRouter)`). */
  readonly apiPrefix?: string;
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

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

function firstLine(source: string, node: Node): string {
  const text = source.slice(node.start ?? 0, node.end ?? 0).split(/\r?\n/)[0].trim();
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function containsAwait(node: Node): boolean {
  let found = false;
  walk(node, inner => {
    if (found) return false;
    if (inner.type === 'ArrowFunctionExpression' || inner.type === 'FunctionExpression' || inner.type === 'FunctionDeclaration') return inner === node ? undefined : false;
    if (inner.type === 'AwaitExpression') found = true;
    return undefined;
  });
  return found;
}

/** The chain `createServiceBuilder(module).loadConfig(config).addRouter(...)...`: its calls, outermost last. */
function builderChain(node: Node): CallExpression[] | undefined {
  const chain: CallExpression[] = [];
  let current: Node = node;
  while (current.type === 'CallExpression') {
    chain.unshift(current);
    if (current.callee.type === 'Identifier') return current.callee.name === 'createServiceBuilder' ? chain : undefined;
    if (current.callee.type !== 'MemberExpression') return undefined;
    current = current.callee.object;
  }
  return undefined;
}

function methodName(call: CallExpression): string | undefined {
  return call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' ? call.callee.property.name : undefined;
}

/** `await x(xEnv)` or `x(xEnv)` with `x` a plugin import: the alias and the env variable. */
function pluginCall(node: Node | undefined, aliases: ReadonlyMap<string, string>): { alias: string; env?: string } | undefined {
  if (!node) return undefined;
  const call = node.type === 'AwaitExpression' ? node.argument : node;
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || !aliases.has(call.callee.name) || call.arguments.length !== 1) return undefined;
  const argument = call.arguments[0];
  return { alias: call.callee.name, env: argument.type === 'Identifier' ? argument.name : undefined };
}

/**
 * `existing`: a half-migrated file's own new backend (declared at the top
 * level); its declaration, its adds and its start are carried as they are,
 * with the imports they need, whatever those import.
 */
export function readLegacyStatements(ast: File, source: string, index: LegacyIndex, existing?: NewBackend): LegacyStatements {
  const mounts: PluginMount[] = [];
  const carried: (StatementVerdict & { node: Node })[] = [];
  const replaced: StatementVerdict[] = [];
  const refused: StatementVerdict[] = [];
  const verdict = (node: Node, why?: string): StatementVerdict => ({ line: lineOf(source, node.start ?? 0), code: firstLine(source, node), why });
  const account = new Map<Node, AccountKind[]>();
  const note = (node: Node, kind: AccountKind): void => {
    account.set(node, [...(account.get(node) ?? []), kind]);
  };
  const replace = (node: Node, why: string): void => {
    replaced.push(verdict(node, why));
    note(node, 'replaced');
  };
  const refuse = (node: Node, why: string): void => {
    refused.push(verdict(node, why));
    note(node, 'refused');
  };
  /** Plugins mounted so far, by alias: a second mount of one is refused, never merged into the first. */
  const mountedAt = new Map<string, { line: number; path: string; text: string }>();
  const mount = (node: Node, at: Node, mountPath: string, plugin: { alias: string; env?: string }, condition?: PluginMount['condition'], root?: { path: string; afterApi: boolean }): void => {
    const rootPath = root?.path;
    const line = lineOf(source, at.start ?? 0);
    const first = mountedAt.get(plugin.alias);
    const text = source.slice(at.start ?? 0, at.end ?? 0);
    if (first && first.text === text && !condition && !root) {
      // The same statement again, byte for byte: the second mount adds nothing, and the new backend adds the plugin once.
      replaced.push({ line, code: firstLine(source, at), why: `the same mount as line ${first.line}, again: the new backend adds the plugin once` });
      note(node, 'replaced');
      return;
    }
    if (first) {
      refused.push({
        line,
        code: firstLine(source, at),
        why: `mounts ${plugin.alias} a second time, at ${mountPath || "''"} (line ${first.line} mounts it at ${first.path}): the new backend serves a plugin once, at /api/<pluginId>; serve the second path from a backend module with coreServices.rootHttpRouter by hand, or drop it`,
      });
      note(node, 'refused');
      return;
    }
    mountedAt.set(plugin.alias, { line, path: mountPath, text });
    mounts.push({
      route: rootPath === undefined ? mountPath.replace(/^\//, '') : '',
      ...(root === undefined ? {} : { rootPath: root.path, afterApi: root.afterApi }),
      alias: plugin.alias,
      module: aliases.get(plugin.alias) as string,
      exportName: exportNames.get(plugin.alias),
      envId: plugin.env ? envs.get(plugin.env)?.pluginId : undefined,
      line,
      ...(condition ? { condition } : {}),
    });
    // A conditional mount's if statement has its one fate already (translated).
    if (!condition) note(node, 'mount');
  };
  /**
   * `if (<config only>) { const xEnv = ...; apiRouter.use('/x', await x(xEnv)); }`: the mounts in it, or why it
   * cannot move (an else branch, a condition that reads more than config, anything but env declarations and mounts).
   */
  const readConditionalMounts = (statement: Node): { at: Node; mountPath: string; plugin: { alias: string; env?: string } }[] | string => {
    if (statement.type !== 'IfStatement') return 'not an if statement';
    const otherwise = 'plugins mounted inside a condition';
    if (statement.alternate) return `${otherwise} with an else branch: a feature loader yields plugins under a condition, not instead of others; add them by hand (createBackendFeatureLoader)`;
    const reads = [...mentions(statement.test)];
    if (!configName || reads.length === 0 || reads.some(name => name !== configName) || containsAwait(statement.test)) {
      return `${otherwise} on ${reads.filter(name => name !== configName).join(', ') || 'something other than config'}: only a condition on the config (config.getOptionalBoolean('x.enabled')) moves into a feature loader; decide in app-config or a backend module, or add the plugin by hand under the condition`;
    }
    const body = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : [statement.consequent];
    const found: { at: Node; mountPath: string; plugin: { alias: string; env?: string } }[] = [];
    for (const inner of body) {
      if (inner.type === 'VariableDeclaration' && inner.declarations.every(d => d.id.type === 'Identifier' && envs.has(d.id.name))) continue;
      const call = inner.type === 'ExpressionStatement' && inner.expression.type === 'CallExpression' ? inner.expression : undefined;
      const onRouter = call && call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === router;
      const mountPath = onRouter && call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
      const plugin = onRouter && call.arguments.length === 2 ? pluginCall(call.arguments[1], aliases) : undefined;
      if (mountPath === undefined || !plugin) {
        return `${otherwise}, with more than plugin mounts in it (line ${lineOf(source, inner.start ?? 0)}: ${firstLine(source, inner)}): only env declarations and plugin mounts move into a feature loader; move the rest out of the condition, or add the plugins by hand`;
      }
      const first = mountedAt.get(plugin.alias) ?? found.find(f => f.plugin.alias === plugin.alias);
      if (first) {
        return `${otherwise} that mounts ${plugin.alias} a second time, at ${mountPath} (line ${'line' in first ? first.line : lineOf(source, first.at.start ?? 0)} mounts it too): the new backend serves a plugin once, at /api/<pluginId>; mount it once, then run migrate again`;
      }
      found.push({ at: inner, mountPath, plugin });
    }
    return found.length ? found : `${otherwise}, with no plugin mount in it`;
  };

  // Plugin module imports (`import catalog from './plugins/catalog'`, `import { auth } from './plugins/auth'`), by alias.
  const aliases = new Map<string, string>();
  /** The export a named import of a plugin module names, by alias. */
  const exportNames = new Map<string, string>();
  const importedFrom = new Map<string, string>();
  const envs = new Map(index.envDeclarations.map(env => [env.variable, env]));
  // Called with a plugin env anywhere in main(): on the api router, or on the service builder at a root path.
  const calledWithEnv = (local: string): boolean => {
    let found = false;
    walk(index.router.container, node => {
      if (found) return false;
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === local && node.arguments.length === 1) {
        const argument = node.arguments[0];
        if (argument.type === 'Identifier' && envs.has(argument.name)) found = true;
      }
      return undefined;
    });
    return found;
  };
  for (const declaration of index.imports) {
    for (const specifier of declaration.specifiers) importedFrom.set(specifier.local.name, declaration.source.value);
    if (!/^\.\/plugins(\/[^'"]+)?$/.test(declaration.source.value) || declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportDefaultSpecifier') {
        if (declaration.source.value !== './plugins') aliases.set(specifier.local.name, declaration.source.value);
      } else if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && calledWithEnv(specifier.local.name)) {
        // A named import is a plugin where a route calls it with a plugin env, as the template calls its default imports.
        aliases.set(specifier.local.name, declaration.source.value);
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (imported !== 'default') exportNames.set(specifier.local.name, imported);
      }
    }
  }
  // A createPlugin imported straight from a package (`import x from '@internal/plugin-x-backend'`) is a plugin
  // all the same, where a route calls it with a plugin env (`apiRouter.use('/x', await x(xEnv))`).
  for (const declaration of index.imports) {
    const own = declaration.specifiers.find(s => s.type === 'ImportDefaultSpecifier');
    if (!own || declaration.source.value.startsWith('.') || declaration.importKind === 'type') continue;
    if (calledWithEnv(own.local.name)) aliases.set(own.local.name, declaration.source.value);
  }
  const router = index.router.name;
  const createEnvName = index.createEnvName;

  // The function that holds the router (`main` in the template), and the names that only mean something in the legacy system.
  const mainFunction = ast.program.body.find(
    (s): s is Statement => s.type === 'FunctionDeclaration' && s.body === index.router.container,
  );
  const legacyNames = new Set<string>([router, createEnvName, 'makeCreateEnv', ...envs.keys(), ...aliases.keys()]);
  for (const [local, from] of importedFrom) if (from === '@backstage/backend-common' || from === './types') legacyNames.add(local);
  let configName: string | undefined;
  let serviceName: string | undefined;

  const why = (node: Node): string => {
    const names = mentions(node);
    if (names.has(router) && /\.stack\b/.test(source.slice(node.start ?? 0, node.end ?? 0))) {
      return "inspects the api router's stack, which the new backend system does not have (each plugin has its own router): no sound translation; drop it, or list the plugins another way (the backend's startup log names each)";
    }
    if (names.has(router)) return 'mounts on the api router, which the new backend system does not have: move it into a plugin or a backend module (httpRouter)';
    if (configName && names.has(configName)) return 'reads the legacy config object: read config in a plugin or a backend module (coreServices.rootConfig), or in app-config';
    if (serviceName && names.has(serviceName)) return 'configures the legacy service builder: the new backend system configures its HTTP server from app-config (backend.*) and rootHttpRouter';
    for (const name of names) if (envs.has(name)) return `uses ${name}, the legacy environment of plugin '${envs.get(name)?.pluginId}': move it into that plugin`;
    for (const name of names) if (legacyNames.has(name)) return `uses ${name} from the legacy backend system: move it into a plugin or a backend module`;
    return 'not understood by wire-plugin migrate: move it into a plugin or a backend module, or carry it over by hand';
  };
  const usesLegacy = (node: Node): boolean => {
    const names = mentions(node);
    if ((configName && names.has(configName)) || (serviceName && names.has(serviceName))) return true;
    for (const name of names) if (legacyNames.has(name)) return true;
    return false;
  };
  const carry = (node: Node): void => {
    if (stopsTheParent(node, source)) {
      refuse(node, "a fatal-error handler that stops the parent process: under the new backend's start (backstage-cli package start, or a container's init) the parent is not the backend's supervisor, so it has no sound translation; keep the backend's own handling (it logs and exits), or move it by hand");
    } else if (containsAwait(node)) {
      refuse(node, "awaits inside main(), and the new index.ts has no async main: move it into a plugin or a backend module");
    } else if (usesLegacy(node)) {
      refuse(node, why(node));
    } else {
      carried.push({ ...verdict(node), node });
      note(node, 'carried');
    }
  };

  // A router of the app's own on the api router: a handler whose free names are all imports that mean nothing in the legacy system.
  /** Why a router on the service builder cannot move as it is. */
  const serviceRouterWhy = (call: CallExpression): string => {
    const mountPath = call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
    const target = call.arguments[1];
    if (mountPath === '' && target?.type === 'Identifier' && target.name === router) {
      return "the api router mounted a second time, at the service root (''): the new backend serves plugins at /api/<pluginId> only; drop it, or add it by hand in rootHttpRouterServiceFactory({ configure })";
    }
    if (mountPath === '/api' || mountPath?.startsWith('/api/')) return `mounts at ${mountPath}, which overlaps the plugins' /api/<pluginId>: the root router refuses such a path; serve it from a plugin (httpRouter) instead`;
    const locals = target && target.type !== 'SpreadElement' ? [...mentions(target)].filter(name => !importedFrom.has(name) || legacyNames.has(name)) : [];
    if (locals.length) return `a router made with ${locals.join(', ')} of the legacy main(): only a router made of imports moves to the root router; build it in a backend plugin (coreServices.rootHttpRouter.use), or make it of imports only`;
    return 'mounts a router that is not a plugin module on the service: move it into a backend plugin (httpRouter) or a rootHttpRouter module';
  };
  const apiRouters: ApiRouterMount[] = [];
  const rootRouters: RootRouterMount[] = [];
  const rootHandlers: RootHandlerMount[] = [];
  const ownRouter = (handler: Node): ApiRouterMount['imports'] | undefined => {
    if (handler.type === 'SpreadElement' || containsAwait(handler)) return undefined;
    const names = [...mentions(handler)];
    if (names.length === 0 || names.some(name => !importedFrom.has(name) || legacyNames.has(name) || aliases.has(name))) return undefined;
    const imports: { declaration: Node; names: string[] }[] = [];
    for (const declaration of index.imports) {
      const used = declaration.specifiers.map(specifier => specifier.local.name).filter(name => names.includes(name));
      if (used.length) imports.push({ declaration, names: used });
    }
    return imports;
  };

  // Root loggers of main() (`const logger = getRootLogger();`): one used only to load config is template; one that
  // also writes plain log lines (`logger.info('...')`) is translated, lines and all; any other use leaves it to the rules below.
  const startupLog: StartupLogLine[] = [];
  const translated = new Set<Node>();
  /** main()'s root loggers that stay template or translated (not refused): makeCreateEnv may take one as a parameter. */
  const rootLoggers = new Set<string>();
  let discovery: LegacyStatements['discovery'];
  for (const statement of index.router.container.body) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue;
    const declarator = statement.declarations[0];
    const init = declarator.init;
    if (declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.arguments.length) continue;
    if (importedFrom.get(init.callee.name) !== '@backstage/backend-common' || importedName(index, init.callee.name) !== 'getRootLogger') continue;
    const name = declarator.id.name;
    const lines: { node: Node; line: StartupLogLine }[] = [];
    let otherUse: Node | undefined;
    for (const other of index.router.container.body) {
      if (other === statement || !mentions(other).has(name)) continue;
      const logLine = startupLogLine(other, name, source);
      if (logLine) lines.push({ node: other, line: logLine });
      else if (!isConfigLoading(other, name) && !passesToMakeCreateEnv(other, name, index) && !isServiceStartCatch(other, name)) otherUse ??= other;
    }
    if (otherUse) {
      // Its every use is then legacy code: refused, each with its line, never carried without the logger.
      legacyNames.add(name);
      refuse(
        statement,
        `a root logger used beyond loading config and plain log lines (line ${lineOf(source, otherUse.start ?? 0)}: ${firstLine(source, otherUse)}): log through coreServices.rootLogger in a plugin or a backend module`,
      );
      continue;
    }
    rootLoggers.add(name);
    if (lines.length === 0) {
      replace(statement, 'the root logger, used to load config: the new backend has its own (coreServices.rootLogger)');
    } else {
      translated.add(statement);
      note(statement, 'translated');
      for (const { node, line } of lines) {
        translated.add(node);
        note(node, 'translated');
        startupLog.push(line);
      }
    }
  }

  // main()'s body.
  for (const statement of index.router.container.body) {
    if (translated.has(statement) || account.has(statement)) continue;
    if (statement === index.router.declaration) {
      replace(statement, 'the api router: the new backend mounts each plugin at /api/<pluginId>');
      continue;
    }
    if (statement === index.createEnvDeclaration) {
      replace(statement, 'the plugin environment: the new backend gives each plugin its services');
      continue;
    }
    if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
      const declarator = statement.declarations[0];
      const init = declarator.init?.type === 'AwaitExpression' ? declarator.init.argument : declarator.init;
      if (declarator.id.type === 'Identifier' && init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'loadBackendConfig') {
        configName = declarator.id.name;
        replace(statement, 'config loading: the new backend loads app-config itself (coreServices.rootConfig)');
        continue;
      }
      if (declarator.id.type === 'Identifier' && envs.has(declarator.id.name)) {
        replace(statement, `the environment of '${envs.get(declarator.id.name)?.pluginId}'`);
        continue;
      }
      const chain = init ? builderChain(init) : undefined;
      if (chain && declarator.id.type === 'Identifier') {
        serviceName = declarator.id.name;
        // The builder statement is template wiring; each call on it is accounted for on its own.
        replace(statement, 'the service builder: the new backend serves the plugins itself');
        let sawApi = false;
        for (const call of chain.slice(1)) {
          const method = methodName(call);
          if (method === 'loadConfig') {
            note(call, 'replaced');
            continue;
          }
          if (method === 'addRouter') {
            const mountPath = call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
            const target = call.arguments[1];
            if (mountPath === '/api' && target?.type === 'Identifier' && target.name === router) {
              sawApi = true;
              note(call, 'replaced');
              continue;
            }
            // The api router again at another prefix: the plugin routes served there too, from the root HTTP router's configure.
            if (mountPath && target?.type === 'Identifier' && target.name === router && /^\/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]$/.test(mountPath) && mountPath !== '/api' && !mountPath.startsWith('/api/')) {
              rootHandlers.push({ apiPrefix: mountPath, imports: [], line: lineOf(source, call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0), afterApi: sawApi });
              note(call, 'translated');
              continue;
            }
            const plugin = pluginCall(target, aliases);
            // A plugin at the service root ('': the app plugin, or a status check) or at a root path of its own: the
            // planner keeps it there (the app through the root router's index fallback, any other on the root router).
            const mountedBefore = plugin && (mountedAt.has(plugin.alias) || [...index.routes].some(route => pluginCallIn(route.call)?.callee === plugin.alias));
            if (plugin && !mountedBefore && (mountPath === '' || (mountPath && isRootPath(mountPath)))) {
              // At the line of its own .addRouter, not the builder's first line.
              mount(call, call.callee.type === 'MemberExpression' ? call.callee.property : call, mountPath, plugin, undefined, { path: mountPath, afterApi: sawApi });
              continue;
            }
            // A router of the app's own at a root path outside /api: the root HTTP router serves it at the same path.
            const own = mountPath !== undefined && !plugin && target ? ownRouter(target) : undefined;
            if (own && mountPath === '') {
              rootHandlers.push({ handler: target as Node, imports: own, line: lineOf(source, call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0), afterApi: sawApi });
              note(call, 'translated');
              continue;
            }
            if (own && mountPath && isRootPath(mountPath)) {
              rootRouters.push({ path: mountPath, handler: target as Node, imports: own, line: lineOf(source, call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0) });
              note(call, 'translated');
              continue;
            }
            if (mountPath !== undefined && plugin) {
              refused.push({
                line: lineOf(source, call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0),
                code: `.${source.slice(call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0, call.end ?? 0).split(/\r?\n/)[0].trim().slice(0, 100)}`,
                why: mountedBefore
                  ? `mounts ${plugin.alias} a second time, at the service root path ${mountPath}: the new backend serves a plugin once, at /api/<pluginId>; serve ${mountPath} from a backend module with coreServices.rootHttpRouter by hand, or drop it`
                  : `serves ${plugin.alias} at ${mountPath}, which overlaps the plugins' /api/<pluginId> (or is not a plain path): the root router refuses such a path, and the plugin would change its URLs; mount it on the api router first`,
              });
              note(call, 'refused');
              continue;
            }
          }
          note(call, 'refused');
          refused.push({
            line: lineOf(source, call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0),
            code: `.${source.slice(call.callee.type === 'MemberExpression' ? call.callee.property.start ?? 0 : call.start ?? 0, call.end ?? 0).split(/\r?\n/)[0].trim().slice(0, 100)}`,
            why: method === 'addRouter' ? serviceRouterWhy(call) : 'configures the legacy service builder: set it in app-config (backend.*) or a rootHttpRouter module',
          });
        }
        continue;
      }
    }
    if (statement.type === 'ExpressionStatement') {
      const expression = statement.expression;
      const call = expression.type === 'CallExpression' ? expression : undefined;
      // apiRouter.use(...)
      if (call && call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === router) {
        const mountPath = call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
        const isCatchAll = call.arguments.length === 1 && call.arguments[0].type === 'CallExpression' && call.arguments[0].callee.type === 'Identifier' && call.arguments[0].callee.name === 'notFoundHandler';
        if (isCatchAll) {
          replace(statement, 'the 404 catch-all: the new backend answers unknown routes itself');
          continue;
        }
        const plugin = call.arguments.length === 2 ? pluginCall(call.arguments[1], aliases) : undefined;
        if (mountPath !== undefined && plugin) {
          mount(statement, statement, mountPath, plugin);
          continue;
        }
        const own = mountPath !== undefined && call.arguments.length === 2 ? ownRouter(call.arguments[1]) : undefined;
        const apiPath = own ? /^\/([a-z0-9][a-z0-9-]*)((?:\/[A-Za-z0-9._~-]+)*)$/.exec(mountPath as string) : null;
        if (own && apiPath) {
          apiRouters.push({ segment: apiPath[1], rest: apiPath[2], handler: call.arguments[1], imports: own, line: lineOf(source, statement.start ?? 0) });
          note(statement, 'translated');
          continue;
        }
        const withMiddleware = call.arguments.length > 2 && pluginCallIn(call) !== undefined;
        const handler = call.arguments.length === 2 ? call.arguments[1] : undefined;
        const locals = handler ? [...mentions(handler)].filter(name => !importedFrom.has(name) || legacyNames.has(name)) : [];
        refuse(
          statement,
          withMiddleware
            ? 'a plugin route with middleware before it: the new backend mounts plugins itself; move the middleware into the plugin (httpRouter.use) or a backend module'
            : mountPath !== undefined && handler && locals.length
              ? `a router of the app's own made with ${locals.join(', ')} of the legacy main(): only a router made of imports moves into a generated plugin; build it in a backend plugin (coreServices.rootConfig for config, httpRouter.use), or make it of imports only`
              : why(statement),
        );
        continue;
      }
      // await service.start().catch(...)
      const awaited = expression.type === 'AwaitExpression' ? expression.argument : expression;
      if (serviceName && awaited.type === 'CallExpression' && mentions(awaited).has(serviceName) && /\.start\(\)/.test(source.slice(awaited.start ?? 0, awaited.end ?? 0))) {
        replace(statement, 'starting the service: backend.start() does it');
        continue;
      }
    }
    if (statement.type === 'IfStatement' && mentions(statement).has(router)) {
      // Plugins mounted under a condition on config alone: a feature loader yields them under the same condition.
      const conditional = readConditionalMounts(statement);
      if (typeof conditional === 'string') {
        refuse(statement, conditional);
        continue;
      }
      note(statement, 'translated');
      const condition = { test: statement.test, line: lineOf(source, statement.start ?? 0) };
      for (const { at, mountPath, plugin } of conditional) mount(statement, at, mountPath, plugin, condition);
      continue;
    }
    carry(statement);
  }

  // The top level.
  const kept = new Set<Node>(
    existing && existing.container === ast.program
      ? [existing.declaration, ...existing.adds.map(add => add.topStatement ?? add.statement).filter((s): s is Statement => s !== undefined), ...(existing.start ? [existing.start] : [])]
      : [],
  );
  const types: Statement[] = [];
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration') continue;
    if (statement === mainFunction) continue;
    if (kept.has(statement)) {
      carried.push({ ...verdict(statement), node: statement });
      note(statement, 'carried');
      continue;
    }
    if (statement.type === 'FunctionDeclaration' && statement.id?.name === 'makeCreateEnv') {
      replace(statement, 'makeCreateEnv: the new backend creates the services (logger, database, cache, discovery, ...)');
      // Each of its statements and env fields on its own: template set-up goes, the app's own discovery is translated, the rest refused.
      const reading = readCreateEnvFactory(statement, source, importedFrom, rootLoggerParam(statement, index, rootLoggers));
      for (const item of reading.items) {
        if (reading.replaced.has(item)) note(item, 'replaced');
        else if (reading.refused.has(item)) refuse(item, reading.refused.get(item) as string);
        else if (reading.discovery?.item === item) note(item, 'translated');
      }
      if (reading.discovery) {
        const { item: _item, ...found } = reading.discovery;
        const declaration = index.imports.find(d => d.specifiers.some(s => s.local.name === found.className));
        if (declaration) discovery = { ...found, imports: [{ declaration, names: [found.className] }] };
      }
      continue;
    }
    const text = source.slice(statement.start ?? 0, statement.end ?? 0);
    if (statement.type === 'ExpressionStatement' && /^module\.hot\??\.accept\(\)/.test(text)) {
      replace(statement, 'hot module reloading of the legacy backend');
      continue;
    }
    if (mainFunction?.type === 'FunctionDeclaration' && statement.type === 'ExpressionStatement' && mentions(statement).has(mainFunction.id?.name ?? 'main')) {
      replace(statement, 'starting main(): backend.start() does it');
      continue;
    }
    if (typeDeclared(statement)) {
      types.push(statement);
      continue;
    }
    carry(statement);
  }
  // Type aliases and interfaces: nothing at run time. Carried where carried code names them, else left with the legacy code.
  const namedByCarried = new Set(carried.flatMap(({ node }) => [...mentions(node)]));
  for (const statement of types) {
    if (namedByCarried.has(typeDeclared(statement) as string)) carry(statement);
    else replace(statement, `a type of the legacy index.ts (${typeDeclared(statement)}): nothing at run time, and nothing carried into the new index.ts names it`);
  }
  carried.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));

  // The imports the carried statements need, and side-effect imports, as they were.
  const needed = new Set<string>();
  for (const { node } of carried) for (const name of mentions(node)) needed.add(name);
  const neededByKept = new Set<string>();
  for (const node of kept) for (const name of mentions(node)) neededByKept.add(name);
  const carriedImports: Node[] = [];
  for (const declaration of index.imports) {
    if (declaration.specifiers.length === 0) {
      carriedImports.push(declaration);
      continue;
    }
    const used = declaration.specifiers.filter(s => needed.has(s.local.name));
    if (used.length === 0) continue;
    if (used.some(s => legacyNames.has(s.local.name) && !neededByKept.has(s.local.name))) {
      refused.push(verdict(declaration, `carried code needs ${used.map(s => s.local.name).join(', ')} from the legacy backend system`));
      continue;
    }
    carriedImports.push(declaration);
  }
  refused.sort((a, b) => a.line - b.line);
  return { mounts, carried, carriedImports, replaced, refused, account, startupLog, apiRouters, rootRouters, rootHandlers, discovery, configName };
}

/** `process.kill(process.ppid, ...)` and the like: code that stops the process that started the backend. */
function stopsTheParent(node: Node, source: string): boolean {
  return /\bprocess\.ppid\b|\bprocess\.kill\s*\(/.test(source.slice(node.start ?? 0, node.end ?? 0));
}

/** The name a top-level type alias or interface declares (exported or not), else undefined. */
function typeDeclared(statement: Node): string | undefined {
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  return declaration?.type === 'TSTypeAliasDeclaration' || declaration?.type === 'TSInterfaceDeclaration' ? declaration.id.name : undefined;
}

/** A path the root HTTP router takes: plain segments, outside /api, no trailing slash. */
function isRootPath(mountPath: string): boolean {
  return /^\/[A-Za-z0-9._~/-]*$/.test(mountPath) && mountPath !== '/api' && !mountPath.startsWith('/api/') && !mountPath.endsWith('/');
}

/** The name an import binding imports (`getRootLogger` for `import { getRootLogger as root }`). */
function importedName(index: LegacyIndex, local: string): string | undefined {
  for (const declaration of index.imports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.local.name !== local) continue;
      if (specifier.type === 'ImportSpecifier') return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      return undefined;
    }
  }
  return undefined;
}

/** `logger.info('text')` (info, warn, error, debug; a string or a template without expressions): the line it writes. */
function startupLogLine(statement: Node, logger: string, source: string): StartupLogLine | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const call = statement.expression;
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.computed) return undefined;
  if (call.callee.object.type !== 'Identifier' || call.callee.object.name !== logger || call.callee.property.type !== 'Identifier') return undefined;
  const level = call.callee.property.name;
  if (level !== 'info' && level !== 'warn' && level !== 'error' && level !== 'debug') return undefined;
  const argument = call.arguments[0];
  if (call.arguments.length !== 1 || !argument) return undefined;
  const message = literalText(argument);
  return message === undefined ? undefined : { level, message, line: lineOf(source, statement.start ?? 0) };
}

/** The text of a string, a template without expressions, or such literals joined with `+` (over several lines, as prettier wraps them). */
function literalText(node: Node): string | undefined {
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 ? node.quasis[0].value.cooked ?? undefined : undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+' && node.left.type !== 'PrivateName') {
    const left = literalText(node.left);
    const right = literalText(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** `const createEnv = makeCreateEnv(config, logger)`: the root logger handed to makeCreateEnv, and nowhere else in the statement. */
function passesToMakeCreateEnv(statement: Node, logger: string, index: LegacyIndex): boolean {
  if (statement !== index.createEnvDeclaration || statement.type !== 'VariableDeclaration') return false;
  const init = statement.declarations[0]?.init;
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'makeCreateEnv') return false;
  return init.arguments.some(argument => argument.type === 'Identifier' && argument.name === logger);
}

/** The parameter of makeCreateEnv that main() fills with one of its root loggers (`makeCreateEnv(config, logger)`), if any. */
function rootLoggerParam(fn: Node, index: LegacyIndex, rootLoggers: ReadonlySet<string>): string | undefined {
  const declaration = index.createEnvDeclaration;
  const init = declaration?.type === 'VariableDeclaration' ? declaration.declarations[0]?.init : undefined;
  if (fn.type !== 'FunctionDeclaration' || init?.type !== 'CallExpression') return undefined;
  const position = init.arguments.findIndex(argument => argument.type === 'Identifier' && rootLoggers.has(argument.name));
  const param = position > 0 ? fn.params[position] : undefined;
  return param?.type === 'Identifier' ? param.name : undefined;
}

/**
 * `await service.start().catch(err => { logger.error(err); process.exit(1); })`: the template's start, whose
 * catch logs through the root logger (or the console) and exits; backend.start() does it.
 */
function isServiceStartCatch(statement: Node, logger: string): boolean {
  if (statement.type !== 'ExpressionStatement') return false;
  const call = statement.expression.type === 'AwaitExpression' ? statement.expression.argument : statement.expression;
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'catch') return false;
  const started = call.callee.object;
  if (started.type !== 'CallExpression' || started.callee.type !== 'MemberExpression' || started.callee.property.type !== 'Identifier' || started.callee.property.name !== 'start') return false;
  const handler = call.arguments[0];
  if (call.arguments.length !== 1 || (handler?.type !== 'ArrowFunctionExpression' && handler?.type !== 'FunctionExpression')) return false;
  const body = handler.body.type === 'BlockStatement' ? handler.body.body : [handler.body];
  return body.every(inner => {
    const expression = inner.type === 'ExpressionStatement' ? inner.expression : inner;
    if (expression.type !== 'CallExpression' || expression.callee.type !== 'MemberExpression' || expression.callee.object.type !== 'Identifier') return false;
    const target = expression.callee.object.name;
    return target === logger || target === 'console' || (target === 'process' && expression.callee.property.type === 'Identifier' && expression.callee.property.name === 'exit');
  });
}

/** `const config = await loadBackendConfig({ ..., logger })`: the template's one use of the root logger. */
function isConfigLoading(statement: Node, logger: string): boolean {
  if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
  const init = statement.declarations[0].init;
  const call = init?.type === 'AwaitExpression' ? init.argument : init;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'loadBackendConfig') return false;
  const options = call.arguments[0];
  if (options?.type !== 'ObjectExpression') return false;
  return options.properties.some(
    property =>
      property.type === 'ObjectProperty' &&
      property.key.type === 'Identifier' &&
      property.key.name === 'logger' &&
      property.value.type === 'Identifier' &&
      property.value.name === logger,
  );
}

/**
 * What the account must cover, found on its own walk: every statement of the
 * function that holds the api router, every top-level statement but the
 * imports and that function, and every call on a service builder in it.
 */
export function accountedItems(ast: File, index: LegacyIndex): Node[] {
  const items: Node[] = [];
  const mainFunction = ast.program.body.find(s => s.type === 'FunctionDeclaration' && s.body === index.router.container);
  for (const statement of index.router.container.body) {
    items.push(statement);
    const init = statement.type === 'VariableDeclaration' && statement.declarations.length === 1 ? statement.declarations[0].init : undefined;
    const chain = init ? builderChain(init.type === 'AwaitExpression' ? init.argument : init) : undefined;
    if (chain) items.push(...chain.slice(1));
  }
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration' || statement === mainFunction) continue;
    items.push(statement);
    if (statement.type === 'FunctionDeclaration' && statement.id?.name === 'makeCreateEnv') items.push(...createEnvItems(statement));
  }
  return items;
}

/** The items with no entry in the account, or more than one: none, or the migration would drop or double something. */
export function accountGaps(ast: File, source: string, index: LegacyIndex, statements: LegacyStatements): string[] {
  return accountedItems(ast, index)
    .filter(item => (statements.account.get(item) ?? []).length !== 1)
    .map(item => `${lineOf(source, item.start ?? 0)}: ${firstLine(source, item)} (${(statements.account.get(item) ?? []).join(', ') || 'not accounted for'})`);
}
