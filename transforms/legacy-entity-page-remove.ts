/**
 * Taking a plugin's views out of a legacy app's `EntityPage.tsx`
 * (`wire-plugin <x> --remove`): only in the forms wiring writes them.
 */
import type { JSXElement, Node } from '@babel/types';
import { TextChange } from './lib/changes';
import { AppFile, removeElement } from './lib/app-file';
import { CICD, childrenRendering, cicdSwitch, EntityPagePlan, EntityPlacement, EntityRequest, JsxConstants, OVERVIEW } from './lib/entity-page';
import { localName, planUnusedImportRemoval } from './lib/imports';
import { elementName, expressionAttribute, findElements, stringAttribute, titleOf } from './lib/jsx';
import { walk } from './lib/ast';
import { hasExactly, isBare, meaningfulChildren } from './lib/written-form';

/**
 * Takes out the tabs, CI/CD cases and cards that render the package's views
 * in the form wiring writes them, then the imports nothing uses any more.
 * Any other use (a tab at a path or title of the app's own, a view given
 * props, a case of a switch of the app's own) is the app's: kept, and named.
 */
export function planEntityPageRemoval(app: AppFile, constants: JsxConstants, request: EntityRequest): EntityPagePlan {
  const locals = [request.content, request.card]
    .filter((name): name is string => name !== undefined)
    .map(name => localName(app.ast, request.packageName, name))
    .filter((name): name is string => name !== undefined);
  const changes: TextChange[] = [];
  const placements: EntityPlacement[] = [];
  const kept: string[] = [];
  if (locals.length === 0) return { changes, placements, kept };
  const predicate = request.predicate ? (localName(app.ast, request.packageName, request.predicate) ?? request.predicate) : undefined;
  const form: WrittenForm = { path: `/${request.id}`, title: request.title ?? titleOf(request.id), predicate };
  for (const [name, constant] of constants) {
    const root = constant.element;
    // A tab or grid a function of the app makes (`cicdRoute()`) is the app's own, left as it is; a page made by a function
    // (`() => (<EntityLayout>...)`) has its tabs taken out as a page's.
    if (!root || (constant.made && elementName(root) !== 'EntityLayout')) continue;
    const page = elementName(root) === 'EntityLayout';
    const kind = page || name === CICD ? 'tab' : 'card';
    for (const local of locals) {
      const uses = page ? childrenRendering(root, local) : name === CICD ? cardsRendering(cicdSwitch(root) ?? root, local) : name === OVERVIEW ? childrenRendering(root, local) : [];
      const written = uses.filter(use => (page ? isWrittenTab(use, local, form) : name === CICD ? isWrittenCase(use, local, form) : isWrittenCard(use, local, form)));
      for (const element of written) changes.push(removeElement(app, element));
      // Every other place that renders it, in this constant, is the app's own.
      const inside = (node: Node, element: Node): boolean => (node.start ?? 0) >= (element.start ?? 0) && (node.end ?? 0) <= (element.end ?? 0);
      const others = findElements(root, local).filter(found => !written.some(element => inside(found.element, element)));
      for (const found of others) kept.push(`${app.file}:${app.text.slice(0, found.element.start ?? 0).split('\n').length}: <${local}> in ${name} is not in a form wire-plugin writes (${usedHow(found.ancestors, root, page, name)}): kept; take it out by hand`);
      if (written.length) placements.push({ where: name, kind, state: 'removed' });
      else if (others.length) placements.push({ where: name, kind, state: 'present' });
    }
  }
  const names = new Set([...locals, ...(predicate ? [predicate] : [])]);
  changes.push(...planUnusedImportRemoval(app.text, app.ast, names, changes, app.imports));
  return { changes, placements, kept };
}

/** What wiring writes for the plugin: a tab at `/<id>` titled after it, under its predicate where it has one. */
interface WrittenForm {
  readonly path: string;
  readonly title: string;
  readonly predicate?: string;
}

/** `if={isXAvailable}` where the plugin has a predicate, no `if` where it has none. */
function hasWrittenCondition(element: JSXElement, form: WrittenForm): boolean {
  const condition = expressionAttribute(element, 'if');
  return form.predicate === undefined ? condition === undefined : condition?.type === 'Identifier' && condition.name === form.predicate;
}

/** `<EntityLayout.Route path="/x" title="X" if={isXAvailable}><EntityXContent /></EntityLayout.Route>`. */
function isWrittenTab(tab: JSXElement, local: string, form: WrittenForm): boolean {
  const children = meaningfulChildren(tab);
  return (
    elementName(tab) === 'EntityLayout.Route' &&
    hasExactly(tab, form.predicate ? ['path', 'title', 'if'] : ['path', 'title']) &&
    stringAttribute(tab, 'path') === form.path &&
    stringAttribute(tab, 'title') === form.title &&
    hasWrittenCondition(tab, form) &&
    children.length === 1 &&
    isBare(children[0], local)
  );
}

/** `<EntitySwitch.Case if={isXAvailable}><EntityXContent /></EntitySwitch.Case>`, its view in a grid item like the switch's other cases. */
function isWrittenCase(entityCase: JSXElement, local: string, form: WrittenForm): boolean {
  const children = meaningfulChildren(entityCase);
  if (elementName(entityCase) !== 'EntitySwitch.Case' || !hasExactly(entityCase, ['if']) || !hasWrittenCondition(entityCase, form) || children.length !== 1) return false;
  const view = children[0];
  if (isBare(view, local)) return true;
  const inGrid = view.type === 'JSXElement' && elementName(view) === 'Grid' ? meaningfulChildren(view) : [];
  return inGrid.length === 1 && isBare(inGrid[0], local);
}

/** `<Grid item md={6}><EntityXCard /></Grid>`, in `<EntitySwitch><EntitySwitch.Case if={isXAvailable}>` where the plugin has a predicate. */
function isWrittenCard(card: JSXElement, local: string, form: WrittenForm): boolean {
  const item = (element: Node | undefined): boolean => {
    const children = element?.type === 'JSXElement' ? meaningfulChildren(element) : [];
    return element?.type === 'JSXElement' && elementName(element) === 'Grid' && hasExactly(element, ['item', 'md']) && children.length === 1 && isBare(children[0], local);
  };
  if (form.predicate === undefined) return item(card);
  const cases = elementName(card) === 'EntitySwitch' ? meaningfulChildren(card) : [];
  const only = cases.length === 1 && cases[0].type === 'JSXElement' ? cases[0] : undefined;
  return only !== undefined && elementName(only) === 'EntitySwitch.Case' && hasExactly(only, ['if']) && hasWrittenCondition(only, form) && meaningfulChildren(only).length === 1 && item(meaningfulChildren(only)[0]);
}

/** Why a use of the view is the app's own: where it stands, or what it is given. */
function usedHow(ancestors: readonly Node[], root: JSXElement, page: boolean, name: string): string {
  const within = ancestors.slice(ancestors.indexOf(root) + 1).filter((node): node is JSXElement => node.type === 'JSXElement');
  if (!page && name !== CICD && name !== OVERVIEW) return `in ${name}, which wire-plugin does not write to`;
  const tab = page ? within.find(element => elementName(element) === 'EntityLayout.Route') : undefined;
  if (tab) return `in the tab ${stringAttribute(tab, 'path') ?? ''}${stringAttribute(tab, 'title') ? ` titled ${stringAttribute(tab, 'title')}` : ''}, with props or content of the app's own`;
  return 'with props or wrappers of the app\'s own';
}

/**
 * In a grid, the children that hold the card and nothing else of substance:
 * `<Grid item><Card /></Grid>`, or the EntitySwitch with one case around it.
 */
function cardsRendering(root: JSXElement, local: string): JSXElement[] {
  return childrenRendering(root, local).filter(child => {
    let others = 0;
    walk(child, (node: Node) => {
      if (node.type === 'JSXElement' && !['Grid', 'EntitySwitch', 'EntitySwitch.Case', local].includes(elementName(node))) others++;
    });
    return others === 0;
  });
}

