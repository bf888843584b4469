/**
 * What every step of a migration reads from the repository: the backend's
 * files, its workspace, its release (backstage.json) and whether
 * legacyPlugin runs there; and the look-ups the steps share: an installed
 * package, the range to add for one, a plugin module's file, an import of
 * index.ts reprinted for a generated module.
 */
import * as path from 'path';
import type { FormatSession } from '../../commit/format-written';
import type { File, ImportDeclaration } from '@babel/types';
import type { BackendFiles } from '../../repo/backend';
import type { BridgeVerdict } from '../../repo/backstage-release';
import { PackageInfo, Workspace } from '../../repo/workspace';
import { readPluginEnvironment } from '../../repo/plugin-environment';
import { PLUGIN_API } from '../../../transforms/generate/plugin-wrapper';
import { stringLiteral } from '../../../transforms/lib/code-style';
import { parseTypeScript } from '../../../transforms/lib/parse';
import { backstageIdentity, identityFromName } from '../../../transforms/lib/package-names';
import type { LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import { compareVersions, lowestVersion, versionForRelease } from '../../repo/release-table';
import type { MigrateOptions } from './report';

export const DEFAULTS_PACKAGE = '@backstage/backend-defaults';

export const COMMON_PACKAGE = '@backstage/backend-common';

export interface Context {
  readonly files: BackendFiles;
  readonly workspace: Workspace;
  readonly options: MigrateOptions;
  readonly release?: string;
  readonly warnings: string[];
  /** Whether legacyPlugin runs on the repo's release (else legacy-only plugins get a wrapper). */
  readonly bridge: BridgeVerdict;
  /** Formats what the run writes; a module made from a template is marked there with its slots. */
  readonly formatting: FormatSession;
}

export function readRelease(files: BackendFiles): string | undefined {
  const text = files.tree.read(path.join(files.root, 'backstage.json'));
  if (text === undefined) return undefined;
  try {
    const version = JSON.parse(text).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

export function indentUnit(source: string): string {
  if (/^\t/m.test(source)) return '\t';
  const indented = /^( +)\S/m.exec(source.replace(/^\s*\*.*$/gm, ''));
  return indented ? indented[1] : '  ';
}

/** The fields of PluginEnvironment beyond what legacyPlugin provides: a bridged module that reads one is reported. */
export function pluginEnvironmentFields(files: BackendFiles): readonly string[] {
  const typesPath = path.join(files.backendDir, 'src', 'types.ts');
  const text = files.tree.read(typesPath);
  return (text === undefined ? undefined : readPluginEnvironment(text, files.tree.display(typesPath))) ?? [];
}

/** Finds a package in the workspace or node_modules. */
export function installed(context: Context, name: string): PackageInfo | undefined {
  return context.workspace.findByName(context.files.backendDir, name);
}

/** The range to add for a package: the installed version (in the file's pinning style), else the release table, else --version. */
export function versionFor(context: Context, name: string): string | undefined {
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

/** The range for @backstage/backend-plugin-api, which a wrapper imports: the installed version, else none known ('' asks the table). */
export function pluginApiRange(context: Context): string {
  const pkg = installed(context, PLUGIN_API);
  return pkg?.version ? `^${pkg.version}` : '';
}

/** An import of index.ts, reprinted for a generated module: only the names it uses, a relative path rebased to the module's folder. */
export function reprintImport(files: BackendFiles, declaration: ImportDeclaration, names: readonly string[], moduleDir: string, quote: "'" | '"', semicolons: boolean): string {
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
export function routerFactory(index: LegacyIndex): { call: string; declaration: ImportDeclaration } | undefined {
  const declaration = index.router.declaration;
  if (declaration.type !== 'VariableDeclaration' || declaration.declarations.length !== 1) return undefined;
  const init = declaration.declarations[0].init;
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.arguments.length) return undefined;
  const call = init.callee.name;
  const from = index.imports.find(d => d.specifiers.some(s => s.local.name === call));
  if (!from || !/^(express|express-promise-router)$/.test(from.source.value)) return undefined;
  return { call, declaration: from as ImportDeclaration };
}

/** The lowest version of a package the migrated backend can have: installed, else as package.json declares it, else the range migrate would add. */
export function lowestVersionOf(context: Context, name: string): string | undefined {
  const installedVersion = installed(context, name)?.version;
  const declared = ((context.files.backendJson.dependencies ?? {}) as Record<string, unknown>)[name];
  const range = installedVersion ?? (typeof declared === 'string' && lowestVersion(declared) ? declared : undefined) ?? versionFor(context, name);
  return range ? lowestVersion(range) : undefined;
}

/**
 * Whether createBackendFeatureLoader is there: backend-plugin-api 0.8.0 or
 * later, installed, else as the backend's package.json declares it, else the
 * range migrate would add, else by the release (1.30 on).
 */
export function featureLoaderApiVersion(context: Context): { supported: boolean; found: string } {
  const version = lowestVersionOf(context, PLUGIN_API);
  if (version) return { supported: compareVersions(version, '0.8.0') >= 0, found: `${PLUGIN_API} ${version}` };
  const minor = context.release ? /^1\.(\d+)\./.exec(context.release)?.[1] : undefined;
  if (minor !== undefined) return { supported: Number(minor) >= 30, found: `Backstage ${context.release}` };
  return { supported: false, found: 'no version of it that wire-plugin can find (not installed, no backstage.json)' };
}

/** The file a relative plugin module specifier of index.ts names, if it is there. */
export function moduleFile(files: BackendFiles, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(files.indexPath), specifier).replace(/\.[jt]s$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')].find(file => files.tree.read(file) !== undefined);
}

/** Parsed plugin modules, by the run's files and path: a module two readers need (the app check, the plugin's reading) is parsed once. */
const parsedModules = new WeakMap<BackendFiles, Map<string, { source: string; ast: File }>>();

/** A backend module's text and AST (it must be in the tree: see moduleFile), parsed once a run. */
export function parsedModule(files: BackendFiles, modulePath: string): { source: string; ast: File } {
  let byPath = parsedModules.get(files);
  if (!byPath) parsedModules.set(files, (byPath = new Map()));
  const source = files.tree.read(modulePath) as string;
  const known = byPath.get(modulePath);
  if (known?.source === source) return known;
  const parsed = { source, ast: parseTypeScript(source, files.tree.display(modulePath)) };
  byPath.set(modulePath, parsed);
  return parsed;
}

/** The plugin id a package's feature registers, as far as its metadata or name says (undefined when neither does). */
export function pluginIdOfPackage(context: Context, name: string | null): string | undefined {
  if (!name) return undefined;
  const pkg = installed(context, name);
  return (pkg ? backstageIdentity(name, pkg.json) : identityFromName(name))?.pluginId;
}
