/**
 * `wire-plugin migrate`: moves a legacy backend (createEnv, useHotMemoize,
 * apiRouter.use) to the new backend system, as Backstage's guide "Migrating
 * your Backend to the New Backend System" does by hand, keeping what the
 * backend did: the same URLs, the same need for credentials, the same data.
 *
 * The plan is a pipeline of named steps, all in the file tree, validated,
 * then written all or nothing; it never prints and never exits:
 * read the backend; classify every statement (and account for each);
 * decide each plugin's target; merge into a half-migrated backend;
 * translate what the new system has a home for (`./translations`, one
 * module per kind); keep each plugin's data; print the new index.ts; edit
 * package.json; validate and report.
 */
import * as path from 'path';
import type { Node } from '@babel/types';
import { BackendFiles, installCommand, locateBackend, readBackend } from '../../repo/backend';
import { commitChanges, validateChanges } from '../../commit/commit';
import { FormatSession } from '../../commit/format-written';
import { WireError } from '../../../transforms/lib/errors';
import { acquireLock, Lock } from '../../commit/lock';
import { legacyPluginVerdict } from '../../repo/backstage-release';
import { Workspace } from '../../repo/workspace';
import { analyzeLegacyIndex, LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import { findNewBackend, NewBackend } from '../../../transforms/analysis/new-backend';
import { accountGaps, LegacyStatements, readLegacyStatements } from './legacy-statements';
import { headerOf, NewIndex, printNewIndex } from './print-index';
import { DataIdentity, planDataIdentities } from './behaviour';
import { Context, indentUnit, pluginIdOfPackage, readRelease } from './context';
import { DecidedPlugins, decidePlugins } from './decide-plugins';
import { mergeIntoExistingBackend } from './existing-backend';
import { planPackageJson, remainingFilesImport } from './dependencies';
import { droppedComments } from './dropped-comments';
import { halfMigratedLines, preApiRouterMounts } from './early-refusals';
import { translate, TranslationOutput } from './translations';
import type { PluginMount } from './legacy-statements';
import { MigrateOptions, MigrationPlan, MigrationRefused, MigrationReport } from './report';

export * from './report';

/** Computes the whole migration, writing nothing. Refusals are in the report; `migrateBackend` turns them into an error. */
export async function planMigration(options: MigrateOptions = {}): Promise<MigrationPlan> {
  const read = readLegacyBackend(options);
  if ('report' in read) return { report: read.report, changes: [] };
  const { files, index, existing } = read;
  const workspace = new Workspace(files.root, [[files.backendJsonPath, files.backendJson]]);
  const context: Context = {
    files,
    workspace,
    options,
    release: readRelease(files),
    warnings: [],
    bridge: legacyPluginVerdict(files.root, files.backendDir),
    formatting: new FormatSession(files.root, file => workspace.packageJson(file)),
  };
  const statements = classifyStatements(files, index, existing);
  const decided = await decidePlugins(context, statements);
  const configPath = existing ? mergeIntoExistingBackend(context, existing, decided.plugins) : undefined;
  const style = { quote: index.style.quote, semicolons: index.style.semicolons, unit: indentUnit(files.indexText), eol: index.style.eol };
  const translated = translate({ context, index, statements, existing, ...decided, style }, decided.keptUrls);
  const data = planDataIdentities(files.tree, files.root, dataIdentities(context, decided));
  const newIndex = printIndex(files, index, statements, decided, translated, existing);
  const dropped = droppedComments(files.ast.comments ?? [], files.indexDisplay, newIndex, files.tree, translated.generated);
  if (dropped) context.warnings.push(dropped);
  for (const file of decided.deletions) files.tree.delete(file);
  const typesPath = deleteUnusedTypes(context);
  const packageJson = planPackageJson(context, new Map([...decided.addedPackages, ...translated.addedPackages]), decided.deletions, [...decided.keptModules, ...translated.generated], newIndex);

  // Formatted only when the plan will be written: a refused one is never written.
  const refusing = statements.refused.length + decided.refused.length + translated.refused.length + data.refused.length + packageJson.refused.length > 0;
  if (!refusing) context.warnings.push(...(await context.formatting.formatTree(files.tree)));
  const changes = files.tree.changes();
  validateChanges(changes, undefined, (file, text) => context.formatting.parseShape(file, text));
  const touched = [files.backendJsonPath, files.indexPath, ...(configPath ? [configPath] : []), ...data.written, ...translated.generated, ...decided.deletions, typesPath];
  const report: MigrationReport = {
    ...emptyReport(files),
    system: 'legacy',
    plugins: decided.plugins,
    carried: statements.carried.map(({ line, code }) => ({ line, code })),
    replaced: statements.replaced,
    refused: [...statements.refused.map(r => `${files.indexDisplay}:${r.line}: ${r.code}: ${r.why}`), ...decided.refused, ...translated.refused, ...data.refused, ...packageJson.refused],
    dependencies: { added: packageJson.added, removed: packageJson.removed },
    translations: translated.translations,
    behaviour: [...translated.behaviour, ...data.behaviour],
    files: [...new Set(touched)]
      .filter(file => files.tree.status(file) !== 'unchanged' || file === files.backendJsonPath || file === files.indexPath)
      .map(file => ({ path: files.tree.display(file), status: files.tree.status(file) })),
    warnings: context.warnings,
    changed: changes.length > 0,
    nextStep: packageJson.added.length ? installCommand(files.root) : undefined,
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

function emptyReport(location: { root: string; backend: string }): MigrationReport {
  const { root, backend } = location;
  return { root, backend, system: 'legacy', alreadyMigrated: false, plugins: [], carried: [], replaced: [], refused: [], dependencies: { added: [], removed: [] }, translations: [], behaviour: [], files: [], warnings: [], changed: false, written: false };
}

/**
 * The backend, with its legacy index.ts read; or the report that ends the
 * run here: already on the new system, a half-migrated index.ts whose new
 * backend is not at the top level, a backend from before the api router.
 */
function readLegacyBackend(options: MigrateOptions): { files: BackendFiles; index: LegacyIndex; existing?: NewBackend } | { report: MigrationReport } {
  const location = locateBackend(options);
  let files: BackendFiles;
  try {
    files = readBackend(location, 'auto');
  } catch (error) {
    const refused = error instanceof WireError ? preApiRouterMounts(location.backendDir, location.root) : [];
    if (!refused.length) throw error;
    return { report: { ...emptyReport(location), refused } };
  }
  if (files.system !== 'new') return { files, index: files.legacy as LegacyIndex };
  // A half-migrated index.ts: the new backend already there, kept as it is, with the legacy part migrated into it.
  const legacy = analyzeLegacyIndex(files.ast, files.indexText);
  if ('kind' in legacy) return { report: { ...emptyReport(files), system: 'new', alreadyMigrated: true } };
  const existing = findNewBackend(files.ast, files.indexText);
  if (!existing || existing.container !== files.ast.program || !existing.start) {
    return { report: { ...emptyReport(files), system: 'new', refused: halfMigratedLines(files, legacy) } };
  }
  return { files, index: legacy, existing };
}

/** Every statement's fate; nothing is dropped unseen: a statement or service-builder call without exactly one fate is a bug, and nothing is written. */
function classifyStatements(files: BackendFiles, index: LegacyIndex, existing: NewBackend | undefined): LegacyStatements {
  const statements = readLegacyStatements(files.ast, files.indexText, index, existing);
  const gaps = accountGaps(files.ast, files.indexText, index, statements);
  if (gaps.length) {
    throw new WireError(`${files.indexDisplay}: migrate could not account for ${gaps.map(gap => `line ${gap}`).join('; ')}; nothing was written (this is a wire-plugin bug)`);
  }
  return statements;
}

/** Plugins whose id in the new system differs from the createEnv id their data was kept under. */
function dataIdentities(context: Context, decided: DecidedPlugins): DataIdentity[] {
  const identities: DataIdentity[] = [];
  for (const plugin of decided.plugins) {
    const mount = decided.mountOf.get(plugin.id) as PluginMount;
    const newId = plugin.target === 'feature' || plugin.target === 'module' ? pluginIdOfPackage(context, plugin.package) : plugin.id;
    if (mount.envId && newId && newId !== mount.envId) identities.push({ plugin: plugin.id, oldId: mount.envId, newId, source: `${context.files.indexDisplay}:${mount.line}` });
  }
  return identities;
}

/** The new index.ts, written into the tree: each plugin's add (and its access module right after it), then the generated modules'. */
function printIndex(files: BackendFiles, index: LegacyIndex, statements: LegacyStatements, decided: DecidedPlugins, translated: TranslationOutput, existing: NewBackend | undefined): string {
  const unconditional = decided.plugins.filter(p => !decided.conditionOf.has(p));
  const adds = unconditional.flatMap((p): NewIndex['adds'] => [
    ...(p.target === 'bridge' ? (p.adds.length ? [{ bridge: p.id, module: p.module, exportName: p.exportName }] : []) : p.adds.map(specifier => ({ import: specifier }))),
    ...(translated.accessOf.has(p) ? [{ import: translated.accessOf.get(p) as string }] : []),
  ]);
  const text = printNewIndex(
    files.indexText,
    headerOf(files.indexText, files.ast.program.body[0]),
    {
      adds: [...adds, ...translated.adds.map(specifier => ({ import: specifier }))],
      bridges: unconditional.some(p => p.target === 'bridge' && p.adds.length > 0),
      existingBackend: existing && { name: existing.name, start: existing.start as Node },
      carriedImports: statements.carriedImports,
      carried: statements.carried.map(c => c.node),
    },
    {
      ...index.style,
      unit: indentUnit(files.indexText),
      trailingComma: index.envDeclarations.some(env => env.multiline) ? index.envDeclarations.some(env => env.trailingComma) : true,
      finalNewline: /\n$/.test(files.indexText),
    },
  );
  files.tree.write(files.indexPath, text);
  return text;
}

/** types.ts goes when nothing left imports it; its path either way (for the report). */
function deleteUnusedTypes(context: Context): string {
  const { tree, backendDir } = context.files;
  const typesPath = path.join(backendDir, 'src', 'types.ts');
  if (tree.read(typesPath) !== undefined && !remainingFilesImport(context, typesPath)) tree.delete(typesPath);
  return typesPath;
}
