/**
 * Reads a backend plugin package before wiring it: is its default export a
 * backend feature (new backend system), does it export `createRouter`
 * (legacy), and which options does `createRouter` take.
 *
 * The syntax is read first, with Babel, following re-exports between the
 * package's own files. Only where the options type is imported from another
 * file, extends or intersects other types, or is otherwise beyond the
 * syntax, ts-morph (loaded lazily: it brings its own compiler) resolves it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import type { File, Node, TSType } from '@babel/types';
import { exportedSubpaths, packageEntry, subpathTypesFile } from './package-entry';
import { membersBySyntax, membersByTsMorph, OptionProperty, routerOptionsType } from './router-options';

export interface PluginShape {
  /** The entry file that was read, when one was found. */
  readonly entry?: string;
  /** Whether the default export is a backend feature; undefined when it could not be told. */
  readonly feature?: boolean;
  /** Whether `createRouter` is exported; undefined when it could not be told. */
  readonly createRouter?: boolean;
  /** The properties of createRouter's options, in declaration order; undefined when unknown. */
  readonly routerOptions?: readonly OptionProperty[];
  /** How the options were read. */
  readonly resolvedWith: 'syntax' | 'ts-morph' | 'none';
  /**
   * Where the backend feature is, when it is not the package root's default
   * export: the subpath of the package's `exports` map (`/alpha` for many
   * published plugins of Backstage 1.2x), to import as `<package>/alpha`.
   */
  readonly featureSubpath?: string;
  /** Where the default export that is the backend feature is declared, for an error to name. */
  readonly featureAt?: { readonly file: string; readonly line: number };
}

const FEATURE_FACTORIES = new Set(['createBackendPlugin', 'createBackendModule', 'createBackendFeatureLoader']);

interface Found {
  readonly file: string;
  readonly ast: File;
  readonly node: Node;
}

/** A small module graph over one package's own files, each parsed once. */
class ModuleReader {
  private readonly cache = new Map<string, File | null>();

  read(file: string): File | undefined {
    if (!this.cache.has(file)) {
      let ast: File | null = null;
      try {
        const source = fs.readFileSync(file, 'utf8');
        ast = parse(source, { sourceType: 'module', plugins: [['typescript', { dts: file.endsWith('.d.ts') }]], errorRecovery: true });
      } catch {
        ast = null;
      }
      this.cache.set(file, ast);
    }
    return this.cache.get(file) ?? undefined;
  }

  /** Resolves a relative specifier to one of the package's files. */
  resolve(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.resolve(path.dirname(from), specifier);
    const stem = base.replace(/\.(js|cjs|mjs)$/, '');
    for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`, path.join(base, 'index.ts'), path.join(base, 'index.d.ts')]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  }

  /** The declaration behind an exported name, following `export ... from` and local re-exports. */
  findExport(file: string, name: string, seen = new Set<string>()): Found | undefined {
    const key = `${file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const ast = this.read(file);
    if (!ast) return undefined;
    for (const statement of ast.program.body) {
      if (name === 'default' && statement.type === 'ExportDefaultDeclaration') {
        const declaration = statement.declaration;
        if (declaration.type === 'Identifier') return this.findLocal(file, ast, declaration.name, seen) ?? { file, ast, node: declaration };
        return { file, ast, node: declaration };
      }
      if (statement.type === 'ExportNamedDeclaration') {
        if (statement.declaration && declares(statement.declaration, name)) {
          return { file, ast, node: declarationOf(statement.declaration, name) };
        }
        for (const specifier of statement.specifiers) {
          if (specifier.type !== 'ExportSpecifier') continue;
          const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
          if (exported !== name) continue;
          if (statement.source) {
            const target = this.resolve(file, statement.source.value);
            return target ? this.findExport(target, specifier.local.name, seen) : undefined;
          }
          return this.findLocal(file, ast, specifier.local.name, seen);
        }
      }
    }
    for (const statement of ast.program.body) {
      if (statement.type === 'ExportAllDeclaration' && name !== 'default') {
        const target = this.resolve(file, statement.source.value);
        const found = target ? this.findExport(target, name, seen) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  /** A name declared or imported at the top of a file. */
  findLocal(file: string, ast: File, name: string, seen = new Set<string>()): Found | undefined {
    for (const statement of ast.program.body) {
      const declaration =
        statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
      if (declaration && declares(declaration as Node, name)) return { file, ast, node: declarationOf(declaration as Node, name) };
      if (statement.type === 'ImportDeclaration') {
        for (const specifier of statement.specifiers) {
          if (specifier.local.name !== name) continue;
          const target = this.resolve(file, statement.source.value);
          if (!target) return undefined;
          const imported =
            specifier.type === 'ImportDefaultSpecifier'
              ? 'default'
              : specifier.type === 'ImportSpecifier'
                ? specifier.imported.type === 'Identifier'
                  ? specifier.imported.name
                  : specifier.imported.value
                : undefined;
          return imported ? this.findExport(target, imported, seen) : undefined;
        }
      }
    }
    return undefined;
  }
}

function declares(node: Node, name: string): boolean {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return node.id?.name === name;
    case 'VariableDeclaration':
      return node.declarations.some(d => d.id.type === 'Identifier' && d.id.name === name);
    default:
      return false;
  }
}

function declarationOf(node: Node, name: string): Node {
  if (node.type === 'VariableDeclaration') {
    return node.declarations.find(d => d.id.type === 'Identifier' && d.id.name === name) ?? node;
  }
  return node;
}

/** The file and line of a declaration found, where it has a line. */
function placeOf(found: Found): PluginShape['featureAt'] {
  const line = found.node.loc?.start.line;
  return line === undefined ? undefined : { file: found.file, line };
}

/** Whether a default export's declaration is a backend feature. */
function isFeature(found: Found): boolean {
  const node = found.node;
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier') return FEATURE_FACTORIES.has(node.callee.name);
  if (node.type === 'VariableDeclarator') {
    const init = node.init;
    if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && FEATURE_FACTORIES.has(init.callee.name)) return true;
    const annotation = node.id.type === 'Identifier' ? node.id.typeAnnotation : undefined;
    if (annotation && annotation.type === 'TSTypeAnnotation') return mentionsBackendFeature(annotation.typeAnnotation);
  }
  return false;
}

function mentionsBackendFeature(type: TSType): boolean {
  if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier') return /^BackendFeature/.test(type.typeName.name);
  if (type.type === 'TSTypeReference' && type.typeName.type === 'TSQualifiedName') return /^BackendFeature/.test(type.typeName.right.name);
  if (type.type === 'TSFunctionType') return Boolean(type.typeAnnotation && mentionsBackendFeature(type.typeAnnotation.typeAnnotation));
  return false;
}

/** Reads what a plugin package offers. Nothing here throws for an unreadable package: it says what is unknown. */
export async function readPluginShape(dir: string | undefined, json: Record<string, unknown>): Promise<PluginShape> {
  const reader = new ModuleReader();
  const entry = dir ? packageEntry(dir, json) : undefined;
  const root = entry ? await readEntry(reader, entry) : { resolvedWith: 'none' as const };
  if (root.feature || !dir) return root;
  // The root's default export is no feature: look for one at a subpath (`/alpha`).
  for (const subpath of exportedSubpaths(json)) {
    const file = subpathTypesFile(dir, json, subpath);
    const found = file && reader.read(file) ? reader.findExport(file, 'default') : undefined;
    if (found && isFeature(found)) {
      return { ...root, entry: root.entry ?? file, feature: true, featureSubpath: subpath, featureAt: placeOf(found), resolvedWith: root.resolvedWith === 'none' && !root.entry ? 'syntax' : root.resolvedWith };
    }
  }
  return root;
}

async function readEntry(reader: ModuleReader, entry: string): Promise<PluginShape> {
  if (!reader.read(entry)) return { entry, resolvedWith: 'none' };
  const defaultExport = reader.findExport(entry, 'default');
  const feature = defaultExport ? isFeature(defaultExport) : false;
  const featureAt = feature && defaultExport ? placeOf(defaultExport) : undefined;
  const router = reader.findExport(entry, 'createRouter');
  if (!router) return { entry, feature, ...(featureAt ? { featureAt } : {}), createRouter: false, resolvedWith: 'syntax' };
  const type = routerOptionsType(router);
  if (type === undefined) return { entry, feature, createRouter: true, routerOptions: [], resolvedWith: 'syntax' };
  if (type !== 'unknown') {
    const members = membersBySyntax(router.ast, type);
    if (members) return { entry, feature, createRouter: true, routerOptions: members.map(member => ({ ...member, file: router.file })), resolvedWith: 'syntax' };
  }
  try {
    const members = membersByTsMorph(router.file);
    return { entry, feature, createRouter: true, routerOptions: members, resolvedWith: members ? 'ts-morph' : 'none' };
  } catch {
    return { entry, feature, createRouter: true, resolvedWith: 'none' };
  }
}

