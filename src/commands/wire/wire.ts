/**
 * The library: plan the wiring (or unwiring) of backend plugins into a
 * Backstage backend of either system, every change computed in memory and
 * re-parsed, then commit it all or nothing. Never prints, never exits:
 * callers get a report or a WireError.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BackendFiles, BackendSystem, installCommand, locateBackend, readBackend, SystemChoice } from '../../repo/backend';
import { addedDependencyNames, backendFileNaming, importsModule, removedDependencyNames } from './backend-imports';
import { applyChanges, TextChange } from '../../../transforms/lib/changes';
import { validateChanges } from '../../commit/commit';
import { WireError } from '../../../transforms/lib/errors';
import { forgetPrettierConfigs, resolveModuleFormat } from '../../commit/format';
import { BackendRole, backstageIdentity, identityFromName, packageOfSpecifier } from '../../../transforms/lib/package-names';
import { discovers } from '../../../transforms/app-config-packages';
import { parseTypeScript } from '../../../transforms/lib/parse';
import { CREATE_APP_ENVIRONMENT, LEGACY_BRIDGE_ENVIRONMENT, readPluginEnvironment } from '../../repo/plugin-environment';
import { OptionProperty, PluginShape, readPluginShape } from '../../repo/plugin-introspection';
import {
  BACKSTAGE_FORMAT,
  LegacyPluginModule,
  ModuleFormat,
  PLUGIN_ENVIRONMENT,
  printLegacyPluginModule,
  ROUTER_OPTIONS_ENVIRONMENT,
} from '../../../transforms/generate/plugin-module';
import { PLUGIN_API, planPluginWrapper, PluginWrapper, printPluginWrapper } from '../../../transforms/generate/plugin-wrapper';
import { legacyPluginVerdict, releaseOf } from '../../repo/backstage-release';
import { versionForRelease } from '../migrate/feature-table';
import { FeatureDiscovery, readFeatureDiscovery } from '../../repo/feature-discovery';
import { codeIdentity, RegisteredIds, registeredIds } from '../../repo/registered-ids';
import { planDiscoveryList } from '../../../transforms/app-config-packages';
import { findPackageByName, isPackageArgument, PluginTarget, resolveTarget, validateTargetArguments } from '../../repo/targets';
import { FileChange, FileStatus, FileTree } from '../../commit/tree';
import { PackageInfo, validateRange, Workspace } from '../../repo/workspace';
import { planLegacyWiring } from '../../../transforms/legacy-index';
import { planLegacyRemoval } from '../../../transforms/legacy-index-remove';
import { isPluginModuleBridge, LEGACY_PLUGIN_MODULE, NewBackendForm, planNewBackendWiring } from '../../../transforms/new-backend-index';
import { addRefersTo, findNewBackend, NewBackend } from '../../../transforms/analysis/new-backend';
import { planNewBackendRemoval } from '../../../transforms/new-backend-index-remove';
import { DependencyEntry, planDependencies, planDependencyRemoval } from '../../../transforms/package-json-dependency';

export type { BackendSystem, SystemChoice } from '../../repo/backend';
/**
 * `legacy`: import, env and route in a legacy backend; `feature`:
 * `backend.add(import(pkg))`; `legacy-bridge`: `backend.add(legacyPlugin(...))`
 * (releases up to 1.31); `wrapper`: a legacy-only plugin in the backend's
 * own new-system `./plugins/<id>` module, `backend.add(import('./plugins/<id>'))`
 * (later releases); `discovered`: loaded by feature discovery, not added.
 */
export type WiringForm = 'legacy' | 'feature' | 'legacy-bridge' | 'wrapper' | 'discovered';


export interface WireOptions {
  /**
   * Plugin ids, such as `carmen` or `tech-insights`, and package names, such
   * as `@backstage/plugin-kubernetes-backend` or a module's package, mixed freely.
   */
  readonly plugins: readonly string[];
  /** Where to start looking for the repo root (default: process.cwd()). */
  readonly cwd?: string;
  /** The backend package folder, relative to cwd (default: `<root>/packages/backend`). */
  readonly backend?: string;
  /** The plugin's npm package name, when it is not `plugins/<id>-backend` (one plugin only). */
  readonly packageName?: string;
  /** The dependency range to add, instead of the one derived from the plugin's version (one plugin only). */
  readonly range?: string;
  /** Overwrite (or, with `remove`, delete) a `src/plugins/<id>.ts` that differs from what the tool generates. */
  readonly force?: boolean;
  /** Which backend system to expect; `auto` (the default) reads it from index.ts. */
  readonly system?: SystemChoice;
  /** Undo the wiring instead. */
  readonly remove?: boolean;
  /** The app package folder, relative to cwd (default: `<root>/packages/app`). */
  readonly app?: string;
  /** Wire one half only: the backend plugin (`backend`) or the frontend plugin (`frontend`). Default: every half the repo has. */
  readonly only?: 'backend' | 'frontend';
}

export interface FileReport {
  /** Relative to the repo root, with forward slashes. */
  readonly path: string;
  readonly status: FileStatus;
}

export interface PluginReport {
  /** The argument as given: an id or a package name. */
  readonly requested: string;
  /** The plugin id (for a module, the id of the plugin it extends). */
  readonly id: string;
  readonly packageName: string;
  /** A backend plugin, or a module of one (`backstage.role` `backend-plugin-module`). */
  readonly role: BackendRole;
  /** What `backend.add(import(...))` names, when it is not the package root: `<package>/alpha`. */
  readonly importSpecifier?: string;
  /** How the plugin is (or was) wired. */
  readonly form?: WiringForm;
  /** The range the backend depends on the plugin with (existing or added), when wiring. */
  readonly range?: string;
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** Whether anything changes for this plugin. */
  readonly changed: boolean;
  /** When wiring: true when nothing had to change for this plugin. */
  readonly alreadyWired?: boolean;
}

/** The backend half of a run. */
export interface BackendReport {
  readonly root: string;
  /** The backend package folder, relative to the root. */
  readonly backend: string;
  readonly system: BackendSystem;
  readonly action: 'wire' | 'remove';
  readonly plugins: readonly PluginReport[];
  /** Every file looked at, once, with its overall status. */
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** Whether any file changes (or, after a dry run, would change). */
  readonly changed: boolean;
  /** Whether the changes were written to disk. */
  readonly written: boolean;
  /** Dependencies this run adds to the backend's package.json. */
  readonly addedDependencies: readonly string[];
  /** Dependencies this run removes from the backend's package.json (with --remove). */
  readonly removedDependencies: readonly string[];
  /** What to run next when dependencies were added (`yarn install`, by the repo's lockfile). */
  readonly nextStep?: string;
}

export interface BackendPlan {
  readonly report: BackendReport;
  /** The new content of every file that changes, with what was read. */
  readonly changes: readonly FileChange[];
}

/** What every planning step shares: the tree, the backend's files, the parsed index. */
interface Context extends BackendFiles {
  readonly options: WireOptions;
  readonly workspace: Workspace;
  /** The edits index.ts got, against the text its AST was parsed from: validation re-parses only what they changed. */
  indexEdits?: readonly TextChange[];
  /** What is read once a run and needed per plugin. */
  readonly memo: { environment?: readonly string[]; newBackend?: NewBackend | null; discovery?: FeatureDiscovery | null };
}

function writeIndex(context: Context, edits: readonly TextChange[]): void {
  context.tree.write(context.indexPath, applyChanges(context.indexText, edits));
  context.indexEdits = edits;
}

interface Plugin extends PluginTarget {
  readonly shape: PluginShape;
  readonly warnings: string[];
}

/** Validates the options that need no file. */
export function validateOptions(options: WireOptions): void {
  const args = [...new Set(options.plugins)];
  validateTargetArguments(args);
  if (args.length > 1 && (options.packageName !== undefined || options.range !== undefined)) {
    throw new WireError('--package and --range name one plugin: pass a single plugin id with them');
  }
  if (options.range !== undefined) validateRange(options.range);
}

/** Computes everything the backend half of a run would do, writing nothing. */
export async function planBackendWiring(options: WireOptions, shared?: { readonly workspace: Workspace; readonly tree: FileTree }): Promise<BackendPlan> {
  validateOptions(options);
  forgetPrettierConfigs();
  const args = [...new Set(options.plugins)];
  const location = locateBackend(options);
  const files = readBackend(location, options.system ?? 'auto', args.filter(arg => !isPackageArgument(arg)), shared?.tree);
  const { tree, root, backend } = files;
  const context: Context = { ...files, options, workspace: shared?.workspace ?? new Workspace(root, [[files.backendJsonPath, files.backendJson]]), memo: {} };
  const backendJsonDisplay = tree.display(files.backendJsonPath);

  const plugins: Plugin[] = [];
  for (const argument of args) {
    const target = options.remove
      ? findTargetToRemove(context, argument)
      : resolveTarget(context.workspace, { ...files, backendJsonDisplay, release: () => releaseOf(files.root) }, argument, options);
    // One package named twice (as an id and as a name) is wired once.
    if (plugins.some(p => p.pkg.name === target.pkg.name)) continue;
    plugins.push({ ...target, shape: await readPluginShape(target.pkg.dir, target.pkg.json), warnings: [] });
  }
  const reports = options.remove ? await planRemoval(context, plugins) : await planAddition(context, plugins);

  const changes = tree.changes();
  validateChanges(changes, context.indexEdits && new Map([[context.indexPath, { ast: files.ast, edits: context.indexEdits }]]));
  const seen = new Map<string, FileReport>();
  for (const plugin of reports) {
    for (const file of plugin.files) {
      if (!seen.has(file.path)) seen.set(file.path, { path: file.path, status: tree.status(path.join(root, file.path)) });
    }
  }
  const plannedJson = tree.read(files.backendJsonPath) ?? '';
  const addedDependencies = options.remove ? [] : addedDependencyNames(files.backendJson, plannedJson);
  const removedDependencies = options.remove ? removedDependencyNames(files.backendJson, plannedJson) : [];
  const report: BackendReport = {
    root,
    backend,
    system: context.system,
    action: options.remove ? 'remove' : 'wire',
    plugins: reports,
    files: [...seen.values()],
    warnings: reports.flatMap(p => p.warnings),
    changed: changes.length > 0,
    written: false,
    addedDependencies,
    removedDependencies,
    nextStep: addedDependencies.length ? installCommand(root) : undefined,
  };
  return { report, changes };
}

/** How a plugin goes into this backend, from what the plugin exports. */
function chooseForm(context: Context, plugin: Plugin): WiringForm {
  const { shape, pkg } = plugin;
  const read = shape.entry ? ` (read ${path.relative(context.tree.root, shape.entry).split(path.sep).join('/')})` : '';
  const neither = (): WireError =>
    new WireError(`${pkg.name}: exports neither createRouter nor a backend feature as its default export${read}: there is nothing to wire`);
  if (plugin.role === 'module') {
    if (context.system === 'legacy') {
      throw new WireError(
        `${pkg.name} is a backend module (of the ${plugin.id} plugin) for the new backend system, so it cannot be wired into the legacy backend in ${context.indexDisplay}: migrate the backend to the new backend system first (wire-plugin migrate)`,
      );
    }
    if (shape.feature) return 'feature';
    if (shape.feature === false) {
      throw new WireError(`${pkg.name}: a backend module whose default export is no backend feature${read} (at its root or any subpath it exports): there is nothing to wire`);
    }
    plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature at its root`);
    return 'feature';
  }
  if (context.system === 'legacy') {
    if (shape.createRouter) return 'legacy';
    if (shape.createRouter === false) {
      if (!shape.feature) throw neither();
      throw new WireError(
        `${pkg.name} is a new-backend-system plugin (its default export is a backend feature and it exports no createRouter), so it cannot be wired into the legacy backend in ${context.indexDisplay}: migrate the backend to the new backend system (createBackend from @backstage/backend-defaults), or export a createRouter from the plugin`,
      );
    }
    plugin.warnings.push(`${pkg.name}: could not read its exports; wiring it as a legacy plugin with createRouter`);
    return 'legacy';
  }
  if (shape.feature) return 'feature';
  if (shape.createRouter) return legacyOnlyForm(context, plugin);
  if (shape.feature === false && shape.createRouter === false) throw neither();
  plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature`);
  return 'feature';
}

/** The new backend as index.ts has it, found once a run. */
function newBackendOf(context: Context): NewBackend | undefined {
  if (context.memo.newBackend === undefined) context.memo.newBackend = findNewBackend(context.ast, context.indexText) ?? null;
  return context.memo.newBackend ?? undefined;
}

/**
 * A legacy-only plugin in a new backend: the legacyPlugin bridge where the
 * release still runs it (up to 1.31), else the new-system wrapper; a bridge
 * that index.ts already has stays (with a warning where it will not start).
 */
function legacyOnlyForm(context: Context, plugin: Plugin): WiringForm {
  const verdict = legacyPluginVerdict(context.root, context.backendDir);
  const bridged = newBackendOf(context)?.adds.some(add => isPluginModuleBridge(add, plugin.id));
  if (bridged) {
    if (!verdict.works) {
      plugin.warnings.push(
        `${context.indexDisplay}: ${plugin.id} is added through legacyPlugin(), which fails at startup on this release (${verdict.decidedBy}): run wire-plugin ${plugin.id} --remove, then wire it again for a new-system wrapper`,
      );
    }
    return 'legacy-bridge';
  }
  return verdict.works ? 'legacy-bridge' : 'wrapper';
}

const NEW_BACKEND_FORMS: Partial<Record<WiringForm, NewBackendForm>> = { feature: 'feature', 'legacy-bridge': 'legacy', wrapper: 'wrapper' };

async function planAddition(context: Context, plugins: Plugin[]): Promise<PluginReport[]> {
  const { tree, indexText, indexDisplay, ast } = context;
  const forms = plugins.map(plugin => chooseForm(context, plugin));
  const ids = plugins.map(p => p.id);

  // index.ts: parsed once for all plugins.
  let indexWork: readonly IndexWork[];
  if (context.system === 'legacy') {
    const plan = planLegacyWiring(indexText, ids, indexDisplay, ast, context.legacy);
    writeIndex(context, plan.changes);
    indexWork = plan.plugins.map(p => ({ added: p.added.length > 0, importsPluginModule: p.importsPluginModule, warnings: p.warnings }));
  } else {
    indexWork = planNewIndexAddition(context, plugins, forms);
  }

  // package.json: the plugin packages, and @backstage/backend-common for the legacyPlugin bridge.
  const declared = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const entries: DependencyEntry[] = plugins.map(({ pkg }) => ({
    name: pkg.name,
    range: typeof declared[pkg.name] === 'string' ? (declared[pkg.name] as string) : context.workspace.chooseRange(context.backendJson, pkg, context.options.range),
  }));
  const bridged = plugins.findIndex((_, i) => forms[i] === 'legacy-bridge' && indexWork[i].importsPluginModule);
  if (bridged !== -1 && !(LEGACY_PLUGIN_MODULE in declared)) {
    entries.push({ name: LEGACY_PLUGIN_MODULE, range: backendCommonRange(context, plugins[bridged].pkg, plugins[bridged].warnings) });
  }
  const wrapped = plugins.findIndex((_, i) => forms[i] === 'wrapper' && indexWork[i].importsPluginModule);
  if (wrapped !== -1 && !(PLUGIN_API in declared)) entries.push({ name: PLUGIN_API, range: pluginApiRange(context, plugins[wrapped].warnings) });
  const dependencyPlan = planDependencies(context.backendJsonText, tree.display(context.backendJsonPath), entries);
  tree.write(context.backendJsonPath, applyChanges(context.backendJsonText, dependencyPlan.changes));
  const extraFor = (i: number): boolean =>
    entries.slice(plugins.length).some((entry, k) => dependencyPlan.existingRanges[plugins.length + k] === undefined && (entry.name === LEGACY_PLUGIN_MODULE ? i === bridged : i === wrapped));

  const reports: PluginReport[] = [];
  for (const [i, plugin] of plugins.entries()) {
    const warnings = [...plugin.warnings, ...indexWork[i].warnings];
    if (i === 0) warnings.push(...dependencyPlan.warnings);
    const addsDependency = dependencyPlan.existingRanges[i] === undefined || extraFor(i);
    const files: FileReport[] = [{ path: tree.display(context.backendJsonPath), status: addsDependency ? 'updated' : 'unchanged' }];
    if (indexWork[i].importsPluginModule) {
      const modulePath = pluginModulePath(context, plugin.id);
      const status = await writePluginModule(context, modulePath, await pluginModule(context, plugin, forms[i], modulePath, warnings), warnings);
      files.push({ path: tree.display(modulePath), status });
    }
    const discovery = forms[i] === 'discovered' ? discoveryOf(context) : undefined;
    if (discovery) files.push({ path: tree.display(discovery.configPath), status: indexWork[i].configChanged ? 'updated' : 'unchanged' });
    files.push({ path: indexDisplay, status: (indexWork[i].indexChanged ?? indexWork[i].added) ? 'updated' : 'unchanged' });
    const changed = files.some(f => f.status !== 'unchanged');
    reports.push({
      requested: plugin.requested,
      ...reportedIdentity(plugin, forms[i]),
      packageName: plugin.pkg.name,
      importSpecifier: forms[i] === 'feature' && plugin.shape.featureSubpath ? plugin.pkg.name + plugin.shape.featureSubpath : undefined,
      form: forms[i],
      range: entries[i].range,
      files,
      warnings,
      changed,
      alreadyWired: !changed,
    });
  }
  return reports;
}

/**
 * The id and kind a report names: for a feature (added or discovered),
 * what its code registers (`createBackendModule({ pluginId: 'permission' })`
 * in a package whose package.json says `rbac` is a module of `permission`);
 * a legacy mount, a bridge or a wrapper registers the id it is wired by.
 */
function reportedIdentity(plugin: Plugin, form: WiringForm | undefined): { id: string; role: BackendRole } {
  if (form !== 'feature' && form !== 'discovered') return { id: plugin.id, role: plugin.role };
  const registered = codeIdentity(plugin.pkg.dir, { pluginId: plugin.id, role: plugin.role });
  return { id: registered.pluginId, role: registered.role };
}

/** The repo's feature discovery, read once a run. */
function discoveryOf(context: Context): FeatureDiscovery | undefined {
  if (context.memo.discovery === undefined) context.memo.discovery = readFeatureDiscovery(context.tree, context.root, newBackendOf(context)) ?? null;
  return context.memo.discovery ?? undefined;
}

/**
 * index.ts (and, under feature discovery, app-config.yaml) for new-system
 * wiring. A package that discovery will load gets no `backend.add`: it is
 * added to an `include` list, or taken out of an `exclude` list, where
 * app-config has them; an explicit add of it would fail the start (`Plugin
 * is already registered`) and is taken out. Where app-config sets no
 * `backend.packages`, discovery loads nothing, and the add is written as
 * without discovery. Forms become `discovered` in place.
 */
function planNewIndexAddition(context: Context, plugins: Plugin[], forms: WiringForm[]): IndexWork[] {
  const { tree, indexText, indexDisplay, ast } = context;
  const discovery = discoveryOf(context);
  const discovers = discovery !== undefined && discovery.packages.kind !== 'none';
  const work: IndexWork[] = [];
  const notes: string[] = discovery ? [...discovery.warnings] : [];
  if (discovery && !discovers && plugins.some((_, i) => forms[i] === 'feature')) {
    notes.push(
      `${indexDisplay}:${discovery.line}: ${discovery.form} is added, but ${tree.display(discovery.configPath)} sets no backend.packages, so it discovers nothing: added explicitly`,
    );
  }
  forms.forEach((form, i) => {
    if (discovers && form === 'feature') forms[i] = 'discovered';
  });
  notes.push(...checkPluginIds(context, plugins, forms, discovers ? discovery : undefined));
  const explicit = forms.map(form => form !== 'discovered');
  const requests = plugins
    .filter((_, i) => explicit[i])
    .map(p => {
      const i = plugins.indexOf(p);
      return {
        id: p.id,
        packageName: p.pkg.name,
        form: NEW_BACKEND_FORMS[forms[i]] ?? 'feature',
        subpath: forms[i] === 'feature' ? p.shape.featureSubpath : undefined,
        module: p.role === 'module',
        follows: p.role === 'module' ? packagesOfPlugin(context, p) : undefined,
      };
    });
  const plan = planNewBackendWiring(indexText, requests, indexDisplay, ast, newBackendOf(context));
  // Discovered and also added: the add goes.
  const duplicates = plugins.filter((p, i) => !explicit[i] && newBackendOf(context)?.adds.some(add => addRefersTo(add, p.pkg.name)));
  const removal = duplicates.length
    ? planNewBackendRemoval(indexText, duplicates.map(p => ({ id: p.id, packageName: p.pkg.name, module: true })), indexDisplay, ast, newBackendOf(context))
    : undefined;
  const edits = [...plan.changes, ...(removal?.changes ?? [])];
  try {
    applyChanges(indexText, edits);
  } catch {
    throw new WireError(`${indexDisplay}: the adds to write and the duplicate adds to take out overlap: wire ${duplicates.map(p => p.id).join(', ')} in a run of its own`);
  }
  writeIndex(context, edits);

  let config = discovery?.configText;
  for (const [i, plugin] of plugins.entries()) {
    if (explicit[i]) {
      const wired = plan.plugins[requests.findIndex(r => r.packageName === plugin.pkg.name && r.id === plugin.id)];
      work.push({ ...wired, warnings: [...(i === 0 ? notes : []), ...wired.warnings] });
      continue;
    }
    const warnings = i === 0 ? [...notes] : [];
    const removed = removal?.plugins[duplicates.indexOf(plugin)];
    if (removed && removed.removed > 0) {
      warnings.push(`${indexDisplay}: ${plugin.pkg.name} is discovered (${discovery?.form}) and was also added explicitly, which fails the start ("Plugin '${plugin.id}' is already registered"): the explicit add is taken out`);
    }
    if (removed) warnings.push(...removed.warnings);
    let listed = false;
    if (config !== undefined && discovery) {
      const list = planDiscoveryList(config, tree.display(discovery.configPath), plugin.pkg.name);
      config = applyChanges(config, list.changes);
      listed = list.changes.length > 0;
    }
    const indexChanged = Boolean(removed && removed.removed > 0);
    work.push({ added: listed || indexChanged, importsPluginModule: false, warnings, configChanged: listed, indexChanged });
  }
  if (discovery && config !== undefined && config !== discovery.configText) tree.write(discovery.configPath, config);
  return work;
}

/** What wiring did to index.ts (and app-config.yaml) for one plugin. */
interface IndexWork {
  readonly added: boolean;
  readonly importsPluginModule: boolean;
  readonly warnings: readonly string[];
  /** Under discovery: whether app-config.yaml's package lists changed for it. */
  readonly configChanged?: boolean;
  /** Under discovery: whether index.ts changed for it (a duplicate add taken out). */
  readonly indexChanged?: boolean;
}

async function planRemoval(context: Context, plugins: Plugin[]): Promise<PluginReport[]> {
  const { tree, indexText, indexDisplay, ast } = context;
  let indexWork: { removed: boolean; warnings: readonly string[] }[];
  let removesBridgeImport = false;
  if (context.system === 'legacy') {
    const plan = planLegacyRemoval(indexText, plugins.map(p => p.id), indexDisplay, ast, context.legacy);
    writeIndex(context, plan.changes);
    indexWork = plan.plugins.map(p => ({ removed: p.removed.length > 0, warnings: p.warnings }));
  } else {
    const requests = plugins.map(p => ({ id: p.id, packageName: p.pkg.name, module: p.role === 'module', alsoModules: p.role === 'module' ? [] : [`./plugins/${p.id}`] }));
    const plan = planNewBackendRemoval(indexText, requests, indexDisplay, ast, newBackendOf(context));
    writeIndex(context, plan.changes);
    indexWork = plan.plugins.map(p => ({ removed: p.removed > 0, warnings: p.warnings }));
    removesBridgeImport = plan.removesLegacyPluginImport;
  }
  // Under discovery: out of the include list too (an exclude list is left: without the dependency, nothing is discovered).
  const discovery = context.system === 'new' ? discoveryOf(context) : undefined;
  const configChanged = plugins.map(() => false);
  if (discovery?.configText !== undefined) {
    let config = discovery.configText;
    for (const [i, plugin] of plugins.entries()) {
      const list = planDiscoveryList(config, tree.display(discovery.configPath), plugin.pkg.name, true);
      config = applyChanges(config, list.changes);
      configChanged[i] = list.changes.length > 0;
    }
    if (config !== discovery.configText) tree.write(discovery.configPath, config);
  }

  const names = plugins.map(p => p.pkg.name);
  const modulePaths = plugins.map(p => pluginModulePath(context, p.id));
  // The plugin modules first: a wrapper that goes may take the backend's last use of backend-plugin-api with it.
  const moduleWork: { warnings: string[]; deleted: boolean; existed: boolean; importsPluginApi: boolean }[] = [];
  for (const [i, plugin] of plugins.entries()) {
    const warnings: string[] = [];
    const modulePath = modulePaths[i];
    const existing = plugin.role === 'module' ? undefined : tree.read(modulePath);
    let deleted = false;
    if (existing !== undefined) {
      const forms: WiringForm[] = context.system === 'legacy' ? ['legacy'] : ['legacy-bridge', 'wrapper'];
      let generated = Boolean(context.options.force);
      for (const form of forms) {
        if (generated) break;
        try {
          generated = await isGenerated(context, modulePath, await pluginModule(context, plugin, form, modulePath, []), existing);
        } catch (error) {
          // A wrapper that could not be generated (an option no service covers) is not what the tool wrote.
          if (!(error instanceof WireError)) throw error;
        }
      }
      if (generated) {
        tree.delete(modulePath);
        deleted = true;
      } else warnings.push(`${tree.display(modulePath)}: kept (it differs from what wire-plugin generates; pass --force to delete it)`);
    }
    moduleWork.push({ warnings, deleted, existed: existing !== undefined, importsPluginApi: deleted && importsModule(existing ?? '', PLUGIN_API) });
  }
  const generatedCode: GeneratedCodeDependency[] = [];
  if (removesBridgeImport) generatedCode.push({ name: LEGACY_PLUGIN_MODULE, for: 'legacyPlugin bridge' });
  if (context.system === 'new' && moduleWork.some(work => work.importsPluginApi)) generatedCode.push({ name: PLUGIN_API, for: 'new-system wrapper' });
  const deletedModules = modulePaths.filter((_, i) => moduleWork[i].deleted);
  const dependencies = dependenciesOfGeneratedCode(context, generatedCode, deletedModules);
  names.push(...dependencies.removed.map(dependency => dependency.name));
  const dependencyPlan = planDependencyRemoval(context.backendJsonText, tree.display(context.backendJsonPath), names);
  tree.write(context.backendJsonPath, applyChanges(context.backendJsonText, dependencyPlan.changes));
  const dependencyWarnings = dependencies.notes;

  const reports: PluginReport[] = [];
  for (const [i, plugin] of plugins.entries()) {
    const warnings = [...plugin.warnings, ...indexWork[i].warnings, ...moduleWork[i].warnings, ...(i === 0 ? dependencyWarnings : [])];
    const files: FileReport[] = [
      { path: tree.display(context.backendJsonPath), status: dependencyPlan.existingRanges[i] !== undefined ? 'updated' : 'unchanged' },
    ];
    const modulePath = modulePaths[i];
    if (moduleWork[i].existed) files.push({ path: tree.display(modulePath), status: tree.status(modulePath) });
    if (configChanged[i] && discovery) files.push({ path: tree.display(discovery.configPath), status: 'updated' });
    files.push({ path: indexDisplay, status: indexWork[i].removed ? 'updated' : 'unchanged' });
    reports.push({
      requested: plugin.requested,
      ...reportedIdentity(plugin, context.system === 'new' && plugin.shape.feature ? 'feature' : undefined),
      packageName: plugin.pkg.name,
      files,
      warnings,
      changed: files.some(f => f.status !== 'unchanged'),
    });
  }
  return reports;
}

/** A dependency wiring adds for the code it generates, and which code that is. */
interface GeneratedCodeDependency {
  readonly name: string;
  readonly for: 'legacyPlugin bridge' | 'new-system wrapper';
}

/**
 * When --remove takes out generated code (the bridge's import, a wrapper
 * module), the dependency wiring added for it goes too, unless a file of
 * the backend left (index.ts as it will be, any other source file under
 * src/) still names it. Nothing tells a dependency the tool added from one
 * that was there before, so the report says which went or stayed, and why.
 */
function dependenciesOfGeneratedCode(
  context: Context,
  candidates: readonly GeneratedCodeDependency[],
  deletedModules: readonly string[],
): { removed: GeneratedCodeDependency[]; notes: string[] } {
  const { tree } = context;
  const declared = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const display = tree.display(context.backendJsonPath);
  const removed: GeneratedCodeDependency[] = [];
  const notes: string[] = [];
  for (const candidate of candidates) {
    if (!(candidate.name in declared)) continue;
    const user = importsModule(tree.read(context.indexPath) ?? '', candidate.name)
      ? context.indexPath
      : backendFileNaming(context.backendDir, candidate.name, [context.indexPath, ...deletedModules]);
    if (user !== undefined) {
      notes.push(`${display}: kept ${candidate.name}, which wire-plugin adds for the ${candidate.for}, because ${tree.display(user)} imports it`);
      continue;
    }
    removed.push(candidate);
    notes.push(
      `${display}: removed ${candidate.name}, which wire-plugin adds for the ${candidate.for}: nothing in the backend imports it any more (add it back if it was there before for another reason)`,
    );
  }
  return { removed, notes };
}

/**
 * The target when unwiring: found as for wiring; else, for an id, the
 * backend's dependency named like its plugin; a package name needs nothing
 * installed (its adds and dependency line go by name).
 */
function findTargetToRemove(context: Context, argument: string): PluginTarget {
  const backendJsonDisplay = context.tree.display(context.backendJsonPath);
  if (isPackageArgument(argument)) {
    const pkg = findPackageByName(context.workspace, context.backendDir, argument);
    const identity = backstageIdentity(pkg.name, pkg.json) ?? identityFromName(argument);
    if (identity) return { requested: argument, id: identity.pluginId, pkg, role: identity.role, pluginPackage: identity.pluginPackage };
    return resolveTarget(context.workspace, { ...context, backendJsonDisplay }, argument, { ...context.options, remove: true });
  }
  try {
    return resolveTarget(context.workspace, { ...context, backendJsonDisplay, release: () => releaseOf(context.root) }, argument, context.options);
  } catch (error) {
    const deps = Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>);
    const candidates = deps.filter(name => new RegExp(`(^|[/-])plugin-${argument.replace(/-/g, '\\-')}-backend$`).test(name));
    if (candidates.length === 1) return { requested: argument, id: argument, pkg: { name: candidates[0], json: {} }, role: 'plugin' };
    throw error;
  }
}

/**
 * The packages whose adds a module goes after: the plugin it extends, and
 * the backend's dependencies that are that plugin's other modules (by their
 * installed package.json, else their names).
 */
function packagesOfPlugin(context: Context, module: Plugin): string[] {
  const packages = new Set<string>(module.pluginPackage ? [module.pluginPackage] : []);
  for (const name of Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>)) {
    if (name === module.pkg.name) continue;
    const installed = context.workspace.findByName(context.backendDir, name);
    const identity = installed ? backstageIdentity(name, installed.json) : identityFromName(name);
    if (identity?.pluginId === module.id) packages.add(name);
  }
  return [...packages];
}

function pluginModulePath(context: Context, id: string): string {
  return path.join(context.backendDir, 'src', 'plugins', `${id}.ts`);
}

function typesPath(context: Context): string {
  return path.join(context.backendDir, 'src', 'types.ts');
}

/** The fields of the backend's PluginEnvironment (src/types.ts), read once a run however many plugins need them. */
function pluginEnvironmentFields(context: Context): readonly string[] | undefined {
  if (!('environment' in context.memo)) {
    const text = context.tree.read(typesPath(context));
    context.memo.environment = text === undefined ? undefined : readPluginEnvironment(text, context.tree.display(typesPath(context)));
  }
  return context.memo.environment;
}

/** A module the tool generates in src/plugins/<id>.ts: the legacy createPlugin(env), or the new-system wrapper. */
type GeneratedModule = { readonly kind: 'legacy'; readonly module: LegacyPluginModule } | { readonly kind: 'wrapper'; readonly wrapper: PluginWrapper };

function printGenerated(generated: GeneratedModule, format: ModuleFormat): string {
  return generated.kind === 'legacy' ? printLegacyPluginModule(generated.module, format) : printPluginWrapper(generated.wrapper, format);
}

/**
 * The module the tool generates for a plugin wired through createRouter: it
 * passes every option of createRouter that the environment provides under
 * the same name; a required option the environment lacks is left out (so tsc
 * points at it) and reported. The wrapper takes each option from its core
 * service instead.
 */
async function pluginModule(context: Context, plugin: Plugin, form: WiringForm, modulePath: string, warnings: string[]): Promise<GeneratedModule> {
  if (form === 'wrapper') return { kind: 'wrapper', wrapper: pluginWrapper(context, plugin, modulePath, warnings) };
  const display = context.tree.display(modulePath);
  let environment: readonly string[] = LEGACY_BRIDGE_ENVIRONMENT;
  if (form === 'legacy') {
    const fields = pluginEnvironmentFields(context);
    if (!fields) warnings.push(`${context.tree.display(typesPath(context))}: no PluginEnvironment type found; assuming create-app's fields`);
    environment = fields ?? CREATE_APP_ENVIRONMENT;
  }
  const known = plugin.shape.routerOptions;
  let options: { name: string; value: string }[];
  if (!known) {
    options = [{ name: 'logger', value: 'env.logger' }];
    warnings.push(`${display}: could not read the options of ${plugin.pkg.name}'s createRouter; passed logger only, check the file`);
  } else {
    options = known.filter(option => environment.includes(option.name)).map(option => ({ name: option.name, value: `env.${option.name}` }));
    const missing = known.filter(option => !option.optional && !environment.includes(option.name)).map(option => option.name);
    if (missing.length) {
      warnings.push(
        `${display}: createRouter of ${plugin.pkg.name} needs ${missing.join(', ')}, which the plugin environment does not provide: finish the file by hand (tsc will point at it)`,
      );
    }
  }
  return {
    kind: 'legacy',
    module: { packageName: plugin.pkg.name, options, environment: form === 'legacy' ? PLUGIN_ENVIRONMENT : ROUTER_OPTIONS_ENVIRONMENT },
  };
}

/** Where a router option is declared, for messages: `plugins/x/src/service/router.ts:7`. */
function declaredAt(context: Context, option: OptionProperty): string {
  if (!option.file) return 'its RouterOptions';
  const file = path.relative(context.tree.root, option.file).split(path.sep).join('/');
  return option.line ? `${file}:${option.line}` : file;
}

/** The new-system wrapper of a legacy-only plugin, from its router options as introspection read them. */
function pluginWrapper(context: Context, plugin: Plugin, modulePath: string, warnings: string[]): PluginWrapper {
  const declared = plugin.shape.routerOptions?.map(option => ({ ...option, where: option.file ? declaredAt(context, option) : undefined }));
  const planned = planPluginWrapper(plugin.id, plugin.pkg.name, declared, context.tree.display(modulePath));
  warnings.push(...planned.warnings);
  return planned.wrapper;
}

/**
 * The range for @backstage/backend-plugin-api, which the wrapper imports:
 * `backstage:^` where the backend uses that protocol, else the installed
 * version, else what the installed backend-defaults depends on.
 */
function pluginApiRange(context: Context, warnings: string[]): string {
  const deps = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  if (Object.entries(deps).some(([name, range]) => name.startsWith('@backstage/') && range === 'backstage:^')) return 'backstage:^';
  for (const base of [context.backendDir, context.tree.root]) {
    const installed = context.workspace.findByName(base, PLUGIN_API);
    if (installed && typeof installed.json.version === 'string') return `^${installed.json.version}`;
  }
  const defaults = context.workspace.findByName(context.backendDir, '@backstage/backend-defaults');
  const fromDefaults = ((defaults?.json.dependencies ?? {}) as Record<string, unknown>)[PLUGIN_API];
  if (typeof fromDefaults === 'string' && !fromDefaults.startsWith('workspace:')) return fromDefaults;
  const atRelease = rangeAtRelease(context, PLUGIN_API, warnings);
  if (atRelease) return atRelease;
  throw new WireError(
    `${context.tree.display(context.backendJsonPath)}: the new-system wrapper needs ${PLUGIN_API}, and no version of it was found (not installed, not a dependency of @backstage/backend-defaults, no backstage.json naming the release): add it to the backend's dependencies, or a backstage.json with your Backstage release`,
  );
}

/**
 * The range of a package at the repository's release (backstage.json), by
 * wire-plugin's release table: for a fresh clone before `yarn install`,
 * where neither the package nor backend-defaults is installed. A release
 * without a row reads the nearest row below, and a row the registry lacks
 * the package for the nearest version below, each with a warning.
 */
function rangeAtRelease(context: Context, name: string, warnings: string[]): string | undefined {
  const release = releaseOf(context.root);
  const found = release ? versionForRelease(name, release) : undefined;
  if (!found || !release) return undefined;
  const minor = /^(\d+\.\d+)/.exec(release)?.[1];
  if (found.hole || found.row !== minor) {
    warnings.push(
      found.hole
        ? `${name}: the registry has no version of it for Backstage ${minor}; ${found.range}, the nearest below (${found.row}'s), is added: check it against your release`
        : `backstage.json's release ${release} has no row in wire-plugin's version table: ${name} ${found.range} comes from the nearest release below it, ${found.row}; check it against your release`,
    );
  }
  return found.range;
}

/** package.json files as the run's workspace read them; a broken one is none (prettier skips it too). */
function packageJsonOf(context: Context): (file: string) => Record<string, unknown> | undefined {
  return file => {
    try {
      return context.workspace.packageJson(file);
    } catch {
      return undefined;
    }
  };
}

/** Whether `existing` is what the tool writes for this module, in Backstage's style or the repo's. */
async function isGenerated(context: Context, modulePath: string, module: GeneratedModule, existing: string): Promise<boolean> {
  // The common case needs no prettier: the file as the tool writes it with Backstage's defaults.
  if (existing === printGenerated(module, { ...BACKSTAGE_FORMAT, endOfLine: context.eol })) return true;
  const resolved = await resolveModuleFormat(modulePath, context.eol, context.tree.display(modulePath), packageJsonOf(context));
  return existing === printGenerated(module, resolved.format);
}

/**
 * Creates src/plugins/<id>.ts, or leaves an existing one alone: a differing
 * file is the user's to keep unless --force, and must at least export a default.
 */
async function writePluginModule(context: Context, modulePath: string, module: GeneratedModule, warnings: string[]): Promise<FileStatus> {
  const { tree } = context;
  const display = tree.display(modulePath);
  const existing = tree.read(modulePath) ?? siblingModule(tree, modulePath);
  if (existing !== undefined && (await isGenerated(context, modulePath, module, existing))) return 'unchanged';
  if (existing !== undefined && !context.options.force) {
    if (!exportsDefault(existing, display)) {
      const expected = module.kind === 'legacy' ? 'export default async function createPlugin(env)' : 'export default createBackendPlugin(...)';
      throw new WireError(`${display}: exists but has no default export: expected \`${expected}\` (pass --force to replace it)`);
    }
    warnings.push(`${display}: kept as it is (it differs from what wire-plugin generates; pass --force to replace it)`);
    return 'unchanged';
  }
  const resolved = await resolveModuleFormat(modulePath, context.eol, display, packageJsonOf(context));
  if (resolved.warning) warnings.push(resolved.warning);
  tree.write(modulePath, printGenerated(module, resolved.format));
  return tree.status(modulePath);
}

/** `plugins/<id>/index.ts` or `plugins/<id>.js` also satisfy `import x from './plugins/<id>'`. */
function siblingModule(tree: FileTree, modulePath: string): string | undefined {
  const base = modulePath.replace(/\.ts$/, '');
  for (const candidate of [`${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    const content = tree.read(candidate);
    if (content !== undefined) return content;
  }
  return undefined;
}

function exportsDefault(source: string, display: string): boolean {
  const ast = parseTypeScript(source, display);
  return ast.program.body.some(
    s =>
      s.type === 'ExportDefaultDeclaration' ||
      (s.type === 'ExportNamedDeclaration' && s.specifiers.some(sp => sp.exported.type === 'Identifier' && sp.exported.name === 'default')),
  );
}

/**
 * The range for @backstage/backend-common, which the legacyPlugin bridge
 * needs: `backstage:^` where the backend uses that protocol for Backstage
 * packages, else what the bridged plugin depends on, else the installed version.
 */
function backendCommonRange(context: Context, bridged: PackageInfo, warnings: string[]): string {
  const deps = (context.backendJson.dependencies ?? {}) as Record<string, unknown>;
  if (Object.entries(deps).some(([name, range]) => name.startsWith('@backstage/') && range === 'backstage:^')) return 'backstage:^';
  const fromPlugin = ((bridged.json.dependencies ?? {}) as Record<string, unknown>)[LEGACY_PLUGIN_MODULE];
  if (typeof fromPlugin === 'string' && !fromPlugin.startsWith('workspace:')) return fromPlugin;
  for (const base of [context.backendDir, context.tree.root]) {
    const installed = path.join(base, 'node_modules', '@backstage', 'backend-common', 'package.json');
    if (fs.existsSync(installed)) return `^${JSON.parse(fs.readFileSync(installed, 'utf8')).version}`;
  }
  const atRelease = rangeAtRelease(context, LEGACY_PLUGIN_MODULE, warnings);
  if (atRelease) return atRelease;
  throw new WireError(
    `${context.tree.display(context.backendJsonPath)}: the legacyPlugin bridge needs ${LEGACY_PLUGIN_MODULE}, and no version of it was found (not in the plugin's dependencies, not installed, no backstage.json naming the release): add it to the backend's dependencies, or a backstage.json with your Backstage release`,
  );
}

/**
 * The plugin id each feature registers, read from its code: wiring one that
 * another package the backend loads (added or discovered) registers too
 * would stop the backend at start ("Plugin 'x' is already registered"), so
 * it is refused, naming both; a module of a plugin the backend neither adds
 * nor discovers gets a warning. The warnings, for the report.
 */
function checkPluginIds(context: Context, plugins: readonly Plugin[], forms: readonly WiringForm[], discovery: FeatureDiscovery | undefined): string[] {
  const { backendDir, workspace } = context;
  const wiring = new Set(plugins.map(p => p.pkg.name));
  /** What a package registers: its code's ids, else its metadata's or name's. */
  const registered = (name: string): RegisteredIds => {
    const pkg = workspace.findByName(backendDir, name);
    const found = registeredIds(pkg?.dir);
    if (found.plugins.length || found.modules.length) return found;
    const identity = pkg ? backstageIdentity(name, pkg.json) : identityFromName(name);
    return identity?.role === 'module' ? { plugins: [], modules: [identity.pluginId] } : { plugins: identity ? [identity.pluginId] : [], modules: [] };
  };
  // What the backend loads already: the packages it adds, the ones its discovery loads, the ids it bridges.
  const loaded = new Map<string, string>();
  const backend = newBackendOf(context);
  for (const add of backend?.adds ?? []) {
    if (add.legacyBridge) {
      // A bridge of a plugin this run wires is that plugin's own wiring, not another's.
      if (!plugins.some(p => p.id === add.legacyBridge?.id)) loaded.set(add.legacyBridge.id, `legacyPlugin('${add.legacyBridge.id}', ...) in ${context.indexDisplay}`);
      continue;
    }
    for (const specifier of add.modules) {
      const name = packageOfSpecifier(specifier);
      if (!name || wiring.has(name)) continue;
      for (const id of registered(name).plugins) loaded.set(id, `${name} (added in ${context.indexDisplay})`);
    }
  }
  const dependencies = Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>);
  if (discovery) {
    for (const name of dependencies) {
      if (wiring.has(name) || !discovers(discovery.packages, name, true)) continue;
      const pkg = workspace.findByName(backendDir, name);
      if (!(pkg ? backstageIdentity(name, pkg.json) : identityFromName(name))) continue;
      for (const id of registered(name).plugins) if (!loaded.has(id)) loaded.set(id, `${name} (discovered)`);
    }
  }
  const warnings: string[] = [];
  plugins.forEach((plugin, i) => {
    const own = forms[i] === 'feature' || forms[i] === 'discovered' ? registered(plugin.pkg.name) : { plugins: [plugin.id], modules: [] };
    for (const id of plugin.role === 'module' ? [] : own.plugins) {
      const other = loaded.get(id);
      if (other) {
        throw new WireError(
          `${plugin.pkg.name} registers the plugin id '${id}'${id === plugin.id ? '' : ` in its code (its package.json says ${plugin.id})`}, which ${other} registers too: the backend would stop at start with "Plugin '${id}' is already registered"; remove that one first (wire-plugin ${other.split(' ')[0].startsWith('legacyPlugin') ? id : other.split(' ')[0]} --remove) to use ${plugin.pkg.name}, or leave ${plugin.pkg.name} out`,
        );
      }
      loaded.set(id, plugin.pkg.name);
    }
  });
  plugins.forEach((plugin, i) => {
    // A module by its metadata, or by its code (the RBAC backend 8.x, whose package.json says backend-plugin).
    if (plugin.role !== 'module' && reportedIdentity(plugin, forms[i]).role !== 'module') return;
    for (const id of registered(plugin.pkg.name).modules) {
      if (!loaded.has(id)) warnings.push(`${plugin.pkg.name} is a module of the plugin '${id}', which this backend neither adds nor discovers: it will not run until that plugin is added`);
    }
  });
  return warnings;
}
