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
import type { JSXElement, Node } from '@babel/types';
import { applyChanges, TextChange } from './lib/changes';
import { AppFile, appendChild, insertBefore, readAppFile, refuse } from './lib/app-file';
import { CICD, childrenRendering, cicdSwitch, EntityPagePlan, EntityPlacement, EntityRequest, JsxConstants, jsxConstants, OVERVIEW } from './lib/entity-page';
import { importedNames, localName, planNamedImport } from './lib/imports';
import { childElements, elementName, findElements, JsxAttribute, JsxSpec, printJsx, titleOf } from './lib/jsx';
import { walk } from './lib/ast';
import { WireError } from './lib/errors';
import { planEntityPageRemoval } from './legacy-entity-page-remove';

export type { EntityPagePlan, EntityPlacement, EntityRequest };

export const COMPONENT_PAGES = ['serviceEntityPage', 'websiteEntityPage'];
const FALLBACK_PAGE = 'defaultEntityPage';

/** The pages a tab goes into: the requested ones the file declares; a page the file only imports is refused. */
function tabPages(app: AppFile, constants: JsxConstants, request: EntityRequest): string[] {
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

function layoutOf(app: AppFile, constants: JsxConstants, page: string): JSXElement {
  const constant = constants.get(page);
  const element = constant?.element;
  if (!element || elementName(element) !== 'EntityLayout') {
    refuse(app, constant?.declarator.init ?? constant?.declarator, `${page}: expected (<EntityLayout>...</EntityLayout>) to add a tab to`);
  }
  return element;
}

/**
 * Whether `root` renders `local`: inside it, or inside a top-level JSX
 * constant it renders by name (`{cicdContent}` in the CI/CD tab, an app's
 * own `ciContent` switch), followed as deep as they go.
 */
function rendersThrough(root: JSXElement, local: string, constants: JsxConstants, seen = new Set<string>()): boolean {
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
  if (remove) return planEntityPageRemoval(app, constants, request);
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

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { id?: string; package?: string; content?: string; card?: string; predicate?: string; pages?: string[]; cicd?: boolean; remove?: boolean } = {},
): string {
  if (!options.id || !options.package) throw new WireError('legacy-entity-page: pass --id and --package');
  const request: EntityRequest = { id: options.id, packageName: options.package, content: options.content, card: options.card, predicate: options.predicate, pages: options.pages, cicd: options.cicd };
  return applyChanges(file.source, planEntityPage(file.source, file.path ?? 'EntityPage.tsx', request, Boolean(options.remove)).changes);
}
