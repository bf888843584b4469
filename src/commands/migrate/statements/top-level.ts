/**
 * The top level of a legacy index.ts, besides imports and main(): a
 * half-migrated file's own new backend (kept as it is), makeCreateEnv
 * (read statement by statement: template set-up replaced, the app's own
 * discovery translated, the rest refused), `module.hot?.accept()` and the
 * call of main() (replaced), and type declarations (decided last: carried
 * where carried code names them).
 */
import type { Node, Statement } from '@babel/types';
import { mentions } from '../../../../transforms/lib/ast';
import { readCreateEnvFactory } from '../create-env';
import type { StatementReader } from './reader';
import type { StatementReading } from './reading';
import { ownServiceClasses } from './own-service-class';
import { rootLoggerParam, typeDeclared } from './shapes';

/** The statements of a half-migrated file's own backend: its declaration, adds and start. */
export function keptStatements(reading: StatementReading): ReadonlySet<Node> {
  const { existing, ast } = reading;
  if (!existing || existing.container !== ast.program) return new Set();
  // Read once a run: every top-level statement asks.
  return (reading.kept ??= new Set<Node>([
    existing.declaration,
    ...existing.adds.map(add => add.topStatement ?? add.statement).filter((s): s is Statement => s !== undefined),
    ...(existing.start ? [existing.start] : []),
  ]));
}

export const keptBackend: StatementReader = {
  kind: 'kept-backend',
  read(statement, reading) {
    if (!keptStatements(reading).has(statement)) return false;
    reading.carried.push({ ...reading.verdict(statement), node: statement });
    reading.note(statement, 'carried');
    return true;
  },
};

export const makeCreateEnv: StatementReader = {
  kind: 'make-create-env',
  read(statement, reading) {
    if (statement.type !== 'FunctionDeclaration' || statement.id?.name !== 'makeCreateEnv') return false;
    reading.replace(statement, 'makeCreateEnv: the new backend creates the services (logger, database, cache, discovery, ...)');
    // Each of its statements and env fields on its own: template set-up goes, the app's own discovery is translated, the rest refused.
    const classes = ownServiceClasses(reading);
    const created = readCreateEnvFactory(statement, reading.source, reading.importedFrom, rootLoggerParam(statement, reading.index, reading.rootLoggers), new Set(classes.keys()));
    for (const item of created.items) {
      if (created.replaced.has(item)) reading.note(item, 'replaced');
      else if (created.refused.has(item)) reading.refuse(item, created.refused.get(item) as string);
      else if (created.overrides.some(o => o.item === item) || created.translated.has(item)) reading.note(item, 'translated');
    }
    for (const [field, made] of created.extraFields) reading.extraEnvFields.set(field, made);
    for (const [field, made] of created.newSystemFields) reading.newSystemEnvFields.set(field, made);
    if (created.identityOverride) reading.identityOverride = { ...created.identityOverride, imports: reading.importsOf(created.identityOverride.expression) };
    for (const { node, needs, perPlugin } of created.sideEffects) {
      reading.note(node, 'translated');
      reading.sideEffects.push({ node, needs, runsAt: reading.index.createEnvDeclaration?.start ?? 0, line: reading.lineOf(node), imports: reading.importsOf(node), ...(perPlugin ? { perPlugin } : {}) });
    }
    for (const { item: _item, ...found } of created.overrides) {
      // A class of index.ts that makes the service moves with it, and brings its own imports.
      const moved = [...classes.values()].filter(own => mentions(found.expression).has(own.node.id?.name ?? ''));
      const imports = mergeImports([found.expression, ...moved.map(own => own.node)].map(node => reading.importsOf(node)));
      reading.serviceOverrides.push({ ...found, imports, classes: moved.map(({ node, start }) => ({ node, start, line: reading.lineOf(node) })) });
    }
    return true;
  },
};

export const hotAccept: StatementReader = {
  kind: 'hot-accept',
  read(statement, reading) {
    if (statement.type !== 'ExpressionStatement' || !/^module\.hot\??\.accept\(\)/.test(reading.source.slice(statement.start ?? 0, statement.end ?? 0))) return false;
    reading.replace(statement, 'hot module reloading of the legacy backend');
    return true;
  },
};

export const mainCall: StatementReader = {
  kind: 'main-call',
  read(statement, reading) {
    const main = reading.mainFunction;
    if (main?.type !== 'FunctionDeclaration' || statement.type !== 'ExpressionStatement' || !mentions(statement).has(main.id?.name ?? 'main')) return false;
    reading.replace(statement, 'starting main(): backend.start() does it');
    return true;
  },
};

/** The imports several nodes need, one entry a declaration, in the order index.ts has them. */
function mergeImports(lists: readonly StatementReading['serviceOverrides'][number]['imports'][]): StatementReading['serviceOverrides'][number]['imports'] {
  const byDeclaration = new Map<Node, Set<string>>();
  for (const list of lists) for (const { declaration, names } of list) byDeclaration.set(declaration, new Set([...(byDeclaration.get(declaration) ?? []), ...names]));
  const order = (declaration: Node): number => declaration.start ?? 0;
  const inOrder = (declaration: Node, names: Set<string>): string[] =>
    declaration.type === 'ImportDeclaration' ? declaration.specifiers.map(s => s.local.name).filter(name => names.has(name)) : [...names];
  return [...byDeclaration].sort(([a], [b]) => order(a) - order(b)).map(([declaration, names]) => ({ declaration, names: inOrder(declaration, names) }));
}

/** Type aliases and interfaces: nothing at run time. Carried where carried code names them, else left with the legacy code. */
export function readTypes(types: readonly Statement[], reading: StatementReading): void {
  const namedByCarried = new Set(reading.carried.flatMap(({ node }) => [...mentions(node)]));
  for (const statement of types) {
    if (namedByCarried.has(typeDeclared(statement) as string)) reading.carry(statement);
    else reading.replace(statement, `a type of the legacy index.ts (${typeDeclared(statement)}): nothing at run time, and nothing carried into the new index.ts names it`);
  }
  reading.carried.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
}
