/** Which adds of a new backend's index.ts never run in one start. */
import type { Node } from '@babel/types';
import { walk } from '../lib/ast';
import type { BackendAdd } from './new-backend';

/**
 * Whether two adds never run in one start: they stand in different branches
 * of one `if` (or `? :`) of index.ts (`if (mock) backend.add(import('./mock-proxy'))
 * else backend.add(import('@backstage/plugin-proxy-backend'))`), so the two
 * features that register one id are never registered together.
 */
export function exclusiveAdds(a: BackendAdd, b: BackendAdd): boolean {
  if (!a.topStatement || a.topStatement !== b.topStatement) return false;
  const pathA = ancestorsOf(a.topStatement, a.call);
  const pathB = ancestorsOf(b.topStatement, b.call);
  if (!pathA || !pathB) return false;
  for (let i = 0; i < Math.min(pathA.length, pathB.length) - 1; i++) {
    if (pathA[i] !== pathB[i]) return false;
    const branch = pathA[i];
    if (branch.type !== 'IfStatement' && branch.type !== 'ConditionalExpression') continue;
    const [nextA, nextB] = [pathA[i + 1], pathB[i + 1]];
    if (nextA !== nextB) return (nextA === branch.consequent && nextB === branch.alternate) || (nextA === branch.alternate && nextB === branch.consequent);
  }
  return false;
}

/** The nodes from `root` down to `target` (both included), if `target` is below `root`. */
function ancestorsOf(root: Node, target: Node): Node[] | undefined {
  let found: Node[] | undefined;
  walk(root, (node, ancestors) => {
    if (found) return false;
    if (node === target) {
      found = [...ancestors, node];
      return false;
    }
    return undefined;
  });
  return found;
}
