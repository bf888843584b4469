/**
 * A plugin's page in a legacy app's App.tsx (`createApp` from
 * `@backstage/app-defaults`): its import, and
 * `<Route path="/carmen" element={<CarmenPage />} />` as a direct child of
 * `<FlatRoutes>`, after the app's last route (FlatRoutes sorts by path, so
 * the order does not matter to the router). The app finds the plugin by
 * walking these elements, which also registers its default API factories.
 *
 * The default export is a jscodeshift-style transform
 * (`--id=carmen --package=@internal/plugin-carmen --page=CarmenPage`, `--remove`).
 */
import type { JSXElement } from '@babel/types';
import { applyChanges, TextChange } from './lib/changes';
import { AppFile, appendChild, mapsData, readAppFile, refuse, removeElement } from './lib/app-file';
import { attributeNames, hasExactly, isBare } from './lib/written-form';
import { importedNames, localName, planNamedImport, planUnusedImportRemoval } from './lib/imports';
import { childElements, elementName, expressionAttribute, findElements, printJsx, stringAttribute } from './lib/jsx';
import { WireError } from './lib/errors';

export interface PageRequest {
  readonly id: string;
  readonly packageName: string;
  /** The page's export name, such as `CarmenPage`. */
  readonly page: string;
  /** The route path (default `/<id>`). */
  readonly path?: string;
}

export interface AppRoutesPlan {
  readonly changes: readonly TextChange[];
  /** `added`/`removed`, or `present`/`absent` when nothing had to change. */
  readonly state: 'added' | 'present' | 'removed' | 'absent';
  /** The page's route, where App.tsx has it (1-based line), and its path. */
  readonly line?: number;
  readonly path?: string;
  /** Removing: routes of the page the app wrote in a form the tool does not, kept, each named with why. */
  readonly kept?: readonly string[];
}

const lineOf = (app: AppFile, offset: number): number => app.text.slice(0, offset).split('\n').length;

/** The app's `<FlatRoutes>`, checked to hold routes the tool can add to. */
export function findFlatRoutes(app: AppFile): JSXElement {
  const found = findElements(app.ast.program, 'FlatRoutes');
  if (found.length === 0) {
    refuse(app, undefined, "no <FlatRoutes> found: expected the app's routes as <Route> children of a <FlatRoutes> element (create-app's App.tsx)");
  }
  const routes = found[0].element;
  for (const child of routes.children) {
    if (child.type === 'JSXExpressionContainer' && mapsData(child)) {
      refuse(app, child, 'routes built with .map(): expected <Route> elements written out as direct children of <FlatRoutes>');
    }
  }
  return routes;
}

/** Routes anywhere in FlatRoutes whose element is the page (`element={<CarmenPage />}`, wrapped or not). */
function pageRoutes(routes: JSXElement, local: string): JSXElement[] {
  return findElements(routes, 'Route')
    .map(found => found.element)
    .filter(route => {
      const element = expressionAttribute(route, 'element');
      return element !== undefined && findElements(element, local).length > 0;
    });
}

export function planAppRoute(text: string, file: string, request: PageRequest, remove = false, printWidth?: number): AppRoutesPlan {
  const app = readAppFile(text, file, printWidth);
  const routes = findFlatRoutes(app);
  const local = localName(app.ast, request.packageName, request.page);
  const existing = local ? pageRoutes(routes, local) : [];
  if (remove) return planRemoval(app, routes, local, existing, request.path ?? `/${request.id}`);
  if (existing.length) return { changes: [], state: 'present', line: lineOf(app, existing[0].start ?? 0), path: stringAttribute(existing[0], 'path') };
  if (local && findElements(app.ast.program, local).length) {
    // Used outside FlatRoutes (a wrapper of the app's own): the app has the page already.
    return { changes: [], state: 'present', line: lineOf(app, findElements(app.ast.program, local)[0].element.start ?? 0) };
  }
  const routePath = request.path ?? `/${request.id}`;
  for (const child of childElements(routes)) {
    if (elementName(child) === 'Route' && stringAttribute(child, 'path') === routePath) {
      refuse(app, child, `the path ${routePath} is taken by another route: expected it free for ${request.page} (pass the route by hand, or remove that route)`);
    }
  }
  const changes: TextChange[] = [];
  if (!local) {
    if (importedNames(app.ast).has(request.page)) {
      refuse(app, undefined, `${request.page} is imported from another module already: expected the name free for ${request.packageName}'s page`);
    }
    changes.push(...planNamedImport(text, app.ast, request.packageName, [request.page], app.imports));
  }
  const route = { name: 'Route', attributes: [{ name: 'path', text: routePath }, { name: 'element', expression: `<${local ?? request.page} />` }] };
  changes.push(appendChild(app, routes, indent => printJsx(route, indent, app.jsx)));
  return { changes, state: 'added' };
}

function planRemoval(app: AppFile, routes: JSXElement, local: string | undefined, existing: JSXElement[], routePath: string): AppRoutesPlan {
  if (!local || existing.length === 0) return { changes: [], state: 'absent' };
  // Only a route as the tool writes it goes: `<Route path="/x" element={<XPage />} />`, a direct child of FlatRoutes.
  const written = existing.filter(route => routes.children.includes(route) && isWrittenRoute(route, local, routePath));
  const kept = existing
    .filter(route => !written.includes(route))
    .map(route => `${app.file}:${lineOf(app, route.start ?? 0)}: the route of ${local} is written in a form wire-plugin does not write (${routeDifference(routes, route, local, routePath)}): kept; take it out by hand`);
  const changes = written.map(route => removeElement(app, route));
  const ranges = changes.map(change => ({ start: change.start, end: change.end }));
  changes.push(...planUnusedImportRemoval(app.text, app.ast, new Set([local]), ranges, app.imports));
  return { changes, state: changes.length ? 'removed' : kept.length ? 'present' : 'absent', kept, path: stringAttribute(existing[0], 'path') };
}

/** `<Route path="/x" element={<XPage />} />`: what wiring writes. */
function isWrittenRoute(route: JSXElement, local: string, routePath: string): boolean {
  const element = expressionAttribute(route, 'element');
  return hasExactly(route, ['path', 'element']) && stringAttribute(route, 'path') === routePath && isBare(element, local) && route.children.length === 0;
}

function routeDifference(routes: JSXElement, route: JSXElement, local: string, routePath: string): string {
  if (!routes.children.includes(route)) return 'inside another element';
  if (stringAttribute(route, 'path') !== routePath) return `at ${stringAttribute(route, 'path') ?? 'a path of its own'}`;
  if (route.children.length) return 'with routes of its own inside';
  if (!isBare(expressionAttribute(route, 'element'), local)) return `its element is more than <${local} />`;
  return `its props are ${attributeNames(route).join(', ')}`;
}

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { id?: string; package?: string; page?: string; path?: string; remove?: boolean } = {},
): string {
  if (!options.id || !options.package || !options.page) throw new WireError('legacy-app-routes: pass --id, --package and --page');
  const plan = planAppRoute(file.source, file.path ?? 'App.tsx', { id: options.id, packageName: options.package, page: options.page, path: options.path }, Boolean(options.remove));
  return applyChanges(file.source, plan.changes);
}
