/**
 * A plugin page's item in a legacy app's sidebar (`src/components/Root/Root.tsx`):
 * `<SidebarItem icon={ExtensionIcon} to="carmen" text="Carmen" />` where the
 * app keeps its plugin items: the end of create-app's `<SidebarScrollWrapper>`
 * (whose comment says items go there), else after the last item of the
 * sidebar's "Menu" group, else after its last item. The icon is the one
 * asked for (the plugin's README's: a Material UI icon, or one the plugin
 * package exports), else Extension from the icon package; taken from the
 * file's own import of it where it has one.
 *
 * The default export is a jscodeshift-style transform
 * (`--id=carmen [--iconPackage=@material-ui/icons] [--text=...]`, `--remove`).
 */
import type { JSXElement, Node } from '@babel/types';
import { applyChanges, TextChange } from './lib/changes';
import { AppFile, appendChild, mapsData, noPlace, readAppFile, refuse, removeElement } from './lib/app-file';
import { attributeNames, hasExactly } from './lib/written-form';
import { importedNames, localName, planDefaultImport, planNamedImport, planUnusedImportRemoval } from './lib/imports';
import { childElements, elementName, expressionAttribute, findElements, printJsx, stringAttribute, titleOf } from './lib/jsx';
import { insertAt } from './lib/changes';
import { indentOf, pointAfterStatement } from './lib/text';
import { WireError } from './lib/errors';

export interface SidebarRequest {
  readonly id: string;
  /** The item's text (default: the id as a title). */
  readonly text?: string;
  /** The icon package the app depends on (`@material-ui/icons` or `@mui/icons-material`). */
  readonly iconPackage?: string;
  /** The item's icon (default: Extension from the icon package, as `ExtensionIcon`). */
  readonly icon?: SidebarIcon;
}

/**
 * An icon of the icon package (`MonetizationOn`, default-imported from
 * `@material-ui/icons/MonetizationOn` as `MoneyIcon`), or a name a package
 * exports (`KialiIcon` from the Kiali plugin).
 */
export type SidebarIcon =
  | { readonly material: string; readonly local: string }
  | { readonly module: string; readonly exported: string };

export interface SidebarPlan {
  readonly changes: readonly TextChange[];
  readonly state: 'added' | 'present' | 'removed' | 'absent';
  readonly line?: number;
  /** Removing: items the app wrote in a form the tool does not, kept, each named with why. */
  readonly kept?: readonly string[];
}

/** Where the tool puts an item: the sidebar itself, a group of it, or its scroll wrapper. */
const ITEM_PLACES = ['Sidebar', 'SidebarGroup', 'SidebarScrollWrapper'];

/** `<SidebarItem icon={X} to="x" text="X" />` where the tool puts items. */
function isWrittenItem(item: JSXElement, parent: Node | undefined): boolean {
  return parent?.type === 'JSXElement' && ITEM_PLACES.includes(elementName(parent)) && hasExactly(item, ['icon', 'to', 'text']) && item.children.length === 0;
}

function itemDifference(item: JSXElement, parent: Node | undefined): string {
  if (parent?.type !== 'JSXElement' || !ITEM_PLACES.includes(elementName(parent))) return parent?.type === 'JSXElement' ? `inside <${elementName(parent)}>` : 'not a child of the sidebar';
  if (item.children.length) return 'with children';
  return `its props are ${attributeNames(item).join(', ')}`;
}

/** The icon every legacy app can show for a plugin: the puzzle piece create-app uses for APIs. */
const DEFAULT_ICON: SidebarIcon = { material: 'Extension', local: 'ExtensionIcon' };

const targets = (id: string): string[] => [id, `/${id}`];

function itemsFor(sidebar: JSXElement, id: string): JSXElement[] {
  return findElements(sidebar, 'SidebarItem')
    .map(found => found.element)
    .filter(item => targets(id).includes(stringAttribute(item, 'to') ?? ''));
}

export function findSidebar(app: AppFile): JSXElement {
  const sidebars = findElements(app.ast.program, 'Sidebar');
  if (sidebars.length === 0) noPlace(app, undefined, "no <Sidebar> found: expected create-app's Root with a <Sidebar> of <SidebarItem> elements");
  const sidebar = sidebars[0].element;
  walkExpressions(sidebar, container => {
    if (mapsData(container) && findElements(container, 'SidebarItem').length) {
      noPlace(app, container, 'a data-driven sidebar (items made with .map()): expected <SidebarItem> elements written out in <Sidebar>');
    }
  });
  return sidebar;
}

function walkExpressions(element: JSXElement, visit: (container: JSXElement['children'][number]) => void): void {
  for (const child of element.children) {
    if (child.type === 'JSXExpressionContainer') visit(child);
    else if (child.type === 'JSXElement') walkExpressions(child, visit);
  }
}

/**
 * Where plugin items go: the scroll wrapper, else the Menu group's last
 * item, else the last item above <SidebarSpace />, else the sidebar's last
 * item. A wrapper written self-closing
 * (`<SidebarScrollWrapper />`) holds nothing and takes nothing: the next
 * place counts.
 */
function anchorOf(app: AppFile, sidebar: JSXElement): { parent: JSXElement } | { after: JSXElement } {
  const wrapper = findElements(sidebar, 'SidebarScrollWrapper').find(found => found.element.closingElement);
  if (wrapper) return { parent: wrapper.element };
  const menu = findElements(sidebar, 'SidebarGroup').find(group => stringAttribute(group.element, 'label') === 'Menu');
  const inMenu = menu ? childElements(menu.element).filter(child => elementName(child) === 'SidebarItem') : [];
  if (inMenu.length) return { after: inMenu[inMenu.length - 1] };
  const all = findElements(sidebar, 'SidebarItem');
  if (all.length === 0) noPlace(app, sidebar, 'no <SidebarItem> in the <Sidebar>: expected the items of create-app\'s Root to add one beside');
  // Below <SidebarSpace /> sit the settings and the user's items (create-app's and most apps'): a plugin's item goes above it.
  const space = findElements(sidebar, 'SidebarSpace')[0]?.element;
  const above = space ? all.filter(found => (found.element.end ?? 0) <= (space.start ?? 0)) : [];
  const items = above.length ? above : all;
  return { after: items[items.length - 1].element };
}

/** The icon's local name and the import it needs, if any. */
function iconFor(app: AppFile, iconPackage: string, icon: SidebarIcon): { name: string; changes: TextChange[] } {
  if ('module' in icon) {
    const known = localName(app.ast, icon.module, icon.exported);
    if (known) return { name: known, changes: [] };
    if (importedNames(app.ast).has(icon.exported)) refuse(app, undefined, `${icon.exported} is imported from another module: expected the name free for ${icon.module}'s ${icon.exported}`);
    return { name: icon.exported, changes: planNamedImport(app.text, app.ast, icon.module, [icon.exported], app.imports) };
  }
  const source = `${iconPackage}/${icon.material}`;
  const known = localName(app.ast, source, 'default') ?? localName(app.ast, iconPackage, icon.material);
  if (known) return { name: known, changes: [] };
  if (importedNames(app.ast).has(icon.local)) refuse(app, undefined, `${icon.local} is imported from another module: expected the name free for ${source}`);
  return { name: icon.local, changes: planDefaultImport(app.text, app.ast, source, icon.local, app.imports, iconPackage) };
}

/** `to="carmen"` or `to="/carmen"`, as most of the file's items write it. */
function targetStyle(sidebar: JSXElement, id: string): string {
  const written = findElements(sidebar, 'SidebarItem').map(found => stringAttribute(found.element, 'to') ?? '');
  const slashed = written.filter(to => to.startsWith('/')).length;
  return slashed > written.length - slashed ? `/${id}` : id;
}

export function planSidebarItem(text: string, file: string, request: SidebarRequest, remove = false, printWidth?: number): SidebarPlan {
  const app = readAppFile(text, file, printWidth);
  const sidebar = findSidebar(app);
  const existing = itemsFor(sidebar, request.id);
  if (remove) {
    if (existing.length === 0) return { changes: [], state: 'absent' };
    // Only an item as the tool writes it goes: `<SidebarItem icon={X} to="x" text="X" />` in the sidebar, a group or the
    // scroll wrapper; one behind a permission check, or with props of its own, is the app's.
    const parents = new Map(findElements(sidebar, 'SidebarItem').map(found => [found.element, found.ancestors[found.ancestors.length - 1]]));
    const written = existing.filter(item => isWrittenItem(item, parents.get(item)));
    const lineOf = (item: JSXElement): number => text.slice(0, item.start ?? 0).split('\n').length;
    const kept = existing
      .filter(item => !written.includes(item))
      .map(item => `${file}:${lineOf(item)}: the sidebar item to ${stringAttribute(item, 'to')} is written in a form wire-plugin does not write (${itemDifference(item, parents.get(item))}): kept; take it out by hand`);
    const changes = written.map(item => removeElement(app, item));
    const icons = written.map(item => expressionAttribute(item, 'icon')).filter(icon => icon?.type === 'Identifier').map(icon => (icon as { name: string }).name);
    changes.push(...planUnusedImportRemoval(text, app.ast, new Set(icons), changes, app.imports));
    return { changes, state: written.length ? 'removed' : 'present', kept };
  }
  if (existing.length) return { changes: [], state: 'present', line: text.slice(0, existing[0].start ?? 0).split('\n').length };
  const icon = iconFor(app, request.iconPackage ?? '@material-ui/icons', request.icon ?? DEFAULT_ICON);
  const item = {
    name: 'SidebarItem',
    attributes: [
      { name: 'icon', expression: icon.name },
      { name: 'to', text: targetStyle(sidebar, request.id) },
      { name: 'text', text: request.text ?? titleOf(request.id) },
    ],
  };
  const anchor = anchorOf(app, sidebar);
  const changes = [...icon.changes];
  if ('parent' in anchor) {
    changes.push(appendChild(app, anchor.parent, indent => printJsx(item, indent, app.jsx)));
  } else {
    const point = pointAfterStatement(text, anchor.after.end ?? 0, app.jsx.eol);
    changes.push(insertAt(point.offset, point.before + printJsx(item, indentOf(text, anchor.after.start ?? 0), app.jsx) + point.after));
  }
  return { changes, state: 'added' };
}

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { id?: string; text?: string; iconPackage?: string; icon?: SidebarIcon; remove?: boolean } = {},
): string {
  if (!options.id) throw new WireError('legacy-app-sidebar: pass --id');
  const plan = planSidebarItem(file.source, file.path ?? 'Root.tsx', { id: options.id, text: options.text, iconPackage: options.iconPackage, icon: options.icon }, Boolean(options.remove));
  return applyChanges(file.source, plan.changes);
}
