/**
 * What the command line names: plugin ids (`carmen`) and package names
 * (`@backstage/plugin-kubernetes-backend`), mixed freely. Each becomes a
 * target: the package to wire, the plugin id, and whether it is a plugin or
 * a module of one.
 */
import * as path from 'path';
import { WireError } from '../../transforms/lib/errors';
import { validatePluginId } from '../../transforms/lib/naming';
import { backstageIdentity, BackendRole, identityFromName } from '../../transforms/lib/package-names';
import { identityFromCode } from './registered-ids';
import { isValidPackageName, PackageInfo, Workspace } from './workspace';
import { didYouMean } from './suggestions';
import { versionForRelease } from './release-table';

export interface PluginTarget {
  /** The argument as given. */
  readonly requested: string;
  /** The plugin id: the plugin's own, or for a module the plugin it extends. */
  readonly id: string;
  readonly pkg: PackageInfo;
  readonly role: BackendRole;
  /** For a module: the package of the plugin it extends, when known. */
  readonly pluginPackage?: string;
}

/**
 * A scoped name (`@backstage/plugin-kubernetes-backend`) is a package; anything
 * else is an id, and an unscoped package name that is also a valid id
 * (`backstage-plugin-foo-backend`) is tried as a package when no plugin has that id.
 */
export function isPackageArgument(argument: string): boolean {
  return argument.startsWith('@');
}

/** Checks the arguments' syntax, before any file is read. */
export function validateTargetArguments(args: readonly string[]): void {
  if (args.length === 0) throw new WireError('no plugin id given: expected at least one, such as carmen');
  for (const argument of args) {
    if (!isPackageArgument(argument)) {
      validatePluginId(argument);
    } else if (!isValidPackageName(argument) || argument.split('/').length !== 2) {
      const shown = JSON.stringify(argument.length > 80 ? argument.slice(0, 80) + '…' : argument);
      throw new WireError(
        `invalid package name ${shown}: expected an npm package name such as @backstage/plugin-kubernetes-backend, or a plugin id such as carmen`,
      );
    }
  }
}

/** The identity a found package has, or a one-line error naming it and what was expected. */
function identityOf(pkg: PackageInfo, requested: string): { id: string; role: BackendRole; pluginPackage?: string } {
  const role = (pkg.json.backstage as { role?: unknown } | undefined)?.role;
  const identity = backstageIdentity(pkg.name, pkg.json) ?? identityFromCode(pkg.dir, pkg.json);
  if (!identity && (role === 'backend-plugin' || role === 'backend-plugin-module')) {
    throw new WireError(
      `${pkg.name}: its package.json says "backstage": { "role": ${JSON.stringify(role)} } with no "pluginId", and neither its name nor its code names one: pass the plugin id and --package ${pkg.name}`,
    );
  }
  if (!identity && typeof role === 'string') {
    throw new WireError(`${pkg.name}: its package.json says "backstage": { "role": ${JSON.stringify(role)} }: expected a backend-plugin or a backend-plugin-module`);
  }
  if (!identity) {
    throw new WireError(
      `${requested}: cannot tell which plugin it is: expected "backstage": { "role": "backend-plugin", "pluginId": "<id>" } in its package.json, or a name like @scope/plugin-<id>-backend (or pass a plugin id and --package)`,
    );
  }
  validatePluginId(identity.pluginId);
  return { id: identity.pluginId, role: identity.role, pluginPackage: identity.pluginPackage };
}

/**
 * The package named `name`: a workspace package, else one installed in the
 * backend's or the root's node_modules, else (not installed) a bare name.
 */
export function findPackageByName(workspace: Workspace, backendDir: string, name: string): PackageInfo {
  return workspace.findByName(backendDir, name) ?? { name, json: {} };
}

/**
 * Resolves one argument. An id goes through the conventions
 * (`plugins/<id>-backend`, `backstage.pluginId`, `--package`); a package
 * name is looked up in the workspace and node_modules, and its id read from
 * its `backstage` field or its name. A package that is neither installed nor
 * a dependency yet can be added only with `--range` (its version is unknown).
 */
export function resolveTarget(
  workspace: Workspace,
  backend: { readonly backendDir: string; readonly backendJson: Record<string, unknown>; readonly backendJsonDisplay: string; readonly release?: () => string | undefined },
  argument: string,
  options: { readonly packageName?: string; readonly range?: string; readonly remove?: boolean },
): PluginTarget {
  if (!isPackageArgument(argument)) {
    let pkg: PackageInfo;
    try {
      pkg = workspace.findPluginPackage(backend.backendDir, argument, options.packageName);
    } catch (error) {
      // An unscoped package name that is also a valid id: `backstage-plugin-foo-backend`.
      const byName = options.packageName === undefined ? findPackageByName(workspace, backend.backendDir, argument) : undefined;
      if (!byName?.dir || !backstageIdentity(byName.name, byName.json)) {
        const suggestion = didYouMean(argument, knownIds(workspace, backend));
        if (error instanceof WireError && options.packageName === undefined && suggestion) throw new WireError(`${error.message}; ${suggestion}`, error.hint);
        throw error;
      }
      return { requested: argument, pkg: byName, ...identityOf(byName, argument) };
    }
    const identity = backstageIdentity(pkg.name, pkg.json);
    const role = identity?.role ?? 'plugin';
    return { requested: argument, id: argument, pkg, role, pluginPackage: role === 'module' ? identity?.pluginPackage : undefined };
  }
  if (options.packageName !== undefined) {
    throw new WireError(`--package names the package of a plugin id; ${argument} is a package name already: drop --package`);
  }
  const pkg = findPackageByName(workspace, backend.backendDir, argument);
  const declared = ((backend.backendJson.dependencies ?? {}) as Record<string, unknown>)[argument];
  if (!pkg.dir && declared === undefined && options.range === undefined && !options.remove) {
    const dir = path.relative(workspace.root, backend.backendDir).split(path.sep).join('/') || '.';
    // The release is read only here, for the install command: backstage.json's, by wire-plugin's table.
    const release = backend.release?.();
    const atRelease = release ? versionForRelease(argument, release) : undefined;
    const suggestion = didYouMean(argument, knownPackages(workspace, backend));
    throw new WireError(
      `${argument}: not found in the workspace or in node_modules, and ${backend.backendJsonDisplay} does not depend on it${suggestion ? ` (${suggestion})` : ''}: install it first (yarn --cwd ${dir} add ${argument}${atRelease ? `@${atRelease.range}` : ''}${atRelease ? `, the version of Backstage ${release} by wire-plugin's table` : ''}), or pass --range to add the dependency without it`,
    );
  }
  if (!pkg.dir) {
    // Not installed: all there is to go by is the name.
    const fromName = identityFromName(argument);
    if (!fromName) return { requested: argument, pkg, ...identityOf(pkg, argument) };
    return { requested: argument, id: fromName.pluginId, pkg, role: fromName.role, pluginPackage: fromName.pluginPackage };
  }
  return { requested: argument, pkg, ...identityOf(pkg, argument) };
}

/** The plugin ids the repository knows: its backend plugin and module packages' ids, and the backend's dependencies'. */
function knownIds(workspace: Workspace, backend: { readonly backendDir: string; readonly backendJson: Record<string, unknown> }): string[] {
  const ids: string[] = [];
  for (const pkg of workspace.packages) {
    const identity = backstageIdentity(pkg.name, pkg.json);
    if (identity) ids.push(identity.pluginId);
  }
  for (const name of Object.keys((backend.backendJson.dependencies ?? {}) as Record<string, unknown>)) {
    const identity = identityFromName(name);
    if (identity) ids.push(identity.pluginId);
  }
  return ids;
}

/** The backend plugin and module packages the repository knows: its workspace's, and the backend's dependencies. */
function knownPackages(workspace: Workspace, backend: { readonly backendJson: Record<string, unknown> }): string[] {
  return [
    ...workspace.packages.filter(pkg => backstageIdentity(pkg.name, pkg.json)).map(pkg => pkg.name),
    ...Object.keys((backend.backendJson.dependencies ?? {}) as Record<string, unknown>).filter(name => identityFromName(name)),
  ];
}
