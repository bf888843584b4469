/**
 * A plugin's router held in a local of main() and mounted through it
 * (`const catalogRouter = await catalog(catalogEnv); apiRouter.use('/catalog',
 * catalogRouter);`, and maybe `.addRouter('/catalog', catalogRouter)` too): each
 * mount is read as a mount of the plugin call itself, and the declaration
 * goes with them. A local used any other way (`catalogRouter.use(...)`) is
 * left to the other rules, which refuse it.
 */
import type { Node, Statement } from '@babel/types';
import { identifierOffsets, walk } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';
import { pluginCall } from './shapes';

export const pluginRouter: StatementReader = {
  kind: 'plugin-router',
  read(statement, reading) {
    if ([...reading.pluginRouters.values()].some(r => r.statement === statement)) {
      reading.replace(statement, "a plugin's router held in a local: the new backend serves the plugin where the local was mounted");
      return true;
    }
    const declarator = statement.type === 'VariableDeclaration' && statement.declarations.length === 1 ? statement.declarations[0] : undefined;
    const plugin = declarator?.init ? reading.pluginCall(declarator.init) : undefined;
    // Only a local that is mounted somewhere is a plugin's router (`await createAuthMiddleware(appEnv)` is not).
    if (!plugin || declarator?.id.type !== 'Identifier' || mountsOf(reading.index.router.container.body, declarator.id.name) === 0) return false;
    reading.refuse(
      statement,
      `${declarator.id.name} holds ${plugin.alias}'s router and main() uses it besides mounting it: the new backend makes a plugin's router itself, and nothing else can reach it; add those routes in the plugin (its router, or httpRouter in a module of it), then run migrate again`,
    );
    return true;
  },
};

/** main()'s locals that hold a plugin's router and are used only as a mount's router, by name. */
export function readPluginRouters(
  body: readonly Statement[],
  aliases: ReadonlyMap<string, string>,
  envs: ReadonlyMap<string, unknown>,
): Map<string, { statement: Statement; call: Node }> {
  const found = new Map<string, { statement: Statement; call: Node }>();
  for (const statement of body) {
    const declarator = statement.type === 'VariableDeclaration' && statement.declarations.length === 1 ? statement.declarations[0] : undefined;
    const init = declarator?.init;
    if (!declarator || declarator.id.type !== 'Identifier' || !init || !pluginCall(init, aliases, envs)) continue;
    const name = declarator.id.name;
    const uses = body.reduce((count, s) => count + (identifierOffsets(s).get(name)?.length ?? 0), 0) - 1;
    if (uses > 0 && uses === mountsOf(body, name)) found.set(name, { statement, call: init });
  }
  return found;
}

/** How often `name` is the router of a mount: the last argument of `x.use('/path', ..., name)` or of `.addRouter(path, name)`. */
function mountsOf(body: readonly Statement[], name: string): number {
  let count = 0;
  for (const statement of body) {
    walk(statement, node => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return undefined;
      const method = node.callee.property.name;
      const last = node.arguments[node.arguments.length - 1];
      const routed = node.arguments.length >= 2 && node.arguments[0].type === 'StringLiteral' && last?.type === 'Identifier' && last.name === name;
      if (routed && (method === 'use' || (method === 'addRouter' && node.arguments.length === 2))) count += 1;
      return undefined;
    });
  }
  return count;
}
