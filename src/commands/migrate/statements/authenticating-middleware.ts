/**
 * Finding the authenticating middleware of main() (see auth-middleware.ts,
 * the reader that says its fate): a pre-pass over main()'s body that the
 * statement reading runs once. It needs only what the reading knows of the
 * source, so it imports neither the reading nor the readers.
 */
import type { Node, Statement } from '@babel/types';
import { identifierOffsets, mentions, soleDeclarator } from '../../../../transforms/lib/ast';

/** What the search needs from the statement reading. */
export interface MiddlewareSource {
  readonly source: string;
  readonly importedFrom: ReadonlyMap<string, unknown>;
  readonly configName: string | undefined;
  lineOf(node: Node): number;
}

export interface AuthenticatingMiddleware {
  /** The middleware's name (`authMiddleware`). */
  readonly name: string;
  readonly line: number;
  /** Whether it put the verified identity on the request (`req.user = ...`), which the new backend does not do. */
  readonly setsUser: boolean;
  /** The middleware's declaration and those of the identity client and discovery only it used. */
  readonly statements: readonly Node[];
}

export type AuthenticatingReading = AuthenticatingMiddleware | { readonly refused: Node; readonly why: string } | undefined;

const ONLY = 'only a middleware that reads the bearer token, verifies it with an identity client and calls next (or answers 401) is covered by the new backend\'s default auth policy';

/** Reads main() once for the middleware: the one found, why it is refused, or undefined where there is none. */
export function readAuthenticatingMiddleware(reading: MiddlewareSource, body: readonly Statement[]): AuthenticatingReading {
  for (const statement of body) {
    const declarator = soleDeclarator(statement);
    const fn = declarator?.init;
    if (!declarator || declarator.id.type !== 'Identifier' || !fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) continue;
    if (!/\.authenticate\s*\(/.test(reading.source.slice(fn.start ?? 0, fn.end ?? 0))) continue;
    const shape = readShape(fn, reading.source);
    if ('why' in shape) return { refused: statement, why: shape.why };
    const identity = declarationOf(body, shape.identity);
    const identityInit = identity && identity.type === 'VariableDeclaration' ? identity.declarations[0].init : undefined;
    if (!identity || !identityInit || !/^(new\s+)?[A-Za-z]*IdentityClient(\.create)?\s*\(/.test(reading.source.slice(identityInit.start ?? 0, identityInit.end ?? 0))) {
      return { refused: statement, why: `authenticates with ${shape.identity}, which is not an identity client main() makes (IdentityClient.create(...)): ${ONLY}` };
    }
    const statements: Node[] = [];
    for (const name of [...mentions(identityInit)].filter(n => !reading.importedFrom.has(n))) {
      const discovery = declarationOf(body, name);
      const init = discovery?.type === 'VariableDeclaration' ? discovery.declarations[0].init : undefined;
      const text = init ? reading.source.slice(init.start ?? 0, init.end ?? 0) : '';
      if (!discovery || !init || !reading.configName || text.replace(/\s/g, '') !== `${text.split('.')[0]}.fromConfig(${reading.configName})` || !/Discovery$/.test(text.split('.')[0])) {
        return { refused: identity, why: `the identity client of ${declarator.id.name} is made with ${name}, not only a discovery made of the config: ${ONLY}` };
      }
      statements.push(discovery);
    }
    statements.push(identity, statement);
    // The identity client and its discovery go with the middleware only where nothing else uses them.
    const inside = (offset: number): boolean => statements.some(s => offset >= (s.start ?? 0) && offset < (s.end ?? 0));
    const offsets = new Map<string, number[]>();
    for (const s of body) for (const [name, list] of identifierOffsets(s)) offsets.set(name, [...(offsets.get(name) ?? []), ...list]);
    const locals = [shape.identity, ...statements.slice(0, -2).map(s => (s.type === 'VariableDeclaration' && s.declarations[0].id.type === 'Identifier' ? s.declarations[0].id.name : ''))];
    const shared = locals.find(name => (offsets.get(name) ?? []).some(offset => !inside(offset)));
    if (shared) return { refused: statement, why: `uses ${shared}, which main() uses elsewhere too: the middleware could go, ${shared} could not; ${ONLY}, with an identity client of its own` };
    return { name: declarator.id.name, line: reading.lineOf(statement), setsUser: shape.setsUser, statements };
  }
  return undefined;
}

function declarationOf(body: readonly Statement[], name: string): Statement | undefined {
  return body.find(s => s.type === 'VariableDeclaration' && s.declarations.length === 1 && s.declarations[0].id.type === 'Identifier' && s.declarations[0].id.name === name);
}

/**
 * `async (req, res, next) => { try { const token = <bearer>(req.headers.authorization);
 * [req.user =] await identity.authenticate(token); next(); } catch (e) { <401 or next(e)> } }`.
 */
function readShape(fn: Node, source: string): { identity: string; setsUser: boolean } | { why: string } {
  if ((fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || fn.body.type !== 'BlockStatement') return { why: ONLY };
  const [req, res, next] = fn.params.map(p => (p.type === 'Identifier' ? p.name : ''));
  const more = (node: Node): { why: string } => ({ why: `does more than authenticate (${oneLine(source, node)}): ${ONLY}; move it into a backend module by hand` });
  if (fn.params.length !== 3 || !req || !res || !next) return { why: ONLY };
  const [tryStatement, ...rest] = fn.body.body;
  if (!tryStatement || tryStatement.type !== 'TryStatement' || !tryStatement.handler || tryStatement.finalizer) return more(tryStatement ?? fn);
  if (rest.length) return more(rest[0]);
  // In order, so that a refusal names the first statement that does more.
  const [tokenDeclaration, verify, proceed, ...extra] = tryStatement.block.body;
  const token = tokenDeclaration && bearerToken(tokenDeclaration, req, source);
  if (!token) return more(tokenDeclaration ?? tryStatement);
  const verified = verify && verification(verify, req, token);
  if (!verified) return more(verify ?? tryStatement);
  if (!proceed || !isCall(proceed, source, [`${next}()`, `return ${next}()`])) return more(proceed ?? tryStatement);
  if (extra.length) return more(extra[0]);
  const caught = tryStatement.handler.param?.type === 'Identifier' ? tryStatement.handler.param.name : undefined;
  const answers = tryStatement.handler.body.body;
  const unauthorized = answers.length === 1 && answers[0] && (isCall(answers[0], source, caught ? [`${next}(${caught})`, `return ${next}(${caught})`] : []) || answers401(answers[0], [res, caught], source));
  if (!unauthorized) return more(answers[answers.length > 1 ? 1 : 0] ?? tryStatement.handler);
  return verified;
}

/** `const token = IdentityClient.getBearerToken(req.headers.authorization)` (or getBearerTokenFromAuthorizationHeader, or `req.header('authorization')`): the token's name. */
function bearerToken(statement: Node, req: string, source: string): string | undefined {
  if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return undefined;
  const [declarator] = statement.declarations;
  const init = declarator.init;
  if (declarator.id.type !== 'Identifier' || !init || init.type !== 'CallExpression' || init.arguments.length !== 1) return undefined;
  const callee = init.callee.type === 'Identifier' ? init.callee.name : init.callee.type === 'MemberExpression' && init.callee.property.type === 'Identifier' ? init.callee.property.name : '';
  if (callee !== 'getBearerToken' && callee !== 'getBearerTokenFromAuthorizationHeader') return undefined;
  const argument = source.slice(init.arguments[0].start ?? 0, init.arguments[0].end ?? 0).replace(/\s/g, '');
  const header = [`${req}.headers.authorization`, `${req}.header('authorization')`, `${req}.header("authorization")`, `${req}.header('Authorization')`, `${req}.header("Authorization")`];
  return header.includes(argument) ? declarator.id.name : undefined;
}

/** `await identity.authenticate(token);` or `req.user = await identity.authenticate(token);`. */
function verification(statement: Node, req: string, token: string): { identity: string; setsUser: boolean } | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  let expression = statement.expression;
  let setsUser = false;
  if (expression.type === 'AssignmentExpression' && expression.operator === '=') {
    const target = expression.left;
    if (target.type !== 'MemberExpression' || target.object.type !== 'Identifier' || target.object.name !== req || target.property.type !== 'Identifier' || target.property.name !== 'user') return undefined;
    setsUser = true;
    expression = expression.right;
  }
  if (expression.type !== 'AwaitExpression' || expression.argument.type !== 'CallExpression') return undefined;
  const call = expression.argument;
  if (call.callee.type !== 'MemberExpression' || call.callee.object.type !== 'Identifier' || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'authenticate') return undefined;
  if (call.arguments.length !== 1 || call.arguments[0].type !== 'Identifier' || call.arguments[0].name !== token) return undefined;
  return { identity: call.callee.object.name, setsUser };
}

/** A statement's text on one line, at most 100 characters. */
function oneLine(source: string, node: Node): string {
  const text = source.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, ' ').trim();
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function isCall(statement: Node, source: string, texts: readonly string[]): boolean {
  const text = source.slice(statement.start ?? 0, statement.end ?? 0).replace(/\s/g, '').replace(/;$/, '');
  return texts.some(t => t.replace(/\s/g, '') === text);
}

/** `res.status(401).send(...)` (`json`, `end`) or `res.sendStatus(401)`, of nothing but literals and the error caught. */
function answers401(statement: Node, [res, caught]: readonly [string, string | undefined], source: string): boolean {
  const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'ReturnStatement' ? statement.argument : undefined;
  if (!expression || expression.type !== 'CallExpression' || [...mentions(expression)].some(name => name !== res && name !== caught)) return false;
  const text = source.slice(expression.start ?? 0, expression.end ?? 0).replace(/\s/g, '');
  return text === `${res}.sendStatus(401)` || new RegExp(`^${res}\\.status\\(401\\)\\.(send|json|end)\\(`).test(text);
}
