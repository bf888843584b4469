/**
 * Prints the new-backend-system `src/index.ts` that replaces a legacy one,
 * in the old file's style: its licence header kept byte for byte, its
 * quotes, semicolons, indentation unit and line endings; adds longer than
 * 80 columns wrapped as prettier wraps them.
 */
import type { Node } from '@babel/types';
import { CodeStyle, stringLiteral } from '../../../transforms/lib/code-style';
import { indentOf, lineStartOf } from '../../../transforms/lib/text';

const PRINT_WIDTH = 80;

export interface NewIndex {
  /** What `backend.add(...)` gets, one entry per add: `{ import: '<specifier>' }` or a bridge. */
  readonly adds: readonly ({ readonly import: string } | { readonly bridge: string; readonly module: string; readonly exportName?: string })[];
  /** Whether a bridge is used, so `legacyPlugin` is imported. */
  readonly bridges: boolean;
  /**
   * A half-migrated file's own backend, carried with its statements: no
   * second createBackend() and start; the adds go right before its start.
   */
  readonly existingBackend?: { readonly name: string; readonly start: Node };
  readonly carriedImports: readonly Node[];
  readonly carried: readonly Node[];
}

export interface IndexStyle extends CodeStyle {
  /** One level of indentation. */
  readonly unit: string;
  readonly trailingComma: boolean;
  readonly finalNewline: boolean;
}

/** The leading comments of a file (a licence header), up to its first statement, with the blank lines after them. */
export function headerOf(source: string, firstStatement: Node | undefined): string {
  const end = firstStatement ? lineStartOf(source, firstStatement.start ?? 0) : 0;
  const head = source.slice(0, end);
  return /^\s*$/.test(head) ? '' : head;
}

/**
 * A statement's text, from the start of its line, with the indentation it
 * had in main() removed; the comment lines right above it (no blank line
 * between: a note on it, an eslint directive) move with it.
 */
function dedented(source: string, node: Node, eol: string): string {
  const start = leadingCommentStart(source, lineStartOf(source, node.start ?? 0));
  const indent = indentOf(source, node.start ?? 0);
  const text = source.slice(start, node.end ?? 0);
  return text
    .split(/\r?\n/)
    .map(line => (line.startsWith(indent) ? line.slice(indent.length) : line.replace(/^[ \t]+/, '')))
    .join(eol);
}

/** Where the comment lines right above the line starting at `lineStart` begin (`lineStart` where there are none). */
function leadingCommentStart(source: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const previousStart = lineStartOf(source, start - 1);
    const line = source.slice(previousStart, start).trim();
    if (line.startsWith('//')) {
      start = previousStart;
      continue;
    }
    if (!line.endsWith('*/')) break;
    // A block comment that ends on that line: taken when it starts a line of its own.
    const open = source.lastIndexOf('/*', start);
    if (open < 0 || source.slice(lineStartOf(source, open), open).trim() !== '' || source.slice(open, start).trim().indexOf('*/') !== source.slice(open, start).trim().length - 2) break;
    start = lineStartOf(source, open);
  }
  return start;
}

export function printNewIndex(source: string, header: string, index: NewIndex, style: IndexStyle): string {
  const { eol } = style;
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const lines: string[] = [];
  const existing = index.existingBackend;
  const imported = (name: string): boolean => index.carriedImports.some(declaration => new RegExp(`\\b${name}\\b`).test(source.slice(declaration.start ?? 0, declaration.end ?? 0)));
  if (!existing) lines.push(`import { createBackend } from ${stringLiteral('@backstage/backend-defaults', q)}${semi}`);
  if (index.bridges && !(existing && imported('legacyPlugin'))) lines.push(`import { legacyPlugin } from ${stringLiteral('@backstage/backend-common', q)}${semi}`);
  for (const declaration of index.carriedImports) lines.push(source.slice(declaration.start ?? 0, declaration.end ?? 0).replace(/\r?\n/g, eol));
  lines.push('');
  const addLines = index.adds.map(add => {
    const argument =
      'import' in add
        ? `import(${stringLiteral(add.import, q)})`
        : `legacyPlugin(${stringLiteral(add.bridge, q)}, ${bridgedImport(add.module, add.exportName, q)})`;
    const name = existing?.name ?? 'backend';
    const oneLine = `${name}.add(${argument})${semi}`;
    return oneLine.length <= PRINT_WIDTH ? oneLine : `${name}.add(${eol}${style.unit}${argument}${style.trailingComma ? ',' : ''}${eol})${semi}`;
  });
  if (existing) {
    // The file's own backend statements in their order, the migrated adds right before its start.
    for (const statement of index.carried) {
      if (statement === existing.start) lines.push(...addLines);
      lines.push(dedented(source, statement, eol));
    }
    return header.replace(/\r?\n/g, eol) + lines.join(eol) + (style.finalNewline ? eol : '');
  }
  if (index.carried.length) {
    for (const statement of index.carried) lines.push(dedented(source, statement, eol));
    lines.push('');
  }
  lines.push(`const backend = createBackend()${semi}`);
  lines.push('');
  lines.push(...addLines);
  if (index.adds.length) lines.push('');
  lines.push(`backend.start()${semi}`);
  return header.replace(/\r?\n/g, eol) + lines.join(eol) + (style.finalNewline ? eol : '');
}

/**
 * The module legacyPlugin is given: `import('./plugins/x')`, whose default
 * export is the createPlugin; for a named export, the same module with that
 * export as its default (`.then(m => ({ default: m.auth }))`).
 */
export function bridgedImport(module: string, exportName: string | undefined, quote: "'" | '"'): string {
  const imported = `import(${stringLiteral(module, quote)})`;
  return exportName ? `${imported}.then(m => ({ default: m.${exportName} }))` : imported;
}
