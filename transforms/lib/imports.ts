/**
 * Imports in an app file: which local name a module's export has there, and
 * the edits that add a named or default import (a line after the last
 * import, or a name in an existing `import { ... } from` of that module),
 * or take out names nothing uses any more. Lines are printed as prettier
 * prints them: `import { A, B } from 'x';` where it fits, one name a line
 * (with a trailing comma) where it does not.
 */
import type { File, ImportDeclaration, Node } from '@babel/types';
import { insertAt, TextChange } from './changes';
import { identifierOffsets } from './ast';
import { pointAfterStatement, statementRemovalRange } from './text';
import { removeStatement, usedOutside, Range } from './removal';
import { stringLiteral } from './code-style';

export interface ImportStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  readonly eol: string;
  readonly unit: string;
  readonly printWidth: number;
}

export function importDeclarations(ast: File): ImportDeclaration[] {
  return ast.program.body.filter((s): s is ImportDeclaration => s.type === 'ImportDeclaration');
}

/** The local name `imported` (an export name, or `default`) has in this file when imported from `source`. */
export function localName(ast: File, source: string, imported: string): string | undefined {
  for (const declaration of importDeclarations(ast)) {
    if (declaration.source.value !== source || declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (imported === 'default' && specifier.type === 'ImportDefaultSpecifier') return specifier.local.name;
      if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type') continue;
      const name = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (name === imported) return specifier.local.name;
    }
  }
  return undefined;
}

/** Every name the file binds at its top level through an import. */
export function importedNames(ast: File): Set<string> {
  const names = new Set<string>();
  for (const declaration of importDeclarations(ast)) for (const specifier of declaration.specifiers) names.add(specifier.local.name);
  return names;
}

function printNamed(names: readonly string[], source: string, style: ImportStyle): string {
  const from = ` from ${stringLiteral(source, style.quote)}${style.semicolons ? ';' : ''}`;
  const line = `import { ${names.join(', ')} }${from}`;
  if (line.length <= style.printWidth) return line;
  return `import {${style.eol}${names.map(name => `${style.unit}${name},`).join(style.eol)}${style.eol}}${from}`;
}

function printDefault(name: string, source: string, style: ImportStyle): string {
  return `import ${name} from ${stringLiteral(source, style.quote)}${style.semicolons ? ';' : ''}`;
}

/**
 * Edits that make `names` importable from `source`: into an existing named
 * import of it, else a new line after the last import (the file's first
 * line when it has none).
 */
export function planNamedImport(text: string, ast: File, source: string, names: readonly string[], style: ImportStyle): TextChange[] {
  if (names.length === 0) return [];
  const existing = importDeclarations(ast).find(
    d => d.source.value === source && d.importKind !== 'type' && d.specifiers.some(s => s.type === 'ImportSpecifier') && !d.specifiers.some(s => s.type === 'ImportNamespaceSpecifier'),
  );
  if (existing) return extendImport(text, existing, names, style);
  return [insertImportLine(text, ast, printNamed(names, source, style), style.eol)];
}

/** A default import on a line of its own, after the last import from the same package (`@material-ui/icons/...`) where there is one. */
export function planDefaultImport(text: string, ast: File, source: string, name: string, style: ImportStyle, family?: string): TextChange[] {
  return [insertImportLine(text, ast, printDefault(name, source, style), style.eol, family)];
}

function insertImportLine(text: string, ast: File, line: string, eol: string, family?: string): TextChange {
  const imports = importDeclarations(ast);
  const kin = family ? imports.filter(d => d.source.value === family || d.source.value.startsWith(`${family}/`)) : [];
  const last = kin[kin.length - 1] ?? imports[imports.length - 1];
  if (!last) return insertAt(0, line + eol);
  const point = pointAfterStatement(text, last.end ?? 0, eol);
  return insertAt(point.offset, point.before + line + point.after);
}

/** Adds names to `import { ... } from`: after its last name on one line when it still fits, else one name a line. */
function extendImport(text: string, declaration: ImportDeclaration, names: readonly string[], style: ImportStyle): TextChange[] {
  const specifiers = declaration.specifiers;
  const last = specifiers[specifiers.length - 1];
  const lastEnd = last.end ?? 0;
  const start = declaration.start ?? 0;
  const end = declaration.end ?? 0;
  if (text.slice(start, end).includes('\n')) {
    // One name a line already: a line for each new name after the last, with the list's own trailing comma.
    const comma = text[lastEnd] === ',';
    const lineEnd = text.indexOf('\n', lastEnd);
    // At the list's own indentation (a list indented unlike the file's unit keeps its own).
    const lineStart = text.lastIndexOf('\n', (last.start ?? 0) - 1) + 1;
    const own = /^[ \t]*/.exec(text.slice(lineStart))?.[0];
    const indent = own && lineStart > start ? own : style.unit;
    const lines = names.map((name, i) => `${indent}${name}${comma || i < names.length - 1 ? ',' : ''}${style.eol}`).join('');
    return [...(comma ? [] : [insertAt(lastEnd, ',')]), insertAt(lineEnd + 1, lines)];
  }
  const extended = `${text.slice(start, lastEnd)}, ${names.join(', ')}${text.slice(lastEnd, end)}`;
  if (extended.length <= style.printWidth) return [insertAt(lastEnd, `, ${names.join(', ')}`)];
  // The line no longer fits: prettier would print one name a line (`import X, { A }` keeps its line).
  if (specifiers.some(s => s.type !== 'ImportSpecifier')) return [insertAt(lastEnd, `, ${names.join(', ')}`)];
  const all = specifiers.map(s => text.slice(s.start ?? 0, s.end ?? 0)).concat(names);
  return [{ start, end, text: printNamed(all, String(declaration.source.value), { ...style, printWidth: 0 }) }];
}

/**
 * Edits that take out of the file's imports every name in `names` that
 * nothing outside `removed` (ranges about to go) uses; an import left with
 * no name goes with its line, and a multi-line import that fits on one line
 * again is printed on one, as prettier would (undoing `extendImport`).
 */
export function planUnusedImportRemoval(text: string, ast: File, names: ReadonlySet<string>, removed: readonly Range[], style: ImportStyle): TextChange[] {
  const offsets = identifierOffsets(ast.program);
  const changes: TextChange[] = [];
  for (const declaration of importDeclarations(ast)) {
    const declarationRange = [{ start: declaration.start ?? 0, end: declaration.end ?? 0 }];
    const doomed = declaration.specifiers.filter(
      s => names.has(s.local.name) && !usedOutside(offsets, s.local.name, [...removed, ...declarationRange]),
    );
    if (doomed.length === 0) continue;
    const kept = declaration.specifiers.filter(s => !doomed.includes(s));
    if (kept.length === 0) {
      changes.push(removeStatement(text, declaration));
      continue;
    }
    const start = declaration.start ?? 0;
    const end = declaration.end ?? 0;
    const source = String(declaration.source.value);
    if (kept.some(s => s.type !== 'ImportSpecifier')) {
      // `import X, { A } from`: drop the names in place.
      for (const s of doomed) changes.push(specifierRemoval(text, s));
      continue;
    }
    const wasMultiLine = text.slice(start, end).includes('\n');
    const single = printNamed(kept.map(s => text.slice(s.start ?? 0, s.end ?? 0)), source, { ...style, printWidth: Number.MAX_SAFE_INTEGER });
    if (!wasMultiLine) {
      for (const s of doomed) changes.push(specifierRemoval(text, s));
    } else if (single.length <= style.printWidth) {
      changes.push({ start, end, text: single });
    } else {
      for (const s of doomed) {
        const range = statementRemovalRange(text, s.start ?? 0, (s.end ?? 0) + (text[s.end ?? 0] === ',' ? 1 : 0));
        changes.push({ ...range, text: '' });
      }
    }
  }
  return changes;
}

function specifierRemoval(text: string, specifier: Node): TextChange {
  let start = specifier.start ?? 0;
  let end = specifier.end ?? 0;
  if (text[end] === ',') {
    end++;
    while (text[end] === ' ') end++;
  } else {
    while (start > 0 && /[\s,]/.test(text[start - 1])) start--;
  }
  return { start, end, text: '' };
}
