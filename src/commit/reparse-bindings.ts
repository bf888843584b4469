/**
 * The names a changed stretch of statements binds, against the names of the
 * rest of its scope: a binding that could clash with one outside the stretch
 * is an error only a whole-file parse shows (./reparse sends it there).
 */
import type { BlockStatement, Node, Program, Statement } from '@babel/types';
import { patternNames } from '../../transforms/lib/ast';

export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression',
  'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod',
]);

/** The changed statements' place: the block (or program) they stand in, what it is the body of, and the indices of the statements around them. */
export interface StatementRange {
  readonly container: Program | BlockStatement;
  readonly owner?: Node;
  /** Indices in the container's body: the statement before the change (or -1) and the one after (or body.length). */
  readonly before: number;
  readonly after: number;
}

/**
 * A name the changed statements declare that was not declared there before
 * must not be declared anywhere else in the same scope (or be a parameter of
 * its function): a clash is an error only the whole file shows.
 */
export function bindingsStayApart(changed: readonly Statement[], region: StatementRange): boolean {
  const fresh = new Set<string>();
  for (const statement of changed) {
    // A var hoists out of its block into the function's scope: not modelled here.
    if (declaresVar(statement)) return false;
    declaredNames(statement, fresh);
  }
  const body = region.container.body;
  const old = new Set<string>();
  for (let i = region.before + 1; i < region.after; i++) declaredNames(body[i], old);
  // `export { x }` elsewhere needs x declared in the module: a name the change takes away is the whole parse's to judge.
  if (region.container.type === 'Program') {
    const exported = exportedLocalNames(body);
    if ([...old].some(name => !fresh.has(name) && exported.has(name))) return false;
  }
  for (const name of old) fresh.delete(name);
  if (fresh.size === 0) return true;
  const elsewhere = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    if (i <= region.before || i >= region.after) declaredNames(body[i], elsewhere);
    hoistedVars(body[i], elsewhere);
  }
  const owner = region.owner;
  if (owner && FUNCTION_TYPES.has(owner.type)) for (const param of (owner as { params: Node[] }).params) patternNames(param, elsewhere);
  if (owner?.type === 'CatchClause') patternNames(owner.param, elsewhere);
  for (const name of fresh) if (elsewhere.has(name)) return false;
  return true;
}

/** The local names that `export { a, b as c }` lists (no `from`) export. */
function exportedLocalNames(body: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const statement of body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ExportSpecifier' && specifier.local.type === 'Identifier') names.add(specifier.local.name);
    }
  }
  return names;
}

/** Names a statement binds in the scope it stands in (values and types alike: a false clash only costs a full parse). */
function declaredNames(statement: Node, into: Set<string>): void {
  switch (statement.type) {
    case 'ImportDeclaration':
      for (const specifier of statement.specifiers) into.add(specifier.local.name);
      break;
    case 'VariableDeclaration':
      for (const declarator of statement.declarations) patternNames(declarator.id, into);
      break;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSDeclareFunction':
      if (statement.id) into.add(statement.id.name);
      break;
    case 'TSModuleDeclaration':
      if (statement.id.type === 'Identifier') into.add(statement.id.name);
      break;
    case 'TSImportEqualsDeclaration':
      into.add(statement.id.name);
      break;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      if (statement.declaration) declaredNames(statement.declaration, into);
      break;
    default:
      break;
  }
}

/** `var`s hoist out of nested blocks into the function: the names they bind, statements only (expressions hold none that hoist here). */
function hoistedVars(statement: Node | null | undefined, into: Set<string>): void {
  if (!statement) return;
  switch (statement.type) {
    case 'VariableDeclaration':
      if (statement.kind === 'var') for (const d of statement.declarations) patternNames(d.id, into);
      break;
    case 'BlockStatement':
      for (const s of statement.body) hoistedVars(s, into);
      break;
    case 'IfStatement':
      hoistedVars(statement.consequent, into);
      hoistedVars(statement.alternate, into);
      break;
    case 'ForStatement':
      hoistedVars(statement.init, into);
      hoistedVars(statement.body, into);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      hoistedVars(statement.left, into);
      hoistedVars(statement.body, into);
      break;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      hoistedVars(statement.body, into);
      break;
    case 'TryStatement':
      hoistedVars(statement.block, into);
      hoistedVars(statement.handler?.body, into);
      hoistedVars(statement.finalizer, into);
      break;
    case 'SwitchStatement':
      for (const c of statement.cases) for (const s of c.consequent) hoistedVars(s, into);
      break;
    default:
      break;
  }
}

function declaresVar(statement: Node): boolean {
  const found = new Set<string>();
  hoistedVars(statement, found);
  return found.size > 0;
}
