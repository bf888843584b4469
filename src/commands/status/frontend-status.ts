/**
 * The frontend half of `status`: each frontend plugin the repo knows (its
 * workspace frontend plugins and the app's frontend plugin dependencies),
 * and what of it the app has. Legacy app: the dependency, a route that
 * renders one of its pages, a sidebar item to that route, and its entity
 * tabs or cards per entity page. New system: the dependency and how the
 * app loads it (discovered, listed in `include`, or in createApp's features).
 * Reads; writes nothing.
 */
import type { File, JSXElement } from '@babel/types';
import { walk } from '../../../transforms/lib/ast';
import { readAppFile } from '../../../transforms/lib/app-file';
import { localName } from '../../../transforms/lib/imports';
import { elementName, findElements, jsxOf, stringAttribute } from '../../../transforms/lib/jsx';
import { discovers, readDiscoveryPackages } from '../../../transforms/app-config-packages';
import { appDiscoverySection } from '../../repo/app-discovery';
import { FileTree } from '../../commit/tree';
import { FrontendPackage, frontendIdentity, readFrontendPackage } from '../../repo/frontend-package';
import { Workspace } from '../../repo/workspace';
import { AppFiles, AppLocation, readApp } from '../../repo/app';
import type { FrontendSystem } from '../../repo/app';

/**
 * `wired`: every piece it needs; `half-wired`: some (the `missing` ones
 * are not); `not-wired`: a dependency at most; `not-installed`: wired in
 * the app's files, but not a dependency of the app.
 */
export type FrontendState = 'wired' | 'half-wired' | 'not-wired' | 'not-installed';

/** A piece and where the app has it (a file, or an entity page constant); absent pieces have no `where`. */
export interface FrontendPieceStatus {
  readonly kind: 'dependency' | 'route' | 'sidebar' | 'tab' | 'card' | 'feature' | 'discovery';
  readonly where?: string;
  /** The sidebar item is listed, but a page needs none to be wired (many of Backstage's own have none). */
  readonly optional?: boolean;
}

export interface FrontendPluginStatus {
  readonly id: string;
  readonly package: string;
  readonly state: FrontendState;
  /** What the app has of it. */
  readonly pieces: readonly FrontendPieceStatus[];
  /** What it lacks, for `half-wired` and `not-wired`. */
  readonly missing: readonly FrontendPieceStatus['kind'][];
}

export interface FrontendStatus {
  readonly app: string;
  readonly system: FrontendSystem;
  readonly plugins: readonly FrontendPluginStatus[];
}

export function frontendStatus(tree: FileTree, workspace: Workspace, location: AppLocation): FrontendStatus {
  const files = readApp(tree, location);
  const dependencies = (files.appJson.dependencies ?? {}) as Record<string, unknown>;
  const plugins = knownFrontendPlugins(workspace, files, dependencies);
  const reader = files.system === 'legacy' ? new LegacyAppReader(tree, files) : undefined;
  const statuses = plugins.map(plugin => {
    const dependency = plugin.pkg.name in dependencies ? tree.display(files.appJsonPath) : undefined;
    const pieces = reader ? reader.piecesOf(plugin) : newSystemPieces(tree, files, plugin, dependency !== undefined);
    return classify(plugin, dependency, pieces);
  });
  statuses.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.package < b.package ? -1 : 1));
  return { app: files.app, system: files.system, plugins: statuses };
}

function knownFrontendPlugins(workspace: Workspace, files: AppFiles, dependencies: Record<string, unknown>): FrontendPackage[] {
  const found = new Map<string, FrontendPackage>();
  for (const pkg of workspace.packages) {
    if (pkg.dir === files.appDir || frontendIdentity(pkg)?.role !== 'frontend-plugin') continue;
    const plugin = readFrontendPackage(pkg);
    if (plugin) found.set(pkg.name, plugin);
  }
  for (const name of Object.keys(dependencies)) {
    if (found.has(name)) continue;
    const pkg = workspace.findByName(files.appDir, name) ?? { name, json: {} };
    const plugin = frontendIdentity(pkg)?.role === 'frontend-plugin' ? readFrontendPackage(pkg) : undefined;
    if (plugin) found.set(name, plugin);
  }
  return [...found.values()];
}

function classify(plugin: FrontendPackage, dependency: string | undefined, needed: FrontendPieceStatus[]): FrontendPluginStatus {
  const pieces: FrontendPieceStatus[] = [{ kind: 'dependency', where: dependency }, ...needed];
  const required = needed.filter(piece => !piece.optional);
  const anyInFiles = needed.some(piece => piece.where !== undefined);
  const missing = pieces.filter(piece => piece.where === undefined && !piece.optional).map(piece => piece.kind);
  let state: FrontendState;
  if (!anyInFiles && (required.length > 0 || !dependency)) state = 'not-wired';
  else if (!dependency) state = 'not-installed';
  else state = required.every(piece => piece.where !== undefined) ? 'wired' : 'half-wired';
  return { id: plugin.pluginId, package: plugin.pkg.name, state, pieces, missing: state === 'not-installed' ? [] : missing };
}

/** A legacy app's App.tsx, Root.tsx and EntityPage.tsx, parsed once for every plugin. */
class LegacyAppReader {
  private readonly app: { ast: File; routes: JSXElement[] };
  private readonly sidebarTargets: Set<string>;
  private readonly entity?: { ast: File; pages: Map<string, JSXElement> };

  constructor(
    private readonly tree: FileTree,
    private readonly files: AppFiles,
  ) {
    const parse = (file: string): File | undefined => {
      const text = tree.read(file);
      return text === undefined ? undefined : readAppFile(text, tree.display(file)).ast;
    };
    const appAst = parse(files.appTsxPath) as File;
    this.app = { ast: appAst, routes: findElements(appAst.program, 'Route').map(found => found.element) };
    const rootAst = parse(files.rootTsxPath);
    this.sidebarTargets = new Set(
      rootAst ? findElements(rootAst.program, 'SidebarItem').map(found => (stringAttribute(found.element, 'to') ?? '').replace(/^\//, '')) : [],
    );
    const entityAst = parse(files.entityPagePath);
    if (entityAst) this.entity = { ast: entityAst, pages: topLevelJsx(entityAst) };
  }

  piecesOf(plugin: FrontendPackage): FrontendPieceStatus[] {
    const exports = plugin.exports;
    if (!exports) return [];
    const pieces: FrontendPieceStatus[] = [];
    const display = (file: string): string => this.tree.display(file);
    if (exports.page) {
      // Any of its pages counts (techdocs' index page or its custom home).
      const locals = exports.pages.map(page => localName(this.app.ast, plugin.pkg.name, page)).filter((l): l is string => l !== undefined);
      const route = this.app.routes.find(r => locals.some(local => findElements(r, local).length > 0));
      pieces.push({ kind: 'route', where: route ? `${display(this.files.appTsxPath)}:${route.loc?.start.line}` : undefined });
      const target = (route ? stringAttribute(route, 'path') : undefined)?.replace(/^\//, '') ?? plugin.pluginId;
      pieces.push({ kind: 'sidebar', where: this.sidebarTargets.has(target) ? display(this.files.rootTsxPath) : undefined, optional: true });
    }
    const views = [...exports.contents, ...exports.cards];
    if (views.length && this.entity) {
      const locals = views.map(view => localName((this.entity as { ast: File }).ast, plugin.pkg.name, view)).filter((l): l is string => l !== undefined);
      const where = [...this.entity.pages].filter(([, root]) => locals.some(local => findElements(root, local).length > 0)).map(([name]) => name);
      const kind = exports.contents.length ? 'tab' : 'card';
      if (where.length) for (const page of where) pieces.push({ kind, where: page });
      else pieces.push({ kind });
    }
    return pieces;
  }
}

/** Top-level `const x = (<JSX />)` of a file, or `const x = () => (<JSX />)` (pages and tabs made by functions), by name. */
function topLevelJsx(ast: File): Map<string, JSXElement> {
  const pages = new Map<string, JSXElement>();
  walk(ast.program, (node, ancestors) => {
    if (ancestors.length > 4) return false;
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier') return undefined;
    const element = jsxOf(node.init);
    if (element && elementName(element) !== '') pages.set(node.id.name, element);
    return undefined;
  });
  return pages;
}

/** How a new-frontend-system app loads the plugin: discovery (all, include) or createApp's features. */
function newSystemPieces(tree: FileTree, files: AppFiles, plugin: FrontendPackage, dependency: boolean): FrontendPieceStatus[] {
  const configText = tree.read(files.configPath);
  const config = tree.display(files.configPath);
  const packages = configText === undefined ? { kind: 'none' as const } : readDiscoveryPackages(configText, config, appDiscoverySection(configText, config, files.cli).section);
  if (packages.kind !== 'none') return [{ kind: 'discovery', where: discovers(packages, plugin.pkg.name, dependency) ? `${config}:${packages.line}` : undefined }];
  const text = tree.read(files.appTsxPath) ?? '';
  const ast = readAppFile(text, tree.display(files.appTsxPath)).ast;
  // The default import of the package or of any of its subpaths (`/alpha`, where the package is not installed to say which).
  const locals = new Set<string>();
  for (const statement of ast.program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const from = statement.source.value;
    if (from !== plugin.pkg.name && !from.startsWith(`${plugin.pkg.name}/`)) continue;
    for (const specifier of statement.specifiers) if (specifier.type === 'ImportDefaultSpecifier') locals.add(specifier.local.name);
  }
  let listed = false;
  if (locals.size) walk(ast.program, node => {
    if (node.type === 'ArrayExpression' && node.elements.some(e => e?.type === 'Identifier' && locals.has(e.name))) listed = true;
  });
  return [{ kind: 'feature', where: listed ? tree.display(files.appTsxPath) : undefined }];
}
