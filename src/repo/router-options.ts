/**
 * The options a legacy plugin's `createRouter` takes: read from the syntax
 * where its first parameter's type is a literal or a local interface or
 * alias without heritage, else resolved by the TypeScript compiler through
 * ts-morph (loaded lazily: it brings its own compiler).
 */
import type { File, Node, TSType, TSTypeElement } from '@babel/types';

export interface OptionProperty {
  readonly name: string;
  readonly optional: boolean;
  /** The name of the type it is declared with, when that is a type reference (`Logger`, `LoggerService`, `Config`). */
  readonly type?: string;
  /** Where it is declared: the file and its 1-based line. */
  readonly file?: string;
  readonly line?: number;
}

/** createRouter's first parameter's type, when createRouter is a function the syntax shows. */
export function routerOptionsType(found: { readonly node: Node }): TSType | 'unknown' | undefined {
  const node = found.node;
  let params: Node[] | undefined;
  if (node.type === 'FunctionDeclaration' || node.type === 'TSDeclareFunction') params = node.params;
  else if (node.type === 'VariableDeclarator' && node.init && (node.init.type === 'ArrowFunctionExpression' || node.init.type === 'FunctionExpression')) params = node.init.params;
  if (!params) return 'unknown';
  const first = params[0];
  if (!first) return undefined;
  const annotated = first.type === 'AssignmentPattern' ? first.left : first;
  const annotation = 'typeAnnotation' in annotated ? annotated.typeAnnotation : undefined;
  return annotation && annotation.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : 'unknown';
}

/** Members of a type the syntax alone can list: a literal, or a local interface / alias without heritage. */
export function membersBySyntax(ast: File, type: TSType): OptionProperty[] | undefined {
  if (type.type === 'TSTypeLiteral') return propertiesOf(type.members);
  if (type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier' || type.typeParameters) return undefined;
  const name = type.typeName.name;
  for (const statement of ast.program.body) {
    const declaration: Node | null | undefined = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'TSInterfaceDeclaration' && declaration.id.name === name) {
      return declaration.extends && declaration.extends.length ? undefined : propertiesOf(declaration.body.body);
    }
    if (declaration.type === 'TSTypeAliasDeclaration' && declaration.id.name === name) {
      return declaration.typeAnnotation.type === 'TSTypeLiteral' ? propertiesOf(declaration.typeAnnotation.members) : undefined;
    }
  }
  return undefined;
}

function propertiesOf(members: readonly TSTypeElement[]): OptionProperty[] | undefined {
  const out: OptionProperty[] = [];
  for (const member of members) {
    if (member.type !== 'TSPropertySignature' && member.type !== 'TSMethodSignature') return undefined;
    if (member.computed) return undefined;
    const key = member.key;
    const name = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
    if (name === undefined) return undefined;
    const annotation = member.type === 'TSPropertySignature' ? member.typeAnnotation?.typeAnnotation : undefined;
    const typeName =
      annotation?.type === 'TSTypeReference'
        ? annotation.typeName.type === 'Identifier'
          ? annotation.typeName.name
          : annotation.typeName.type === 'TSQualifiedName'
            ? annotation.typeName.right.name
            : undefined
        : undefined;
    out.push({ name, optional: Boolean(member.optional), type: typeName, line: member.loc?.start.line });
  }
  return out;
}

/** Resolves createRouter's options with the TypeScript compiler, through ts-morph. */
export function membersByTsMorph(file: string): OptionProperty[] | undefined {
  // require, not import(): ts-morph is CommonJS, and it loads only on this path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Project, Node: TsNode } = require('ts-morph') as typeof import('ts-morph');
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { noLib: true, skipLibCheck: true, types: [], strict: true },
  });
  const sourceFile = project.addSourceFileAtPath(file);
  project.resolveSourceFileDependencies();
  const declarations = sourceFile.getExportedDeclarations().get('createRouter') ?? [];
  for (const declaration of declarations) {
    const fn = TsNode.isVariableDeclaration(declaration) ? declaration.getInitializer() : declaration;
    if (!fn || !(TsNode.isFunctionDeclaration(fn) || TsNode.isArrowFunction(fn) || TsNode.isFunctionExpression(fn))) continue;
    const parameter = fn.getParameters()[0];
    if (!parameter) return [];
    return parameter
      .getType()
      .getProperties()
      .map(symbol => {
        const declaration = symbol.getDeclarations()[0];
        const typeNode = declaration && TsNode.isPropertySignature(declaration) ? declaration.getTypeNode() : undefined;
        const typeName = typeNode && TsNode.isTypeReference(typeNode) ? typeNode.getTypeName().getText().split('.').pop() : undefined;
        return {
          name: symbol.getName(),
          optional: symbol.isOptional(),
          type: typeName,
          file: declaration?.getSourceFile().getFilePath(),
          line: declaration?.getStartLineNumber(),
        };
      });
  }
  return undefined;
}
