/**
 * Reading and writing JSX in an app's TSX files (App.tsx, Root.tsx,
 * EntityPage.tsx) the way the backend's planners treat index.ts: Babel's
 * parser gives offsets, and new elements are printed as text, in the file's
 * own indentation and attribute quotes, laid out as prettier lays them out
 * (an element that does not fit the print width gets one attribute a line).
 */
import { parse } from '@babel/parser';
import type { File, JSXElement, Node } from '@babel/types';
import { walk } from './ast';
import { WireError } from './errors';
import { indentOf } from './text';

export function parseTsx(source: string, file: string): File {
  try {
    return parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'], attachComment: false });
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number } };
    const where = e.loc ? `${file}:${e.loc.line}:${e.loc.column + 1}` : file;
    const reason = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    throw new WireError(`${where}: cannot parse TSX: ${reason}`);
  }
}

/** `Route`, `EntityLayout.Route`: the element's name as written. */
/**
 * The JSX a declaration's value is: `(<X />)` itself, or what a function
 * without parameters returns (`() => (<X />)`, `() => { return <X />; }`),
 * as apps write entity pages and tabs made by functions.
 */
export function jsxOf(init: Node | null | undefined): JSXElement | undefined {
  if (!init) return undefined;
  if (init.type === 'JSXElement') return init;
  if (init.type !== 'ArrowFunctionExpression' && init.type !== 'FunctionExpression') return undefined;
  if (init.params.length) return undefined;
  if (init.body.type === 'JSXElement') return init.body;
  if (init.body.type !== 'BlockStatement' || init.body.body.length !== 1) return undefined;
  const only = init.body.body[0];
  return only.type === 'ReturnStatement' && only.argument?.type === 'JSXElement' ? only.argument : undefined;
}

export function elementName(element: JSXElement): string {
  const print = (name: Node): string => {
    if (name.type === 'JSXIdentifier') return name.name;
    if (name.type === 'JSXMemberExpression') return `${print(name.object)}.${name.property.name}`;
    if (name.type === 'JSXNamespacedName') return `${name.namespace.name}:${name.name.name}`;
    return '';
  };
  return print(element.openingElement.name);
}

export interface FoundElement {
  readonly element: JSXElement;
  readonly ancestors: readonly Node[];
}

/** Every element of the file with one of these names, in source order. */
export function findElements(root: Node, names: ReadonlySet<string> | string): FoundElement[] {
  const wanted = typeof names === 'string' ? new Set([names]) : names;
  const found: FoundElement[] = [];
  walk(root, (node, ancestors) => {
    if (node.type === 'JSXElement' && wanted.has(elementName(node))) found.push({ element: node, ancestors: [...ancestors] });
  });
  return found;
}

/** The element children of an element (text, comments and expressions left out). */
export function childElements(element: JSXElement): JSXElement[] {
  return element.children.filter((child): child is JSXElement => child.type === 'JSXElement');
}

/** A string attribute's value (`path="/x"`, `path={'/x'}`), else undefined. */
export function stringAttribute(element: JSXElement, name: string): string | undefined {
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== name) continue;
    const value = attribute.value;
    if (value?.type === 'StringLiteral') return value.value;
    if (value?.type === 'JSXExpressionContainer') {
      const expression = value.expression;
      if (expression.type === 'StringLiteral') return expression.value;
      if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0]?.value.cooked ?? undefined;
    }
  }
  return undefined;
}

/** An attribute's expression (`if={isXAvailable}`, `element={<X />}`), else undefined. */
export function expressionAttribute(element: JSXElement, name: string): Node | undefined {
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== name) continue;
    if (attribute.value?.type === 'JSXExpressionContainer' && attribute.value.expression.type !== 'JSXEmptyExpression') return attribute.value.expression;
  }
  return undefined;
}

/** Whether any element below `root` (itself included) is named `name`. */
export function usesElement(root: Node, name: string): boolean {
  return findElements(root, name).length > 0;
}

/** The quote the file's JSX attributes use, by majority (prettier's default, double, on a tie). */
export function jsxAttributeQuote(source: string, ast: File): "'" | '"' {
  let single = 0;
  let double = 0;
  walk(ast.program, node => {
    if (node.type === 'JSXAttribute' && node.value?.type === 'StringLiteral') {
      if (source[node.value.start ?? 0] === "'") single++;
      else double++;
    }
  });
  return single > double ? "'" : '"';
}

/** A JSX attribute to print: a string (`path="/x"`) or an expression (`element={<X />}`). */
export type JsxAttribute =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly expression: string }
  | { readonly name: string; readonly flag: true };

/** An element to print: self-closing without children. */
export interface JsxSpec {
  readonly name: string;
  readonly attributes?: readonly JsxAttribute[];
  readonly children?: readonly JsxSpec[];
}

export interface JsxLayout {
  /** One level of indentation, as the file writes it. */
  readonly unit: string;
  readonly quote: "'" | '"';
  readonly printWidth: number;
  readonly eol: string;
}

function printAttribute(attribute: JsxAttribute, quote: string): string {
  if ('flag' in attribute) return attribute.name;
  return 'text' in attribute ? `${attribute.name}=${quote}${attribute.text}${quote}` : `${attribute.name}={${attribute.expression}}`;
}

/**
 * The lines of an element at `indent`, joined by the layout's line break,
 * without a line break before the first or after the last: an opening tag
 * that does not fit the print width gets one attribute a line, the closing
 * `>` (or `/>`) on a line of its own, as prettier prints JSX.
 */
export function printJsx(spec: JsxSpec, indent: string, layout: JsxLayout): string {
  const attributes = (spec.attributes ?? []).map(attribute => printAttribute(attribute, layout.quote));
  const close = spec.children?.length ? '>' : ' />';
  const oneLine = `${indent}<${spec.name}${attributes.map(a => ' ' + a).join('')}${close}`;
  const lines: string[] = [];
  if (oneLine.length <= layout.printWidth || attributes.length === 0) {
    lines.push(oneLine);
  } else {
    lines.push(`${indent}<${spec.name}`);
    for (const attribute of attributes) lines.push(`${indent}${layout.unit}${attribute}`);
    lines.push(`${indent}${close.trim()}`);
  }
  if (spec.children?.length) {
    for (const child of spec.children) lines.push(printJsx(child, indent + layout.unit, layout));
    lines.push(`${indent}</${spec.name}>`);
  }
  return lines.join(layout.eol);
}

/**
 * The file's indentation unit, from how an element's children sit under it:
 * the first child element indented deeper than its parent's line tells it;
 * two spaces (create-app's) where none does.
 */
export function indentUnit(source: string, ast: File): string {
  // The commonest step from an element to a child on a line of its own: one element indented by hand does not decide.
  const counts = new Map<string, number>();
  walk(ast.program, node => {
    if (node.type !== 'JSXElement') return undefined;
    const parentIndent = indentOf(source, node.start ?? 0);
    for (const child of childElements(node)) {
      const childIndent = indentOf(source, child.start ?? 0);
      const lineStart = source.lastIndexOf('\n', (child.start ?? 0) - 1) + 1;
      const ownLine = source.slice(lineStart, child.start ?? 0).trim() === '';
      if (ownLine && childIndent.length > parentIndent.length && childIndent.startsWith(parentIndent)) {
        const unit = childIndent.slice(parentIndent.length);
        counts.set(unit, (counts.get(unit) ?? 0) + 1);
      }
    }
    return undefined;
  });
  let best: string | undefined;
  for (const [unit, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = unit;
  return best ?? '  ';
}

/** `carmen` -> `Carmen`, `tech-radar` -> `Tech Radar`: a title for a tab or a sidebar item. */
export function titleOf(id: string): string {
  return id
    .split(/[-_]/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
