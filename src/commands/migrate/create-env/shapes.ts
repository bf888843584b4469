/**
 * The shapes makeCreateEnv's statements are read by: the template's
 * factories and their options, the root logger, the names a declaration
 * binds, what a startup call reads, and the account's items.
 */
import type { FunctionDeclaration, Node, ObjectExpression } from '@babel/types';
import { mentions, walk } from '../../../../transforms/lib/ast';
import type { KnownNames, ServiceOverride, StartupNeeds } from './types';

/** The env fields every legacy PluginEnvironment had, which the template's locals in makeCreateEnv are named after. */
export const STANDARD_FIELDS = ['logger', 'database', 'cache', 'config', 'reader', 'discovery', 'tokenManager', 'scheduler', 'permissions', 'identity'];

/** The packages whose factories the template's makeCreateEnv calls: what they make, the new backend makes itself. */
export const TEMPLATE_PACKAGES = /^@backstage\/(backend-common|backend-defaults(\/.*)?|backend-tasks|backend-app-api|plugin-permission-node|plugin-auth-node|config)$/;

/**
 * `node`'s text with each standard field it names read from `env`
 * (`discovery` -> `env.discovery`, a shorthand `{ discovery }` ->
 * `{ discovery: env.discovery }`), and each name of `renames` as it says
 * (makeCreateEnv's root logger as `env.logger`).
 */
export function fromEnv(node: Node, source: string, renames: ReadonlyMap<string, string> = new Map()): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const replacement = (name: string): string | undefined => renames.get(name) ?? (STANDARD_FIELDS.includes(name) ? `env.${name}` : undefined);
  walk(node, (inner, ancestors) => {
    if (inner.type !== 'Identifier' || replacement(inner.name) === undefined) return;
    const parent = ancestors[ancestors.length - 1];
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === inner && !parent.computed) return;
    if (parent && parent.type === 'ObjectProperty' && parent.key === inner && !parent.computed && !parent.shorthand) return;
    if (parent && parent.type === 'ObjectProperty' && parent.shorthand) {
      if (parent.value === inner) edits.push({ start: inner.start ?? 0, end: inner.end ?? 0, text: `${inner.name}: ${replacement(inner.name)}` });
      return;
    }
    edits.push({ start: inner.start ?? 0, end: inner.end ?? 0, text: replacement(inner.name) as string });
  });
  const start = node.start ?? 0;
  let text = source.slice(start, node.end ?? 0);
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start - start) + edit.text + text.slice(edit.end - start);
  return text;
}

/** The root logger's methods a log line calls. */
export const LOG_LEVELS = ['info', 'warn', 'error', 'debug'];

/** The template's one log line in makeCreateEnv. */
export const TEMPLATE_LOG = /^Created UrlReader \$\{/;

/**
 * The core service a makeCreateEnv local stands for when made its own way:
 * `discovery` made of a class of the app's own or Backstage's discovery
 * classes; `reader` made of Backstage's `UrlReaders`, or of a class of the
 * app's own (`new LoggingUrlReader(UrlReaders.default({ logger: root,
 * config }), root)`, `NexusUrlReader.fromConfig(config)`). `declared`:
 * classes declared in index.ts that move with the service they make.
 */
export function overriddenService(name: string, root: string, importedFrom: ReadonlyMap<string, string>, declared: ReadonlySet<string>): ServiceOverride['service'] | undefined {
  const from = importedFrom.get(root) ?? '';
  const backstage = /^@backstage\//.test(from);
  const own = declared.has(root) || (!backstage && importedFrom.has(root) && from !== './types');
  if (declared.has(root) && name === 'discovery') return 'discovery';
  if (name === 'reader' && (own || (root === 'UrlReaders' && backstage))) return 'urlReader';
  if (declared.has(root)) return undefined;
  if (root === 'UrlReaders' && backstage) return 'urlReader';
  if (name === 'discovery' && (!backstage || /^(Host|SingleHost)Discovery$/.test(root)) && from !== './types') return 'discovery';
  return undefined;
}

/** Option keys the templates give Backstage's factories in makeCreateEnv (`{ logger: root }`, `{ databaseManager }`, `{ type: 'plugin', plugin }`). */
const TEMPLATE_OPTION_KEYS = new Set(['logger', 'config', 'databaseManager', 'discovery', 'tokenManager', 'issuer', 'auth', 'httpAuth', 'identity', 'type', 'plugin', 'pluginId']);

/**
 * Whether a Backstage factory call is given only what the templates give
 * it: no option of another key (`basePath`, `factories`), and no literal
 * but the child logger's `type` and `getExternalBaseUrl('auth')`'s id. One
 * given more is the app's own making, never replaced unseen.
 */
export function templateArguments(init: Node): boolean {
  let template = true;
  walk(init, (node, ancestors) => {
    if (!template) return false;
    if (node.type === 'ObjectProperty' && (node.computed || node.key.type !== 'Identifier' || !TEMPLATE_OPTION_KEYS.has(node.key.name))) template = false;
    if (node.type === 'SpreadElement' || node.type === 'ArrayExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') template = false;
    if (node.type === 'StringLiteral' || node.type === 'NumericLiteral' || node.type === 'BooleanLiteral' || node.type === 'TemplateLiteral') {
      const call = [...ancestors].reverse().find(a => a.type === 'CallExpression');
      const callee = call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' ? call.callee.property.name : '';
      if (callee !== 'child' && callee !== 'getExternalBaseUrl') template = false;
    }
    return undefined;
  });
  return template;
}

/** `getRootLogger()`, backend-common's root logger. */
export function isGetRootLogger(init: Node): boolean {
  return init.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'getRootLogger' && init.arguments.length === 0;
}

/** The name a call or `new` starts from: `HostDiscovery` of `HostDiscovery.fromConfig(config)`, `getRootLogger` of `getRootLogger()`. */
export function calleeRoot(expression: Node | null | undefined): string | undefined {
  let node = expression?.type === 'AwaitExpression' ? expression.argument : expression;
  if (!node || (node.type !== 'CallExpression' && node.type !== 'NewExpression')) return undefined;
  let callee: Node = node.callee;
  while (callee.type === 'MemberExpression') callee = callee.object;
  if (callee.type === 'CallExpression') return calleeRoot(callee);
  return callee.type === 'Identifier' ? callee.name : undefined;
}

/** The names a declaration binds: `x`, or each of `{ auth, httpAuth }`. */
export function boundNames(id: Node): string[] | undefined {
  if (id.type === 'Identifier') return [id.name];
  if (id.type !== 'ObjectPattern') return undefined;
  const names: string[] = [];
  for (const property of id.properties) {
    if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') return undefined;
    names.push(property.value.name);
  }
  return names;
}

/**
 * What the account must cover in makeCreateEnv, found on its own walk: its
 * statements, the statements of the function it returns, and the fields of
 * the env that function returns.
 */
export function createEnvItems(fn: FunctionDeclaration): Node[] {
  const items: Node[] = [];
  for (const statement of fn.body.body) {
    items.push(statement);
    const returned = statement.type === 'ReturnStatement' ? statement.argument : undefined;
    if (returned?.type !== 'ArrowFunctionExpression' && returned?.type !== 'FunctionExpression') continue;
    if (returned.body.type === 'ObjectExpression') items.push(...returned.body.properties);
    if (returned.body.type !== 'BlockStatement') continue;
    const returnedName = returnedVariable(returned.body.body);
    for (const inner of returned.body.body) {
      items.push(inner);
      if (inner.type === 'ReturnStatement' && inner.argument?.type === 'ObjectExpression') items.push(...inner.argument.properties);
      items.push(...(envObjectOf(inner, returnedName)?.properties ?? []));
    }
  }
  return items;
}

/** The name of the variable a function body ends by returning (`return env;`). */
export function returnedVariable(body: readonly Node[]): string | undefined {
  const last = body[body.length - 1];
  return last?.type === 'ReturnStatement' && last.argument?.type === 'Identifier' ? last.argument.name : undefined;
}

/** `const <returned> = { ... }`: the env object held in the variable the function returns. */
export function envObjectOf(statement: Node, returnedName: string | undefined): ObjectExpression | undefined {
  if (!returnedName || statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return undefined;
  const declarator = statement.declarations[0];
  return declarator.id.type === 'Identifier' && declarator.id.name === returnedName && declarator.init?.type === 'ObjectExpression' ? declarator.init : undefined;
}

/**
 * A call of the app's own that needs only the config or a root logger
 * (`initTracker(config)`, `await warmUp(config)`, `logSettings(config, root)`,
 * `root.info(`Region ${config.getString('region')}`)`): an expression
 * statement whose free names are imports, the config and the root loggers,
 * and which reads one of them. What it reads, else undefined.
 */
export function startupNeeds(statement: Node, known: KnownNames, imported: (name: string) => boolean): StartupNeeds | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const call = statement.expression.type === 'AwaitExpression' ? statement.expression.argument : statement.expression;
  return call.type === 'CallExpression' ? readsOnly(statement, known, imported) : undefined;
}

/** What `node` reads of the config and the root loggers, where those and imports are all its free names and it reads one of the two; else undefined. */
export function readsOnly(node: Node, known: KnownNames, imported: (name: string) => boolean): StartupNeeds | undefined {
  const names = [...mentions(node)];
  const configName = known.configName !== undefined && names.includes(known.configName) ? known.configName : undefined;
  const loggerNames = names.filter(name => known.loggers.has(name));
  if (!configName && loggerNames.length === 0) return undefined;
  return names.every(name => name === configName || loggerNames.includes(name) || imported(name)) ? { configName, loggerNames } : undefined;
}

/** An import of the app's own or a library's: not one of the legacy system's (backend-common, ./types). */
export function ownImport(from: string | undefined): boolean {
  return from !== undefined && from !== '@backstage/backend-common' && from !== './types';
}
