/**
 * A plugin's entity views in a legacy app's `EntityPage.tsx`:
 *
 * - entity content (`EntityCarmenContent`) becomes a tab,
 *   `<EntityLayout.Route path="/carmen" title="Carmen" if={isCarmenAvailable}>`,
 *   the last of each entity page it serves (create-app's `serviceEntityPage`
 *   and `websiteEntityPage`, else `defaultEntityPage`); a CI/CD plugin's
 *   content (its README puts it on the CI/CD tab: Jenkins, GitHub Actions)
 *   becomes a case of create-app's `cicdContent` switch instead,
 *   `<EntitySwitch.Case if={isJenkinsAvailable}>`, before its fallback case,
 *   which every page's CI/CD tab renders;
 * - an entity card (`EntityCarmenCard`), for a plugin without content, goes
 *   at the end of `overviewContent`'s grid, in `<Grid item md={6}>`, inside
 *   `<EntitySwitch><EntitySwitch.Case if={isCarmenAvailable}>` where the
 *   package has a predicate.
 *
 * The default export is a jscodeshift-style transform
 * (`--id --package [--content] [--card] [--predicate] [--pages] [--cicd]`, `--remove`).
 */
import type { JSXElement, Node, VariableDeclarator } from '@babel/types';
import { applyChanges, TextChange } from './lib/changes';
import { AppFile, appendChild, insertBefore, readAppFile, refuse, removeElement } from './lib/app-file';
import { importedNames, localName, planNamedImport, planUnusedImportRemoval } from './lib/imports';
import { childElements, elementName, expressionAttribute, findElements, JsxAttribute, JsxSpec, jsxOf, printJsx, stringAttribute, titleOf } from './lib/jsx';
import { hasExactly, isBare, meaningfulChildren } from './lib/written-form';
import { walk } from './lib/ast';
import { WireError } from './lib/errors';

export interface EntityRequest {
  readonly id: string;
  readonly packageName: string;
  /** The entity content's export name: a tab. */
  readonly content?: string;
  /** The entity card's export name: a card in the overview (used when there is no content). */
  readonly card?: string;
  /** The predicate's export name (`isCarmenAvailable`). */
  readonly predicate?: string;
  /** The pages to put a tab in, in order of preference groups (default: service and website, else default). */
  readonly pages?: readonly string[];
  /** The content belongs on the CI/CD tab (`cicdContent`), where the file has that switch and the package a predicate. */
  readonly cicd?: boolean;
  readonly title?: string;
}

export interface EntityPlacement {
  /** `serviceEntityPage` (a tab) or `overviewContent` (a card). */
  readonly where: string;
  readonly kind: 'tab' | 'card';
  readonly state: 'added' | 'present' | 'removed' | 'absent';
}

export interface EntityPagePlan {
  readonly changes: readonly TextChange[];
  readonly placements: readonly EntityPlacement[];
  /** Removing: uses of the views the app wrote in a form the tool does not, kept, each named with why. */
  readonly kept?: readonly string[];
}

export const COMPONENT_PAGES = ['serviceEntityPage', 'websiteEntityPage'];
const FALLBACK_PAGE = 'defaultEntityPage';
const OVERVIEW = 'overviewContent';
/** create-app's CI/CD switch, which the service and website pages' CI/CD tab renders. */
const CICD = 'cicdContent';

/** Top-level `const name = (<JSX />)` declarations, and `const name = () => (<JSX />)` (made by a function: `made`), by name. */
function jsxConstants(app: AppFile): Map<string, { declarator: VariableDeclarator; element?: JSXElement; made?: boolean }> {
  const found = new Map<string, { declarator: VariableDeclarator; element?: JSXElement; made?: boolean }>();
  for (const statement of app.ast.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier') continue;
      const init = declarator.init;
      found.set(declarator.id.name, { declarator, element: jsxOf(init), ...(init && init.type !== 'JSXElement' && jsxOf(init) ? { made: true } : {}) });
    }
  }
  return found;
}

/** The pages a tab goes into: the requested ones the file declares; a page the file only imports is refused. */
function tabPages(app: AppFile, constants: ReturnType<typeof jsxConstants>, request: EntityRequest): string[] {
  const preferred = request.pages ?? COMPONENT_PAGES;
  const imported = importedNames(app.ast);
  for (const page of preferred) {
    if (!constants.has(page) && imported.has(page)) {
      refuse(app, undefined, `${page} is imported from another file: expected the entity page declared here, as const ${page} = (<EntityLayout>...) (add the tab there by hand)`);
    }
  }
  const declared = preferred.filter(page => constants.has(page));
  if (declared.length) return declared;
  if (!request.pages && constants.has(FALLBACK_PAGE)) return [FALLBACK_PAGE];
  return refuse(app, undefined, `no ${preferred.join(' or ')}${request.pages ? '' : ` or ${FALLBACK_PAGE}`} found: expected create-app's entity pages, as const serviceEntityPage = (<EntityLayout>...)`);
}

function layoutOf(app: AppFile, constants: ReturnType<typeof jsxConstants>, page: string): JSXElement {
  const constant = constants.get(page);
  const element = constant?.element;
  if (!element || elementName(element) !== 'EntityLayout') {
    refuse(app, constant?.declarator.init ?? constant?.declarator, `${page}: expected (<EntityLayout>...</EntityLayout>) to add a tab to`);
  }
  return element;
}

/** The top-level children of `root` that render `local` somewhere inside. */
function childrenRendering(root: JSXElement, local: string): JSXElement[] {
  return childElements(root).filter(child => findElements(child, local).length > 0);
}

/**
 * Whether `root` renders `local`: inside it, or inside a top-level JSX
 * constant it renders by name (`{cicdContent}` in the CI/CD tab, an app's
 * own `ciContent` switch), followed as deep as they go.
 */
function rendersThrough(root: JSXElement, local: string, constants: ReturnType<typeof jsxConstants>, seen = new Set<string>()): boolean {
  if (findElements(root, local).length > 0) return true;
  let found = false;
  walk(root, (node: Node) => {
    if (found) return false;
    if (node.type !== 'JSXExpressionContainer') return undefined;
    // `{cicdContent}`, or `{cicdRoute()}` of a tab made by a function.
    const expression = node.expression;
    const name =
      expression.type === 'Identifier'
        ? expression.name
        : expression.type === 'CallExpression' && expression.arguments.length === 0 && expression.callee.type === 'Identifier'
          ? expression.callee.name
          : undefined;
    if (name === undefined) return undefined;
    const element = constants.get(name)?.element;
    if (element && !seen.has(name)) {
      seen.add(name);
      found = rendersThrough(element, local, constants, seen);
    }
    return undefined;
  });
  return found;
}

/** A name to import from the package: its local name there, or the name itself, imported. */
function useName(app: AppFile, request: EntityRequest, name: string, wanted: string[]): string {
  const local = localName(app.ast, request.packageName, name);
  if (local) return local;
  if (importedNames(app.ast).has(name)) refuse(app, undefined, `${name} is imported from another module already: expected the name free for ${request.packageName}`);
  if (!wanted.includes(name)) wanted.push(name);
  return name;
}

export function planEntityPage(text: string, file: string, request: EntityRequest, remove = false, printWidth?: number): EntityPagePlan {
  const app = readAppFile(text, file, printWidth);
  const constants = jsxConstants(app);
  if (remove) return planRemoval(app, constants, request);
  const changes: TextChange[] = [];
  const placements: EntityPlacement[] = [];
  const wanted: string[] = [];
  const predicate = (): string | undefined => (request.predicate ? useName(app, request, request.predicate, wanted) : undefined);
  const cicd = request.cicd && request.content && request.predicate ? cicdSwitch(constants.get(CICD)?.element) : undefined;
  if (request.content && cicd) {
    const existingLocal = localName(app.ast, request.packageName, request.content);
    if (existingLocal && childrenRendering(cicd, existingLocal).length) {
      placements.push({ where: CICD, kind: 'tab', state: 'present' });
    } else {
      const content = useName(app, request, request.content, wanted);
      // In the grid of its cases where they each sit in one (`<Grid item xs={12}>`), as the switch's other cases do.
      const item = gridItemOfCases(app, cicd);
      const view: JsxSpec = item ? { ...item, children: [{ name: content }] } : { name: content };
      const spec: JsxSpec = { name: 'EntitySwitch.Case', attributes: [{ name: 'if', expression: predicate() as string }], children: [view] };
      // Before the case without a condition (create-app's "No CI/CD available"), which would otherwise win.
      const fallback = switchCases(cicd).find(c => !hasCondition(c));
      changes.push(fallback ? insertBefore(app, fallback, indent => printJsx(spec, indent, app.jsx)) : appendChild(app, cicd, indent => printJsx(spec, indent, app.jsx)));
      placements.push({ where: CICD, kind: 'tab', state: 'added' });
    }
  } else if (request.content) {
    const existingLocal = localName(app.ast, request.packageName, request.content);
    for (const page of tabPages(app, constants, request)) {
      const layout = layoutOf(app, constants, page);
      // Present where the page renders the content already, in a tab or through a constant of the file (a CI/CD switch).
      if (existingLocal && rendersThrough(layout, existingLocal, constants)) {
        placements.push({ where: page, kind: 'tab', state: 'present' });
        continue;
      }
      const content = useName(app, request, request.content, wanted);
      const condition = predicate();
      const tab: JsxSpec = {
        name: 'EntityLayout.Route',
        attributes: [
          { name: 'path', text: `/${request.id}` },
          { name: 'title', text: request.title ?? titleOf(request.id) },
          ...(condition ? [{ name: 'if', expression: condition }] : []),
        ],
        children: [{ name: content }],
      };
      changes.push(appendChild(app, layout, indent => printJsx(tab, indent, app.jsx)));
      placements.push({ where: page, kind: 'tab', state: 'added' });
    }
  } else if (request.card) {
    const grid = constants.get(OVERVIEW)?.element;
    if (!grid) refuse(app, constants.get(OVERVIEW)?.declarator, `no ${OVERVIEW} = (<Grid container>...) found: expected create-app's overview grid to add ${request.card} to`);
    const existingLocal = localName(app.ast, request.packageName, request.card);
    if (existingLocal && rendersThrough(grid, existingLocal, constants)) {
      placements.push({ where: OVERVIEW, kind: 'card', state: 'present' });
    } else {
      const card = useName(app, request, request.card, wanted);
      const condition = predicate();
      const item: JsxSpec = { name: 'Grid', attributes: [{ name: 'item', flag: true as const }, { name: 'md', expression: '6' }], children: [{ name: card }] };
      const spec: JsxSpec = condition
        ? { name: 'EntitySwitch', children: [{ name: 'EntitySwitch.Case', attributes: [{ name: 'if', expression: condition }], children: [item] }] }
        : item;
      for (const [name, source] of [['Grid', '@material-ui/core'], ...(condition ? [['EntitySwitch', '@backstage/plugin-catalog']] : [])]) {
        if (!importedNames(app.ast).has(name)) changes.push(...planNamedImport(text, app.ast, source, [name], app.imports));
      }
      changes.push(appendChild(app, grid, indent => printJsx(spec, indent, app.jsx)));
      placements.push({ where: OVERVIEW, kind: 'card', state: 'added' });
    }
  }
  if (wanted.length) changes.unshift(...planNamedImport(text, app.ast, request.packageName, wanted, app.imports));
  return { changes, placements };
}

/** The `<EntitySwitch.Case>` children of a switch. */
const switchCases = (entitySwitch: JSXElement): JSXElement[] => childElements(entitySwitch).filter(child => elementName(child) === 'EntitySwitch.Case');

/** Whether a case has a condition (`if={...}`); the one without is the switch's fallback. */
const hasCondition = (entityCase: JSXElement): boolean => entityCase.openingElement.attributes.some(a => a.type === 'JSXAttribute' && a.name.name === 'if');

/** create-app's CI/CD switch: `cicdContent`'s `<EntitySwitch>`, or the one switch in its `<Grid container>`. */
function cicdSwitch(root: JSXElement | undefined): JSXElement | undefined {
  if (!root) return undefined;
  if (elementName(root) === 'EntitySwitch') return root;
  const children = childElements(root);
  return elementName(root) === 'Grid' && children.length === 1 && elementName(children[0]) === 'EntitySwitch' ? children[0] : undefined;
}

/** The `<Grid item ...>` every conditional case of the switch wraps its one view in, as a spec; none where they do not all. */
function gridItemOfCases(app: AppFile, entitySwitch: JSXElement): JsxSpec | undefined {
  const cases = switchCases(entitySwitch).filter(hasCondition);
  const items = cases.map(c => childElements(c)).map(views => (views.length === 1 && elementName(views[0]) === 'Grid' ? views[0] : undefined));
  if (!items.length || items.some(item => !item)) return undefined;
  const attributes: JsxAttribute[] = [];
  for (const attribute of (items[0] as JSXElement).openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier') return undefined;
    const name = attribute.name.name;
    const value = attribute.value;
    if (!value) attributes.push({ name, flag: true });
    else if (value.type === 'StringLiteral') attributes.push({ name, text: value.value });
    else if (value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') attributes.push({ name, expression: app.text.slice(value.expression.start ?? 0, value.expression.end ?? 0) });
    else return undefined;
  }
  return { name: 'Grid', attributes };
}

/**
 * Takes out the tabs, CI/CD cases and cards that render the package's views
 * in the form wiring writes them, then the imports nothing uses any more.
 * Any other use (a tab at a path or title of the app's own, a view given
 * props, a case of a switch of the app's own) is the app's: kept, and named.
 */
function planRemoval(app: AppFile, constants: ReturnType<typeof jsxConstants>, request: EntityRequest): EntityPagePlan {
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

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { id?: string; package?: string; content?: string; card?: string; predicate?: string; pages?: string[]; cicd?: boolean; remove?: boolean } = {},
): string {
  if (!options.id || !options.package) throw new WireError('legacy-entity-page: pass --id and --package');
  const request: EntityRequest = { id: options.id, packageName: options.package, content: options.content, card: options.card, predicate: options.predicate, pages: options.pages, cicd: options.cicd };
  return applyChanges(file.source, planEntityPage(file.source, file.path ?? 'EntityPage.tsx', request, Boolean(options.remove)).changes);
}
