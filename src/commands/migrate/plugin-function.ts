/**
 * The function a legacy plugin module exports as its createPlugin, with its
 * environment parameter's name (or the fields it destructures) and its body.
 */
import type { File, Node } from '@babel/types';

/** A createPlugin function's parts: its first parameter's name, or the names it destructures, and its body. */
export interface PluginFunction {
  readonly param?: string;
  readonly destructured?: Set<string>;
  readonly body: Node;
}

/** A function node, with its first parameter's name (or destructured names) and its body. */
function functionParts(fn: Node): PluginFunction | undefined {
  if (fn.type !== 'FunctionDeclaration' && fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return undefined;
  const first = fn.params[0];
  if (first?.type === 'Identifier') return { param: first.name, body: fn.body };
  if (first?.type === 'ObjectPattern') {
    const names = new Set<string>();
    for (const property of first.properties) if (property.type === 'ObjectProperty' && property.key.type === 'Identifier') names.add(property.key.name);
    return { destructured: names, body: fn.body };
  }
  return { body: fn.body };
}

/** The module's top-level function or `const name = <function>` of that name. */
function localFunction(ast: File, name: string): Node | undefined {
  for (const statement of ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
    if (declaration.type === 'FunctionDeclaration' && declaration.id?.name === name) return declaration;
    if (declaration.type === 'VariableDeclaration' && declaration.declarations.length === 1) {
      const declarator = declaration.declarations[0];
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) return declarator.init;
    }
  }
  return undefined;
}

/**
 * The exported createPlugin: the default export's function, or for a named
 * import (`import { auth } from './plugins/auth'`) the function exported by
 * that name (`export async function auth`, `export const auth = ...`,
 * `export { auth }`).
 */
export function exportedFunction(ast: File, exportName?: string): PluginFunction | undefined {
  for (const statement of ast.program.body) {
    if (exportName === undefined) {
      if (statement.type !== 'ExportDefaultDeclaration') continue;
      const fn: Node = statement.declaration;
      return functionParts(fn.type === 'Identifier' ? localFunction(ast, fn.name) ?? fn : fn);
    }
    if (statement.type !== 'ExportNamedDeclaration') continue;
    if (statement.declaration) {
      const declared = localFunction({ ...ast, program: { ...ast.program, body: [statement] } }, exportName);
      if (declared) return functionParts(declared);
      continue;
    }
    if (statement.source) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ExportSpecifier') continue;
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (exported !== exportName) continue;
      const local = localFunction(ast, specifier.local.name);
      return local ? functionParts(local) : undefined;
    }
  }
  return undefined;
}
