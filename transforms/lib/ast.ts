import type { BlockStatement, CallExpression, LVal, Node, Program, Statement, VariableDeclarator } from '@babel/types';
import { VISITOR_KEYS } from './visitor-keys';

/** A statement list that can receive new statements: a block or the program. */
export type StatementContainer = BlockStatement | Program;

const SKIPPED_KEYS = new Set([
  'type', 'start', 'end', 'loc', 'range', 'extra',
  'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens',
]);

/**
 * Depth-first walk over a Babel AST. `ancestors` holds the path from the root
 * to the node's parent. The visitor returns `false` to skip a node's children.
 * A hand-rolled walk (instead of @babel/traverse or a jscodeshift Collection)
 * keeps the hot path free of heavy modules; it follows each type's child keys
 * from a table, which halved the walk's time against reading every key of
 * every node (a 200-plugin index.ts has some 5,000 nodes, walked while the
 * code is still cold). A type the table lacks has all its keys read.
 */
export function walk(root: Node, visit: (node: Node, ancestors: readonly Node[]) => void | false): void {
  const ancestors: Node[] = [];
  const step = (node: Node): void => {
    if (visit(node, ancestors) === false) return;
    ancestors.push(node);
    const record = node as unknown as Record<string, unknown>;
    const keys = VISITOR_KEYS[node.type] ?? ownChildKeys(record);
    for (let k = 0; k < keys.length; k++) {
      const value = record[keys[k]];
      if (typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (isNode(value[i])) step(value[i]);
      } else if (isNode(value)) {
        step(value);
      }
    }
    ancestors.pop();
  };
  step(root);
}

function ownChildKeys(node: Record<string, unknown>): string[] {
  return Object.keys(node).filter(key => !SKIPPED_KEYS.has(key) && typeof node[key] === 'object' && node[key] !== null);
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The nearest block (or the program) holding the node, and the statement of that block that contains it. */
export function enclosingStatement(
  node: Node,
  ancestors: readonly Node[],
): { container: StatementContainer; statement: Statement } | undefined {
  const path = [...ancestors, node];
  for (let i = path.length - 2; i >= 0; i--) {
    const candidate = path[i];
    if (candidate.type === 'BlockStatement' || candidate.type === 'Program') {
      return { container: candidate, statement: path[i + 1] as Statement };
    }
  }
  return undefined;
}

/** Names bound by a declaration pattern (`a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`). */
export function patternNames(pattern: LVal | Node | null | undefined, into: Set<string>): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        patternNames(property.type === 'RestElement' ? property.argument : (property.value as Node), into);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) patternNames(element, into);
      break;
    case 'RestElement':
      patternNames(pattern.argument, into);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, into);
      break;
    case 'TSParameterProperty':
      patternNames(pattern.parameter, into);
      break;
    default:
      break;
  }
}

/**
 * Every name the file declares anywhere (imports, variables, functions,
 * classes, parameters), and every identifier it mentions. A new name must
 * avoid both: shadowing a parameter or a global such as `module` breaks code
 * as surely as a redeclaration.
 */
export function collectNames(root: Node): { declared: Set<string>; mentioned: Set<string> } {
  const names = { declared: new Set<string>(), mentioned: new Set<string>() };
  walk(root, (node, ancestors) => recordNames(node, ancestors[ancestors.length - 1], names));
  return names;
}

/** One step of collectNames, for walks that gather names along with other things. */
export function recordNames(node: Node, parent: Node | undefined, names: { declared: Set<string>; mentioned: Set<string> }): void {
  const { declared, mentioned } = names;
  switch (node.type) {
    case 'Identifier':
      if (parent && isPropertyName(node, parent)) break;
      mentioned.add(node.name);
      break;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      declared.add(node.local.name);
      break;
    case 'VariableDeclarator':
      patternNames(node.id, declared);
      break;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.type !== 'ArrowFunctionExpression' && node.id) declared.add(node.id.name);
      for (const param of node.params) patternNames(param, declared);
      break;
    case 'ClassDeclaration':
      if (node.id) declared.add(node.id.name);
      break;
    case 'CatchClause':
      patternNames(node.param, declared);
      break;
    default:
      break;
  }
}

function isPropertyName(node: Node, parent: Node): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.property === node && !parent.computed;
    case 'ObjectProperty':
    case 'ObjectMethod':
    case 'ClassProperty':
    case 'ClassMethod':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return parent.key === node && !parent.computed;
    default:
      return false;
  }
}

/** The name of an object key or type member written as a name or a string (`a`, `'a'`); undefined for a computed one. */
export function keyName(key: Node): string | undefined {
  return key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
}

/** The value of a string literal or of a template literal without expressions. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `name(...)` with `name` an identifier: the name, else undefined. */
export function calleeName(node: Node): string | undefined {
  if (node.type !== 'CallExpression') return undefined;
  return node.callee.type === 'Identifier' ? node.callee.name : undefined;
}

/** Whether `node` or any node below it satisfies `test`. */
export function contains(node: Node, test: (candidate: Node) => boolean): boolean {
  let found = false;
  walk(node, candidate => {
    if (found) return false;
    if (test(candidate)) {
      found = true;
      return false;
    }
    return undefined;
  });
  return found;
}

/** The one declarator of `const x = ...` (a declaration of several, or another statement: undefined). */
export function soleDeclarator(statement: Node): VariableDeclarator | undefined {
  return statement.type === 'VariableDeclaration' && statement.declarations.length === 1 ? statement.declarations[0] : undefined;
}

/** Start offsets of every identifier (property names excluded), by name. */
export function identifierOffsets(root: Node): Map<string, number[]> {
  const offsets = new Map<string, number[]>();
  walk(root, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (node.type === 'JSXIdentifier') {
      // An element's name refers to a variable (`<EntityJenkinsContent />`, `<Foo.Bar>`'s Foo); `<div>` and attribute names do not.
      const elementName = (parent?.type === 'JSXOpeningElement' || parent?.type === 'JSXClosingElement') && parent.name === node && /^[A-Z_$]/.test(node.name);
      if (!elementName && !(parent?.type === 'JSXMemberExpression' && parent.object === node)) return;
    } else if (node.type !== 'Identifier') {
      return;
    }
    if (node.type === 'Identifier' && parent && isPropertyName(node, parent)) return;
    const list = offsets.get(node.name) ?? [];
    list.push(node.start ?? 0);
    offsets.set(node.name, list);
  });
  return offsets;
}

/** `object.method(...)` with `object` an identifier. */
export function isMethodCall(node: Node, object: string, method: string): node is CallExpression {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    node.callee.object.type === 'Identifier' &&
    node.callee.object.name === object &&
    node.callee.property.type === 'Identifier' &&
    node.callee.property.name === method
  );
}

/**
 * The names a node uses from outside it: those it mentions less the ones a
 * function, block or catch clause inside it binds where the use stands
 * (`(req, res) => res.send(x)` uses `x` alone).
 */
export function freeNames(node: Node): Set<string> {
  const names = new Set<string>();
  walk(node, (inner, ancestors) => {
    if (inner.type !== 'Identifier') return;
    const parent = ancestors[ancestors.length - 1];
    if (namesMemberOrKey(inner, parent) || (parent?.type === 'ObjectMethod' && parent.key === inner && !parent.computed)) return;
    const scopes = [...ancestors.slice(ancestors.indexOf(node)), inner];
    if (!scopes.some(scope => bindsName(scope, inner.name))) names.add(inner.name);
  });
  return names;
}

/** Whether `scope` binds `name` for what it holds: a function's name and parameters, a block's declarations, a catch clause's parameter. */
function bindsName(scope: Node, name: string): boolean {
  const bound = (pattern: Node | null | undefined): boolean => {
    const names = new Set<string>();
    patternNames(pattern, names);
    return names.has(name);
  };
  switch (scope.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ObjectMethod':
    case 'ClassMethod':
      return scope.params.some(param => bound(param as Node)) || ((scope.type === 'FunctionExpression' || scope.type === 'FunctionDeclaration') && scope.id?.name === name);
    case 'CatchClause':
      return bound(scope.param);
    case 'BlockStatement':
    case 'Program':
      return scope.body.some(
        statement =>
          (statement.type === 'VariableDeclaration' && statement.declarations.some(declarator => bound(declarator.id))) ||
          ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id?.name === name),
      );
    default:
      return false;
  }
}

/** `x` in `a.x` or `{ x: 1 }`: a property's name, not a name in scope (isPropertyName above also takes class and type members). */
function namesMemberOrKey(identifier: Node, parent: Node | undefined): boolean {
  if (!parent) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === identifier && !parent.computed) return true;
  return parent.type === 'ObjectProperty' && parent.key === identifier && !parent.computed;
}

/** Every identifier a node mentions (property names excluded). */
export function mentions(node: Node): Set<string> {
  const names = new Set<string>();
  walk(node, (inner, ancestors) => {
    if (inner.type !== 'Identifier' || namesMemberOrKey(inner, ancestors[ancestors.length - 1])) return;
    names.add(inner.name);
  });
  return names;
}
