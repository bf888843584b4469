import type { File, Node } from '@babel/types';
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
 * defaults (single quotes, semicolons). Node by node, so that a walk made
 * anyway (the legacy analysis) can gather them on the way.
 */
export class CodeStyleCounter {
  private single = 0;
  private double = 0;
  private withSemi = 0;
  private withoutSemi = 0;

  constructor(private readonly source: string) {}

  visit(node: Node, parent: Node | undefined): void {
    if (node.type === 'StringLiteral') {
      // JSX attributes take prettier's jsxSingleQuote, not the code's quotes.
      if (parent?.type === 'JSXAttribute') return;
      const raw = this.source[node.start ?? 0];
      if (raw === '"') this.double++;
      else if (raw === "'") this.single++;
    } else if (STATEMENTS_WITH_SEMICOLON.has(node.type) && node.end != null) {
      // `for (const x of y)` heads never take a semicolon; they say nothing.
      if (parent && /^For/.test(parent.type)) return;
      if (this.source[node.end - 1] === ';') this.withSemi++;
      else this.withoutSemi++;
    }
  }

  result(): CodeStyle {
    return {
      quote: this.double > this.single ? '"' : "'",
      semicolons: this.withoutSemi <= this.withSemi,
      eol: detectEol(this.source),
    };
  }
}

export function detectCodeStyle(source: string, ast: File): CodeStyle {
  const counter = new CodeStyleCounter(source);
  walk(ast.program, (node, ancestors) => counter.visit(node, ancestors[ancestors.length - 1]));
  return counter.result();
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
