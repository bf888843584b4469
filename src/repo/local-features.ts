/**
 * What a module of the backend's own that index.ts adds registers
 * (`backend.add(authModuleMicrosoftProvider)`, imported from
 * `./plugins/extensions/auth`; `backend.add(import('./modules/x'))`): the
 * `pluginId` its `createBackendPlugin` or `createBackendModule` call names,
 * and which of the two. The file name says neither: a module of `auth`
 * named after its provider is no plugin, and listing it as one made status
 * report a conflict with the auth plugin that does not stop the backend.
 */
import * as path from 'path';
import type { CallExpression, File, Node } from '@babel/types';
import type { BackstagePackageIdentity } from '../../transforms/lib/package-names';
import { parseTypeScript } from '../../transforms/lib/parse';
import { staticString, walk } from '../../transforms/lib/ast';
import { dynamicImportSource } from '../../transforms/analysis/new-backend';
import { packageOfSpecifier } from '../../transforms/lib/package-names';
import type { BackendAdd, NewBackend } from '../../transforms/analysis/new-backend';

const FACTORIES: ReadonlyMap<string, BackstagePackageIdentity['role']> = new Map([
  ['createBackendPlugin', 'plugin'],
  ['createBackendModule', 'module'],
]);

/** How many re-exports (`export { x } from './y'`) are followed to the call. */
const MAX_HOPS = 4;

/**
 * What an add of a module of the backend's own is, by the call its export is:
 * a plugin or module (`createBackendPlugin`/`createBackendModule`, with the
 * id it registers), a service factory (no plugin to list), or a feature
 * loader (`createBackendFeatureLoader`) with the packages it imports.
 */
export type LocalFeature =
  | { readonly kind: 'feature'; readonly identity: BackstagePackageIdentity }
  | { readonly kind: 'service' }
  | { readonly kind: 'loader'; readonly modules: readonly string[] };

/** Reads files of the backend (through the run's tree), each parsed once. */
export class LocalFeatures {
  private readonly parsed = new Map<string, File | null>();

  /**
   * `workspaceEntry`: the source entry of a workspace package by name (its
   * `src/index.ts`), where the backend adds a feature of a library of the
   * repo (`backend.add(portalBackendFeatures)` from a package of its own).
   */
  constructor(
    private readonly read: (file: string) => string | undefined,
    private readonly indexPath: string,
    private readonly workspaceEntry: (name: string) => string | undefined = () => undefined,
  ) {}

  /** What the add's module of the backend's own (or of a workspace package) is, where its code says (re-exports followed). */
  featureOf(add: BackendAdd, specifier: string, backend: NewBackend): LocalFeature | undefined {
    const exported = exportNameIn(add, specifier, backend);
    if (exported === undefined) return undefined;
    const base = specifier.startsWith('.') ? path.resolve(path.dirname(this.indexPath), specifier) : this.workspaceEntry(specifier);
    return base === undefined ? undefined : this.follow(base, exported, 0);
  }

  private follow(base: string, exported: string, hops: number): LocalFeature | undefined {
    const found = this.file(base);
    if (!found) return undefined;
    const { file, ast } = found;
    const target = exportedValue(ast, exported);
    if (target === undefined) {
      // `export * from './x'`: the name may come from any of them.
      if (hops >= MAX_HOPS || exported === 'default') return undefined;
      for (const from of exportedStars(ast)) {
        const feature = this.follow(path.resolve(path.dirname(file), from), exported, hops + 1);
        if (feature) return feature;
      }
      return undefined;
    }
    if ('from' in target) {
      return hops < MAX_HOPS ? this.follow(path.resolve(path.dirname(file), target.from), target.name, hops + 1) : undefined;
    }
    return featureOfCall(target.call, ast);
  }

  /** The module at `base` (as written, with an extension, or its folder's index), parsed; undefined where none parses. */
  private file(base: string): { file: string; ast: File } | undefined {
    const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
    for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.js`, path.join(stem, 'index.ts'), path.join(stem, 'index.js')]) {
      if (!this.parsed.has(candidate)) {
        let ast: File | null = null;
        try {
          // A folder, a file outside the repo or one that does not parse: not this candidate.
          const text = this.read(candidate);
          if (text !== undefined) ast = parseTypeScript(text, candidate);
        } catch {
          ast = null;
        }
        this.parsed.set(candidate, ast);
      }
      const ast = this.parsed.get(candidate);
      if (ast) return { file: candidate, ast };
    }
    return undefined;
  }
}

/**
 * The export of `specifier` the add passes: `default` for `import('./x')`,
 * the imported name for an identifier imported from it (`import { m } from
 * './x'` ... `backend.add(m)`); undefined for anything else.
 */
function exportNameIn(add: BackendAdd, specifier: string, backend: NewBackend): string | undefined {
  const argument = add.call.arguments[0];
  if (!argument || add.call.arguments.length !== 1) return undefined;
  if (dynamicImportSource(argument) === specifier) return 'default';
  if (argument.type !== 'Identifier') return undefined;
  for (const declaration of backend.imports) {
    if (declaration.source.value !== specifier || declaration.importKind === 'type') continue;
    for (const imported of declaration.specifiers) {
      if (imported.local.name !== argument.name) continue;
      if (imported.type === 'ImportDefaultSpecifier') return 'default';
      if (imported.type === 'ImportSpecifier') return imported.imported.type === 'Identifier' ? imported.imported.name : imported.imported.value;
    }
  }
  return undefined;
}

/** The call an export's value is (`export const x = createBackendModule(...)`, `export default x`), or the module it is re-exported from. */
function exportedValue(ast: File, exported: string): { call: CallExpression } | { from: string; name: string } | undefined {
  const body = ast.program.body;
  let local: string | undefined;
  for (const statement of body) {
    if (exported === 'default' && statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Node;
      if (declaration.type === 'CallExpression') return { call: declaration };
      if (declaration.type === 'Identifier') local = declaration.name;
    }
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === exported && declarator.init?.type === 'CallExpression') return { call: declarator.init };
      }
    }
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ExportSpecifier') continue;
      const name = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (name !== exported) continue;
      if (statement.source) return { from: statement.source.value, name: specifier.local.name };
      local = specifier.local.name;
    }
  }
  return local === undefined ? undefined : localCall(ast, local);
}

/** `const name = <call>` at the module's top level (exported or not). */
function localCall(ast: File, name: string): { call: CallExpression } | undefined {
  for (const statement of ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init?.type === 'CallExpression') return { call: declarator.init };
    }
  }
  return undefined;
}

/** The modules `export * from '...'` re-exports whole. */
function exportedStars(ast: File): string[] {
  return ast.program.body.flatMap(statement => (statement.type === 'ExportAllDeclaration' && statement.exportKind !== 'type' ? [statement.source.value] : []));
}

/** A plugin or module with the id it registers, a service factory, or a feature loader with the packages it imports. */
function featureOfCall(call: CallExpression, ast: File): LocalFeature | undefined {
  const callee = call.callee.type === 'Identifier' ? call.callee.name : undefined;
  if (callee === 'createServiceFactory') return { kind: 'service' };
  if (callee === 'createBackendFeatureLoader') {
    // What it imports, also through a list of the file's it names (`for (const load of featureLoaders) yield load()`).
    const named = new Set<string>();
    const modules: string[] = [];
    const collect = (node: Node): void =>
      walk(node, inner => {
        const module = dynamicImportSource(inner);
        if (module !== undefined && !module.startsWith('.')) modules.push(module);
        if (inner.type === 'Identifier') named.add(inner.name);
      });
    collect(call);
    for (const statement of ast.program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration') continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && named.has(declarator.id.name) && declarator.init && declarator.init !== call) collect(declarator.init);
      }
    }
    return { kind: 'loader', modules: [...new Set(modules)] };
  }
  const identity = identityOfCall(call);
  return identity && { kind: 'feature', identity };
}

/** `createBackendModule({ pluginId: 'auth', ... })`: the plugin id it names and the kind. */
export function identityOfCall(call: CallExpression): BackstagePackageIdentity | undefined {
  const callee = call.callee.type === 'Identifier' ? call.callee.name : undefined;
  const role = callee ? FACTORIES.get(callee) : undefined;
  const options = call.arguments[0];
  if (!role || options?.type !== 'ObjectExpression') return undefined;
  for (const property of options.properties) {
    if (property.type !== 'ObjectProperty' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : staticString(property.key);
    if (key !== 'pluginId') continue;
    const pluginId = staticString(property.value);
    return pluginId === undefined ? undefined : { pluginId, role };
  }
  return undefined;
}

/**
 * The backend with each add of a feature loader of its own files
 * (`backend.add(userSettingsBackend)`, made with `createBackendFeatureLoader`
 * in `./modules/userSettings`) also referring to the packages that loader
 * imports: wiring one of them again would register it twice.
 */
export function withLocalLoaders(backend: NewBackend, locals: LocalFeatures): NewBackend {
  const adds = backend.adds.map(add => {
    // Modules of the backend's own, and libraries of the repo the add names (not what it imports: import('x') is a feature).
    const yielded = add.modules.filter(specifier => !add.imported.includes(specifier)).flatMap(specifier => {
      const feature = locals.featureOf(add, specifier, backend);
      return feature?.kind === 'loader' ? feature.modules : [];
    });
    const fresh = yielded.filter(module => !add.modules.includes(module));
    return fresh.length ? { ...add, modules: [...add.modules, ...fresh], imported: [...add.imported, ...fresh] } : add;
  });
  return adds.some((add, i) => add !== backend.adds[i]) ? { ...backend, adds } : backend;
}

/**
 * The source file a module specifier of a workspace package names
 * (`@internal/portal-backend`: its TypeScript `main`, else `src/index.ts`;
 * `@internal/plugin-registry-backend/catalog`: its `exports['./catalog']`),
 * for LocalFeatures; undefined for a package outside the workspace.
 */
export function workspaceEntries(findByName: (name: string) => { dir?: string; json: Record<string, unknown> } | undefined): (specifier: string) => string | undefined {
  return specifier => {
    const name = packageOfSpecifier(specifier);
    const pkg = name === undefined ? undefined : findByName(name);
    if (!pkg?.dir || pkg.dir.includes(`${path.sep}node_modules${path.sep}`) || name === undefined) return undefined;
    const subpath = specifier.slice(name.length);
    if (subpath) {
      const target = (pkg.json.exports as Record<string, unknown> | undefined)?.[`.${subpath}`];
      const file = typeof target === 'string' ? target : typeof target === 'object' && target ? ((target as Record<string, unknown>).import ?? (target as Record<string, unknown>).default) : undefined;
      return typeof file === 'string' && /\.tsx?$/.test(file) && !file.endsWith('.d.ts') ? path.join(pkg.dir, file) : undefined;
    }
    const main = typeof pkg.json.main === 'string' && /\.tsx?$/.test(pkg.json.main) ? pkg.json.main : 'src/index.ts';
    return path.join(pkg.dir, main);
  };
}
