/**
 * What the backend's plugin modules (`./plugins/*`) import: for status, the
 * package each wraps. Each module is read and parsed once, and only up to
 * its last import.
 */
import * as path from 'path';
import type { BackendFiles } from '../../repo/backend';
import { BackstagePackageIdentity, packageOfSpecifier } from '../../../transforms/lib/package-names';
import { parseTypeScript } from '../../../transforms/lib/parse';

/** A package a module imports, with the names it imports from it. */
interface ModuleImport {
  readonly pkg: string;
  readonly names: readonly string[];
}

/** The backend's `./plugins/*` modules, each read and parsed once, and the packages they import. */
export class ModuleImports {
  private readonly cache = new Map<string, ModuleImport[]>();

  constructor(private readonly files: BackendFiles) {}

  /** The package a plugin module wraps: the imported backend plugin whose id is `id`, else the first backend plugin it imports. */
  pluginPackageOf(specifier: string, id: string, identify: (name: string) => { readonly declared: BackstagePackageIdentity } | undefined): string | undefined {
    // By what the packages' metadata says: the id a bridge or wrapper is named by is the package.json's,
    // and one whose code registers a module (the RBAC backend 8.x) still exports the createRouter wrapped here.
    const imported = this.importsOf(specifier).filter(i => identify(i.pkg)?.declared.role === 'plugin');
    const byId = imported.filter(i => identify(i.pkg)?.declared.pluginId === id);
    // Of several (the plugin and its modules, all named for graphql), the one createRouter comes from.
    const router = (list: readonly ModuleImport[]): ModuleImport | undefined => list.find(i => i.names.includes('createRouter'));
    return (router(byId) ?? byId[0] ?? router(imported) ?? imported[0])?.pkg;
  }

  /** The packages the modules of `specifiers` (relative ones; others are skipped) import. */
  packagesImportedBy(specifiers: readonly string[]): Set<string> {
    return new Set(specifiers.flatMap(specifier => this.importsOf(specifier).map(i => i.pkg)));
  }

  private importsOf(specifier: string): ModuleImport[] {
    if (!specifier.startsWith('.')) return [];
    const base = path.resolve(path.dirname(this.files.indexPath), specifier).replace(/\.[jt]s$/, '');
    const cached = this.cache.get(base);
    if (cached) return cached;
    let found: ModuleImport[] = [];
    for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
      const source = this.files.tree.read(candidate);
      if (source === undefined) continue;
      const display = this.files.tree.display(candidate);
      const imported = (text: string): ModuleImport[] =>
        parseTypeScript(text, display).program.body.flatMap(statement => {
          const pkg = statement.type === 'ImportDeclaration' ? packageOfSpecifier(statement.source.value) : undefined;
          // Types only (`import type { X }`) load nothing.
          if (statement.type !== 'ImportDeclaration' || pkg === undefined || statement.importKind === 'type') return [];
          if (statement.specifiers.length && statement.specifiers.every(s => s.type === 'ImportSpecifier' && s.importKind === 'type')) return [];
          const names = statement.specifiers.flatMap(s => (s.type === 'ImportSpecifier' ? [s.imported.type === 'Identifier' ? s.imported.name : s.imported.value] : []));
          return [{ pkg, names }];
        });
      try {
        // Only the imports matter: parse the file up to the end of its last import statement.
        found = imported(importBlock(source));
      } catch {
        try {
          found = imported(source);
        } catch {
          found = [];
        }
      }
      break;
    }
    this.cache.set(base, found);
    return found;
  }
}

/**
 * The start of a module up to the end of its last top-level import
 * statement (the whole source when that prefix does not look complete):
 * the part of a plugin module status needs, parsed instead of the rest.
 */
export function importBlock(source: string): string {
  let end = 0;
  for (const match of source.matchAll(/^import\b[^;]*?(?:from\s*)?['"][^'"\n]+['"][ \t]*;?/gm)) end = (match.index ?? 0) + match[0].length;
  return end === 0 ? source : source.slice(0, end);
}
