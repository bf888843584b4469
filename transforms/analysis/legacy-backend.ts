/**
 * Finders for the legacy backend's `packages/backend/src/index.ts` (create-app
 * up to 0.5.11): the api router, the `createEnv` factory, env declarations,
 * mounted routes, the `notFoundHandler()` catch-all and `./plugins/*` imports.
 * Each finder reads the AST; none edits anything.
 */
import type {
  CallExpression,
  File,
  ImportDeclaration,
  Node,
  Statement,
  VariableDeclaration,
} from '@babel/types';
import { calleeName, contains, enclosingStatement, isMethodCall, recordNames, staticString, StatementContainer, walk } from '../lib/ast';
import { CodeStyle, CodeStyleCounter } from '../lib/code-style';

export interface ApiRouter {
  /** The variable holding the router (`apiRouter` in the template). */
  readonly name: string;
  /** The `const apiRouter = Router();` statement. */
  readonly declaration: Statement;
  /** The block that declares it: new env declarations and routes go here. */
  readonly container: StatementContainer;
}

export interface EnvDeclaration {
  /** The plugin id passed to `createEnv('<id>')`. */
  readonly pluginId: string;
  readonly variable: string;
  readonly statement: VariableDeclaration;
  readonly container: StatementContainer;
  /** Whether the call is wrapped in `useHotMemoize(module, () => ...)`. */
  readonly memoizedBy?: string;
  /** Whether it spans several lines, and if so whether its argument list ends with a comma. */
  readonly multiline: boolean;
  readonly trailingComma: boolean;
}

export interface MountedRoute {
  /** `'/carmen'` for `apiRouter.use('/carmen', ...)`; undefined for `apiRouter.use(middleware)`. */
  readonly path?: string;
  readonly call: CallExpression;
  /** The statement whose whole expression is this call, if it is one. */
  readonly statement?: Statement;
  /** The statement of the router's block that holds the call (an `if` block, say). */
  readonly topStatement?: Statement;
}

export interface LegacyIndex {
  readonly router: ApiRouter;
  /** The name `createEnv` goes by in this file. */
  readonly createEnvName: string;
  /** The `const createEnv = makeCreateEnv(config)` statement, when in the router's block. */
  readonly createEnvDeclaration?: Statement;
  readonly envDeclarations: readonly EnvDeclaration[];
  readonly routes: readonly MountedRoute[];
  /** The top-level statement of the router's block that mounts `notFoundHandler()`. */
  readonly catchAll?: Statement;
  readonly imports: readonly ImportDeclaration[];
  readonly declaredNames: ReadonlySet<string>;
  readonly mentionedNames: ReadonlySet<string>;
  /** The name of `useHotMemoize` when the file imports or calls it. */
  readonly hotMemoizeName?: string;
  /** How the file writes code (quotes, semicolons, line endings), read in the same walk. */
  readonly style: CodeStyle;
}

export type LegacyIndexProblem =
  | { kind: 'no-router'; candidates: number }
  | { kind: 'ambiguous-router'; names: string[] };

const ROUTER_MODULES = new Set(['express-promise-router', 'express']);

/** The names under which the file imports a router factory: `Router` from express-promise-router, `Router` from express, `express` itself. */
function routerFactories(imports: readonly ImportDeclaration[]): { calls: Set<string>; namespaces: Set<string> } {
  const calls = new Set<string>();
  const namespaces = new Set<string>();
  for (const declaration of imports) {
    const from = declaration.source.value;
    if (!ROUTER_MODULES.has(from) || declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportDefaultSpecifier') {
        if (from === 'express-promise-router') calls.add(specifier.local.name);
        else namespaces.add(specifier.local.name);
      } else if (specifier.type === 'ImportNamespaceSpecifier') {
        namespaces.add(specifier.local.name);
      } else if (
        specifier.importKind !== 'type' &&
        (specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value) === 'Router'
      ) {
        calls.add(specifier.local.name);
      }
    }
  }
  return { calls, namespaces };
}

function isRouterCreation(node: Node, factories: { calls: Set<string>; namespaces: Set<string> }): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type === 'Identifier') return factories.calls.has(callee.name);
  return (
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    factories.namespaces.has(callee.object.name) &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'Router'
  );
}

/** `<router>.use(...)` */
function isUseCall(node: Node, router: string): node is CallExpression {
  return isMethodCall(node, router, 'use');
}

function isNotFoundHandlerCall(node: Node): boolean {
  return calleeName(node) === 'notFoundHandler';
}

interface PendingDeclaration {
  readonly node: VariableDeclaration;
  readonly place: { container: StatementContainer; statement: Statement };
}

interface PendingUse {
  readonly call: CallExpression;
  readonly object: string;
  readonly path: readonly Node[];
}

/**
 * Reads everything the planners need from a legacy index.ts in one walk, or
 * says which part it could not find. The api router is a variable
 * initialised by `Router()` (from express-promise-router or express); with
 * several, the one mounted with `.addRouter('/api', x)` wins, then the one
 * with the catch-all, then one named `apiRouter`.
 */
export function analyzeLegacyIndex(ast: File, source: string): LegacyIndex | LegacyIndexProblem {
  const imports = ast.program.body.filter((s): s is ImportDeclaration => s.type === 'ImportDeclaration');
  const factories = routerFactories(imports);
  const candidates: ApiRouter[] = [];
  const mountedOnApi = new Set<string>();
  const withCatchAll = new Set<string>();
  const envFactories = new Set<string>(['createEnv']);
  const factoryDeclarations: { name: string; place?: { container: StatementContainer; statement: Statement } }[] = [];
  const declarations: PendingDeclaration[] = [];
  const uses: PendingUse[] = [];
  const names = { declared: new Set<string>(), mentioned: new Set<string>() };

  const style = new CodeStyleCounter(source);
  walk(ast.program, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    recordNames(node, parent, names);
    style.visit(node, parent);
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      if (isRouterCreation(node.init, factories) && parent?.type === 'VariableDeclaration') {
        const place = enclosingStatement(parent, ancestors.slice(0, -1));
        if (place) candidates.push({ name: node.id.name, declaration: place.statement, container: place.container });
      } else if (calleeName(node.init) === 'makeCreateEnv') {
        // `const createEnv = makeCreateEnv(config);` names the factory; the template calls it createEnv.
        envFactories.add(node.id.name);
        factoryDeclarations.push({ name: node.id.name, place: enclosingStatement(parent, ancestors.slice(0, -1)) });
      }
    } else if (node.type === 'VariableDeclaration') {
      const place = enclosingStatement(node, ancestors);
      if (place && node.declarations.some(d => d.init?.type === 'CallExpression')) declarations.push({ node, place });
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const property = node.callee.property;
      const method = property.type === 'Identifier' ? property.name : undefined;
      if (method === 'addRouter' && staticString(node.arguments[0]) === '/api') {
        const target = node.arguments[1];
        if (target?.type === 'Identifier') mountedOnApi.add(target.name);
      } else if (method === 'use' && node.callee.object.type === 'Identifier') {
        if (node.arguments.some(isNotFoundHandlerCall)) withCatchAll.add(node.callee.object.name);
        uses.push({ call: node, object: node.callee.object.name, path: [...ancestors, node] });
      }
    }
  });

  let router: ApiRouter | undefined = candidates.length === 1 ? candidates[0] : undefined;
  if (candidates.length === 0) return { kind: 'no-router', candidates: 0 };
  for (const preferred of [mountedOnApi, withCatchAll, new Set(['apiRouter'])]) {
    if (router) break;
    const matches = candidates.filter(c => preferred.has(c.name));
    if (matches.length === 1) router = matches[0];
  }
  if (!router) return { kind: 'ambiguous-router', names: candidates.map(c => c.name) };
  const api = router;

  const factory = factoryDeclarations[factoryDeclarations.length - 1];
  const createEnvName = factory?.name ?? 'createEnv';
  const createEnvDeclaration = factoryDeclarations.find(f => f.place?.container === api.container)?.place?.statement;

  let hotMemoizeName: string | undefined;
  for (const declaration of imports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier' && specifier.imported.name === 'useHotMemoize') {
        hotMemoizeName = specifier.local.name;
      }
    }
  }

  const envCall = (candidate: Node): string | undefined => {
    const name = calleeName(candidate);
    return name && envFactories.has(name) && candidate.type === 'CallExpression' ? staticString(candidate.arguments[0]) : undefined;
  };
  const envDeclarations: EnvDeclaration[] = [];
  for (const { node, place } of declarations) {
    for (const declarator of node.declarations) {
      if (declarator.id.type !== 'Identifier' || !declarator.init) continue;
      const init = declarator.init;
      let pluginId = envCall(init);
      let memoizedBy: string | undefined;
      if (pluginId === undefined && init.type === 'CallExpression') {
        // useHotMemoize(module, () => createEnv('x')) or any wrapper around the call.
        walk(init, inner => {
          if (pluginId !== undefined) return false;
          pluginId = envCall(inner);
          return undefined;
        });
        if (pluginId !== undefined) memoizedBy = calleeName(init);
      }
      if (pluginId === undefined) continue;
      const text = source.slice(init.start ?? 0, init.end ?? 0);
      const multiline = text.includes('\n');
      envDeclarations.push({
        pluginId,
        variable: declarator.id.name,
        statement: node,
        container: place.container,
        memoizedBy,
        multiline,
        trailingComma: multiline && /,\s*\)$/.test(text),
      });
      if (memoizedBy && !hotMemoizeName) hotMemoizeName = memoizedBy;
    }
  }

  const routes: MountedRoute[] = [];
  let catchAll: Statement | undefined;
  for (const use of uses) {
    if (use.object !== api.name) continue;
    const parent = use.path[use.path.length - 2];
    const statement = parent?.type === 'ExpressionStatement' && parent.expression === use.call ? parent : undefined;
    const topStatement = topStatementIn(api.container, use.path);
    routes.push({ path: staticString(use.call.arguments[0]), call: use.call, statement, topStatement });
    if (!catchAll && use.call.arguments.some(isNotFoundHandlerCall)) {
      const place = enclosingStatement(use.call, use.path.slice(0, -1));
      if (place?.container === api.container) catchAll = place.statement;
    }
  }

  return {
    router: api,
    createEnvName,
    createEnvDeclaration,
    envDeclarations,
    routes,
    catchAll,
    imports,
    declaredNames: names.declared,
    mentionedNames: names.mentioned,
    hotMemoizeName,
    style: style.result(),
  };
}

/** The statement directly in `container` on the path to a node, if the path passes through it. */
function topStatementIn(container: StatementContainer, path: readonly Node[]): Statement | undefined {
  const index = path.indexOf(container);
  return index === -1 ? undefined : (path[index + 1] as Statement | undefined);
}

/** The default-import name of `./plugins/<id>` (with or without an extension or `/index`). */
export function findPluginImport(imports: readonly ImportDeclaration[], pluginId: string): { declaration: ImportDeclaration; alias?: string } | undefined {
  const wanted = new Set([`./plugins/${pluginId}`, `./plugins/${pluginId}.ts`, `./plugins/${pluginId}.js`, `./plugins/${pluginId}/index`]);
  for (const declaration of imports) {
    if (!wanted.has(declaration.source.value) || declaration.importKind === 'type') continue;
    const defaultSpecifier = declaration.specifiers.find(s => s.type === 'ImportDefaultSpecifier');
    return { declaration, alias: defaultSpecifier?.local.name };
  }
  return undefined;
}

/** Whether a statement mounts anything on the router (directly or inside a block). */
export function mountsOnRouter(statement: Statement, router: string): boolean {
  return contains(statement, node => isUseCall(node, router));
}

/** In `apiRouter.use('/x', mw, await x(xEnv))`: the plugin call's callee (`x`) and first argument (`xEnv`). */
export function pluginCallIn(route: CallExpression): { callee?: string; argument?: string } | undefined {
  for (let i = route.arguments.length - 1; i >= 1; i--) {
    let argument: Node = route.arguments[i];
    if (argument.type === 'AwaitExpression') argument = argument.argument;
    if (argument.type === 'CallExpression' && argument.callee.type === 'Identifier') {
      const first = argument.arguments[0];
      return { callee: argument.callee.name, argument: first?.type === 'Identifier' ? first.name : undefined };
    }
  }
  return undefined;
}

/** The plugin's mounts: by path, or by a call to the plugin's import. */
export function findPluginRoutes(index: LegacyIndex, id: string, alias: string | undefined): MountedRoute[] {
  return index.routes.filter(r => r.path === `/${id}` || (alias !== undefined && pluginCallIn(r.call)?.callee === alias));
}
