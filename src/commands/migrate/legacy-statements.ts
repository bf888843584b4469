/**
 * Reads a legacy `src/index.ts` statement by statement, top level and the
 * body of `main()`, and sorts each into what the migration does with it:
 * a plugin mount; a template statement the new system replaces; a statement
 * carried over to the new index.ts (set-up whose meaning survives); or a
 * refusal, with its line and what to do instead. Nothing is dropped unseen.
 */
import type { File, Node, Statement } from '@babel/types';
import { mentions } from '../../../transforms/lib/ast';
import type { LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import type { NewBackend } from '../../../transforms/analysis/new-backend';
import { createEnvItems } from './create-env';
import { keptStatements, MAIN_READERS, readRootLoggers, readTypes, StatementReading, TOP_LEVEL_READERS } from './statements';
import { builderChain, firstLine, lineOf, typeDeclared } from './statements/shapes';

export type { PluginMount, StatementVerdict, LegacyStatements, ApiMiddleware, StartupCall, PluginArgument, RootHandlerMount, RootRouterMount, ApiRouterMount, AccountKind, StartupLogLine } from './statement-types';
import type { LegacyStatements } from './statement-types';

/**
 * `existing`: a half-migrated file's own new backend (declared at the top
 * level); its declaration, its adds and its start are carried as they are,
 * with the imports they need, whatever those import.
 */
export function readLegacyStatements(ast: File, source: string, index: LegacyIndex, existing?: NewBackend): LegacyStatements {
  const reading = new StatementReading(ast, source, index, existing);
  readRootLoggers(reading);
  for (const statement of index.router.container.body) {
    if (reading.done(statement)) continue;
    if (!MAIN_READERS.some(reader => reader.read(statement, reading))) reading.carry(statement);
  }
  const types: Statement[] = [];
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration' || statement === reading.mainFunction) continue;
    if (TOP_LEVEL_READERS.some(reader => reader.read(statement, reading))) continue;
    if (typeDeclared(statement)) types.push(statement);
    else reading.carry(statement);
  }
  readTypes(types, reading);
  const carriedImports = importsOfCarried(reading);
  reading.refused.sort((a, b) => a.line - b.line);
  const { mounts, carried, replaced, refused, account, startupLog, apiRouters, rootRouters, rootHandlers, serviceOverrides, rootLoggerFormat, configName, sideEffects, apiMiddleware, extraEnvFields, newSystemEnvFields, identityOverride, pluginArguments, guardedCatchAll } = reading;
  return { mounts, carried, carriedImports, replaced, refused, account, startupLog, apiRouters, rootRouters, rootHandlers, serviceOverrides, rootLoggerFormat, configName, sideEffects, apiMiddleware, extraEnvFields, newSystemEnvFields, ...(identityOverride ? { identityOverride } : {}), pluginArguments, guardedCatchAll };
}

/** The imports the carried statements need, and side-effect imports, as they were; one that brings a legacy name is refused. */
function importsOfCarried(reading: StatementReading): Node[] {
  const needed = new Set<string>();
  for (const { node } of reading.carried) for (const name of mentions(node)) needed.add(name);
  const neededByKept = new Set<string>();
  for (const node of keptStatements(reading)) for (const name of mentions(node)) neededByKept.add(name);
  const carriedImports: Node[] = [];
  for (const declaration of reading.index.imports) {
    if (declaration.specifiers.length === 0) {
      carriedImports.push(declaration);
      continue;
    }
    const used = declaration.specifiers.filter(s => needed.has(s.local.name));
    if (used.length === 0) continue;
    if (used.some(s => reading.legacyNames.has(s.local.name) && !neededByKept.has(s.local.name))) {
      reading.refused.push(reading.verdict(declaration, `carried code needs ${used.map(s => s.local.name).join(', ')} from the legacy backend system`));
      continue;
    }
    carriedImports.push(declaration);
  }
  return carriedImports;
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
