/**
 * Whether an element of an app file is in the form wire-plugin writes: what
 * `--remove` may take out. A route, item, tab or card the app wrote in
 * another form (behind a permission, with props of its own, at a path or
 * title of its own) is the app's, and is kept and named instead.
 */
import type { JSXElement, Node } from '@babel/types';
import { elementName } from './jsx';

/** The attribute names an element is written with (`...` for a spread). */
export function attributeNames(element: JSXElement): string[] {
  return element.openingElement.attributes.map(attribute => (attribute.type === 'JSXAttribute' ? (attribute.name.type === 'JSXIdentifier' ? attribute.name.name : `${attribute.name.namespace.name}:${attribute.name.name.name}`) : '...'));
}

/** `<Name />`: no attributes, no children. */
export function isBare(node: Node | undefined, name: string): boolean {
  return node?.type === 'JSXElement' && elementName(node) === name && node.openingElement.attributes.length === 0 && node.children.length === 0;
}

/** The element's children that are not whitespace. */
export function meaningfulChildren(element: JSXElement): JSXElement['children'] {
  return element.children.filter(child => !(child.type === 'JSXText' && child.value.trim() === ''));
}

/** Whether the element's attribute names are exactly `names` (in any order). */
export function hasExactly(element: JSXElement, names: readonly string[]): boolean {
  const written = attributeNames(element);
  return written.length === names.length && names.every(name => written.includes(name));
}
