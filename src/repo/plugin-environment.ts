/**
 * What a legacy backend hands its plugins: the fields of `PluginEnvironment`
 * in `packages/backend/src/types.ts` (create-app's, plus whatever the app
 * added), or, behind the new backend's `legacyPlugin` bridge, the fields that
 * bridge provides.
 */
import type { File, TSType, TSTypeElement } from '@babel/types';
import { parseTypeScript } from '../../transforms/lib/parse';

/** The environment `legacyPlugin` from @backstage/backend-common gives a legacy plugin. */
export const LEGACY_BRIDGE_ENVIRONMENT: readonly string[] = [
  'logger', 'cache', 'database', 'config', 'reader', 'discovery', 'tokenManager', 'scheduler', 'permissions', 'identity',
];

/** create-app 0.5.11's PluginEnvironment, for a backend whose types.ts cannot be read. */
export const CREATE_APP_ENVIRONMENT: readonly string[] = LEGACY_BRIDGE_ENVIRONMENT;

/** Fields of the type literals in a type (parts that are references to other types add nothing). */
function membersOf(type: TSType, into: string[]): void {
  if (type.type === 'TSTypeLiteral') names(type.members, into);
  else if (type.type === 'TSIntersectionType') for (const part of type.types) membersOf(part, into);
}

function names(members: readonly TSTypeElement[], into: string[]): void {
  for (const member of members) {
    if ((member.type === 'TSPropertySignature' || member.type === 'TSMethodSignature') && !member.computed) {
      if (member.key.type === 'Identifier') into.push(member.key.name);
      else if (member.key.type === 'StringLiteral') into.push(member.key.value);
    }
  }
}

/**
 * The field names `PluginEnvironment` declares in types.ts (fields of types it
 * extends or intersects with are not followed), or undefined when the file
 * declares no PluginEnvironment (the caller then falls back to create-app's
 * fields and says so).
 */
export function readPluginEnvironment(source: string, file: string, parsed?: File): string[] | undefined {
  const ast = parsed ?? parseTypeScript(source, file);
  for (const statement of ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    const fields: string[] = [];
    if (declaration.type === 'TSTypeAliasDeclaration' && declaration.id.name === 'PluginEnvironment') {
      membersOf(declaration.typeAnnotation, fields);
      return fields;
    }
    if (declaration.type === 'TSInterfaceDeclaration' && declaration.id.name === 'PluginEnvironment') {
      names(declaration.body.body, fields);
      return fields;
    }
  }
  return undefined;
}
