/**
 * `wire-plugin migrate`: moves a legacy backend (createEnv, useHotMemoize,
 * apiRouter.use) to the new backend system, as Backstage's guide "Migrating
 * your Backend to the New Backend System" does by hand. Reads the legacy
 * index.ts and every plugin module it mounts, decides each plugin's target
 * (its feature, the modules for the template's customisations, or the
 * legacyPlugin bridge), prints the new index.ts, edits package.json, and
 * deletes the files nothing needs any more: all in the file tree, validated,
 * then written all or nothing. Never prints, never exits.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BackendFiles, locateBackend, readBackend } from '../../repo/backend';
import { applyChanges } from '../../../transforms/lib/changes';
import { commitChanges, validateChanges } from '../../commit/commit';
import { WireError } from '../../../transforms/lib/errors';
import { acquireLock, Lock } from '../../commit/lock';
import { LEGACY_BRIDGE_ENVIRONMENT, readPluginEnvironment } from '../../repo/plugin-environment';
import { readPluginShape } from '../../repo/plugin-introspection';
import { BridgeVerdict, legacyPluginVerdict } from '../../repo/backstage-release';
import { readFeatureDiscovery } from '../../repo/feature-discovery';
import { resolveModuleFormat } from '../../commit/format';
import { PLUGIN_API, planPluginWrapper, PluginWrapper, printPluginWrapper } from '../../../transforms/generate/plugin-wrapper';
import { printStartupLogModule, STARTUP_LOG_MODULE } from '../../../transforms/generate/startup-log';
import type { GeneratedStyle } from '../../../transforms/generate/plugin-shell';
import { DISCOVERY_MODULE, printDiscoveryModule } from '../../../transforms/generate/discovery';
import { CONDITIONAL_FEATURES_MODULE, printConditionalFeatures } from '../../../transforms/generate/feature-loader';
import { apiRouterModuleName, apiRouterModuleSpecifier, apiRouterPolicies, printApiRouterModule } from '../../../transforms/generate/api-router';
import { printRootRouterModule, rootRouterName } from '../../../transforms/generate/root-router';
import { printRootHttpRouterModule, ROOT_HTTP_ROUTER_MODULE } from '../../../transforms/generate/root-http-router';
import { stringLiteral } from '../../../transforms/lib/code-style';
import type { ImportDeclaration } from '@babel/types';
import { installCommand } from '../../repo/backend';
import { parseTypeScript } from '../../../transforms/lib/parse';
import { walk } from '../../../transforms/lib/ast';
import { packageOfSpecifier } from '../../../transforms/lib/package-names';
import type { FileChange, FileStatus } from '../../commit/tree';
import { PackageInfo, Workspace } from '../../repo/workspace';
import { analyzeLegacyIndex, LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import { addRefersTo, findNewBackend, NewBackend } from '../../../transforms/analysis/new-backend';
import { planDiscoveryList } from '../../../transforms/app-config-packages';
import type { Node } from '@babel/types';
import { planDependencies, planDependencyRemoval } from '../../../transforms/package-json-dependency';
import { CUSTOMISATION_MODULES, readPluginModule } from './classify-plugin';
import { compareVersions, featureFromRelease, featureFromTable, lowestVersion, versionForRelease } from './feature-table';
import { accountGaps, LegacyStatements, readLegacyStatements, StatementVerdict } from './legacy-statements';
import { bridgedImport, headerOf, NewIndex, printNewIndex } from './print-index';
import { BehaviourEntry, DataIdentity, planDataIdentities } from './behaviour';
import { legacyAccessModuleName, printLegacyAccessModule } from '../../../transforms/generate/legacy-access';
import { ENVIRONMENT_SERVICES, printRootPluginModule, rootPluginModuleName, rootPluginRouterName } from '../../../transforms/generate/root-plugin';
import { readEnvironmentUse } from './classify-plugin';
import { backstageIdentity, identityFromName } from '../../../transforms/lib/package-names';
import type { PluginMount } from './legacy-statements';

export interface MigrateOptions {
  readonly cwd?: string;
  readonly backend?: string;
  /** Ranges for packages the migration adds, when neither node_modules nor the release table has them. */
  readonly versions?: Readonly<Record<string, string>>;
}

/**
 * `feature`: `backend.add(import(pkg))`; `module`: the feature and the
 * modules for the template's customisations; `bridge`: `legacyPlugin` (up to
 * Backstage 1.31); `wrapper`: the plugin's module rewritten as a new-system
 * plugin, `backend.add(import('./plugins/<id>'))` (after 1.31, where
 * legacyPlugin does not run).
 */
export type MigrationTarget = 'feature' | 'module' | 'bridge' | 'wrapper';

export interface MigratedPlugin {
  /** The route it had (`catalog`; `app` for the one mounted at the service root). */
  readonly id: string;
  /** The legacy module it was mounted from (`./plugins/catalog`). */
  readonly module: string;
  /** The module's export it was imported by, when not the default (`import { auth } from './plugins/auth'`). */
  readonly exportName?: string;
  /** The config condition it was mounted under, as written: a feature loader yields it under the same one. */
  readonly condition?: string;
  readonly package: string | null;
  readonly target: MigrationTarget;
  /** What `backend.add(...)` gets for it, in order. */
  readonly adds: readonly string[];
  /** What the decision rests on: the installed package, the table shipped with wire-plugin, or the module's code alone. */
  readonly decidedBy: 'installed' | 'table' | 'module';
  readonly reason: string;
}

export interface MigrationReport {
  readonly root: string;
  readonly backend: string;
  /** The system found before the run. */
  readonly system: 'legacy' | 'new';
  /** True when the backend is on the new system already: nothing to do. */
  readonly alreadyMigrated: boolean;
  readonly plugins: readonly MigratedPlugin[];
  readonly carried: readonly StatementVerdict[];
  readonly replaced: readonly StatementVerdict[];
  /** Statements the migration cannot carry: a run with any writes nothing and exits 2. */
  readonly refused: readonly string[];
  readonly dependencies: { readonly added: readonly { name: string; range: string }[]; readonly removed: readonly string[] };
  /** Customisations translated into generated code: what, from which lines, into which file. */
  readonly translations: readonly MigrationTranslation[];
  /** Each kept or changed behaviour (access, URL, data), one entry each: what keeps it, or what changed on purpose. */
  readonly behaviour: readonly BehaviourEntry[];
  readonly files: readonly { path: string; status: FileStatus }[];
  readonly warnings: readonly string[];
  readonly changed: boolean;
  readonly written: boolean;
  readonly nextStep?: string;
}

export interface MigrationTranslation {
  /**
   * `startup-log`: main()'s log lines on the root logger, written by a generated plugin at startup;
   * `api-router`: routers of the app's own on the api router, served by a generated plugin at the same URLs;
   * `api-router-module`: the same under a plugin's own path (`/api/catalog/extra`), served by a module of that plugin;
   * `root-router`: a router the service builder mounted at a root path, served by coreServices.rootHttpRouter there;
   * `root-handler`: handlers the service builder mounted at '', in rootHttpRouterServiceFactory's configure;
   * `discovery`: a discovery of the app's own class made from config, as a coreServices.discovery service factory;
   * `feature-loader`: plugins mounted under config conditions, yielded by createBackendFeatureLoader under the same ones;
   * `root-plugin`: a plugin module the service builder mounted outside /api, run under its createEnv id and served at the same path;
   * `legacy-access`: a module of a plugin kept on its legacy code, opening its routes to requests without credentials as before.
   */
  readonly kind: 'startup-log' | 'api-router' | 'api-router-module' | 'root-router' | 'root-handler' | 'discovery' | 'feature-loader' | 'root-plugin' | 'legacy-access';
  /** The index.ts lines it came from. */
  readonly lines: readonly number[];
  /** The generated file, relative to the root. */
  readonly file: string;
  /** The auth policies the generated code adds, if any (comma-separated). */
  readonly authPolicy: string | null;
}

export interface MigrationPlan {
  readonly report: MigrationReport;
  readonly changes: readonly FileChange[];
}

/** Thrown by `migrateBackend` when statements were refused; `refusals` holds one `file:LINE: code: why` line each. */
export class MigrationRefused extends WireError {
  constructor(readonly refusals: readonly string[]) {
    super(refusals[0] ?? 'migration refused');
    this.name = 'MigrationRefused';
  }
}

const DEFAULTS_PACKAGE = '@backstage/backend-defaults';
const COMMON_PACKAGE = '@backstage/backend-common';

interface Context {
  readonly files: BackendFiles;
  readonly workspace: Workspace;
  readonly options: MigrateOptions;
  readonly release?: string;
  readonly warnings: string[];
  /** Whether legacyPlugin runs on the repo's release (else legacy-only plugins get a wrapper). */
  readonly bridge: BridgeVerdict;
}


/** Computes the whole migration, writing nothing. Refusals are in the report; `migrateBackend` turns them into an error. */
export async function planMigration(options: MigrateOptions = {}): Promise<MigrationPlan> {
  const location = locateBackend(options);
  let files: BackendFiles;
  try {
    files = readBackend(location, 'auto');
  } catch (error) {
    // A backend from before the api router (plugins at /<id> on the service builder): refused by each such line.
    const refused = error instanceof WireError ? preApiRouterMounts(location.backendDir, location.root) : [];
    if (!refused.length) throw error;
    const { root, backend } = location;
    const report: MigrationReport = { root, backend, plugins: [], carried: [], replaced: [], dependencies: { added: [], removed: [] }, translations: [], behaviour: [], warnings: [], written: false, system: 'legacy', alreadyMigrated: false, refused, files: [], changed: false };
    return { report, changes: [] };
  }
  const { tree, root, backend } = files;
  const base = { root, backend, plugins: [], carried: [], replaced: [], dependencies: { added: [], removed: [] }, translations: [], behaviour: [], warnings: [], written: false };
  let index = files.legacy as LegacyIndex;
  /** A half-migrated index.ts: the new backend already there, kept as it is, with the legacy part migrated into it. */
  let existing: NewBackend | undefined;
  if (files.system === 'new') {
    const legacy = analyzeLegacyIndex(files.ast, files.indexText);
    if ('kind' in legacy) {
      const report: MigrationReport = { ...base, system: 'new', alreadyMigrated: true, refused: [], files: [], changed: false };
      return { report, changes: [] };
    }
    existing = findNewBackend(files.ast, files.indexText);
    if (!existing || existing.container !== files.ast.program || !existing.start) {
      // A new backend inside a function (or without its start) beside an api router: say which legacy lines stand in the way.
      const refused = halfMigratedLines(files, legacy);
      return { report: { ...base, system: 'new', alreadyMigrated: false, refused, files: [], changed: false }, changes: [] };
    }
    index = legacy;
  }
  const context: Context = {
    files,
    workspace: new Workspace(root, [[files.backendJsonPath, files.backendJson]]),
    options,
    release: readRelease(files),
    warnings: [],
    bridge: legacyPluginVerdict(root, files.backendDir),
  };
  const statements = readLegacyStatements(files.ast, files.indexText, index, existing);
  // Nothing is dropped unseen: every statement and service-builder call has exactly one fate.
  const gaps = accountGaps(files.ast, files.indexText, index, statements);
  if (gaps.length) {
    throw new WireError(`${files.indexDisplay}: migrate could not account for ${gaps.map(gap => `line ${gap}`).join('; ')}; nothing was written (this is a wire-plugin bug)`);
  }
  const refused = statements.refused.map(r => `${files.indexDisplay}:${r.line}: ${r.code}: ${r.why}`);

  // Each mounted plugin: its target, and the files it keeps or frees.
  const plugins: MigratedPlugin[] = [];
  const deletions: string[] = [];
  const keptModules: string[] = [];
  const addedPackages = new Map<string, string>();
  const environment = pluginEnvironmentFields(files);
  /** Plugins mounted under a config condition: yielded by a feature loader instead of added by index.ts. */
  const conditionOf = new Map<MigratedPlugin, { test: Node; line: number }>();
  /** Plugin modules the service builder mounted outside /api (not the app): kept at their paths on the root router. */
  const rootMounts: PluginMount[] = [];
  /** Each migrated plugin's mount: its line, and the createEnv id its data was kept under. */
  const mountOf = new Map<string, PluginMount>();
  const keptUrls: BehaviourEntry[] = [];
  for (const mount of orderedMounts(statements)) {
    if (mount.rootPath !== undefined && !isAppMount(context, mount)) {
      rootMounts.push(mount);
      continue;
    }
    const decided = await decidePlugin(context, mount.module, mount.route || mount.envId || path.basename(mount.module), environment, mount.line, mount.exportName);
    if (decided.refusal) {
      refused.push(decided.refusal);
      continue;
    }
    const plugin: MigratedPlugin = mount.condition
      ? {
          ...decided.plugin,
          condition: files.indexText.slice(mount.condition.test.start ?? 0, mount.condition.test.end ?? 0),
          reason: `${decided.plugin.reason}; under the condition of line ${mount.condition.line}, in a feature loader`,
        }
      : decided.plugin;
    if (mount.condition) conditionOf.set(plugin, mount.condition);
    mountOf.set(plugin.id, mount);
    if (decided.keptUrl) keptUrls.push({ kind: 'url', plugin: plugin.id, source: `${files.indexDisplay}:${mount.line}`, kept: true, change: decided.keptUrl });
    plugins.push(plugin);
    const kept = decided.plugin.target === 'bridge' || decided.plugin.target === 'wrapper';
    if (decided.modulePath) (kept ? keptModules : deletions).push(decided.modulePath);
    if (decided.modulePath && decided.wrapper) {
      const display = tree.display(decided.modulePath);
      const { format } = await resolveModuleFormat(decided.modulePath, files.eol, display, file => context.workspace.packageJson(file));
      tree.write(decided.modulePath, printPluginWrapper(decided.wrapper, format));
    }
    for (const [name, range] of decided.packages) addedPackages.set(name, range);
  }
  // A module two plugins share (named exports) stays while either keeps it.
  for (let i = deletions.length - 1; i >= 0; i--) if (keptModules.includes(deletions[i])) deletions.splice(i, 1);
  if (plugins.some(p => p.target === 'bridge')) addedPackages.set(COMMON_PACKAGE, '');
  addedPackages.set(DEFAULTS_PACKAGE, '');

  // Into a half-migrated backend: what it adds already is not added again, and what its feature discovery loads gets its dependency only.
  let configPath: string | undefined;
  if (existing) {
    const backendNow = existing;
    const discovery = readFeatureDiscovery(tree, root, backendNow);
    const discovers = discovery !== undefined && discovery.packages.kind !== 'none';
    let config = discovery?.configText;
    for (const [i, plugin] of plugins.entries()) {
      const already = backendNow.adds.some(add => (add.legacyBridge && add.legacyBridge.id === plugin.id) || plugin.adds.some(specifier => addRefersTo(add, specifier)));
      if (already) {
        plugins[i] = { ...plugin, adds: [], reason: `${plugin.reason}; ${files.indexDisplay} adds it already` };
        continue;
      }
      if (!discovers || (plugin.target !== 'feature' && plugin.target !== 'module') || !discovery) continue;
      for (const specifier of plugin.adds) {
        const name = packageOfSpecifier(specifier);
        if (name && config !== undefined) config = applyChanges(config, planDiscoveryList(config, tree.display(discovery.configPath), name).changes);
      }
      plugins[i] = { ...plugin, adds: [], reason: `${plugin.reason}; discovered (${discovery.form}, backend.packages in app-config.yaml): the dependency only` };
    }
    if (discovery && config !== undefined && config !== discovery.configText) {
      tree.write(discovery.configPath, config);
      configPath = discovery.configPath;
    }
  }

  // Translations: generated modules for what the new system has a home for.
  // Each printed in index.ts's own quotes, semicolons, indentation and line endings.
  const generatedStyle: GeneratedStyle = { quote: index.style.quote, semicolons: index.style.semicolons, unit: indentUnit(files.indexText), eol: index.style.eol };
  const translations: MigrationTranslation[] = [];
  const generated: string[] = [];
  const generatedAdds: string[] = [];
  const behaviour: BehaviourEntry[] = [...keptUrls];
  const at = (line: number): string => `${files.indexDisplay}:${line}`;

  // Access: a plugin kept on its legacy code answered without credentials, and keeps doing so through a module of it.
  /** The access module each such plugin gets, by plugin: added right after it (or yielded with it). */
  const accessOf = new Map<MigratedPlugin, string>();
  for (const plugin of plugins) {
    const mount = mountOf.get(plugin.id) as PluginMount;
    if (plugin.target === 'feature' || plugin.target === 'module') {
      {
        behaviour.push({
          kind: 'access',
          plugin: plugin.id,
          source: at(mount.line),
          kept: false,
          change: `its feature (${plugin.package}) brings its package's own auth policies: its routes now ask for user or service credentials except those the package opens itself${plugin.id === 'auth' || plugin.id === 'app' ? ' (it opens its public routes itself)' : ''}; a script that called /api/${plugin.id} without a token needs a token of backend.auth.externalAccess`,
        });
      }
      continue;
    }
    if (!plugin.adds.length) continue;
    const name = legacyAccessModuleName(plugin.id);
    const modulePath = path.join(files.backendDir, 'src', 'modules', `${name}.ts`);
    const display = tree.display(modulePath);
    if (tree.read(modulePath) !== undefined) {
      refused.push(`${at(mount.line)}: ${plugin.id}: ${display} exists already: wire-plugin would keep the plugin open to requests without credentials there; move or remove it, then run migrate again`);
      continue;
    }
    tree.write(modulePath, printLegacyAccessModule({ pluginId: plugin.id, line: mount.line }, generatedStyle));
    generated.push(modulePath);
    accessOf.set(plugin, `./modules/${name}`);
    translations.push({ kind: 'legacy-access', lines: [mount.line], file: display, authPolicy: "{ path: '/', allow: 'unauthenticated' }" });
    behaviour.push({
      kind: 'access',
      plugin: plugin.id,
      source: at(mount.line),
      kept: true,
      change: `kept open to requests without credentials, as the legacy api router served it: ${display} adds an unauthenticated auth policy for the whole plugin; delete it and its backend.add to ask for credentials (the new default)`,
    });
    addedPackages.set(PLUGIN_API, pluginApiRange(context));
  }

  // URLs: a plugin module mounted outside /api stays at its path, run under its createEnv id.
  const rootPluginHandlers: { text: string; importLine: string; line: number; afterApi: boolean }[] = [];
  for (const mount of rootMounts) {
    const planned = planRootPlugin(context, index, mount, plugins, generatedStyle);
    if ('refusal' in planned) {
      refused.push(planned.refusal);
      continue;
    }
    tree.write(planned.modulePath, planned.text);
    generated.push(planned.modulePath);
    generatedAdds.push(planned.specifier);
    if (planned.handler) rootPluginHandlers.push(planned.handler);
    const display = tree.display(planned.modulePath);
    translations.push({ kind: 'root-plugin', lines: [mount.line], file: display, authPolicy: null });
    const where = mount.rootPath ? mount.rootPath : "'' (the service root)";
    behaviour.push({
      kind: 'url',
      plugin: planned.pluginId,
      source: at(mount.line),
      kept: true,
      change: `kept at ${where}, outside /api and with no credentials check: ${display} runs it under its createEnv id ${planned.pluginId} and serves its router ${mount.rootPath ? 'there with coreServices.rootHttpRouter' : "through the root HTTP router's configure"}`,
    });
    addedPackages.set(PLUGIN_API, pluginApiRange(context));
    if (planned.adapters) addedPackages.set(COMMON_PACKAGE, '');
  }
  if (statements.startupLog.length) {
    const modulePath = path.join(files.backendDir, 'src', 'modules', 'startup-log.ts');
    const display = tree.display(modulePath);
    if (tree.read(modulePath) !== undefined) {
      refused.push(`${files.indexDisplay}:${statements.startupLog[0].line}: ${display} exists already: wire-plugin would write the startup log lines there; move or remove it, then run migrate again`);
    } else {
      tree.write(modulePath, printStartupLogModule({ lines: statements.startupLog }, generatedStyle));
      generated.push(modulePath);
      generatedAdds.push(STARTUP_LOG_MODULE);
      translations.push({ kind: 'startup-log', lines: statements.startupLog.map(l => l.line), file: display, authPolicy: null });
      addedPackages.set(PLUGIN_API, pluginApiRange(context));
    }
  }

  // Routers on the api router, grouped by first segment: one generated plugin (or module of the plugin with that id) each.
  const bySegment = new Map<string, LegacyStatements['apiRouters'][number][]>();
  for (const mount of statements.apiRouters) bySegment.set(mount.segment, [...(bySegment.get(mount.segment) ?? []), mount]);
  for (const [segment, mounts] of bySegment) {
    const moduleOfPlugin = plugins.some(p => p.id === segment);
    const code = (mount: { segment: string; rest: string }): string => `apiRouter.use('/${mount.segment}${mount.rest}', ...)`;
    const atPluginRoot = moduleOfPlugin ? mounts.filter(m => m.rest === '') : [];
    for (const mount of atPluginRoot) {
      refused.push(`${files.indexDisplay}:${mount.line}: ${code(mount)}: /api/${segment} is also the path of the plugin '${segment}', and a module of it could open this router's routes only by opening the plugin's own: move the router into that plugin by hand, or mount it at a deeper path (/${segment}/<name>)`);
    }
    if (atPluginRoot.length) continue;
    const name = apiRouterModuleName(segment, moduleOfPlugin);
    const modulePath = path.join(files.backendDir, 'src', 'modules', `${name}.ts`);
    const display = tree.display(modulePath);
    if (tree.read(modulePath) !== undefined) {
      refused.push(`${files.indexDisplay}:${mounts[0].line}: ${code(mounts[0])}: ${display} exists already: move or remove it, then run migrate again`);
      continue;
    }
    const direct = mounts.length === 1 && mounts[0].rest === '';
    const handlerNames = new Set(mounts.flatMap(m => m.imports.flatMap(i => i.names)));
    const declarations = [...new Set(mounts.flatMap(m => m.imports.map(i => i.declaration)))];
    const imports = declarations.map(declaration =>
      reprintImport(files, declaration as ImportDeclaration, mounts.flatMap(m => m.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)), path.dirname(modulePath), index.style.quote, index.style.semicolons),
    );
    let router: { importLine: string; call: string } | undefined;
    if (!direct) {
      // A router that mounts each handler at the rest of its path: made as the legacy api router was (`Router()` of its import).
      const factory = routerFactory(index);
      if (!factory || handlerNames.has(factory.call) || handlerNames.has('router')) {
        refused.push(`${files.indexDisplay}:${mounts[0].line}: ${code(mounts[0])}: a deeper mount path needs a router to mount it on, and ${factory ? `the name ${handlerNames.has('router') ? 'router' : factory.call} is the handler's own` : "the api router is not made by an imported Router()"}: mount it at /${segment} only, or move it into a backend plugin by hand`);
        continue;
      }
      router = { importLine: reprintImport(files, factory.declaration, [factory.call], path.dirname(modulePath), index.style.quote, index.style.semicolons), call: factory.call };
    }
    const mountTexts = mounts.map(m => ({ rest: m.rest, handler: files.indexText.slice(m.handler.start ?? 0, m.handler.end ?? 0), line: m.line }));
    tree.write(modulePath, printApiRouterModule({ segment, imports, mounts: mountTexts, router, moduleOfPlugin }, generatedStyle));
    generated.push(modulePath);
    generatedAdds.push(apiRouterModuleSpecifier(segment, moduleOfPlugin));
    translations.push({ kind: moduleOfPlugin ? 'api-router-module' : 'api-router', lines: mounts.map(m => m.line), file: display, authPolicy: apiRouterPolicies(mounts).join(', ') });
    for (const mount of mounts) {
      behaviour.push({
        kind: 'access',
        plugin: segment,
        source: at(mount.line),
        kept: true,
        change: `/api/${segment}${mount.rest}, a router of the app's own, is kept at the same URL and open to requests without credentials: ${display} adds an unauthenticated auth policy for ${mount.rest || '/'}; delete that policy to ask for credentials`,
      });
    }
    addedPackages.set(PLUGIN_API, pluginApiRange(context));
  }

  for (const mount of statements.rootRouters) {
    const name = rootRouterName(mount.path);
    const modulePath = path.join(files.backendDir, 'src', 'modules', `${name}.ts`);
    const display = tree.display(modulePath);
    if (tree.read(modulePath) !== undefined || plugins.some(p => p.id === name)) {
      refused.push(`${files.indexDisplay}:${mount.line}: .addRouter('${mount.path}', ...): ${display} exists already (or a plugin is named ${name}): move or remove it, then run migrate again`);
      continue;
    }
    const imports = mount.imports.map(({ declaration, names }) => reprintImport(files, declaration as ImportDeclaration, names, path.dirname(modulePath), index.style.quote, index.style.semicolons));
    const handler = files.indexText.slice(mount.handler.start ?? 0, mount.handler.end ?? 0);
    tree.write(modulePath, printRootRouterModule({ path: mount.path, imports, handler, line: mount.line }, generatedStyle));
    generated.push(modulePath);
    generatedAdds.push(`./modules/${name}`);
    translations.push({ kind: 'root-router', lines: [mount.line], file: display, authPolicy: null });
    behaviour.push({ kind: 'url', plugin: name, source: at(mount.line), kept: true, change: `kept at ${mount.path}, outside /api and with no credentials check: ${display} mounts it there with coreServices.rootHttpRouter` });
    addedPackages.set(PLUGIN_API, pluginApiRange(context));
  }

  if (statements.discovery) {
    const found = statements.discovery;
    const modulePath = path.join(files.backendDir, 'src', 'modules', 'discovery.ts');
    const display = tree.display(modulePath);
    if (tree.read(modulePath) !== undefined) {
      refused.push(`${files.indexDisplay}:${found.line}: const discovery = ...: ${display} exists already: move or remove it, then run migrate again`);
    } else {
      const imports = found.imports.map(({ declaration, names }) => reprintImport(files, declaration as ImportDeclaration, names, path.dirname(modulePath), index.style.quote, index.style.semicolons));
      const expression = files.indexText.slice(found.expression.start ?? 0, found.expression.end ?? 0);
      tree.write(modulePath, printDiscoveryModule({ expression, configName: found.configName, imports, line: found.line }, generatedStyle));
      generated.push(modulePath);
      generatedAdds.push(DISCOVERY_MODULE);
      translations.push({ kind: 'discovery', lines: [found.line], file: display, authPolicy: null });
      addedPackages.set(PLUGIN_API, pluginApiRange(context));
    }
  }

  if (conditionOf.size) {
    const modulePath = path.join(files.backendDir, 'src', 'modules', 'conditional-features.ts');
    const display = tree.display(modulePath);
    const lines = [...new Set([...conditionOf.values()].map(c => c.line))];
    const apiVersion = featureLoaderApiVersion(context);
    if (!apiVersion.supported) {
      for (const line of lines) {
        refused.push(`${files.indexDisplay}:${line}: if (...): plugins under a config condition move into createBackendFeatureLoader, which @backstage/backend-plugin-api has from 0.8.0 (Backstage 1.30) on, and this backend has ${apiVersion.found}: upgrade to Backstage 1.30 or later first, then run migrate again, or add these plugins by hand`);
      }
    } else if (tree.read(modulePath) !== undefined) {
      refused.push(`${files.indexDisplay}:${lines[0]}: if (...): ${display} exists already: move or remove it, then run migrate again`);
    } else if (existing && (readFeatureDiscovery(tree, root, existing)?.packages.kind ?? 'none') !== 'none') {
      refused.push(`${files.indexDisplay}:${lines[0]}: if (...): this backend discovers its features (backend.packages), which would load these plugins whatever the condition: exclude them in app-config and add them by hand with createBackendFeatureLoader`);
    } else {
      const q = index.style.quote;
      const conditions: { test: string; line: number; yields: string[] }[] = [];
      // The loader is in src/modules/: index.ts's `./plugins/x` is `../plugins/x` from there.
      const fromModules = (specifier: string): string => (specifier.startsWith('./') ? `.${specifier}` : specifier);
      for (const [plugin, condition] of conditionOf) {
        let entry = conditions.find(c => c.line === condition.line);
        if (!entry) {
          entry = { test: files.indexText.slice(condition.test.start ?? 0, condition.test.end ?? 0), line: condition.line, yields: [] };
          conditions.push(entry);
        }
        if (plugin.target === 'bridge') entry.yields.push(`legacyPlugin(${stringLiteral(plugin.id, q)}, ${bridgedImport(fromModules(plugin.module), plugin.exportName, q)})`);
        else entry.yields.push(...plugin.adds.map(specifier => `import(${stringLiteral(fromModules(specifier), q)})`));
        const access = accessOf.get(plugin);
        if (access) entry.yields.push(`import(${stringLiteral(access.replace(/^\.\/modules\//, './'), q)})`);
      }
      const bridges = [...conditionOf.keys()].some(p => p.target === 'bridge');
      tree.write(modulePath, printConditionalFeatures({ configName: statements.configName ?? 'config', conditions, bridges }, generatedStyle));
      generated.push(modulePath);
      generatedAdds.push(CONDITIONAL_FEATURES_MODULE);
      translations.push({ kind: 'feature-loader', lines, file: display, authPolicy: null });
      addedPackages.set(PLUGIN_API, pluginApiRange(context));
    }
  }

  if (statements.rootHandlers.length || rootPluginHandlers.length) {
    const modulePath = path.join(files.backendDir, 'src', 'modules', 'root-http-router.ts');
    const display = tree.display(modulePath);
    const lines = [...statements.rootHandlers.map(h => h.line), ...rootPluginHandlers.map(h => h.line)].sort((a, b) => a - b);
    if (tree.read(modulePath) !== undefined) {
      refused.push(`${files.indexDisplay}:${lines[0]}: .addRouter('', ...): ${display} exists already: move or remove it, then run migrate again`);
    } else {
      const imports = [
        ...new Map(
          statements.rootHandlers.flatMap(h => h.imports).map(({ declaration }) => [
            declaration,
            reprintImport(files, declaration as ImportDeclaration, statements.rootHandlers.flatMap(h => h.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)), path.dirname(modulePath), index.style.quote, index.style.semicolons),
          ]),
        ).values(),
        ...rootPluginHandlers.map(h => h.importLine),
      ];
      const handlers = [
        ...statements.rootHandlers.map(h =>
          h.apiPrefix !== undefined || !h.handler
            ? { apiPrefix: h.apiPrefix ?? '', line: h.line, afterApi: h.afterApi }
            : { text: files.indexText.slice(h.handler.start ?? 0, h.handler.end ?? 0), line: h.line, afterApi: h.afterApi },
        ),
        ...rootPluginHandlers.map(({ text, line, afterApi }) => ({ text, line, afterApi })),
      ].sort((a, b) => a.line - b.line);
      tree.write(modulePath, printRootHttpRouterModule({ handlers, imports }, generatedStyle));
      generated.push(modulePath);
      generatedAdds.push(ROOT_HTTP_ROUTER_MODULE);
      translations.push({ kind: 'root-handler', lines, file: display, authPolicy: null });
      for (const handler of statements.rootHandlers) {
        behaviour.push({
          kind: 'url',
          plugin: 'root-http-router',
          source: at(handler.line),
          kept: true,
          change:
            handler.apiPrefix !== undefined
              ? `the plugin routes are served under ${handler.apiPrefix} too, as the api router mounted there was: ${display} hands those requests to them`
              : `a handler at '' keeps seeing every request ${handler.afterApi ? 'the plugins do not answer' : 'before the plugins'}: ${display} mounts it in the root HTTP router's configure`,
        });
      }
    }
  }

  // Data: a plugin whose id changes keeps the database its createEnv id had.
  const identities: DataIdentity[] = [];
  for (const plugin of plugins) {
    const mount = mountOf.get(plugin.id) as PluginMount;
    const newId = plugin.target === 'feature' || plugin.target === 'module' ? pluginIdOfPackage(context, plugin.package) : plugin.id;
    if (mount.envId && newId && newId !== mount.envId) identities.push({ plugin: plugin.id, oldId: mount.envId, newId, source: at(mount.line) });
  }
  const data = planDataIdentities(tree, root, identities);
  refused.push(...data.refused);
  behaviour.push(...data.behaviour);

  // index.ts
  const style = index.style;
  const header = headerOf(files.indexText, files.ast.program.body[0]);
  const newIndex = printNewIndex(
    files.indexText,
    header,
    {
      adds: plugins.filter(p => !conditionOf.has(p)).flatMap((p): NewIndex['adds'] => [
        ...(p.target === 'bridge' ? (p.adds.length ? [{ bridge: p.id, module: p.module, exportName: p.exportName }] : []) : p.adds.map(specifier => ({ import: specifier }))),
        ...(accessOf.has(p) ? [{ import: accessOf.get(p) as string }] : []),
      ]).concat(generatedAdds.map(specifier => ({ import: specifier }))),
      bridges: plugins.some(p => p.target === 'bridge' && p.adds.length > 0 && !conditionOf.has(p)),
      existingBackend: existing && { name: existing.name, start: existing.start as Node },
      carriedImports: statements.carriedImports,
      carried: statements.carried.map(c => c.node),
    },
    {
      ...style,
      unit: indentUnit(files.indexText),
      trailingComma: index.envDeclarations.some(env => env.multiline) ? index.envDeclarations.some(env => env.trailingComma) : true,
      finalNewline: /\n$/.test(files.indexText),
    },
  );
  tree.write(files.indexPath, newIndex);
  for (const file of deletions) tree.delete(file);

  // types.ts goes when nothing left imports it.
  const typesPath = path.join(files.backendDir, 'src', 'types.ts');
  if (tree.read(typesPath) !== undefined && !remainingFilesImport(context, typesPath)) tree.delete(typesPath);

  // package.json: what the new index needs, minus what nothing imports any more.
  const dependencies = (files.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const toAdd: { name: string; range: string }[] = [];
  for (const [name, known] of addedPackages) {
    if (name in dependencies) continue;
    const range = known || versionFor(context, name);
    if (range === undefined) {
      refused.push(
        `${tree.display(files.backendJsonPath)}: ${name}: no version known for it (not installed; backstage.json's release ${context.release ?? '(none)'} is not in wire-plugin's table): pass --version ${name}@<range>`,
      );
      continue;
    }
    toAdd.push({ name, range });
  }
  // The generated modules are not on disk yet: what they import counts as still imported.
  const removable = removableDependencies(context, deletions, [...keptModules, ...generated], newIndex, new Set([...addedPackages.keys()]));
  let jsonText = files.backendJsonText;
  const display = tree.display(files.backendJsonPath);
  if (removable.length) jsonText = applyChanges(jsonText, planDependencyRemoval(jsonText, display, removable).changes);
  if (toAdd.length) jsonText = applyChanges(jsonText, planDependencies(jsonText, display, toAdd).changes);
  tree.write(files.backendJsonPath, jsonText);

  const changes = tree.changes();
  validateChanges(changes);
  const touched = [files.backendJsonPath, files.indexPath, ...(configPath ? [configPath] : []), ...data.written, ...generated, ...deletions, typesPath];
  const report: MigrationReport = {
    ...base,
    system: 'legacy',
    alreadyMigrated: false,
    plugins,
    carried: statements.carried.map(({ line, code }) => ({ line, code })),
    replaced: statements.replaced,
    refused,
    dependencies: { added: toAdd, removed: removable },
    translations,
    behaviour,
    files: [...new Set(touched)].filter(file => tree.status(file) !== 'unchanged' || file === files.backendJsonPath || file === files.indexPath).map(file => ({ path: tree.display(file), status: tree.status(file) })),
    warnings: context.warnings,
    changed: changes.length > 0,
    nextStep: toAdd.length ? installCommand(root) : undefined,
  };
  return { report, changes };
}

/** Writes a plan, all or nothing; refuses (nothing written) when the plan refused any statement. */
export function applyMigration(plan: MigrationPlan): MigrationReport {
  if (plan.report.refused.length) throw new MigrationRefused(plan.report.refused);
  commitChanges(plan.changes);
  return { ...plan.report, written: plan.changes.length > 0 };
}

/** Takes the backend's lock for a run that writes. */
export async function lockForMigration(options: MigrateOptions, timeoutMs?: number): Promise<Lock> {
  const location = locateBackend(options);
  return acquireLock(location.backendDir, location.backend, timeoutMs);
}

/** Plans and, unless `dryRun`, writes, holding the backend's lock: the whole job. */
export async function migrateBackend(options: MigrateOptions & { dryRun?: boolean }): Promise<MigrationReport> {
  if (options.dryRun) {
    const plan = await planMigration(options);
    if (plan.report.refused.length) throw new MigrationRefused(plan.report.refused);
    return plan.report;
  }
  const lock = await lockForMigration(options);
  try {
    return applyMigration(await planMigration(options));
  } finally {
    lock.release();
  }
}

/** Mounts on the service root (the app plugin) first, then the api router's in the order they were mounted. */
function orderedMounts(statements: LegacyStatements): LegacyStatements['mounts'] {
  return [...statements.mounts].sort((a, b) => Number(a.route !== '') - Number(b.route !== '') || a.line - b.line);
}

function readRelease(files: BackendFiles): string | undefined {
  const text = files.tree.read(path.join(files.root, 'backstage.json'));
  if (text === undefined) return undefined;
  try {
    const version = JSON.parse(text).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

function indentUnit(source: string): string {
  if (/^\t/m.test(source)) return '\t';
  const indented = /^( +)\S/m.exec(source.replace(/^\s*\*.*$/gm, ''));
  return indented ? indented[1] : '  ';
}

/** The fields of PluginEnvironment beyond what legacyPlugin provides: a bridged module that reads one is reported. */
function pluginEnvironmentFields(files: BackendFiles): readonly string[] {
  const typesPath = path.join(files.backendDir, 'src', 'types.ts');
  const text = files.tree.read(typesPath);
  return (text === undefined ? undefined : readPluginEnvironment(text, files.tree.display(typesPath))) ?? [];
}

interface Decision {
  readonly plugin: MigratedPlugin;
  /** A legacy-only plugin past 1.31: the module's new text, a new-system plugin. */
  readonly wrapper?: PluginWrapper;
  /** Why the plugin cannot be migrated (`file:LINE: ...`): a legacy-only plugin past 1.31 with no wrapper to give it. */
  readonly refusal?: string;
  /** The module file (`src/plugins/x.ts`), deleted unless bridged. */
  readonly modulePath?: string;
  /** Packages the new index imports for it, with a range where one is known already ('' otherwise). */
  readonly packages: ReadonlyMap<string, string>;
  /** Why the plugin stays on its legacy code to keep its URL, where its feature would move it. */
  readonly keptUrl?: string;
}

/** Finds a package in the workspace or node_modules. */
function installed(context: Context, name: string): PackageInfo | undefined {
  return context.workspace.findByName(context.files.backendDir, name);
}

/** Where a package's feature is: from the installed package, else the table by the backend's range; undefined when unknown. */
async function featureOf(context: Context, name: string): Promise<{ subpath?: string; decidedBy: 'installed' | 'table'; version?: string }> {
  const pkg = installed(context, name);
  if (pkg?.dir) {
    const shape = await readPluginShape(pkg.dir, pkg.json);
    return { subpath: shape.feature ? shape.featureSubpath ?? '' : undefined, decidedBy: 'installed', version: pkg.version };
  }
  const declared = ((context.files.backendJson.dependencies ?? {}) as Record<string, unknown>)[name];
  const range = typeof declared === 'string' ? declared : versionFor(context, name);
  const version = range ? lowestVersion(range) : undefined;
  // A range without a version (`backstage:^`): the release in backstage.json says where.
  const subpath = version ? featureFromTable(name, version) : featureFromRelease(name, context.release);
  return { subpath, decidedBy: 'table', version };
}

async function decidePlugin(context: Context, specifier: string, id: string, environment: readonly string[], line: number, exportName?: string): Promise<Decision> {
  const { files } = context;
  const base = path.resolve(path.dirname(files.indexPath), specifier).replace(/\.[jt]s$/, '');
  const candidates = [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')];
  const modulePath = candidates.find(file => files.tree.read(file) !== undefined);
  const bridgeDecision = (reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Decision => ({
    plugin: { id, module: specifier, ...(exportName ? { exportName } : {}), package: packageName ?? null, target: 'bridge', adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, exportName, "'")})`], decidedBy, reason },
    modulePath,
    packages: new Map(),
  });
  // Past 1.31 legacyPlugin does not run: a template module of a legacy-only package becomes its wrapper; anything else is refused.
  let stockPackage: string | undefined;
  const bridge = async (reason: string, decidedBy: MigratedPlugin['decidedBy'], packageName?: string): Promise<Decision> => {
    if (context.bridge.works) return bridgeDecision(reason, decidedBy, packageName);
    const refuse = (why: string): Decision => ({
      ...bridgeDecision(reason, decidedBy, packageName),
      refusal: `${files.indexDisplay}:${line}: ${id} (${specifier}): ${reason.replace(/: kept behind legacyPlugin$/, '')}, and legacyPlugin does not run on this release (${context.bridge.decidedBy}): ${why}`,
    });
    if (!modulePath || !stockPackage) return refuse('move the module into a backend plugin of its own (createBackendPlugin, backend.add(import(...))), then run migrate again');
    if (exportName) return refuse(`it is the module's export ${exportName}, and a wrapper takes the whole file: make it the module's default export, then run migrate again`);
    const pkg = installed(context, stockPackage);
    const shape = pkg?.dir ? await readPluginShape(pkg.dir, pkg.json) : undefined;
    if (!shape?.createRouter) return refuse(`${stockPackage} is not installed with a createRouter to wrap: install it, or migrate the plugin (createBackendPlugin), then run migrate again`);
    const root = files.root;
    const declared = shape.routerOptions?.map(option => ({
      ...option,
      where: option.file ? `${path.relative(root, option.file).split(path.sep).join('/')}${option.line ? `:${option.line}` : ''}` : undefined,
    }));
    let planned;
    try {
      planned = planPluginWrapper(id, stockPackage, declared, files.tree.display(modulePath));
    } catch (error) {
      if (error instanceof WireError) return { ...refuse('no wrapper can be generated'), refusal: `${files.indexDisplay}:${line}: ${id} (${specifier}): ${error.message}` };
      throw error;
    }
    context.warnings.push(...planned.warnings);
    const packages = new Map<string, string>([[stockPackage, ''], [PLUGIN_API, pluginApiRange(context)]]);
    return {
      plugin: { id, module: specifier, package: stockPackage, target: 'wrapper', adds: [specifier], decidedBy, reason: `${reason}; legacyPlugin does not run on this release (${context.bridge.decidedBy}): a new-system wrapper in ${files.tree.display(modulePath)}` },
      modulePath,
      wrapper: planned.wrapper,
      packages,
    };
  };
  // A createPlugin imported straight from a package: its feature where it has one, else the bridge to its default export.
  if (!specifier.startsWith('.')) {
    const feature = await featureOf(context, specifier);
    if (feature.subpath !== undefined) {
      const packages = new Map<string, string>([[specifier, '']]);
      return { plugin: { id, module: specifier, package: specifier, target: 'feature', adds: [`${specifier}${feature.subpath}`], decidedBy: feature.decidedBy, reason: `imported from the package itself, which has its feature${feature.subpath ? ` at ${feature.subpath}` : ''}` }, packages };
    }
    return await bridge(`imported from the package itself, whose default export is a legacy createPlugin`, feature.decidedBy, specifier);
  }
  if (!modulePath) return await bridge(`${specifier} was not found; bridged as it is imported`, 'module');
  const source = files.tree.read(modulePath) as string;
  const reading = readPluginModule(parseTypeScript(source, files.tree.display(modulePath)), source, exportName);
  const display = files.tree.display(modulePath);

  const warnBridged = (): void => {
    for (const [field, line] of reading.envFields) {
      if (environment.includes(field) && !LEGACY_BRIDGE_ENVIRONMENT.includes(field)) {
        context.warnings.push(`${display}:${line}: env.${field}: PluginEnvironment declares it, but legacyPlugin does not provide it; give the plugin that service another way (or migrate the plugin)`);
      }
    }
  };
  if (!reading.stock || !reading.packageName) {
    warnBridged();
    return await bridge(`custom code (${reading.custom}): kept behind legacyPlugin`, 'module', reading.packageName);
  }
  const packageName = reading.packageName;
  stockPackage = packageName;
  const feature = await featureOf(context, packageName);
  if (feature.subpath === undefined) {
    warnBridged();
    const why =
      feature.decidedBy === 'installed'
        ? `the installed ${packageName}${feature.version ? ` ${feature.version}` : ''} exports no backend feature`
        : `not installed, and wire-plugin's table does not say where ${packageName}${feature.version ? ` ${feature.version}` : ''} has its feature`;
    return await bridge(why, feature.decidedBy, packageName);
  }
  // Its feature serves at /api/<the package's plugin id>: where the legacy route was another, its URLs would move.
  const featureId = pluginIdOfPackage(context, packageName);
  if (id !== 'app' && featureId && featureId !== id) {
    warnBridged();
    const why = `its feature serves at /api/${featureId}, and the legacy backend served it at /api/${id}: kept on its legacy code at the same URL`;
    return { ...(await bridge(why, feature.decidedBy, packageName)), keptUrl: `kept at /api/${id}: ${packageName}'s feature would serve it at /api/${featureId}, so it stays on its legacy code (the ${context.bridge.works ? 'legacyPlugin bridge' : 'new-system wrapper'}) under the id ${id}` };
  }
  const adds = [`${packageName}${feature.subpath}`];
  const packages = new Map<string, string>([[packageName, '']]);
  let decidedBy: MigratedPlugin['decidedBy'] = feature.decidedBy;
  const modules = [
    ...reading.customisations.map(c => CUSTOMISATION_MODULES[c]),
    ...reading.authProviders.map(provider => `@backstage/plugin-auth-backend-module-${provider}-provider`),
  ];
  for (const moduleName of modules) {
    const found = await featureOf(context, moduleName);
    if (found.subpath === undefined) {
      warnBridged();
      stockPackage = undefined;
      return await bridge(`its customisation needs ${moduleName}, whose feature${found.version ? ` in ${found.version}` : ''} wire-plugin cannot place (install it, or pass --version ${moduleName}@<range>)`, found.decidedBy, packageName);
    }
    // No version of the module anywhere at or below the release (and none installed or declared): the plugin stays on its legacy code.
    const declared = ((files.backendJson.dependencies ?? {}) as Record<string, unknown>)[moduleName];
    if (found.decidedBy === 'table' && declared === undefined && versionFor(context, moduleName) === undefined && context.bridge.works) {
      warnBridged();
      stockPackage = undefined;
      return await bridge(`its customisation needs ${moduleName}, of which the registry has no version at or below Backstage ${context.release ?? '(no backstage.json)'}: kept on its legacy code (or pass --version ${moduleName}@<range> to take the module)`, 'table', packageName);
    }
    if (found.decidedBy === 'table') decidedBy = 'table';
    adds.push(`${moduleName}${found.subpath}`);
    packages.set(moduleName, '');
  }
  for (const provider of reading.authProviders) {
    context.warnings.push(`${display}: the ${provider} provider's sign-in resolver moves to app-config: auth.providers.${provider}.<environment>.signIn.resolvers`);
  }
  const target: MigrationTarget = modules.length ? 'module' : 'feature';
  const reason = target === 'module' ? `template customisations replaced by ${modules.join(', ')}` : 'the module is the stock shape: environment fields and the template\'s own calls only';
  return { plugin: { id, module: specifier, package: packageName, target, adds, decidedBy, reason }, modulePath, packages };
}

/** The range to add for a package: the installed version (in the file's pinning style), else the release table, else --version. */
function versionFor(context: Context, name: string): string | undefined {
  const explicit = context.options.versions?.[name];
  if (explicit) return explicit;
  const pkg = installed(context, name);
  const deps = (context.files.backendJson.dependencies ?? {}) as Record<string, unknown>;
  const backstageRanges = Object.entries(deps).filter(([dep]) => dep.startsWith('@backstage/')).map(([, range]) => String(range));
  if (backstageRanges.length && backstageRanges.every(range => range === 'backstage:^')) return 'backstage:^';
  // Follow the file: exact pins where every Backstage dependency is pinned, else caret ranges.
  const exact = backstageRanges.length > 0 && backstageRanges.every(range => /^\d/.test(range));
  if (pkg?.version) return exact ? pkg.version : `^${pkg.version}`;
  const row = versionForRelease(name, context.release);
  if (!row) return undefined;
  const minor = /^(\d+\.\d+)/.exec(context.release ?? '')?.[1];
  if (row.hole) {
    const warning = `${name}: the registry has no version of it for Backstage ${minor ?? context.release}; migrate adds ${row.range}, the nearest below (${row.row}'s): check it against your release`;
    if (!context.warnings.includes(warning)) context.warnings.push(warning);
  } else if (row.row !== minor) {
    const warning = `backstage.json's release ${context.release} has no row in wire-plugin's version table: the versions migrate adds come from the nearest release below it, ${row.row}; check them against your release`;
    if (!context.warnings.includes(warning)) context.warnings.push(warning);
  }
  return exact ? row.range.replace(/^\^/, '') : row.range;
}

/** Packages a file imports (or requires, or import()s). */
function importedPackages(source: string): Set<string> {
  const out = new Set<string>();
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    const pkg = packageOfSpecifier(match[1]);
    if (pkg) out.add(pkg);
  }
  return out;
}

/** Source files of the backend that stay: every .ts/.js under src except index.ts and the deleted modules. */
function remainingSources(context: Context, deleted: readonly string[]): string[] {
  const { files } = context;
  const out: string[] = [];
  const visit = (dir: string): void => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else if (/\.(ts|tsx|js)$/.test(entry.name) && full !== files.indexPath && !deleted.includes(full)) {
        out.push(full);
      }
    }
  };
  visit(path.join(files.backendDir, 'src'));
  return out.sort();
}

/** Whether a backend source file that stays imports `target` (by a relative specifier). */
function remainingFilesImport(context: Context, target: string): boolean {
  const stem = target.replace(/\.ts$/, '');
  for (const file of remainingSources(context, []).filter(f => f !== target)) {
    if (context.files.tree.status(file) === 'deleted') continue;
    const text = context.files.tree.read(file) ?? '';
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.[^'"]+)['"]/g)) {
      const resolved = path.resolve(path.dirname(file), match[1]).replace(/\.[jt]s$/, '');
      if (resolved === stem) return true;
    }
  }
  return false;
}

/**
 * Dependencies to remove: those the old index.ts or a deleted module
 * imported, which nothing left in the backend imports (and the new index
 * does not name). Others are never touched.
 */
function removableDependencies(
  context: Context,
  deleted: readonly string[],
  kept: readonly string[],
  newIndex: string,
  added: ReadonlySet<string>,
): string[] {
  const { files } = context;
  // Every source file under src but index.ts, once: deleted ones (the freed modules, types.ts) and those that stay.
  const sources = [...new Set([...remainingSources(context, []), ...deleted, ...kept])];
  const before = importedPackages(files.indexText);
  const still = importedPackages(newIndex);
  for (const file of sources) {
    if (files.tree.status(file) === 'deleted') for (const pkg of importedPackages(files.tree.original(file) ?? '')) before.add(pkg);
    else for (const pkg of importedPackages(files.tree.read(file) ?? '')) still.add(pkg);
  }
  const dependencies = Object.keys((files.backendJson.dependencies ?? {}) as Record<string, unknown>);
  return dependencies.filter(name => before.has(name) && !still.has(name) && !added.has(name));
}

/** The legacy statements beside createBackend() in a half-migrated index.ts, one line each. */
function halfMigratedLines(files: BackendFiles, legacy: LegacyIndex): string[] {
  const backend = findNewBackend(files.ast, files.indexText);
  const lineOf = (offset: number): number => files.indexText.slice(0, offset).split('\n').length;
  const code = (start: number, end: number): string => files.indexText.slice(start, end).split(/\r?\n/)[0].trim().slice(0, 100);
  const out: string[] = [];
  // What to do instead follows wiring's rules: the form this release needs, and nothing added that discovery loads.
  const discovery = readFeatureDiscovery(files.tree, files.root, backend);
  const discovered =
    discovery && discovery.packages.kind !== 'none'
      ? `, and the backend discovers its features (${discovery.form}, backend.packages in app-config.yaml), so a plugin that has a feature needs only its dependency`
      : '';
  const why = `a legacy api router beside createBackend() (${backend?.name ?? 'backend'}), and migrate adds plugins only to a backend declared at the top level of the file with its start(): half migrated${discovered}; wire each of these plugins into the new backend with wire-plugin <id> (the form this release needs: its feature, the legacyPlugin bridge up to 1.31, a new-system wrapper after it, or under discovery the dependency only), then remove the router, its envs and createEnv, and run migrate again`;
  for (const statement of [legacy.router.declaration, ...legacy.routes.map(r => r.topStatement).filter((s): s is NonNullable<typeof s> => s !== undefined)]) {
    out.push(`${files.indexDisplay}:${lineOf(statement.start ?? 0)}: ${code(statement.start ?? 0, statement.end ?? 0)}: ${why}`);
  }
  return [...new Set(out)];
}


/** The range for @backstage/backend-plugin-api, which a wrapper imports: the installed version, else none known ('' asks the table). */
function pluginApiRange(context: Context): string {
  const pkg = installed(context, PLUGIN_API);
  return pkg?.version ? `^${pkg.version}` : '';
}

/** An import of index.ts, reprinted for a generated module: only the names it uses, a relative path rebased to the module's folder. */
function reprintImport(files: BackendFiles, declaration: ImportDeclaration, names: readonly string[], moduleDir: string, quote: "'" | '"', semicolons: boolean): string {
  let specifier = declaration.source.value;
  if (specifier.startsWith('.')) {
    specifier = path.relative(moduleDir, path.resolve(path.dirname(files.indexPath), specifier)).split(path.sep).join('/');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  }
  const used = declaration.specifiers.filter(s => names.includes(s.local.name));
  const defaultName = used.find(s => s.type === 'ImportDefaultSpecifier')?.local.name;
  const namespace = used.find(s => s.type === 'ImportNamespaceSpecifier')?.local.name;
  const named = used
    .filter(s => s.type === 'ImportSpecifier')
    .map(s => {
      const imported = s.type === 'ImportSpecifier' ? (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value) : s.local.name;
      return imported === s.local.name ? s.local.name : `${imported} as ${s.local.name}`;
    });
  const parts = [defaultName, namespace ? `* as ${namespace}` : undefined, named.length ? `{ ${named.join(', ')} }` : undefined].filter(Boolean);
  return `import ${parts.join(', ')} from ${stringLiteral(specifier, quote)}${semicolons ? ';' : ''}`;
}

/** The api router's factory (`Router` of `const apiRouter = Router();`) and the import it comes from. */
function routerFactory(index: LegacyIndex): { call: string; declaration: ImportDeclaration } | undefined {
  const declaration = index.router.declaration;
  if (declaration.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) return undefined;
  const init = declaration.declarations[0].init;
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.arguments.length) return undefined;
  const call = init.callee.name;
  const from = index.imports.find(d => d.specifiers.some(s => s.local.name === call));
  if (!from || !/^(express|express-promise-router)$/.test(from.source.value)) return undefined;
  return { call, declaration: from as ImportDeclaration };
}

/**
 * Whether createBackendFeatureLoader is there: backend-plugin-api 0.8.0 or
 * later, installed, else as the backend's package.json declares it, else the
 * range migrate would add, else by the release (1.30 on).
 */
function featureLoaderApiVersion(context: Context): { supported: boolean; found: string } {
  const installedVersion = installed(context, PLUGIN_API)?.version;
  const declared = ((context.files.backendJson.dependencies ?? {}) as Record<string, unknown>)[PLUGIN_API];
  const range = installedVersion ?? (typeof declared === 'string' && lowestVersion(declared) ? declared : undefined) ?? versionFor(context, PLUGIN_API);
  const version = range ? lowestVersion(range) : undefined;
  if (version) return { supported: compareVersions(version, '0.8.0') >= 0, found: `${PLUGIN_API} ${version}` };
  const minor = context.release ? /^1\.(\d+)\./.exec(context.release)?.[1] : undefined;
  if (minor !== undefined) return { supported: Number(minor) >= 30, found: `Backstage ${context.release}` };
  return { supported: false, found: 'no version of it that wire-plugin can find (not installed, no backstage.json)' };
}

/** The app plugin at the service root: its createEnv id is app, or its module wraps the app backend. The root router serves it through its index fallback. */
function isAppMount(context: Context, mount: PluginMount): boolean {
  if (mount.rootPath !== '') return false;
  if (mount.envId === 'app' || mount.module === '@backstage/plugin-app-backend') return true;
  const modulePath = moduleFile(context.files, mount.module);
  if (!modulePath) return false;
  const source = context.files.tree.read(modulePath) as string;
  return readPluginModule(parseTypeScript(source, context.files.tree.display(modulePath)), source, mount.exportName).packageName === '@backstage/plugin-app-backend';
}

/** The file a relative plugin module specifier of index.ts names, if it is there. */
function moduleFile(files: BackendFiles, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(files.indexPath), specifier).replace(/\.[jt]s$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')].find(file => files.tree.read(file) !== undefined);
}

/** The plugin id a package's feature registers, as far as its metadata or name says (undefined when neither does). */
function pluginIdOfPackage(context: Context, name: string | null): string | undefined {
  if (!name) return undefined;
  const pkg = installed(context, name);
  return (pkg ? backstageIdentity(name, pkg.json) : identityFromName(name))?.pluginId;
}

type RootPluginPlan =
  | { refusal: string }
  | {
      pluginId: string;
      modulePath: string;
      specifier: string;
      text: string;
      adapters: boolean;
      /** For a mount at '': the router the root HTTP router's configure mounts. */
      handler?: { text: string; importLine: string; line: number; afterApi: boolean };
    };

/**
 * A plugin module the service builder mounted outside /api: a generated
 * plugin under its createEnv id that builds the fields the module reads and
 * serves its router at the same path; refused by line where the module hands
 * its whole environment on, reads a field legacyPlugin does not make, or
 * needs backend-common's adapters on a release without it.
 */
function planRootPlugin(context: Context, index: LegacyIndex, mount: PluginMount, plugins: readonly MigratedPlugin[], style: GeneratedStyle): RootPluginPlan {
  const { files } = context;
  const where = mount.rootPath ? mount.rootPath : "''";
  const mounted = `.addRouter(${mount.rootPath ? `'${mount.rootPath}'` : "''"}, await ${mount.alias}(...))`;
  // At the module's own line where the reason is there, naming the index.ts line that mounts it.
  const refuse = (why: string, at?: string): RootPluginPlan => ({
    refusal: at ? `${at}: ${mount.alias} (mounted by ${files.indexDisplay}:${mount.line}, ${mounted}): ${why}` : `${files.indexDisplay}:${mount.line}: ${mounted}: ${why}`,
  });
  const pluginId = mount.envId ?? mount.alias;
  if (!/^[a-z0-9_-]+$/i.test(pluginId)) return refuse(`its createEnv id ${pluginId} is not a plugin id the new backend takes: serve ${where} from a backend plugin by hand`);
  if (plugins.some(p => p.id === pluginId)) return refuse(`its createEnv id ${pluginId} is also a plugin on the api router, and two plugins cannot share an id: serve ${where} from a module of that plugin by hand`);
  const modulePath = moduleFile(files, mount.module);
  if (!modulePath) return refuse(`${mount.module} is not a module of the backend that wire-plugin can read, so the environment it needs is unknown: serve ${where} from a backend plugin by hand`);
  const moduleDisplay = files.tree.display(modulePath);
  const source = files.tree.read(modulePath) as string;
  const use = readEnvironmentUse(parseTypeScript(source, moduleDisplay), source, mount.exportName);
  if (use.missing) return refuse(`${moduleDisplay} has ${use.missing}: serve ${where} from a backend plugin by hand`);
  if (use.wholeAt !== undefined) {
    return refuse(`hands its whole environment on here, so which services it needs is unknown, and a plugin at ${where} is run from them by migrate: read the fields it needs (env.logger, env.config, ...), or serve ${where} from a backend plugin by hand`, `${moduleDisplay}:${use.wholeAt}`);
  }
  const fields = [...use.fields.keys()].sort();
  const unknown = fields.find(field => !ENVIRONMENT_SERVICES[field]);
  if (unknown) {
    return refuse(`reads env.${unknown}, which no core service makes as legacyPlugin does: serve ${where} from a backend plugin by hand`, `${moduleDisplay}:${use.fields.get(unknown) || 1}`);
  }
  const adapters = fields.some(field => ENVIRONMENT_SERVICES[field].adapter);
  if (adapters && !context.bridge.works) {
    return refuse(`its module reads env.logger or env.cache, which go through @backstage/backend-common's adapters, and that package is gone on this release (${context.bridge.decidedBy}): serve ${where} from a backend plugin by hand`);
  }
  const name = rootPluginModuleName(pluginId);
  const generatedPath = path.join(files.backendDir, 'src', 'modules', `${name}.ts`);
  if (files.tree.read(generatedPath) !== undefined) return refuse(`${files.tree.display(generatedPath)} exists already: move or remove it, then run migrate again`);
  const moduleDir = path.dirname(generatedPath);
  const declaration = index.imports.find(d => d.specifiers.some(s => s.local.name === mount.alias));
  if (!declaration) return refuse(`${mount.alias} is not imported: serve ${where} from a backend plugin by hand`);
  const importLine = reprintImport(files, declaration as ImportDeclaration, [mount.alias], moduleDir, index.style.quote, index.style.semicolons);
  let router: { importLine: string; call: string } | undefined;
  if (mount.rootPath === '') {
    const factory = routerFactory(index);
    if (!factory || factory.call === mount.alias) return refuse("the root router refuses an empty path, and the router that stands in for it is made as the api router was (an imported Router()), which this index.ts does not have: serve '' from rootHttpRouterServiceFactory by hand");
    router = { importLine: reprintImport(files, factory.declaration, [factory.call], moduleDir, index.style.quote, index.style.semicolons), call: factory.call };
  }
  const text = printRootPluginModule({ pluginId, name: mount.alias, importLine, path: mount.rootPath ?? '', fields, router, line: mount.line }, style);
  const q = index.style.quote;
  return {
    pluginId,
    modulePath: generatedPath,
    specifier: `./modules/${name}`,
    text,
    adapters,
    handler: router
      ? { text: rootPluginRouterName(mount.alias), importLine: `import { ${rootPluginRouterName(mount.alias)} } from ${stringLiteral(`./${name}`, q)}${index.style.semicolons ? ';' : ''}`, line: mount.line, afterApi: mount.afterApi ?? false }
      : undefined,
  };
}

/**
 * The plugin mounts of a backend from before the api router existed:
 * `createServiceBuilder(module)...addRouter('/catalog', await catalog(env))`,
 * each plugin at `/<id>` on the service builder. The new backend serves
 * plugins at `/api/<pluginId>` only, so every URL would move: each mount is
 * refused by its line.
 */
function preApiRouterMounts(backendDir: string, root: string): string[] {
  const indexPath = path.join(backendDir, 'src', 'index.ts');
  let source: string;
  try {
    source = fs.readFileSync(indexPath, 'utf8');
  } catch {
    return [];
  }
  if (!/createServiceBuilder\s*\(/.test(source)) return [];
  const display = path.relative(root, indexPath).split(path.sep).join('/');
  const out: string[] = [];
  walk(parseTypeScript(source, display).program, node => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'addRouter') return undefined;
    const [at, target] = node.arguments;
    const call = target?.type === 'AwaitExpression' ? target.argument : target;
    if (at?.type !== 'StringLiteral' || !at.value.startsWith('/') || call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
    const line = source.slice(0, node.callee.property.start ?? 0).split('\n').length;
    const code = source.slice(node.callee.property.start ?? 0, node.end ?? 0).split(/\r?\n/)[0].trim();
    out.push(`${display}:${line}: .${code}: a backend from before the api router: ${call.callee.name} is served at ${at.value}, and the new backend serves plugins at /api/<pluginId> only, so its URLs would move; mount the plugins on an api router at /api first (const apiRouter = Router(); apiRouter.use('${at.value}', ...); .addRouter('/api', apiRouter)), then run migrate again`);
    return undefined;
  });
  return out.sort((a, b) => Number(/:(\d+):/.exec(a)?.[1]) - Number(/:(\d+):/.exec(b)?.[1]));
}
