/**
 * `wire-plugin status`: which backend plugins and modules the repo knows
 * about, which the backend wires, and how. Reads package.json files and
 * parses index.ts (and each `./plugins/*` module it names) once; writes
 * nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FileTree } from '../../commit/tree';
import { findRepoRoot } from '../../repo/workspace';
import { locateApp } from '../../repo/app';
import { WireError } from '../../../transforms/lib/errors';
import { FrontendStatus, frontendStatus } from './frontend-status';
import { BackendSystem, locateBackend, readBackend, SystemChoice } from '../../repo/backend';
import { BackendRole, backstageIdentity, BackstagePackageIdentity, identityFromName } from '../../../transforms/lib/package-names';
import { Workspace } from '../../repo/workspace';
import type { BackendFiles, WiringForm } from '../../repo/backend';
import { BackendAdd, declaredFeature, findNewBackend } from '../../../transforms/analysis/new-backend';
import { addedModuleSetsPolicy, declaredModuleSetsPolicy } from '../../repo/permission-policy';
import { discovers } from '../../../transforms/app-config-packages';
import { codeIdentity, identityFromCode, registeredIds } from '../../repo/registered-ids';
import { ModuleImports } from './module-imports';
import { KnownPackage, legacyWirings, newSystemWirings, Wiring } from './wirings';
import { LocalFeatures, workspaceEntries } from '../../repo/local-features';
import { policyConflicts } from './policy-conflicts';
import { exclusiveAdds } from '../../../transforms/analysis/exclusive-adds';
import { readFeatureDiscovery } from '../../repo/feature-discovery';

/**
 * `wired`: package and wiring present; `not-wired`: the package is there and
 * nothing wires it; `not-installed`: wired, but the backend does not depend
 * on the package; `half-wired` (legacy): some of import, env and route are
 * missing; `bridged` (new system): added through `legacyPlugin`;
 * `duplicate` (new system): discovered by feature discovery and also added
 * explicitly, or the same module added twice (the second add is listed so),
 * which fails the start (`Plugin 'x' is already registered`);
 * `conflict` (new system): loaded, and another package it loads registers
 * the same plugin id in its code, which fails the start the same way.
 */
export type PluginState = 'wired' | 'not-wired' | 'not-installed' | 'half-wired' | 'bridged' | 'duplicate' | 'conflict';
import type { LegacyPiece } from './wirings';
export type { LegacyPiece };

export interface PluginStatus {
  /** The plugin id (for a module, the id of the plugin it extends). */
  readonly id: string;
  /** The package; for an add of a local module, its specifier (`./features/x`); null when unknown. */
  readonly package: string | null;
  readonly role: BackendRole;
  readonly state: PluginState;
  /** How it is wired; null when it is not. */
  readonly form: WiringForm | null;
  /** For `half-wired`: the pieces missing. */
  readonly missing: readonly LegacyPiece[];
}

export interface StatusReport {
  readonly root: string;
  /** The backend package folder, relative to the root; absent in a repo with an app and no backend. */
  readonly backend?: string;
  readonly system?: BackendSystem;
  readonly plugins: readonly PluginStatus[];
  /** The app's frontend plugins, where the repo has an app. */
  readonly frontend?: FrontendStatus;
  /** Whether every entry is `wired` or `bridged`, and every frontend plugin `wired`. */
  readonly complete: boolean;
}

export interface StatusOptions {
  readonly cwd?: string;
  readonly backend?: string;
  /** The app package folder (default: `<root>/packages/app`). */
  readonly app?: string;
  readonly system?: SystemChoice;
  /** One half only: the backend's plugins and modules, or the app's frontend plugins. */
  readonly only?: 'backend' | 'frontend';
}

/** The backend's plugins and modules, and the app's frontend plugins, and how each is wired. */
export function backendStatus(options: StatusOptions = {}): StatusReport {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = fs.existsSync(cwd) ? findRepoRoot(cwd) : cwd;
  const app = locateApp(root, options);
  if (options.only === 'frontend' && !app) throw new WireError('packages/app/package.json: not found: expected the app package there (--app, or leave out --only frontend)');
  const hasBackend = options.only !== 'frontend' && (options.backend !== undefined || fs.existsSync(path.join(root, 'packages', 'backend', 'package.json')) || !app);
  const tree = new FileTree(root);
  const workspace = new Workspace(root, [], file => tree.read(file));
  if (!hasBackend && options.only !== 'frontend') refuseBackendsElsewhere(root, workspace);
  const backend = hasBackend ? backendHalfStatus(options, tree, workspace) : undefined;
  const frontend = app && options.only !== 'backend' ? withOtherHalfHint(() => frontendStatus(tree, workspace, app), 'backend', hasBackend && !options.only) : undefined;
  return {
    root: backend?.root ?? root,
    backend: backend?.backend,
    system: backend?.system,
    plugins: backend?.plugins ?? [],
    frontend,
    complete: (backend?.complete ?? true) && (frontend?.plugins ?? []).every(plugin => plugin.state === 'wired'),
  };
}

/**
 * A repo whose backends are not in packages/backend (`packages/backend-a`,
 * `packages/backend-b`): listing the app alone would let `status --check`
 * pass with no backend read, so it is refused, naming them, as wiring is.
 */
function refuseBackendsElsewhere(root: string, workspace: Workspace): void {
  const backends = workspace.packages
    .filter(pkg => pkg.dir !== undefined && (pkg.json.backstage as { role?: unknown } | undefined)?.role === 'backend')
    .map(pkg => path.relative(root, pkg.dir as string).split(path.sep).join('/'))
    .sort();
  if (!backends.length) return;
  throw new WireError(
    `packages/backend/package.json: not found: expected the backend package there (this repo's backend${backends.length === 1 ? ' is' : 's are'} ${backends.join(', ')}: pass --backend DIR, or --only frontend)`,
  );
}

/** An app the tool cannot read, beside a backend it can: the hint says how to list the backend alone. */
function withOtherHalfHint<T>(read: () => T, other: 'backend', hasOther: boolean): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof WireError) || !hasOther) throw error;
    const hint = `hint: wire-plugin status --only ${other} lists the ${other} half alone`;
    throw new WireError(error.message, error.hint ? `${error.hint}\n${hint}` : hint);
  }
}

function backendHalfStatus(options: StatusOptions, tree: FileTree, workspace: Workspace): StatusReport & { backend: string; system: BackendSystem } {
  const files = readBackend(locateBackend(options), options.system ?? 'auto', [], tree);
  const modules = new ModuleImports(files);
  const dependencies = (files.backendJson.dependencies ?? {}) as Record<string, unknown>;

  // The packages the repo knows about: workspace backend plugins and modules, and the backend's such dependencies.
  // In a new backend each is listed by the id and kind its code registers (a package.json can say otherwise).
  const registered = (dir: string | undefined, identity: BackstagePackageIdentity | undefined): KnownPackage | undefined =>
    identity && { ...(files.system === 'new' ? codeIdentity(dir, identity) : identity), declared: identity };
  const identities = new Map<string, KnownPackage>();
  const identify = (name: string): KnownPackage | undefined => {
    if (!identities.has(name)) {
      const pkg = workspace.findByName(files.backendDir, name);
      const identity = registered(pkg?.dir, pkg ? (backstageIdentity(name, pkg.json) ?? identityFromCode(pkg.dir, pkg.json)) : identityFromName(name));
      if (identity) identities.set(name, identity);
    }
    return identities.get(name);
  };
  const known = new Set<string>();
  for (const pkg of workspace.packages) {
    if (pkg.dir === files.backendDir || !pkg.name) continue;
    const identity = registered(pkg.dir, backstageIdentity(pkg.name, pkg.json) ?? identityFromCode(pkg.dir, pkg.json));
    if (identity) {
      identities.set(pkg.name, identity);
      known.add(pkg.name);
    }
  }
  for (const name of Object.keys(dependencies)) if (identify(name)) known.add(name);

  const backend = files.system === 'new' ? findNewBackend(files.ast, files.indexText) : undefined;
  const discovery = files.system === 'new' ? readFeatureDiscovery(files.tree, files.root, backend) : undefined;
  const locals = new LocalFeatures(file => tree.read(file), files.indexPath, workspaceEntries(name => workspace.findByName(files.backendDir, name)));
  const wirings = files.system === 'new' ? newSystemWirings(files.ast, backend, modules, locals, identify, discovery?.add) : legacyWirings(files, modules, identify);
  /** Whether discovery loads a package: a backend plugin or module the app-config lets through. */
  const discovered = (name: string): boolean =>
    discovery !== undefined && identities.has(name) && discovers(discovery.packages, name, name in dependencies);

  const entries: PluginStatus[] = [];
  const addOf = new Map<PluginStatus, BackendAdd>();
  const matched = new Set<string>();
  for (const wiring of wirings) {
    let pkg = wiring.package;
    // A bridge or legacy mount whose module names no package: the known plugin package with that id.
    if (pkg === undefined) {
      pkg = [...known].find(name => !matched.has(name) && identities.get(name)?.declared.role === 'plugin' && identities.get(name)?.declared.pluginId === wiring.id);
    }
    if (pkg !== undefined) matched.add(pkg);
    let state: PluginState = wiring.missing.length ? 'half-wired' : wiring.form === 'legacy-bridge' ? 'bridged' : 'wired';
    if (pkg !== undefined && !wiring.local && !(pkg in dependencies)) state = 'not-installed';
    else if (wiring.repeated || (pkg !== undefined && wiring.form === 'feature' && discovered(pkg))) state = 'duplicate';
    // A bridge or a wrapper registers a plugin of its own, whatever else the package's code registers.
    const ownPlugin = wiring.form === 'legacy-bridge' || wiring.form === 'wrapper';
    const role = pkg !== undefined && !ownPlugin ? (identities.get(pkg)?.role ?? wiring.role) : wiring.role;
    const entry: PluginStatus = { id: wiring.id, package: pkg ?? null, role, state, form: wiring.form, missing: wiring.missing };
    entries.push(entry);
    if (wiring.add) addOf.set(entry, wiring.add);
  }
  // A module is wired by a legacy plugin module that imports it (`src/plugins/catalog.ts` adding a catalog module's
  // provider), on a legacy backend or behind a new backend's bridge or wrapper: read only where a module package is left to place.
  let usedByModules: Set<string> | undefined;
  const importedByPluginModules = (name: string): boolean => {
    usedByModules ??= modules.packagesImportedBy(legacyPluginModules(files, wirings));
    return usedByModules.has(name);
  };
  for (const name of known) {
    if (matched.has(name)) continue;
    const identity = identities.get(name) as KnownPackage;
    // A module of a plugin, or a package the repo calls a plugin that a running plugin module uses as a library (a
    // provider, a GraphQL module): wired where that module runs it; wiring it as a plugin of its own would run it twice.
    if (importedByPluginModules(name)) {
      const form = files.system === 'legacy' ? 'legacy' : 'legacy-bridge';
      entries.push({ id: identity.pluginId, package: name, role: identity.role, state: name in dependencies ? 'wired' : 'not-installed', form, missing: [] });
      continue;
    }
    if (discovered(name)) {
      const state: PluginState = name in dependencies ? 'wired' : 'not-installed';
      entries.push({ id: identity.pluginId, package: name, role: identity.role, state, form: 'discovered', missing: [] });
      continue;
    }
    entries.push({ id: identity.pluginId, package: name, role: identity.role, state: 'not-wired', form: null, missing: [] });
  }
  if (files.system === 'new') {
    const exclusive = (a: PluginStatus, b: PluginStatus): boolean => {
      const [addA, addB] = [addOf.get(a), addOf.get(b)];
      return addA !== undefined && addB !== undefined && exclusiveAdds(addA, addB);
    };
    markConflicts(entries, name => workspace.findByName(files.backendDir, name)?.dir, exclusive);
    // Two modules that set the permission policy: "Policy already set" at start.
    const where = { indexPath: files.indexPath, dirOf: (name: string) => workspace.findByName(files.backendDir, name)?.dir, read: (file: string) => tree.read(file) };
    const setsPolicy = (entry: PluginStatus): boolean => {
      // A module index.ts declares itself is read where it stands.
      const add = addOf.get(entry);
      const declared = add && declaredFeature(files.ast, add);
      return declared ? declaredModuleSetsPolicy(files.indexText, declared.call) : addedModuleSetsPolicy(entry.package as string, where);
    };
    for (const entry of policyConflicts(entries, setsPolicy, exclusive)) {
      entries[entries.indexOf(entry)] = { ...entry, state: 'conflict' };
    }
  }
  entries.sort(
    (a, b) =>
      compare(a.id, b.id) || Number(a.role === 'module') - Number(b.role === 'module') || compare(a.package ?? '', b.package ?? ''),
  );
  return {
    root: files.root,
    backend: files.backend,
    system: files.system,
    plugins: entries,
    complete: entries.every(entry => entry.state === 'wired' || entry.state === 'bridged'),
  };
}

/** The legacy plugin modules the backend runs: imported from `./plugins/` by a legacy index, bridged or wrapped by a new one. */
function legacyPluginModules(files: BackendFiles, wirings: readonly Wiring[]): string[] {
  if (files.system === 'legacy') return (files.legacy?.imports ?? []).filter(d => d.importKind !== 'type' && /^\.\/plugins\//.test(d.source.value)).map(d => d.source.value);
  return wirings.flatMap(wiring => (wiring.add?.legacyBridge ? [wiring.add.legacyBridge.module] : wiring.form === 'wrapper' ? wiring.add?.modules ?? [] : []));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two plugins the backend loads (added, discovered, bridged or wrapped) that
 * register one plugin id, read from their code (else their metadata): the
 * backend stops at start ("Plugin 'x' is already registered"). Both are
 * marked `conflict`, which `--check` fails on.
 */
function markConflicts(entries: PluginStatus[], dirOf: (name: string) => string | undefined, exclusive: (a: PluginStatus, b: PluginStatus) => boolean): void {
  const loaded = entries.filter(entry => entry.role === 'plugin' && (entry.state === 'wired' || entry.state === 'bridged' || entry.state === 'duplicate'));
  const byId = new Map<string, PluginStatus[]>();
  for (const entry of loaded) {
    const code = entry.package && (entry.form === 'feature' || entry.form === 'discovered') ? registeredIds(dirOf(entry.package)).plugins : [];
    for (const id of code.length ? code : [entry.id]) byId.set(id, [...(byId.get(id) ?? []), entry]);
  }
  const conflicting = new Set<PluginStatus>();
  for (const [, holders] of byId) {
    for (const holder of holders) {
      // Another package registering the id, in a start that also runs this one.
      if (holders.some(other => (other.package ?? other.id) !== (holder.package ?? holder.id) && !exclusive(holder, other))) conflicting.add(holder);
    }
  }
  for (const holder of conflicting) entries[entries.indexOf(holder)] = { ...holder, state: 'conflict' };
}
