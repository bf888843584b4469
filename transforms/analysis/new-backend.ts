/**
 * Finders for a new-backend-system `packages/backend/src/index.ts`:
 * `const backend = createBackend();`, its `backend.add(...)` calls (in every
 * form real repos write them) and `backend.start()`.
 */
import type { CallExpression, File, ImportDeclaration, Node, Statement } from '@babel/types';
import { calleeName, enclosingStatement, isMethodCall, staticString, StatementContainer, walk } from '../lib/ast';

export interface BackendAdd {
  readonly call: CallExpression;
  /** The statement whose whole expression is this add (`backend.add(...);`), if it is one. */
  readonly statement?: Statement;
  /** The statement of the backend's block that holds the add (an `if` block, say). */
  readonly topStatement?: Statement;
  /** Module specifiers the add refers to: `import('x')` calls and identifiers imported from `x`. */
  readonly modules: readonly string[];
  /** Those of `modules` it imports (`import('x')`, also what a loader declared in the file yields), not merely names. */
  readonly imported: readonly string[];
  /** `backend.add(import('x'))` or `backend.add(import('x').then(...))`: removable as a whole. */
  readonly selfContained: boolean;
  /** `backend.add(legacyPlugin('<id>', import('<module>')))`. */
  readonly legacyBridge?: { readonly id: string; readonly module: string };
  readonly multiline: boolean;
}

export interface NewBackend {
  /** The variable holding the backend (`backend` in the template). */
  readonly name: string;
  readonly declaration: Statement;
  readonly container: StatementContainer;
  /** The statement of that block that calls `backend.start()`. */
  readonly start?: Statement;
  readonly adds: readonly BackendAdd[];
  readonly imports: readonly ImportDeclaration[];
}

/** `import('x')` as Babel gives it (a call on `Import`, or an ImportExpression). */
export function dynamicImportSource(node: Node): string | undefined {
  if (node.type === 'CallExpression' && node.callee.type === 'Import') return staticString(node.arguments[0]);
  if ((node.type as string) === 'ImportExpression') return staticString((node as unknown as { source: Node }).source);
  return undefined;
}

/** `import('x').then(...)`, possibly chained. */
function isThenOnImport(node: Node): boolean {
  let current: Node = node;
  while (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') {
    const property = current.callee.property;
    if (property.type !== 'Identifier' || (property.name !== 'then' && property.name !== 'catch')) return false;
    current = current.callee.object;
  }
  return current !== node && dynamicImportSource(current) !== undefined;
}

/** The functions that make a new backend, and the packages that export them. */
const BACKEND_FACTORIES: Readonly<Record<string, string>> = {
  createBackend: '@backstage/backend-defaults',
  createSpecializedBackend: '@backstage/backend-app-api',
};

/** Local names that make a backend: the factories' own names, and any name they are imported under. */
function backendFactoryNames(imports: readonly ImportDeclaration[]): Set<string> {
  const names = new Set(Object.keys(BACKEND_FACTORIES));
  for (const declaration of imports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (BACKEND_FACTORIES[imported] === declaration.source.value) names.add(specifier.local.name);
    }
  }
  return names;
}

/**
 * `const x = createBackendFeatureLoader({ ... *loader() { yield import('y') } })`
 * at the file's top level: the modules each such loader imports, by name.
 */
function localFeatureLoaders(ast: File): Map<string, string[]> {
  const loaders = new Map<string, string[]>();
  for (const statement of ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || !declarator.init || calleeName(declarator.init) !== 'createBackendFeatureLoader') continue;
      const modules: string[] = [];
      walk(declarator.init, node => {
        const module = dynamicImportSource(node);
        if (module !== undefined) modules.push(module);
      });
      loaders.set(declarator.id.name, modules);
    }
  }
  return loaders;
}

export function findNewBackend(ast: File, source: string): NewBackend | undefined {
  // A file that never names a factory has no backend: skip the walk (most legacy files).
  if (!source.includes('createBackend') && !source.includes('createSpecializedBackend')) return undefined;
  const imports = ast.program.body.filter((s): s is ImportDeclaration => s.type === 'ImportDeclaration');
  const importedFrom = new Map<string, string>();
  for (const declaration of imports) {
    for (const specifier of declaration.specifiers) importedFrom.set(specifier.local.name, declaration.source.value);
  }
  const factories = backendFactoryNames(imports);
  const loaders = localFeatureLoaders(ast);

  let backend: { name: string; declaration: Statement; container: StatementContainer } | undefined;
  walk(ast.program, (node, ancestors) => {
    if (backend) return false;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && factories.has(calleeName(node.init) ?? '')) {
      const place = enclosingStatement(ancestors[ancestors.length - 1], ancestors.slice(0, -1));
      if (place) backend = { name: node.id.name, declaration: place.statement, container: place.container };
    }
    return undefined;
  });
  if (!backend) return undefined;
  const found = backend;

  const adds: BackendAdd[] = [];
  let start: Statement | undefined;
  walk(ast.program, (node, ancestors) => {
    if (isMethodCall(node, found.name, 'start')) {
      const index = ancestors.indexOf(found.container);
      const top = index === -1 ? undefined : ((ancestors[index + 1] ?? node) as Statement);
      if (top && !start) start = top;
      return undefined;
    }
    if (!isMethodCall(node, found.name, 'add')) return undefined;
    const call = node as CallExpression;
    const modules = new Set<string>();
    const imported = new Set<string>();
    let legacyBridge: BackendAdd['legacyBridge'];
    for (const argument of call.arguments) {
      walk(argument, inner => {
        const fromImport = dynamicImportSource(inner);
        if (fromImport !== undefined) {
          modules.add(fromImport);
          imported.add(fromImport);
        }
        if (inner.type === 'Identifier' && importedFrom.has(inner.name)) modules.add(importedFrom.get(inner.name) as string);
        // A feature loader declared in the file (`backend.add(conditionalFeatureLoader)`): what its loader yields.
        if (inner.type === 'Identifier' && loaders.has(inner.name)) {
          for (const module of loaders.get(inner.name) as string[]) {
            modules.add(module);
            imported.add(module);
          }
        }
        if (inner.type === 'CallExpression' && calleeName(inner) === 'legacyPlugin') {
          const id = staticString(inner.arguments[0]);
          const module = inner.arguments[1] ? dynamicImportSource(inner.arguments[1]) : undefined;
          if (id !== undefined && module !== undefined) legacyBridge = { id, module };
        }
      });
    }
    const argument = call.arguments[0];
    const parent = ancestors[ancestors.length - 1];
    const statement = parent?.type === 'ExpressionStatement' && parent.expression === call ? parent : undefined;
    const index = ancestors.indexOf(found.container);
    const topStatement = index === -1 ? undefined : ((ancestors[index + 1] ?? statement) as Statement | undefined);
    adds.push({
      call,
      statement,
      topStatement,
      modules: [...modules],
      imported: [...imported],
      selfContained:
        call.arguments.length === 1 && argument !== undefined && (dynamicImportSource(argument) !== undefined || isThenOnImport(argument)),
      legacyBridge,
      multiline: source.slice(call.start ?? 0, call.end ?? 0).includes('\n'),
    });
    return undefined;
  });
  return { ...found, start, adds, imports };
}

/** Whether an add refers to a package (or one of its subpath exports). */
export function addRefersTo(add: BackendAdd, packageName: string): boolean {
  return add.modules.some(module => module === packageName || module.startsWith(`${packageName}/`));
}

/**
 * A backend made in another module and imported here (`import { backend }
 * from './backend'`, then `backend.start()`): the module and the local name.
 */
export function findImportedBackend(ast: File): { module: string; name: string } | undefined {
  const imported = new Map<string, string>();
  for (const statement of ast.program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) imported.set(specifier.local.name, statement.source.value);
  }
  let found: { module: string; name: string } | undefined;
  walk(ast.program, node => {
    if (found) return false;
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.object.type !== 'Identifier') return undefined;
    const property = node.callee.property;
    const name = node.callee.object.name;
    if (property.type === 'Identifier' && (property.name === 'start' || property.name === 'add') && imported.has(name)) {
      found = { module: imported.get(name) as string, name };
    }
    return undefined;
  });
  return found;
}

/**
 * A feature index.ts declares itself and adds by name
 * (`const customPermissionModule = createBackendModule({...})`,
 * `backend.add(customPermissionModule)`): its name and the call.
 */
export function declaredFeature(ast: File, add: BackendAdd): { name: string; call: CallExpression } | undefined {
  const argument = add.call.arguments[0];
  if (argument?.type !== 'Identifier' || add.modules.length) return undefined;
  for (const statement of ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== argument.name || declarator.init?.type !== 'CallExpression') continue;
      const callee = calleeName(declarator.init);
      if (callee === 'createBackendModule' || callee === 'createBackendPlugin') return { name: argument.name, call: declarator.init };
    }
  }
  return undefined;
}
