/**
 * Which half of a plugin each argument wires. An id wires every package of
 * that plugin the repo has: its backend plugin into the backend (as before),
 * its frontend plugin (`plugins/<id>`, or a workspace package with
 * `backstage.role: frontend-plugin` and that `pluginId`) into the app. A
 * package name is wired by its role. A package's `backstage.pluginPackages`
 * names its siblings: an installed (or workspace) backend or frontend
 * sibling is wired in the same run; one that is not gets its install command.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../../transforms/lib/errors';
import { identityFromName } from '../../../transforms/lib/package-names';
import { isPackageArgument } from '../../repo/targets';
import { frontendIdentity, readFrontendPackage } from '../../repo/frontend-package';
import { PackageInfo, Workspace } from '../../repo/workspace';
import { closestNames } from '../../repo/suggestions';
import type { FrontendTarget } from './frontend/types';

export interface Halves {
  /** Arguments for the backend half, as the backend planner takes them (ids and package names). */
  readonly backend: string[];
  readonly frontend: FrontendTarget[];
  /** Install commands for siblings that are not installed, and other notes for the report. */
  readonly notes: string[];
}

export interface HalfLocations {
  readonly root: string;
  /** Absolute; undefined where the repo has no backend package. */
  readonly backendDir?: string;
  readonly appDir?: string;
  readonly only?: 'backend' | 'frontend';
  readonly packageName?: string;
  readonly remove?: boolean;
}

const relative = (root: string, dir: string): string => path.relative(root, dir).split(path.sep).join('/') || '.';

/** A workspace frontend plugin for an id: `plugins/<id>`, else one whose `backstage` field names the id. */
function frontendById(workspace: Workspace, root: string, id: string): PackageInfo | undefined {
  const isFrontendPlugin = (pkg: PackageInfo): boolean => frontendIdentity(pkg)?.role === 'frontend-plugin';
  const conventional = workspace.packages.find(pkg => pkg.dir === path.join(root, 'plugins', id));
  if (conventional && isFrontendPlugin(conventional) && frontendIdentity(conventional)?.pluginId === id) return conventional;
  return workspace.packages.find(pkg => isFrontendPlugin(pkg) && (pkg.json.backstage as { pluginId?: unknown } | undefined)?.pluginId === id);
}

/** For --remove: an installed frontend plugin the app depends on, with that id. */
function dependencyById(workspace: Workspace, appDir: string, id: string): PackageInfo | undefined {
  const json = workspace.packageJson(path.join(appDir, 'package.json')) ?? {};
  for (const name of Object.keys((json.dependencies ?? {}) as Record<string, unknown>)) {
    const pkg = workspace.findByName(appDir, name);
    if (pkg && frontendIdentity(pkg)?.role === 'frontend-plugin' && frontendIdentity(pkg)?.pluginId === id) return pkg;
  }
  return undefined;
}

function hasBackendPlugin(workspace: Workspace, backendDir: string, id: string, packageName?: string): boolean {
  try {
    workspace.findPluginPackage(backendDir, id, packageName);
    return true;
  } catch {
    return false;
  }
}

function frontendTarget(requested: string, pkg: PackageInfo): FrontendTarget {
  const plugin = readFrontendPackage(pkg);
  if (!plugin) throw new WireError(`${pkg.name}: not a frontend plugin: expected "backstage": { "role": "frontend-plugin" } in its package.json`);
  return { requested, plugin };
}

export function splitHalves(workspace: Workspace, args: readonly string[], where: HalfLocations): Halves {
  const { root, backendDir, appDir, only } = where;
  const halves: Halves = { backend: [], frontend: [], notes: [] };
  const addFrontend = (requested: string, pkg: PackageInfo): void => {
    if (!halves.frontend.some(t => t.plugin.pkg.name === pkg.name)) halves.frontend.push(frontendTarget(requested, pkg));
  };
  for (const argument of args) {
    if (only === 'backend') {
      halves.backend.push(argument);
      continue;
    }
    if (isPackageArgument(argument)) {
      const frontend = appDir ? frontendPackageNamed(workspace, appDir, backendDir, argument) : undefined;
      if (frontend) addFrontend(argument, frontend);
      else if (only === 'frontend') throw new WireError(`${argument}: not a frontend plugin found for ${appDir ? relative(root, appDir) : 'packages/app (not found)'}, and --only frontend was given`);
      else halves.backend.push(argument);
      continue;
    }
    const frontend = appDir ? frontendById(workspace, root, argument) ?? (where.remove ? dependencyById(workspace, appDir, argument) : undefined) : undefined;
    const backend = backendDir !== undefined && only !== 'frontend' && hasBackendPlugin(workspace, backendDir, argument, where.packageName);
    if (frontend) addFrontend(argument, frontend);
    if (backend || (!frontend && only !== 'frontend' && backendDir)) halves.backend.push(argument);
    if (!frontend && (only === 'frontend' || !backendDir)) {
      if (!appDir) {
        throw new WireError(`packages/backend/package.json and packages/app/package.json: not found: expected the backend or the app package there (pass --backend DIR or --app DIR)`);
      }
      throw new WireError(
        `frontend plugin package for "${argument}" not found: expected plugins/${argument}/package.json or a workspace package with "backstage": { "role": "frontend-plugin", "pluginId": "${argument}" }`,
      );
    }
    if (frontend && !appDir) halves.notes.push(`${frontend.name}: the repo has no packages/app, so only the backend half is wired (pass --app DIR for the app)`);
  }
  addSiblings(workspace, halves, where);
  return halves;
}

/**
 * The frontend plugin a package name names: installed (or a workspace
 * package) with a frontend role, or declared by the app. A name that only
 * looks like one (`@x/plugin-y`) and is nowhere is refused with its install
 * command, unless it is a near miss of a backend package the repo has
 * (the backend half then says "did you mean").
 */
function frontendPackageNamed(workspace: Workspace, appDir: string, backendDir: string | undefined, name: string): PackageInfo | undefined {
  const pkg = workspace.findByName(appDir, name);
  if (pkg) return frontendIdentity(pkg) ? pkg : undefined;
  const appJson = workspace.packageJson(path.join(appDir, 'package.json')) ?? {};
  const declared = name in ((appJson.dependencies ?? {}) as Record<string, unknown>);
  if (!frontendIdentity({ name, json: {} })) return undefined;
  if (declared) return { name, json: {} };
  const backendJson = backendDir ? workspace.packageJson(path.join(backendDir, 'package.json')) ?? {} : {};
  const known = [...workspace.packages.map(p => p.name), ...Object.keys((backendJson.dependencies ?? {}) as Record<string, unknown>)];
  if (backendDir && (workspace.findByName(backendDir, name) || closestNames(name, known).length)) return undefined;
  const root = workspace.root;
  throw new WireError(`${name}: not found in the workspace or in node_modules, and ${relative(root, appDir)}/package.json does not depend on it: install it first (yarn --cwd ${relative(root, appDir)} add ${name})`);
}

/** Siblings named by `backstage.pluginPackages` of the packages this run wires. */
function addSiblings(workspace: Workspace, halves: Halves, where: HalfLocations): void {
  const { root, backendDir, appDir, only } = where;
  const named = new Set([...halves.backend, ...halves.frontend.map(t => t.plugin.pkg.name)]);
  const siblingsOf: { from: string; names: string[] }[] = halves.frontend.map(t => ({ from: t.plugin.pkg.name, names: [...t.plugin.siblings] }));
  for (const argument of halves.backend) {
    const pkg = isPackageArgument(argument) ? backendDir && workspace.findByName(backendDir, argument) : backendDir && findBackend(workspace, backendDir, argument, where.packageName);
    const list = pkg ? (pkg.json.backstage as { pluginPackages?: unknown } | undefined)?.pluginPackages : undefined;
    if (pkg && Array.isArray(list)) siblingsOf.push({ from: pkg.name, names: list.filter((s): s is string => typeof s === 'string' && s !== pkg.name) });
  }
  for (const { from, names } of siblingsOf) {
    for (const name of names) {
      if (named.has(name)) continue;
      const backendRole = identityFromName(name)?.role === 'plugin';
      const frontendRole = !backendRole && frontendIdentity({ name, json: {} }) !== undefined;
      if (backendRole && backendDir && only !== 'frontend') {
        named.add(name);
        const pkg = workspace.findByName(backendDir, name);
        if (pkg) halves.backend.push(name);
        else if (!where.remove) halves.notes.push(`${from} names its backend plugin ${name}, which is not installed: install it (yarn --cwd ${relative(root, backendDir)} add ${name}) and run wire-plugin again`);
      } else if (frontendRole && appDir && only !== 'backend') {
        named.add(name);
        const pkg = workspace.findByName(appDir, name);
        if (pkg && frontendIdentity(pkg)) halves.frontend.push(frontendTarget(from, pkg));
        else if (!where.remove) halves.notes.push(`${from} names its frontend plugin ${name}, which is not installed: install it (yarn --cwd ${relative(root, appDir)} add ${name}) and run wire-plugin again`);
      }
    }
  }
}

function findBackend(workspace: Workspace, backendDir: string, id: string, packageName?: string): PackageInfo | undefined {
  try {
    return workspace.findPluginPackage(backendDir, id, packageName);
  } catch {
    return undefined;
  }
}

/** Whether a folder holds a package.json. */
export const hasPackage = (dir: string): boolean => fs.existsSync(path.join(dir, 'package.json'));
