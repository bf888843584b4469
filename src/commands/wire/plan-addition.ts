/**
 * Planning the wiring of plugins into the backend: the dependency, the
 * generated module, the index.ts edits of either system or the discovery
 * list, and the plugin-id clashes that refuse it.
 */
import { applyChanges } from '../../../transforms/lib/changes';
import { WireError } from '../../../transforms/lib/errors';
import { backstageIdentity, identityFromName, packageOfSpecifier } from '../../../transforms/lib/package-names';
import { discovers } from '../../../transforms/app-config-packages';
import { PLUGIN_API } from '../../../transforms/generate/plugin-wrapper';
import { FeatureDiscovery } from '../../repo/feature-discovery';
import { RegisteredIds, registeredIds } from '../../repo/registered-ids';
import { planDiscoveryList } from '../../../transforms/app-config-packages';
import { planLegacyWiring } from '../../../transforms/legacy-index';
import { LEGACY_PLUGIN_MODULE, NewBackendForm, planNewBackendWiring } from '../../../transforms/new-backend-index';
import { addRefersTo } from '../../../transforms/analysis/new-backend';
import { planNewBackendRemoval } from '../../../transforms/new-backend-index-remove';
import { DependencyEntry, planDependencies } from '../../../transforms/package-json-dependency';
import { Context, writeIndex, Plugin, newBackendOf, discoveryOf, reportedIdentity, pluginModulePath } from './context';
import { pluginModule, pluginApiRange, writePluginModule, backendCommonRange } from './generated-module';
import { packagesOfPlugin } from './plan-removal';
import { WiringForm, FileReport, PluginReport } from './report';
import { chooseForm } from './forms';
import { planRepeatedAddRemoval } from './repeated-adds';
import { checkPermissionPolicies } from './permission-policies';

export const NEW_BACKEND_FORMS: Partial<Record<WiringForm, NewBackendForm>> = { feature: 'feature', 'legacy-bridge': 'legacy', wrapper: 'wrapper' };

export async function planAddition(context: Context, plugins: Plugin[]): Promise<PluginReport[]> {
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
 * index.ts (and, under feature discovery, app-config.yaml) for new-system
 * wiring. A package that discovery will load gets no `backend.add`: it is
 * added to an `include` list, or taken out of an `exclude` list, where
 * app-config has them; an explicit add of it would fail the start (`Plugin
 * is already registered`) and is taken out. Where app-config sets no
 * `backend.packages`, discovery loads nothing, and the add is written as
 * without discovery. Forms become `discovered` in place.
 */
export function planNewIndexAddition(context: Context, plugins: Plugin[], forms: WiringForm[]): IndexWork[] {
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
  checkPermissionPolicies(context, plugins, forms);
  const explicit = forms.map(form => form !== 'discovered');
  const requests = plugins
    .filter((_, i) => explicit[i])
    .map(p => {
      const i = plugins.indexOf(p);
      // Placed by what its code registers: rbac-backend 8.x, a plugin by its package.json, is a module of permission.
      const registered = reportedIdentity(p, forms[i]);
      const module = registered.role === 'module';
      const pluginOf = registered.id === p.id ? p : { ...p, id: registered.id, pluginPackage: undefined };
      return {
        id: p.id,
        packageName: p.pkg.name,
        form: NEW_BACKEND_FORMS[forms[i]] ?? 'feature',
        subpath: forms[i] === 'feature' ? p.shape.featureSubpath : undefined,
        module,
        follows: module ? packagesOfPlugin(context, pluginOf) : undefined,
      };
    });
  const plan = planNewBackendWiring(indexText, requests, indexDisplay, ast, newBackendOf(context));
  // Discovered and also added: the add goes.
  const duplicates = plugins.filter((p, i) => !explicit[i] && newBackendOf(context)?.adds.some(add => addRefersTo(add, p.pkg.name)));
  const removal = duplicates.length
    ? planNewBackendRemoval(indexText, duplicates.map(p => ({ id: p.id, packageName: p.pkg.name, module: true })), indexDisplay, ast, newBackendOf(context))
    : undefined;
  // Added twice: the later adds go.
  const repeats = plugins.map((p, i) =>
    explicit[i] ? planRepeatedAddRemoval(indexText, indexDisplay, newBackendOf(context), p.pkg.name, registeredName(reportedIdentity(p, forms[i]))) : { changes: [], warnings: [] },
  );
  const edits = [...plan.changes, ...(removal?.changes ?? []), ...repeats.flatMap(r => r.changes)];
  try {
    applyChanges(indexText, edits);
  } catch {
    throw new WireError(`${indexDisplay}: the adds to write and the duplicate adds to take out overlap: wire ${[...duplicates, ...plugins.filter((_, i) => repeats[i].changes.length)].map(p => p.id).join(', ')} in a run of its own`);
  }
  writeIndex(context, edits);

  let config = discovery?.configText;
  for (const [i, plugin] of plugins.entries()) {
    if (explicit[i]) {
      const wired = plan.plugins[requests.findIndex(r => r.packageName === plugin.pkg.name && r.id === plugin.id)];
      const repeated = repeats[i].changes.length > 0;
      work.push({ ...wired, warnings: [...(i === 0 ? notes : []), ...wired.warnings, ...repeats[i].warnings], ...(repeated ? { indexChanged: true } : {}) });
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

/** What a start registers for a plugin or module, as a warning names it. */
function registeredName({ id, role }: { id: string; role: string }): string {
  return role === 'module' ? `a module of plugin '${id}'` : `plugin '${id}'`;
}

/** What wiring did to index.ts (and app-config.yaml) for one plugin. */
export interface IndexWork {
  readonly added: boolean;
  readonly importsPluginModule: boolean;
  readonly warnings: readonly string[];
  /** Under discovery: whether app-config.yaml's package lists changed for it. */
  readonly configChanged?: boolean;
  /** Under discovery: whether index.ts changed for it (a duplicate add taken out). */
  readonly indexChanged?: boolean;
}

/**
 * The plugin id each feature registers, read from its code: wiring one that
 * another package the backend loads (added or discovered) registers too
 * would stop the backend at start ("Plugin 'x' is already registered"), so
 * it is refused, naming both; a module of a plugin the backend neither adds
 * nor discovers gets a warning. The warnings, for the report.
 */
export function checkPluginIds(context: Context, plugins: readonly Plugin[], forms: readonly WiringForm[], discovery: FeatureDiscovery | undefined): string[] {
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
