/** Which fields of its environment a legacy plugin module's createPlugin reads. */
import type { File, Node } from '@babel/types';
import { walk } from '../../../transforms/lib/ast';
import { lineOf } from '../../../transforms/lib/text';
import { exportedFunction } from './plugin-function';

export interface EnvironmentUse {
  /** `env.<field>` reads (or destructured fields), by field, with the line of the first. */
  readonly fields: ReadonlyMap<string, number>;
  /** The line where the whole environment is used (passed on, spread, stored): its fields are then unknown. */
  readonly wholeAt?: number;
  /** Why no createPlugin function was found. */
  readonly missing?: string;
}

/** Which fields of its environment a plugin module's createPlugin reads, and whether it hands the whole environment on. */
export function readEnvironmentUse(ast: File, source: string, exportName?: string): EnvironmentUse {
  const fn = exportedFunction(ast, exportName);
  if (!fn) return { fields: new Map(), missing: exportName ? `no createPlugin function exported as ${exportName}` : 'no default-exported createPlugin function' };
  const fields = new Map<string, number>();
  for (const name of fn.destructured ?? []) fields.set(name, 0);
  const envName = fn.param;
  if (!envName) return { fields };
  const memberObjects = new Set<Node>();
  const uses: Node[] = [];
  walk(fn.body, node => {
    if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === envName && node.property.type === 'Identifier') {
      memberObjects.add(node.object);
      if (!fields.has(node.property.name)) fields.set(node.property.name, lineOf(source, node.start ?? 0));
    }
    if (node.type === 'Identifier' && node.name === envName) uses.push(node);
    return undefined;
  });
  const whole = uses.find(node => !memberObjects.has(node));
  return { fields, ...(whole ? { wholeAt: lineOf(source, whole.start ?? 0) } : {}) };
}
