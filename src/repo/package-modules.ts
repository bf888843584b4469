/**
 * A package's modules as the frontend reader follows them: each file parsed
 * (JS or TS, errors recovered), what it exports and re-exports, the files
 * reachable from an entry by static imports and re-exports, and each name
 * an entry exports followed to the file and local name that declare it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import type { File } from '@babel/types';

export interface ModuleFacts {
  /** Exported name -> local name in this module, or a re-export from another module. */
  readonly exported: Map<string, { local: string } | { from: string; imported: string }>;
  readonly starFrom: string[];
  readonly ast: File;
}

export function parseModule(file: string): File | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const plugins: ('typescript' | 'jsx')[] = /\.tsx?$/.test(file) ? (file.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript']) : ['jsx'];
  try {
    return parse(text, { sourceType: 'module', plugins, errorRecovery: true, attachComment: false });
  } catch {
    return undefined;
  }
}

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.esm.js', '/index.ts', '/index.tsx', '/index.js', '/index.mjs'];

function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  // `./plugin.js` written for a `.ts` source.
  const withoutJs = base.replace(/\.js$/, '');
  for (const extension of ['.ts', '.tsx']) if (fs.existsSync(withoutJs + extension)) return withoutJs + extension;
  return undefined;
}

function moduleFacts(ast: File): ModuleFacts {
  const exported: ModuleFacts['exported'] = new Map();
  const starFrom: string[] = [];
  for (const statement of ast.program.body) {
    if (statement.type === 'ExportAllDeclaration') {
      if (statement.exportKind !== 'type') starFrom.push(statement.source.value);
    } else if (statement.type === 'ExportNamedDeclaration') {
      if (statement.exportKind === 'type') continue;
      const declaration = statement.declaration;
      if (declaration?.type === 'VariableDeclaration') {
        for (const d of declaration.declarations) if (d.id.type === 'Identifier') exported.set(d.id.name, { local: d.id.name });
      } else if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id) {
        exported.set(declaration.id.name, { local: declaration.id.name });
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ExportSpecifier' || specifier.exportKind === 'type') continue;
        const name = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        exported.set(name, statement.source ? { from: statement.source.value, imported: specifier.local.name } : { local: specifier.local.name });
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      exported.set('default', { local: declaration.type === 'Identifier' ? declaration.name : 'default' });
    }
  }
  return { exported, starFrom, ast };
}

/** Reads the modules reachable from an entry by static imports and re-exports, at most `limit` of them. */
export function readModules(entry: string, root: string, limit = 200): Map<string, ModuleFacts> {
  const modules = new Map<string, ModuleFacts>();
  const queue = [entry];
  while (queue.length && modules.size < limit) {
    const file = queue.shift() as string;
    if (modules.has(file) || !file.startsWith(root)) continue;
    const ast = parseModule(file);
    if (!ast) continue;
    const facts = moduleFacts(ast);
    modules.set(file, facts);
    for (const statement of ast.program.body) {
      const source = (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') && statement.source ? statement.source.value : undefined;
      const resolved = source ? resolveRelative(file, source) : undefined;
      if (resolved && !modules.has(resolved)) queue.push(resolved);
    }
  }
  return modules;
}

/** The names an entry exports, each followed through re-exports to `<file>#<local>` where it is declared. */
export function exportedNames(entry: string, modules: Map<string, ModuleFacts>): Map<string, string> {
  const visit = (file: string, seen: Set<string>): Map<string, string> => {
    const out = new Map<string, string>();
    const facts = modules.get(file);
    if (!facts || seen.has(file)) return out;
    seen.add(file);
    for (const [name, target] of facts.exported) {
      if ('local' in target) out.set(name, `${file}#${target.local}`);
      else {
        const from = resolveRelative(file, target.from);
        const inner = from ? visit(from, new Set(seen)) : new Map<string, string>();
        out.set(name, inner.get(target.imported) ?? `${from ?? target.from}#${target.imported}`);
      }
    }
    for (const specifier of facts.starFrom) {
      const from = resolveRelative(file, specifier);
      if (!from) continue;
      for (const [name, local] of visit(from, new Set(seen))) if (name !== 'default' && !out.has(name)) out.set(name, local);
    }
    return out;
  };
  return visit(entry, new Set());
}
