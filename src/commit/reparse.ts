/**
 * Re-parses only what an edit changed. The planners edit a file that parsed
 * by inserting or replacing text at statement boundaries they found in its
 * AST. The bytes outside a changed stretch of statements are the ones that
 * parsed before, so the new file parses when each stretch parses in its
 * place and cannot run on into its neighbours: the statement before comes
 * along when it could be continued (it ends in neither `;` nor a block), and
 * the statement after is stood in for by its first token. On a 200-plugin
 * index.ts this re-reads a few lines instead of 38 KB with a parser that is
 * still cold.
 *
 * The check only ever says "proven": whenever a stretch does not parse on its
 * own, or its context is one this module does not model, the answer is
 * `false` and the caller re-parses the whole file, which decides. So the
 * context is modelled conservatively: a stretch inside a block is parsed as
 * strict script code without the browser extensions (no import or export,
 * `await` only in an async function or at the top level, `return` only in a
 * function, no HTML-like comments), anything it
 * cannot place (labels, `break`, `super`, `yield`) makes it fail, and new
 * bindings that could clash with one outside the stretch send it to the
 * whole-file parse.
 */
import { parse, ParserOptions } from '@babel/parser';
import type { BlockStatement, File, Node, Program, Statement } from '@babel/types';
import { contains, isNode } from '../../transforms/lib/ast';
import { applyChanges, TextChange } from '../../transforms/lib/changes';
import { VISITOR_KEYS } from '../../transforms/lib/visitor-keys';
import { bindingsStayApart, FUNCTION_TYPES } from './reparse-bindings';

export interface ParsedEdits {
  /** The AST of the text the edits apply to. */
  readonly ast: File;
  readonly edits: readonly TextChange[];
}

type Container = Program | BlockStatement;

const OPAQUE_TYPES = new Set([
  'StaticBlock', 'ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'TSModuleDeclaration',
]);

interface Scope {
  readonly container: Container;
  /** The nearest enclosing function, if any. */
  readonly fn?: Node;
  /** The node the block is the body of (function, catch clause, if, ...), if a block. */
  readonly owner?: Node;
}

interface Region {
  readonly scope: Scope;
  /** Indices in the container's body: the statement before the change (or -1) and the one after (or body.length). */
  readonly before: number;
  readonly after: number;
  /** Whether the text starts with the statement before, which the change might continue (it ends in neither `;` nor a block). */
  readonly withBefore: boolean;
  /** Offsets in the original text: from the statement before (or its end) up to the start of the statement after. */
  readonly start: number;
  readonly end: number;
}

/**
 * Whether `after` (= `edits` applied to `before`) is proven to parse by
 * re-parsing only the changed statements in place. `false` means "not
 * proven here": parse the whole file.
 */
export function editsReparse(before: string, after: string, parsed: ParsedEdits): boolean {
  try {
    return provenInPlace(before, after, parsed);
  } catch {
    // Edits this module cannot even lay out (overlapping, out of range): not proven.
    return false;
  }
}

function provenInPlace(before: string, after: string, parsed: ParsedEdits): boolean {
  const { ast, edits } = parsed;
  if (edits.length === 0) return before === after;
  if (applyChanges(before, edits) !== after) return false;
  const regions: Region[] = [];
  for (const edit of edits) {
    const region = regionOf(ast.program, edit, before);
    if (!region) return false;
    regions.push(region);
  }
  const merged = mergeRegions(regions);
  if (!merged) return false;
  for (const region of merged) {
    const inside = edits.filter(e => e.start >= region.start && e.end <= region.end);
    const shifted = inside.map(e => ({ start: e.start - region.start, end: e.end - region.start, text: e.text }));
    const text = applyChanges(before.slice(region.start, region.end), shifted);
    if (!regionParses(text, region, before, edits)) return false;
  }
  return true;
}

/** The statements around one edit, in the innermost block (or the program) whose inside holds it. */
function regionOf(program: Program, edit: TextChange, source: string): Region | undefined {
  let scope: Scope = { container: program };
  for (;;) {
    const body = scope.container.body;
    let before = -1;
    while (before + 1 < body.length && end(body[before + 1]) <= edit.start) before++;
    let after = before + 1;
    while (after < body.length && start(body[after]) < edit.end) after++;
    // Strictly inside one statement: go down into a block that holds the edit, if there is one.
    if (after === before + 2 && start(body[before + 1]) < edit.start && edit.end < end(body[before + 1])) {
      const inner = innerScope(body[before + 1], edit, scope.fn);
      if (inner) {
        scope = inner;
        continue;
      }
    }
    const { container } = scope;
    const open = container.type === 'Program' ? 0 : start(container) + 1;
    const directives = container.directives ?? [];
    const bodyStart = directives.length ? end(directives[directives.length - 1]) : open;
    const withBefore = before >= 0 && !isClosed(body[before], source);
    const regionStart = before < 0 ? bodyStart : withBefore ? start(body[before]) : end(body[before]);
    const regionEnd = after < body.length ? start(body[after]) : container.type === 'Program' ? source.length : end(container) - 1;
    if (edit.start < regionStart || edit.end > regionEnd) return undefined;
    return { scope, before, after, withBefore, start: regionStart, end: regionEnd };
  }
}

/**
 * The outermost block inside `node` whose braces enclose the edit, with its
 * function; the caller goes on down from that block's statements. Class
 * fields, static blocks and namespaces change what code may say in ways not
 * modelled here: below them the whole statement is the region.
 */
function innerScope(node: Node, edit: TextChange, fn: Node | undefined): Scope | undefined {
  let current: Node | undefined = node;
  let owner: Node | undefined;
  let currentFn = fn;
  while (current) {
    if (OPAQUE_TYPES.has(current.type)) return undefined;
    if (FUNCTION_TYPES.has(current.type)) currentFn = current;
    if (current.type === 'BlockStatement' && start(current) < edit.start && edit.end < end(current)) {
      return { container: current, fn: currentFn, owner };
    }
    owner = current;
    current = childHolding(current, edit);
  }
  return undefined;
}

function childHolding(node: Node, edit: TextChange): Node | undefined {
  const record = node as unknown as Record<string, unknown>;
  for (const key of VISITOR_KEYS[node.type] ?? Object.keys(record)) {
    const value = record[key];
    if (typeof value !== 'object' || value === null || key === 'loc' || key === 'extra') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child) && start(child) <= edit.start && edit.end <= end(child)) return child;
    }
  }
  return undefined;
}

/**
 * Regions in one container that overlap become one; a region inside another
 * one's statements goes into it. Undefined when two overlap otherwise.
 */
function mergeRegions(regions: Region[]): Region[] | undefined {
  const sorted = [...regions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Region[] = [];
  for (const region of sorted) {
    const last = out[out.length - 1];
    if (last && region.start < last.end) {
      if (region.end <= last.end) continue;
      if (region.scope.container !== last.scope.container) return undefined;
      out[out.length - 1] = { ...last, after: region.after, end: region.end };
    } else {
      out.push(region);
    }
  }
  return out;
}

/**
 * What stands in for the statement after the change. Whether the change's
 * last statement runs on into it depends only on that statement's first
 * token. A name (a keyword too; TypeScript's `as` and `satisfies` as well,
 * which the parser only takes on the same line) never continues a statement
 * across a line break, and where ours would be an error on the same line the
 * answer is only "not proven"; so a name of ours stands in for it. Anything
 * else comes whole, and must be unchanged.
 */
function followingStatement(region: Region, source: string, edits: readonly TextChange[]): string | undefined {
  const body = region.scope.container.body;
  if (region.after >= body.length) return '';
  const next = body[region.after];
  if (/^[A-Za-z_$][\w$]*(?![\w$\\])/.test(source.slice(start(next), start(next) + 64))) return PROBE;
  if (edits.some(e => e.end > start(next) && e.start < end(next))) return undefined;
  return source.slice(start(next), end(next));
}

const PROBE = 'wirePluginProbe;';

function regionParses(changedText: string, region: Region, source: string, edits: readonly TextChange[]): boolean {
  const following = followingStatement(region, source, edits);
  if (following === undefined) return false;
  const text = changedText + following;
  const { scope } = region;
  const atTop = scope.container.type === 'Program';
  const fn = scope.fn as { async?: boolean; generator?: boolean } | undefined;
  if (fn?.generator) return false;
  const options: ParserOptions = {
    sourceType: atTop ? 'module' : 'script',
    strictMode: true,
    // A script reads `<!--` and `-->` as comments (Annex B); a module does not.
    annexB: false,
    plugins: ['typescript'],
    attachComment: false,
    errorRecovery: false,
    allowReturnOutsideFunction: !atTop && fn !== undefined,
    // A module's top level takes `await` by default, as in the whole-file parse.
    allowAwaitOutsideFunction: atTop ? undefined : fn === undefined || fn.async === true,
  };
  let program: Program;
  try {
    program = parse(text, options).program;
  } catch {
    return false;
  }
  const body = scope.container.body;
  const statements = program.body;
  // The statements on either side must come back whole, where they were.
  if (region.withBefore) {
    const first = statements[0];
    if (!first || start(first) !== 0 || end(first) !== end(body[region.before]) - region.start) return false;
  }
  if (following) {
    const last = statements[statements.length - 1];
    if (!last || start(last) !== changedText.length || end(last) !== text.length) return false;
  }
  // A string statement at the start would be a directive here and maybe not there.
  if (program.directives.length) return false;
  const changed = statements.slice(region.withBefore ? 1 : 0, following ? -1 : undefined);
  // A script has no imports; and exports are checked against the whole module (undeclared, duplicate).
  if (changed.some(s => (s.type === 'ImportDeclaration' || s.type === 'TSImportEqualsDeclaration' ? !atTop : /Export/.test(s.type)))) return false;
  if (mentionsReservedWord(program)) return false;
  return bindingsStayApart(changed, { container: region.scope.container, owner: region.scope.owner, before: region.before, after: region.after });
}

/**
 * Whether nothing after the statement can continue it: it ends in `;`, or
 * in the closing brace of a block (not of an object or a class expression).
 */
function isClosed(statement: Statement, source: string): boolean {
  if (source[end(statement) - 1] === ';') return true;
  if (source[end(statement) - 1] !== '}') return false;
  switch (statement.type) {
    case 'BlockStatement':
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TryStatement':
    case 'SwitchStatement':
    case 'TSInterfaceDeclaration':
    case 'TSEnumDeclaration':
      return true;
    case 'IfStatement':
      return isClosed(statement.alternate ?? statement.consequent, source);
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'LabeledStatement':
      return isClosed(statement.body, source);
    default:
      return false;
  }
}

/** `await` and `yield` as names: a script accepts them where a module does not. */
function mentionsReservedWord(program: Program): boolean {
  return contains(program, node => node.type === 'Identifier' && (node.name === 'await' || node.name === 'yield'));
}

function start(node: Node): number {
  return node.start ?? 0;
}

function end(node: Node): number {
  return node.end ?? 0;
}
