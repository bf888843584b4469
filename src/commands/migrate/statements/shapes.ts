/**
 * The shapes of legacy index.ts code the statement readers recognise, as
 * pure functions over the AST: a service-builder chain, a plugin call, a
 * root path, a startup log line, the template's start and config loading.
 */
import type { CallExpression, Node } from '@babel/types';
import { mentions, walk } from '../../../../transforms/lib/ast';
import type { LegacyIndex } from '../../../../transforms/analysis/legacy-backend';
import type { StartupLogLine } from '../statement-types';

import { lineOf } from '../../../../transforms/lib/text';

export { lineOf };

export function firstLine(source: string, node: Node): string {
  const text = source.slice(node.start ?? 0, node.end ?? 0).split(/\r?\n/)[0].trim();
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

export function containsAwait(node: Node): boolean {
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
export function builderChain(node: Node): CallExpression[] | undefined {
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

export function methodName(call: CallExpression): string | undefined {
  return call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' ? call.callee.property.name : undefined;
}

/** `await x(xEnv)` or `x(xEnv)` with `x` a plugin import: the alias and the env variable. */
export function pluginCall(
  node: Node | undefined,
  aliases: ReadonlyMap<string, string>,
  envs?: ReadonlyMap<string, unknown>,
): { alias: string; env?: string; args?: readonly Node[]; envIndex?: number } | undefined {
  if (!node) return undefined;
  const call = node.type === 'AwaitExpression' ? node.argument : node;
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || !aliases.has(call.callee.name)) return undefined;
  if (call.arguments.length === 1) {
    const argument = call.arguments[0];
    return { alias: call.callee.name, env: argument.type === 'Identifier' ? argument.name : undefined };
  }
  // Called with more than its env (`reports(config, reportsEnv)`): exactly one argument is a plugin env.
  const envIndex = call.arguments.findIndex(argument => argument.type === 'Identifier' && envs?.has(argument.name));
  const envArgument = call.arguments[envIndex];
  if (envIndex === -1 || envArgument?.type !== 'Identifier' || call.arguments.some(argument => argument.type === 'SpreadElement')) return undefined;
  return { alias: call.callee.name, env: envArgument.name, args: call.arguments, envIndex };
}

/** `process.kill(process.ppid, ...)` and the like: code that stops the process that started the backend. */
export function stopsTheParent(node: Node, source: string): boolean {
  return /\bprocess\.ppid\b|\bprocess\.kill\s*\(/.test(source.slice(node.start ?? 0, node.end ?? 0));
}

/** The name a top-level type alias or interface declares (exported or not), else undefined. */
export function typeDeclared(statement: Node): string | undefined {
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  return declaration?.type === 'TSTypeAliasDeclaration' || declaration?.type === 'TSInterfaceDeclaration' ? declaration.id.name : undefined;
}

/** A path the root HTTP router takes: plain segments, outside /api, no trailing slash. */
export function isRootPath(mountPath: string): boolean {
  return /^\/[A-Za-z0-9._~/-]*$/.test(mountPath) && mountPath !== '/api' && !mountPath.startsWith('/api/') && !mountPath.endsWith('/');
}

/** The name an import binding imports (`getRootLogger` for `import { getRootLogger as root }`). */
export function importedName(index: LegacyIndex, local: string): string | undefined {
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
export function startupLogLine(statement: Node, logger: string, source: string): StartupLogLine | undefined {
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
export function literalText(node: Node): string | undefined {
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
export function passesToMakeCreateEnv(statement: Node, logger: string, index: LegacyIndex): boolean {
  if (statement !== index.createEnvDeclaration || statement.type !== 'VariableDeclaration') return false;
  const init = statement.declarations[0]?.init;
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'makeCreateEnv') return false;
  return init.arguments.some(argument => argument.type === 'Identifier' && argument.name === logger);
}

/**
 * backend-common's default root logger: `getRootLogger()`, or
 * `createRootLogger()` without options, which makes the very logger
 * getRootLogger() makes on its first call (read in backend-common 0.24.1:
 * same level, format, console and `service: 'backstage'`) and sets it as
 * the root logger. With options it is a logger of the app's own making.
 */
export function isDefaultRootLogger(node: Node | null | undefined, index: LegacyIndex): boolean {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.arguments.length) return false;
  const from = index.imports.find(d => d.specifiers.some(s => s.local.name === (node.callee as { name: string }).name))?.source.value;
  const name = importedName(index, node.callee.name);
  return from === '@backstage/backend-common' && (name === 'getRootLogger' || name === 'createRootLogger');
}

/** The parameter of makeCreateEnv that main() fills with one of its root loggers (`makeCreateEnv(config, logger)`, `makeCreateEnv(config, getRootLogger())`), if any. */
export function rootLoggerParam(fn: Node, index: LegacyIndex, rootLoggers: ReadonlySet<string>): string | undefined {
  const declaration = index.createEnvDeclaration;
  const init = declaration?.type === 'VariableDeclaration' ? declaration.declarations[0]?.init : undefined;
  if (fn.type !== 'FunctionDeclaration' || init?.type !== 'CallExpression') return undefined;
  const position = init.arguments.findIndex(argument => (argument.type === 'Identifier' && rootLoggers.has(argument.name)) || isDefaultRootLogger(argument, index));
  const param = position > 0 ? fn.params[position] : undefined;
  return param?.type === 'Identifier' ? param.name : undefined;
}

/**
 * `await service.start().catch(err => { logger.error(err); process.exit(1); })`: the template's start, whose
 * catch logs through the root logger (or the console) and exits; backend.start() does it.
 */
export function isServiceStartCatch(statement: Node, logger: string): boolean {
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
export function isConfigLoading(statement: Node, logger: string): boolean {
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

/** The name main() loads the config under (`const config = await loadBackendConfig(...)`), if any. */
export function loadedConfigName(body: readonly Node[]): string | undefined {
  for (const statement of body) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue;
    const declarator = statement.declarations[0];
    const init = declarator.init?.type === 'AwaitExpression' ? declarator.init.argument : declarator.init;
    if (declarator.id.type === 'Identifier' && init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'loadBackendConfig') return declarator.id.name;
  }
  return undefined;
}

/**
 * `createRootLogger({ format })`, backend-common's root logger with a format
 * of the app's own (which replaces Backstage's, its redacter with it): the
 * format, or why it cannot move (options besides the format, a format made
 * of more than imports).
 */
export function rootLoggerCreation(node: Node | null | undefined, index: LegacyIndex, imported: (name: string) => boolean): { format: Node } | { why: string } | undefined {
  const call = node?.type === 'ExpressionStatement' ? node.expression : node;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || importedName(index, call.callee.name) !== 'createRootLogger') return undefined;
  const from = index.imports.find(d => d.specifiers.some(s => s.local.name === (call.callee as { name: string }).name))?.source.value;
  if (from !== '@backstage/backend-common') return undefined;
  const options = call.arguments[0];
  const properties = options?.type === 'ObjectExpression' ? options.properties : [];
  const format = properties.find(p => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'format');
  const others = properties.filter(p => p !== format).map(p => (p.type === 'ObjectProperty' && p.key.type === 'Identifier' ? p.key.name : '...'));
  if (call.arguments.length !== 1 || options?.type !== 'ObjectExpression' || format?.type !== 'ObjectProperty' || others.length) {
    return { why: `a root logger made with ${others.length ? `options besides its format (${others.join(', ')})` : 'other arguments than { format }'}: only a format moves into a coreServices.rootLogger factory (WinstonLogger.create); configure the rest by hand, or in app-config` };
  }
  const locals = [...mentions(format.value)].filter(name => !imported(name));
  if (locals.length) return { why: `a root logger whose format is made of ${locals.join(', ')}, not imports only: only such a format moves into a coreServices.rootLogger factory; make it in a module of its own and import it, then run migrate again` };
  return { format: format.value };
}
