/**
 * Reading a frontend plugin package, never running it: which of its exports
 * is a page, an entity tab, an entity card or a predicate, whether its plugin
 * has external routes that must be bound, API refs it provides no factory
 * for, config it requires, and whether it is a feature of the new frontend
 * system. A workspace plugin is read from its `src/`, a published one from
 * its built JS (the entry and the files it re-exports from); both have the
 * same calls: `createPlugin({ id, routes, externalRoutes, apis })`,
 * `xPlugin.provide(createRoutableExtension({ name, component, mountPoint }))`
 * for pages and tabs, `createComponentExtension` for cards.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { File, Node, ObjectExpression } from '@babel/types';
import { keyName, walk } from '../../transforms/lib/ast';
import { PackageInfo } from './workspace';
import { exportedNames, readModules } from './package-modules';
import { requiredConfig } from './package-config-schema';

export type FrontendRole = 'frontend-plugin' | 'frontend-plugin-module';

export interface FrontendExports {
  /** A routable extension on the plugin's root route: `CarmenPage`. */
  readonly page?: string;
  /** Every page candidate, best first (the page, then other pages on the root route, then other `*Page` extensions). */
  readonly pages: readonly string[];
  /** Routable extensions for the entity page: `EntityCarmenContent`. */
  readonly contents: readonly string[];
  /** Component extensions for the entity overview: `EntityCarmenCard`. */
  readonly cards: readonly string[];
  /** `isCarmenAvailable(entity)` and the like. */
  readonly predicates: readonly string[];
  /** The plugin object's export name: `carmenPlugin`. */
  readonly plugin?: string;
  /** The id its one `createPlugin({ id })` names, where the code has one plugin. */
  readonly pluginId?: string;
  /** External route keys that are not optional: each must be bound in bindRoutes or app.routes.bindings. */
  readonly requiredExternalRoutes: readonly string[];
  /** API ref ids the package defines while its plugin provides no API factory. */
  readonly apisWithoutFactory: readonly string[];
  /** Whether the package (or its `./alpha`) default-exports a new-frontend-system feature; the subpath where. */
  readonly feature?: { readonly subpath: '' | '/alpha' };
  /** Every name the entry exports. */
  readonly names: readonly string[];
}

export interface FrontendPackage {
  readonly pkg: PackageInfo;
  readonly role: FrontendRole;
  readonly pluginId: string;
  /** `backstage.pluginPackages`: the plugin's other packages (backend, common, react...). */
  readonly siblings: readonly string[];
  /** Undefined when the package's code could not be found (not installed). */
  readonly exports?: FrontendExports;
  /** Config keys the package's schema requires (`carmen.baseUrl`). */
  readonly requiredConfig: readonly string[];
}

/** What `backstage` says: a frontend plugin (or module) and its id; undefined for anything else. */
export function frontendIdentity(pkg: PackageInfo): { role: FrontendRole; pluginId: string } | undefined {
  const field = pkg.json.backstage as { role?: unknown; pluginId?: unknown } | undefined;
  const role = field?.role;
  if (role !== 'frontend-plugin' && role !== 'frontend-plugin-module') {
    if (role !== undefined) return undefined;
    // Older packages carry no role: `@scope/plugin-x` (not -backend, -common, -react, -node) is a frontend plugin.
    const match = /^(?:@[^/]+\/)?(?:backstage-)?plugin-([a-z0-9-]+)$/.exec(pkg.name);
    if (!match || /-(backend|common|react|node)(-|$)/.test(match[1])) return undefined;
    return { role: 'frontend-plugin', pluginId: match[1] };
  }
  const fromName = /plugin-([a-z0-9-]+)$/.exec(pkg.name)?.[1];
  const pluginId = typeof field?.pluginId === 'string' && field.pluginId ? field.pluginId : fromName;
  return pluginId ? { role, pluginId } : undefined;
}

/** Words of a package name, not of a plugin's id: `backstage-plugin-x`, `x-frontend`. */
const PACKAGE_WORDS = /(^|-)(backstage|plugin|frontend)(-|$)/;

export function readFrontendPackage(pkg: PackageInfo): FrontendPackage | undefined {
  const identity = frontendIdentity(pkg);
  if (!identity) return undefined;
  const field = pkg.json.backstage as { pluginPackages?: unknown } | undefined;
  const siblings = Array.isArray(field?.pluginPackages) ? field.pluginPackages.filter((s): s is string => typeof s === 'string' && s !== pkg.name) : [];
  const exports = pkg.dir ? readExports(pkg) : undefined;
  // package.json's id, unless it carries words of a package name where the code's createPlugin does not (Roadie's pull
  // requests plugin says `backstage-plugin-github-pull-requests`, its code `github-pull-requests`): the route, tab and item
  // follow the cleaner one. Elsewhere the app may know the plugin by package.json's id (`costinsight`, whose code says `bigqueryapi`).
  const code = exports?.pluginId;
  const pluginId = code && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) && PACKAGE_WORDS.test(identity.pluginId) && !PACKAGE_WORDS.test(code) ? code : identity.pluginId;
  return { pkg, ...identity, pluginId, siblings, exports, requiredConfig: pkg.dir ? requiredConfig(pkg) : [] };
}

/** The JS or TS file an import of the package (or a subpath) loads, for reading. */
function entryOf(pkg: PackageInfo, subpath: '' | '/alpha'): string | undefined {
  const dir = pkg.dir as string;
  const json = pkg.json;
  const candidates: unknown[] = [];
  const exportsField = json.exports as Record<string, unknown> | undefined;
  const entry = exportsField?.[`.${subpath}`];
  if (typeof entry === 'string') candidates.push(entry);
  else if (entry && typeof entry === 'object') {
    const conditions = entry as Record<string, unknown>;
    candidates.push(conditions.import, conditions.default, conditions.require);
  }
  if (subpath === '') candidates.push(json.module, json.main);
  else if (!exportsField) candidates.push('src/alpha.ts', 'src/alpha.tsx');
  candidates.push(...(subpath === '' ? ['src/index.ts', 'src/index.tsx'] : []));
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || candidate.endsWith('.d.ts') || candidate.endsWith('.json')) continue;
    const file = path.join(dir, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/** What the package's code says, gathered over the entry and every file it imports or re-exports from (not dynamic imports). */
interface CodeFacts {
  readonly extensions: Map<string, { kind: 'routable' | 'component'; name?: string; mountPoint?: string }>;
  readonly plugins: { id?: string; routes: Map<string, string>; externalRoutes: Map<string, string>; hasApis: boolean }[];
  readonly externalRefs: Map<string, boolean>;
  readonly apiRefs: string[];
  /** Variables made with createFrontendPlugin or createFrontendModule (`carmenPlugin`), which a default export may name. */
  readonly featureVariables: Set<string>;
}

/** What a new-frontend-system plugin or module is made with (createFrontendPlugin's older name, createPlugin from frontend-plugin-api, is not told apart from the legacy one). */
const FEATURE_FACTORIES = ['createFrontendPlugin', 'createFrontendModule'];

const newFacts = (): CodeFacts => ({ extensions: new Map(), plugins: [], externalRefs: new Map(), apiRefs: [], featureVariables: new Set() });

/** Whether an entry's default export is a frontend feature: made in place, or a variable made with a feature factory. */
const defaultIsFeature = (names: Map<string, string>, facts: CodeFacts): boolean => names.has('default') && facts.featureVariables.has(names.get('default') as string);

function objectArgument(node: Node): ObjectExpression | undefined {
  return node.type === 'CallExpression' && node.arguments[0]?.type === 'ObjectExpression' ? node.arguments[0] : undefined;
}

function property(object: ObjectExpression, name: string): Node | undefined {
  for (const p of object.properties) if (p.type === 'ObjectProperty' && keyName(p.key) === name) return p.value;
  return undefined;
}

const calleeIs = (node: Node, names: readonly string[]): boolean => {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
  // Bundlers rename imports (`createRoutableExtension$1`) or call through a namespace (`core.createPlugin`).
  return name !== undefined && names.some(n => name === n || name.replace(/\$\d+$/, '') === n);
};

function gatherCode(file: string, ast: File, facts: CodeFacts): void {
  walk(ast.program, (node, ancestors) => {
    if (node.type !== 'CallExpression') return;
    const options = objectArgument(node);
    if (calleeIs(node, ['createRoutableExtension', 'createComponentExtension'])) {
      const declarator = [...ancestors].reverse().find(a => a.type === 'VariableDeclarator');
      const variable = declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier' ? declarator.id.name : undefined;
      const name = options ? property(options, 'name') : undefined;
      const mountPoint = options ? property(options, 'mountPoint') : undefined;
      const key = variable ?? (name?.type === 'StringLiteral' ? name.value : undefined);
      if (key) {
        facts.extensions.set(`${file}#${key}`, {
          kind: calleeIs(node, ['createRoutableExtension']) ? 'routable' : 'component',
          name: name?.type === 'StringLiteral' ? name.value : undefined,
          mountPoint: mountPoint?.type === 'Identifier' ? mountPoint.name : undefined,
        });
      }
    } else if (calleeIs(node, ['createPlugin']) && options) {
      const id = property(options, 'id');
      const refs = (name: string): Map<string, string> => {
        const value = property(options, name);
        const map = new Map<string, string>();
        if (value?.type === 'ObjectExpression') {
          for (const p of value.properties) {
            if (p.type !== 'ObjectProperty') continue;
            const key = keyName(p.key);
            if (key && p.value.type === 'Identifier') map.set(key, p.value.name);
            else if (key && p.value.type === 'CallExpression') map.set(key, `inline:${key}:${inlineOptional(p.value) ? 'optional' : 'required'}`);
          }
        }
        return map;
      };
      const apis = property(options, 'apis');
      facts.plugins.push({
        id: id?.type === 'StringLiteral' ? id.value : undefined,
        routes: refs('routes'),
        externalRoutes: refs('externalRoutes'),
        hasApis: apis !== undefined && !(apis.type === 'ArrayExpression' && apis.elements.length === 0),
      });
    } else if (calleeIs(node, ['createExternalRouteRef'])) {
      const declarator = ancestors[ancestors.length - 1];
      if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') facts.externalRefs.set(declarator.id.name, inlineOptional(node));
    } else if (calleeIs(node, FEATURE_FACTORIES)) {
      const declarator = ancestors[ancestors.length - 1];
      if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') facts.featureVariables.add(`${file}#${declarator.id.name}`);
    } else if (calleeIs(node, ['createApiRef']) && options) {
      const id = property(options, 'id');
      if (id?.type === 'StringLiteral') facts.apiRefs.push(id.value);
    }
  });
  for (const statement of ast.program.body) {
    if (statement.type === 'ExportDefaultDeclaration' && calleeIs(statement.declaration, FEATURE_FACTORIES)) facts.featureVariables.add(`${file}#default`);
  }
}

function inlineOptional(call: Node): boolean {
  const options = objectArgument(call);
  const optional = options ? property(options, 'optional') : undefined;
  return optional?.type === 'BooleanLiteral' && optional.value;
}

const PREDICATE = /^is[A-Z]\w*Available$|^isPluginApplicableToEntity$/;

function readExports(pkg: PackageInfo): FrontendExports | undefined {
  const root = pkg.dir as string;
  const entry = entryOf(pkg, '');
  if (!entry) return undefined;
  const modules = readModules(entry, root);
  const facts = newFacts();
  for (const [file, module] of modules) gatherCode(file, module.ast, facts);
  const names = exportedNames(entry, modules);
  const plugin = facts.plugins[0];
  // The plugin's root route: `root`, else its first route (catalog's `catalogIndex`).
  const rootRef = plugin?.routes.get('root') ?? [...(plugin?.routes.values() ?? [])][0];
  const onRoot: string[] = [];
  const pages: string[] = [];
  const contents: string[] = [];
  const cards: string[] = [];
  for (const [name, local] of names) {
    const extension = facts.extensions.get(local);
    if (!extension) continue;
    const entityView = /^Entity/.test(name);
    if (extension.kind === 'routable') {
      if (entityView) contents.push(name);
      else if (rootRef && extension.mountPoint === rootRef) onRoot.push(name);
      else if (/Page$/.test(name)) pages.push(name);
    } else if (entityView && /Card$/.test(name)) {
      cards.push(name);
    }
  }
  const requiredExternalRoutes = plugin
    ? [...plugin.externalRoutes].filter(([, ref]) => (ref.startsWith('inline:') ? ref.endsWith(':required') : facts.externalRefs.get(ref) === false)).map(([key]) => key)
    : [];
  const pluginExport = [...names].find(([name, local]) => /Plugin$/.test(name) && facts.plugins.length > 0 && /Plugin$/.test(local))?.[0];
  const feature = featureOf(pkg, names, facts);
  return {
    page: ranked(onRoot, pages)[0],
    pages: ranked(onRoot, pages),
    contents: contents.sort(byLength),
    cards: cards.sort(byLength),
    predicates: [...names.keys()].filter(name => PREDICATE.test(name)),
    plugin: pluginExport,
    ...(facts.plugins.length === 1 && facts.plugins[0].id ? { pluginId: facts.plugins[0].id } : {}),
    requiredExternalRoutes,
    apisWithoutFactory: plugin && !plugin.hasApis ? [...new Set(facts.apiRefs)] : [],
    feature,
    names: [...names.keys()],
  };
}

/** Root-route pages named `*Page` first (TechDocsIndexPage before TechDocsCustomHome), then the root's others, then other pages. */
const ranked = (onRoot: string[], others: string[]): string[] => [...onRoot.filter(p => p.endsWith('Page')), ...onRoot.filter(p => !p.endsWith('Page')), ...others];

/** Shortest first: `EntityPagerDutyCard` before `EntityPagerDutySmallCard`. */
const byLength = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : 1);

/** Where the package default-exports a new-frontend-system feature: its `features` metadata, else its code. */
function featureOf(pkg: PackageInfo, names: Map<string, string>, facts: CodeFacts): FrontendExports['feature'] {
  const features = (pkg.json.backstage as { features?: unknown } | undefined)?.features;
  if (features && typeof features === 'object') {
    const keys = Object.keys(features as Record<string, unknown>);
    if (keys.includes('.')) return { subpath: '' };
    if (keys.includes('./alpha')) return { subpath: '/alpha' };
  }
  if (defaultIsFeature(names, facts)) return { subpath: '' };
  const alpha = entryOf(pkg, '/alpha');
  if (alpha) {
    const modules = readModules(alpha, pkg.dir as string, 50);
    const alphaFacts = newFacts();
    for (const [file, module] of modules) gatherCode(file, module.ast, alphaFacts);
    if (defaultIsFeature(exportedNames(alpha, modules), alphaFacts)) return { subpath: '/alpha' };
  }
  return undefined;
}
