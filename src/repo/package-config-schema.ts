/**
 * The config keys a plugin package requires, from its `configSchema`: a JSON
 * schema's `required` (inline or in a file), or the non-optional properties
 * of a `config.d.ts`'s `Config` interface.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Node } from '@babel/types';
import { keyName, walk } from '../../transforms/lib/ast';
import { parseModule } from './package-modules';
import type { PackageInfo } from './workspace';

/** Config keys the package's `configSchema` requires: a JSON schema's `required`, or a `config.d.ts`'s non-optional properties. */
export function requiredConfig(pkg: PackageInfo): string[] {
  const schema = pkg.json.configSchema;
  if (schema && typeof schema === 'object') return requiredInJsonSchema(schema as Record<string, unknown>, '');
  if (typeof schema !== 'string') return [];
  const file = path.join(pkg.dir as string, schema);
  if (schema.endsWith('.json')) {
    try {
      return requiredInJsonSchema(JSON.parse(fs.readFileSync(file, 'utf8')), '');
    } catch {
      return [];
    }
  }
  const ast = parseModule(file);
  if (!ast) return [];
  const required: string[] = [];
  const visitMembers = (members: readonly Node[], prefix: string): void => {
    for (const member of members) {
      if (member.type !== 'TSPropertySignature' || member.optional) continue;
      const key = keyName(member.key);
      if (!key) continue;
      const type = member.typeAnnotation?.typeAnnotation;
      if (type?.type === 'TSTypeLiteral') visitMembers(type.members, `${prefix}${key}.`);
      else required.push(prefix + key);
    }
  };
  walk(ast.program, node => {
    if (node.type === 'TSInterfaceDeclaration' && node.id.name === 'Config') visitMembers(node.body.body, '');
  });
  return required;
}

function requiredInJsonSchema(schema: Record<string, unknown>, prefix: string): string[] {
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return required.flatMap(key => {
    const inner = properties[key];
    const nested = inner && typeof inner === 'object' ? requiredInJsonSchema(inner, `${prefix}${key}.`) : [];
    return nested.length ? nested : [prefix + key];
  });
}
