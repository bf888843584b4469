/**
 * What index.ts wires, before status matches it with the packages: each
 * `backend.add(...)` of a new backend (a package's feature, a module of the
 * backend's own by what its code registers, a bridge or wrapper), or each
 * plugin a legacy index names by its import, env or route, with what of
 * those is missing.
 */
import * as path from 'path';
import type { CallExpression, File, ImportDeclaration } from '@babel/types';
import { walk } from '../../../transforms/lib/ast';
import type { BackendFiles, WiringForm } from '../../repo/backend';
import { BackendRole, BackstagePackageIdentity, packageOfSpecifier } from '../../../transforms/lib/package-names';
import { findPluginImport, findPluginRoutes, LegacyIndex, pluginCallIn } from '../../../transforms/analysis/legacy-backend';
import { declaredFeature } from '../../../transforms/analysis/new-backend';
import type { BackendAdd, NewBackend } from '../../../transforms/analysis/new-backend';
import type { ModuleImports } from './module-imports';
import { exclusiveAdds } from '../../../transforms/analysis/exclusive-adds';
import { identityOfCall } from '../../repo/local-features';
import type { LocalFeatures } from '../../repo/local-features';

export type LegacyPiece = 'import' | 'env' | 'route';

/** A backend package as status lists it: by what its code registers (new system), and what its metadata says. */
export interface KnownPackage extends BackstagePackageIdentity {
  readonly declared: BackstagePackageIdentity;
}

/** What index.ts wires, before it is matched with the packages. */
export interface Wiring {
  readonly id: string;
  readonly package?: string;
  readonly role: BackendRole;
  readonly form: WiringForm;
  readonly missing: readonly LegacyPiece[];
  /** An add of a module of this repo's backend (`import('./features/x')`): no dependency to check. */
  readonly local?: boolean;
  /** The `backend.add(...)` (new system). */
  readonly add?: BackendAdd;
  /** New system: the same module added again, in a start that also runs the first add. */
  readonly repeated?: boolean;
}

/** Every `backend.add(...)`: a package's feature (at its root or a subpath), a local module, or a bridge. */
export function newSystemWirings(
  ast: File,
  backend: NewBackend | undefined,
  modules: ModuleImports,
  locals: LocalFeatures,
  identify: (name: string) => KnownPackage | undefined,
  discoveryAdd?: BackendAdd,
): Wiring[] {
  const reader = new NewSystemReader(ast, backend as NewBackend, modules, locals, identify);
  // The discovery loader is no plugin: what it loads is matched with the packages.
  for (const add of backend?.adds ?? []) if (add !== discoveryAdd) reader.read(add);
  return reader.wirings;
}

/** index.ts's adds read one by one into wirings, with what each package or module of its own was first added as. */
class NewSystemReader {
  readonly wirings: Wiring[] = [];
  /** The first add of each package (or local export), with what it adds (`import('x')`, or the name it passes). */
  private readonly seen = new Map<string, { add: BackendAdd; specifier: string; what?: string }>();

  constructor(
    private readonly ast: File,
    private readonly backend: NewBackend,
    private readonly modules: ModuleImports,
    private readonly locals: LocalFeatures,
    private readonly identify: (name: string) => KnownPackage | undefined,
  ) {}

  read(add: BackendAdd): void {
    if (add.legacyBridge) {
      const { id, module } = add.legacyBridge;
      this.wirings.push({ id, package: this.modules.pluginPackageOf(module, id, this.identify), role: 'plugin', form: 'legacy-bridge', missing: [], add });
      return;
    }
    // A module or plugin index.ts declares itself (`const customPermissionModule = createBackendModule({...})`).
    const declared = declaredFeature(this.ast, add);
    const identity = declared && identityOfCall(declared.call);
    if (declared && identity) {
      this.wirings.push({ id: identity.pluginId, package: declared.name, role: identity.role, form: 'feature', missing: [], local: true, add });
      return;
    }
    for (const specifier of add.modules) this.readModule(add, specifier);
  }

  private readModule(add: BackendAdd, specifier: string): void {
    const pkg = packageOfSpecifier(specifier);
    // A package only named in the add (`createBackendFeatureLoader` from the plugin API, Node's `path`) is no feature
    // unless it is a Backstage backend plugin or module; one it imports (`import('x')`) is one whatever its name.
    if (pkg !== undefined && !add.imported.includes(specifier) && !this.identify(pkg)) {
      // A feature loader of a library of the repo's own (`backend.add(portalBackendFeatures)`): the packages it imports,
      // which the library depends on, not the backend.
      const feature = this.locals.featureOf(add, specifier, this.backend);
      this.yields(add, feature?.kind === 'loader' ? feature.modules : [], true);
      return;
    }
    if (pkg !== undefined && this.readSubpathModule(add, specifier, pkg)) return;
    // Two exports of one module of the backend's own are two features (`backend.add(a)`, `backend.add(b)`).
    const argument = add.call.arguments[0];
    const key = pkg ?? `${specifier}#${argument?.type === 'Identifier' ? argument.name : ''}`;
    const first = this.seen.get(key);
    if (first) {
      // The same import, or the same name, added again registers its plugin or module twice, which fails the start
      // ("Plugin 'x' is already registered"), unless the two adds stand in different branches of one `if`; another
      // export of the package (a module beside its plugin) is no repeat.
      const original = this.wirings.find(wiring => wiring.add === first.add);
      const same = first.specifier === specifier && first.what === whatIsAdded(add, specifier);
      if (original && same && first.add !== add && !exclusiveAdds(first.add, add)) this.wirings.push({ ...original, add, repeated: true });
      return;
    }
    this.seen.set(key, { add, specifier, what: whatIsAdded(add, specifier) });
    if (pkg === undefined) this.readLocalModule(add, specifier);
    else this.wirings.push(packageWiring(pkg, add, this.identify));
  }

  /**
   * A module at a subpath of a workspace package (`@internal/plugin-registry-backend/catalog`, beside the plugin at its
   * root): listed by what its code registers, its package's dependency checked on the root's add; whether it was one.
   */
  private readSubpathModule(add: BackendAdd, specifier: string, pkg: string): boolean {
    if (specifier === pkg || specifier === `${pkg}/alpha` || this.seen.has(specifier)) return false;
    const feature = this.locals.featureOf(add, specifier, this.backend);
    if (feature?.kind !== 'feature') return false;
    this.seen.set(specifier, { add, specifier, what: whatIsAdded(add, specifier) });
    this.wirings.push({ id: feature.identity.pluginId, package: specifier, role: feature.identity.role, form: 'feature', missing: [], local: true, add });
    return true;
  }

  /** A module of the backend's own: a wrapper of a legacy plugin, a plugin or module by what its code registers, a loader. */
  private readLocalModule(add: BackendAdd, specifier: string): void {
    const id = path.basename(specifier).replace(/\.[cm]?[jt]sx?$/, '');
    // The backend's own ./plugins/<id> module wrapping a legacy-only plugin package.
    const wrapped = /^\.\/plugins\/[a-z0-9-]+$/.test(specifier) ? this.modules.pluginPackageOf(specifier, id, this.identify) : undefined;
    if (wrapped !== undefined) {
      this.wirings.push({ id, package: wrapped, role: 'plugin', form: 'wrapper', missing: [], add });
      return;
    }
    // The id and kind its code registers, else its file's name; a service factory is no plugin; a feature loader wires
    // the packages it imports.
    const local = this.locals.featureOf(add, specifier, this.backend);
    if (local?.kind === 'service') return;
    if (local?.kind === 'loader') return this.yields(add, local.modules, false);
    const registered = local?.identity;
    this.wirings.push({ id: registered?.pluginId ?? id, package: specifier, role: registered?.role ?? 'plugin', form: 'feature', missing: [], local: true, add });
  }

  /** The packages a feature loader imports, each once; `library`: a library of the repo depends on them, not the backend. */
  private yields(add: BackendAdd, modules: readonly string[], library: boolean): void {
    for (const yielded of modules) {
      const yieldedPackage = packageOfSpecifier(yielded);
      if (yieldedPackage === undefined || this.seen.has(yieldedPackage)) continue;
      this.seen.set(yieldedPackage, { add, specifier: yielded });
      const wiring = packageWiring(yieldedPackage, add, this.identify);
      this.wirings.push(library ? { ...wiring, local: true } : wiring);
    }
  }
}

/** What an add adds of a module: its import, or the name it passes. */
function whatIsAdded(add: BackendAdd, specifier: string): string {
  const argument = add.call.arguments[0];
  return add.imported.includes(specifier) ? `import ${specifier}` : argument?.type === 'Identifier' ? `name ${argument.name}` : `call at ${add.call.start}`;
}

/** `techInsights` or `tech_insights` as an id: `tech-insights`. */
function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/** A package's feature added (or yielded by a loader the add names), listed by the id and kind it is known by. */
function packageWiring(pkg: string, add: BackendAdd, identify: (name: string) => KnownPackage | undefined): Wiring {
  const identity = identify(pkg);
  return { id: identity?.pluginId ?? pkg, package: pkg, role: identity?.role ?? 'plugin', form: 'feature', missing: [], add };
}

/** Each plugin the legacy index names by its import of `./plugins/<id>`, its env or its route, with what is missing. */
export function legacyWirings(files: BackendFiles, modules: ModuleImports, identify: (name: string) => KnownPackage | undefined): Wiring[] {
  const index = files.legacy as LegacyIndex | undefined;
  if (!index) return [];
  const called = calledNames(files.ast);
  const ids: string[] = [];
  const add = (id: string): void => {
    if (!ids.includes(id)) ids.push(id);
  };
  // Modules named unlike an id (`./plugins/techInsights`): by the route their import is mounted at, else their name in kebab case.
  const otherlyNamed: string[] = [];
  for (const declaration of index.imports) {
    const match = /^\.\/plugins\/([A-Za-z0-9_-]+?)(?:\.[jt]s|\/index)?$/.exec(declaration.source.value);
    if (!match || declaration.importKind === 'type') continue;
    if (/^[a-z0-9-]+$/.test(match[1])) {
      add(match[1]);
      continue;
    }
    const alias = soleNamedImport(declaration) ?? declaration.specifiers.find(s => s.type === 'ImportDefaultSpecifier')?.local.name;
    const route = index.routes.find(r => alias !== undefined && pluginCallIn(r.call)?.callee === alias && /^\/[a-z0-9-]+$/.test(r.path ?? ''));
    add(route?.path ? route.path.slice(1) : kebabCase(match[1]));
    if (alias !== undefined) otherlyNamed.push(alias);
  }
  // An env or a route names a plugin of its own only when no imported plugin module uses it
  // (`const techInsightsEnv = createEnv('tech_insights')` passed to `techInsights(...)` is tech-insights').
  const aliases = new Set([...ids.map(id => findPluginImport(index.imports, id)?.alias).filter((a): a is string => a !== undefined), ...otherlyNamed]);
  const consumed = new Set(index.routes.filter(route => aliases.has(pluginCallIn(route.call)?.callee ?? '')).map(route => pluginCallIn(route.call)?.argument));
  for (const env of index.envDeclarations) if (!consumed.has(env.variable)) add(env.pluginId);
  for (const route of index.routes) {
    const id = route.path?.slice(1);
    const callee = pluginCallIn(route.call)?.callee;
    if (id && /^[a-z0-9-]+$/.test(id) && callee !== undefined && !aliases.has(callee)) add(id);
  }
  return ids.map(id => {
    const imported = findPluginImport(index.imports, id) ?? importOfMountedAlias(index, id);
    const alias = imported?.alias ?? soleNamedImport(imported?.declaration);
    const routes = findPluginRoutes(index, id, alias);
    // The app plugin is mounted on the service builder (`.addRouter('', await app(appEnv))`), not on the api router.
    const mounted = routes.length > 0 || (alias !== undefined && called.has(alias));
    const passed = new Set(routes.map(route => route.call).flatMap(call => call.arguments).flatMap(argumentNames));
    // A module that exports a router itself (`apiRouter.use('/assets', assets)`) takes no env.
    const routerItself = alias !== undefined && routes.length > 0 && routes.every(route => mountsName(route.call, alias));
    const hasEnv = routerItself || index.envDeclarations.some(env => env.pluginId === id || passed.has(env.variable));
    const missing: LegacyPiece[] = [];
    if (!imported) missing.push('import');
    if (!hasEnv) missing.push('env');
    if (!mounted) missing.push('route');
    const pkg = imported ? modules.pluginPackageOf(imported.declaration.source.value, id, identify) : undefined;
    return { id, package: pkg, role: 'plugin' as const, form: 'legacy' as const, missing };
  });
}

/**
 * The import of the plugin module mounted at `/<id>` where the module is
 * named otherwise (`import permissionsHub from './plugins/permissionPluginsHub'`,
 * `apiRouter.use('/permissions-hub', await permissionsHub(env))`).
 */
function importOfMountedAlias(index: LegacyIndex, id: string): { declaration: ImportDeclaration; alias?: string } | undefined {
  const callees = index.routes.filter(route => route.path === `/${id}`).map(route => pluginCallIn(route.call)?.callee);
  for (const declaration of index.imports) {
    if (!/^\.\/plugins\//.test(declaration.source.value) || declaration.importKind === 'type') continue;
    const specifier = declaration.specifiers.find(s => callees.includes(s.local.name));
    if (specifier) return { declaration, alias: specifier.local.name };
  }
  return undefined;
}

/** The one value a plugin module's import names, where it has no default (`import { healthcheck } from './plugins/healthcheck'`). */
function soleNamedImport(declaration: ImportDeclaration | undefined): string | undefined {
  const named = declaration?.specifiers.filter(s => s.type === 'ImportSpecifier' && s.importKind !== 'type') ?? [];
  return named.length === 1 ? named[0].local.name : undefined;
}

/** Whether a route mounts `name` itself, not a call of it (`apiRouter.use('/assets', assets)`). */
function mountsName(call: CallExpression, name: string): boolean {
  const handler = call.arguments[call.arguments.length - 1];
  return call.arguments.length >= 2 && handler?.type === 'Identifier' && handler.name === name;
}

/** Names passed in `await x(xEnv)`-like arguments: `xEnv`. */
function argumentNames(node: import('@babel/types').Node): string[] {
  const names: string[] = [];
  walk(node, inner => {
    if (inner.type === 'CallExpression') for (const argument of inner.arguments) if (argument.type === 'Identifier') names.push(argument.name);
  });
  return names;
}

/** Every identifier called as a function anywhere in the file. */
function calledNames(ast: File): Set<string> {
  const names = new Set<string>();
  walk(ast.program, node => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier') names.add(node.callee.name);
  });
  return names;
}
