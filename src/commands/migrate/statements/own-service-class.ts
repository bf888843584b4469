/**
 * A class of the app's own declared in index.ts itself that makeCreateEnv
 * makes a core service of (`class SplitDiscovery implements
 * PluginEndpointDiscovery { ... }` and `const discovery = new
 * SplitDiscovery(HostDiscovery.fromConfig(config))`). Nothing else in
 * index.ts names it, so it moves, as written, into the module of the
 * service factory that makes the service (src/modules/discovery.ts): the
 * new index.ts has no makeCreateEnv left to use it. It may read imports and
 * globals only; one that reads another declaration of index.ts would lose
 * it on the way, and is refused.
 */
import type { ClassDeclaration, FunctionDeclaration, Node } from '@babel/types';
import { collectNames, identifierOffsets, patternNames } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';
import type { StatementReading } from './reading';

/** The makeCreateEnv locals whose making by a class of the app's own becomes a service factory, and the service each is. */
const SERVICE_LOCALS: ReadonlyMap<string, { readonly what: string; readonly file: string }> = new Map([
  ['discovery', { what: 'discovery', file: 'src/modules/discovery.ts' }],
  ['reader', { what: 'URL reader', file: 'src/modules/url-reader.ts' }],
]);

export interface OwnServiceClass {
  readonly node: ClassDeclaration;
  /** `discovery` or `reader`: the makeCreateEnv local it makes. */
  readonly local: string;
  /** Declarations of index.ts (not imports) it reads, which would not move with it. */
  readonly readsOfIndex: readonly string[];
  /** Where its text starts: its own comments above it (a doc comment) move with it. */
  readonly start: number;
}

const found = new WeakMap<StatementReading, ReadonlyMap<string, OwnServiceClass>>();

/** The classes of index.ts that make one of makeCreateEnv's services and are named nowhere else, by name; read once a run. */
export function ownServiceClasses(reading: StatementReading): ReadonlyMap<string, OwnServiceClass> {
  let classes = found.get(reading);
  if (classes) return classes;
  classes = readOwnServiceClasses(reading);
  found.set(reading, classes);
  return classes;
}

function readOwnServiceClasses(reading: StatementReading): ReadonlyMap<string, OwnServiceClass> {
  const body = reading.ast.program.body;
  const makeCreateEnv = body.find((s): s is FunctionDeclaration => s.type === 'FunctionDeclaration' && s.id?.name === 'makeCreateEnv');
  const classes = new Map<string, OwnServiceClass>();
  if (!makeCreateEnv) return classes;
  const offsets = identifierOffsets(reading.ast.program);
  const topLevel = topLevelBindings(body);
  for (const statement of body) {
    if (statement.type !== 'ClassDeclaration' || !statement.id) continue;
    const name = statement.id.name;
    const made = serviceMadeOf(makeCreateEnv, name);
    if (!made) continue;
    // Named only in its own declaration and where makeCreateEnv makes the service: moving it leaves no use behind.
    const inside = (offset: number, node: Node): boolean => offset >= (node.start ?? 0) && offset < (node.end ?? 0);
    if (!(offsets.get(name) ?? []).every(offset => inside(offset, statement) || inside(offset, made.init))) continue;
    const { declared, mentioned } = collectNames(statement);
    const readsOfIndex = [...mentioned].filter(n => n !== name && !declared.has(n) && topLevel.has(n) && !reading.importedFrom.has(n));
    classes.set(name, { node: statement, local: made.local, readsOfIndex, start: startWithComments(statement, reading) });
  }
  return classes;
}

/** The start of a top-level statement's own comments (between it and the line of the statement before it), else of the statement. */
function startWithComments(statement: ClassDeclaration, reading: StatementReading): number {
  const body = reading.ast.program.body;
  const before = body[body.indexOf(statement) - 1]?.end ?? 0;
  const start = statement.start ?? 0;
  const own = (reading.ast.comments ?? []).filter(c => (c.start ?? 0) >= before && (c.end ?? 0) <= start && reading.source.slice(before, c.start ?? 0).includes('\n'));
  return own.length ? (own[0].start ?? start) : start;
}

/** makeCreateEnv's `const discovery = new C(...)` or `const reader = C.fromConfig(config)`: the local and its init. */
function serviceMadeOf(fn: FunctionDeclaration, className: string): { local: string; init: Node } | undefined {
  for (const statement of fn.body.body) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue;
    const { id, init } = statement.declarations[0];
    if (id.type !== 'Identifier' || !SERVICE_LOCALS.has(id.name) || !init) continue;
    if (calledOn(init) === className) return { local: id.name, init };
  }
  return undefined;
}

/** The name a `new` or a call starts from: `C` of `new C(...)` and of `C.fromConfig(config)`. */
function calledOn(init: Node): string | undefined {
  if (init.type !== 'NewExpression' && init.type !== 'CallExpression') return undefined;
  let callee: Node = init.callee;
  while (callee.type === 'MemberExpression') callee = callee.object;
  return callee.type === 'Identifier' ? callee.name : undefined;
}

/** The names the top level of index.ts binds besides its imports: functions, classes, variables. */
function topLevelBindings(body: readonly Node[]): Set<string> {
  const names = new Set<string>();
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) names.add(declaration.id.name);
    if (declaration.type === 'VariableDeclaration') for (const declarator of declaration.declarations) patternNames(declarator.id, names);
  }
  return names;
}

export const ownServiceClass: StatementReader = {
  kind: 'own-service-class',
  read(statement, reading) {
    const own = statement.type === 'ClassDeclaration' && statement.id ? ownServiceClasses(reading).get(statement.id.name) : undefined;
    if (!own) return false;
    const { what, file } = SERVICE_LOCALS.get(own.local) as { what: string; file: string };
    const read = own.readsOfIndex.join(', ');
    if (own.readsOfIndex.length) {
      reading.refuse(
        statement,
        `a ${what} class declared in index.ts (${own.node.id?.name}) reads ${read}, another declaration of index.ts: the class moves with the ${what} into ${file}, with its imports only; move ${read} into the class or into a module it imports, then run migrate again`,
      );
    } else {
      // Moved with the service it makes: the translation of that service writes it into the factory's module.
      reading.translate(statement);
    }
    return true;
  },
};
