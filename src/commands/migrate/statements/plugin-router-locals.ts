/**
 * main()'s locals that hold a plugin's router (see plugin-router.ts, the
 * reader that says their fate): a pre-pass the statement reading runs once,
 * which imports neither the reading nor the readers.
 */
import type { Node, Statement } from '@babel/types';
import { identifierOffsets, soleDeclarator, walk } from '../../../../transforms/lib/ast';
import { pluginCall } from './shapes';

/** main()'s locals that hold a plugin's router and are used only as a mount's router, by name. */
export function readPluginRouters(
  body: readonly Statement[],
  aliases: ReadonlyMap<string, string>,
  envs: ReadonlyMap<string, unknown>,
): Map<string, { statement: Statement; call: Node }> {
  const found = new Map<string, { statement: Statement; call: Node }>();
  for (const statement of body) {
    const declarator = soleDeclarator(statement);
    const init = declarator?.init;
    if (!declarator || declarator.id.type !== 'Identifier' || !init || !pluginCall(init, aliases, envs)) continue;
    const name = declarator.id.name;
    const uses = body.reduce((count, s) => count + (identifierOffsets(s).get(name)?.length ?? 0), 0) - 1;
    if (uses > 0 && uses === mountsOf(body, name)) found.set(name, { statement, call: init });
  }
  return found;
}

/** How often `name` is the router of a mount: the last argument of `x.use('/path', ..., name)` or of `.addRouter(path, name)`. */
export function mountsOf(body: readonly Statement[], name: string): number {
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
