/**
 * What every planner of an app file (App.tsx, Root.tsx, EntityPage.tsx)
 * reads first: the parsed file, its code style, and the layout new JSX and
 * imports are printed in.
 */
import type { File, JSXElement, Node } from '@babel/types';
import { detectCodeStyle } from './code-style';
import { formatPosition, NoPlaceError, WireError } from './errors';
import { ImportStyle } from './imports';
import { indentUnit, JsxLayout, jsxAttributeQuote, parseTsx } from './jsx';
import { indentOf, lineStartOf, LinePoint, pointAfterStatement } from './text';
import { insertAt, TextChange } from './changes';
import { paragraphRemovalRange } from './text';
import { contains } from './ast';

export interface AppFile {
  readonly text: string;
  readonly file: string;
  readonly ast: File;
  readonly imports: ImportStyle;
  readonly jsx: JsxLayout;
}

/** Prettier's default, and create-app's (`@spotify/prettier-config`). */
export const DEFAULT_PRINT_WIDTH = 80;

export function readAppFile(text: string, file: string, printWidth = DEFAULT_PRINT_WIDTH): AppFile {
  const ast = parseTsx(text, file);
  const style = detectCodeStyle(text, ast);
  const unit = indentUnit(text, ast);
  return {
    text,
    file,
    ast,
    imports: { quote: style.quote, semicolons: style.semicolons, eol: style.eol, unit, printWidth },
    jsx: { unit, quote: jsxAttributeQuote(text, ast), printWidth, eol: style.eol },
  };
}

/** `file:line:col` of a node, for messages. */
export function at(app: AppFile, node: Node | undefined): string {
  return formatPosition(app.file, app.text, node?.start ?? 0);
}

export function refuse(app: AppFile, node: Node | undefined, message: string): never {
  throw new WireError(`${at(app, node)}: ${message}`);
}

/** Like refuse, for a sound file with no place for the piece (./errors NoPlaceError). */
export function noPlace(app: AppFile, node: Node | undefined, message: string): never {
  throw new NoPlaceError(`${at(app, node)}: ${message}`);
}

/**
 * The edit that puts `printed` (lines at `indent`, without the first line's
 * indentation handled here) as the last child of `parent`: after its last
 * child element, else on a line of its own before its closing tag.
 */
export function appendChild(app: AppFile, parent: JSXElement, lines: (indent: string) => string): TextChange {
  const { text, jsx } = app;
  const children = parent.children.filter(child => child.type === 'JSXElement' || (child.type === 'JSXExpressionContainer' && child.expression.type !== 'JSXEmptyExpression'));
  const last = children[children.length - 1];
  if (last) {
    const indent = indentOf(text, last.start ?? 0);
    const point = pointAfterChild(text, parent, last, jsx.eol);
    return insertAt(point.offset, point.before + lines(indent) + point.after);
  }
  const closing = parent.closingElement;
  if (!closing) return refuse(app, parent, 'expected an element with a closing tag to add a child to');
  const closingStart = closing.start ?? 0;
  const closingIndent = indentOf(text, closingStart);
  const lineStart = lineStartOf(text, closingStart);
  if (text.slice(lineStart, closingStart).trim() !== '') {
    // `<X></X>` on one line: break it open.
    return insertAt(closingStart, jsx.eol + lines(closingIndent + jsx.unit) + jsx.eol + closingIndent);
  }
  return insertAt(lineStart, lines(closingIndent + jsx.unit) + jsx.eol);
}

/**
 * Where a new child goes after `last`: past the text that follows it on its
 * line (a stray `;` after the last route is JSX text), so that the new child
 * stands on a line of its own, the text stays where it was, and removing the
 * child gives the file back; else right after it, as after a statement.
 */
function pointAfterChild(text: string, parent: JSXElement, last: Node, eol: string): LinePoint {
  const end = last.end ?? 0;
  const next = parent.children[parent.children.indexOf(last as JSXElement['children'][number]) + 1];
  const lineEnd = text.indexOf('\n', end);
  if (next?.type === 'JSXText' && lineEnd !== -1 && (next.end ?? 0) > lineEnd && text.slice(end, lineEnd).trim() !== '') {
    return { offset: lineEnd + 1, before: '', after: eol };
  }
  return pointAfterStatement(text, end, eol);
}

/** The edit that puts new lines just before `sibling`, at its indentation (it must start its line). */
export function insertBefore(app: AppFile, sibling: Node, lines: (indent: string) => string): TextChange {
  const { text, jsx } = app;
  const start = sibling.start ?? 0;
  const lineStart = lineStartOf(text, start);
  if (text.slice(lineStart, start).trim() !== '') return refuse(app, sibling, 'expected the element on a line of its own, to add a sibling before it');
  return insertAt(lineStart, lines(indentOf(text, start)) + jsx.eol);
}

/** The edit that takes an element out with the lines it stands on. */
export function removeElement(app: AppFile, element: Node): TextChange {
  // An element that stood between blank lines (a tab the app set apart) takes one of them along.
  return { ...paragraphRemovalRange(app.text, element.start ?? 0, element.end ?? 0), text: '' };
}

/** Whether the node builds JSX with `.map(...)` (routes or sidebar items from data). */
export function mapsData(node: Node): boolean {
  return contains(
    node,
    candidate =>
      candidate.type === 'CallExpression' &&
      candidate.callee.type === 'MemberExpression' &&
      candidate.callee.property.type === 'Identifier' &&
      candidate.callee.property.name === 'map',
  );
}
