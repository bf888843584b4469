import type { File } from '@babel/types';
import { walk } from './ast';
import { detectEol } from './text';

/** How the file writes code, so that added lines look like their neighbours. */
export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  readonly eol: '\n' | '\r\n';
}

const STATEMENTS_WITH_SEMICOLON = new Set([
  'ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration',
  'VariableDeclaration', 'ExpressionStatement', 'ReturnStatement',
]);

/**
 * Reads the file's habits by majority: quotes from its string literals,
 * semicolons from the statements that take one. Ties go to Backstage's
 * defaults (single quotes, semicolons).
 */
export function detectCodeStyle(source: string, ast: File): CodeStyle {
  let single = 0;
  let double = 0;
  let withSemi = 0;
  let withoutSemi = 0;
  walk(ast.program, (node, ancestors) => {
    if (node.type === 'StringLiteral') {
      const raw = source[node.start ?? 0];
      if (raw === '"') double++;
      else if (raw === "'") single++;
    } else if (STATEMENTS_WITH_SEMICOLON.has(node.type) && node.end != null) {
      // `for (const x of y)` heads never take a semicolon; they say nothing.
      const parent = ancestors[ancestors.length - 1];
      if (parent && /^For/.test(parent.type)) return;
      if (source[node.end - 1] === ';') withSemi++;
      else withoutSemi++;
    }
  });
  return {
    quote: double > single ? '"' : "'",
    semicolons: withoutSemi <= withSemi,
    eol: detectEol(source),
  };
}

/** A string literal in the given quote, escaped so any value prints as valid code. */
export function stringLiteral(value: string, quote: "'" | '"'): string {
  let out = '';
  for (const ch of value) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\u2028' || ch === '\u2029') out += ch === '\u2028' ? '\\u2028' : '\\u2029';
    else out += ch;
  }
  return quote + out + quote;
}
