/**
 * Whether a package sets the permission policy (`policy.setPolicy(...)`
 * through the permission plugin's policy extension point), read from its
 * built code (`dist/`) or, for a workspace package, its sources (`src/`), as
 * text. The permission plugin takes one policy: a second `setPolicy` stops
 * the backend at start ("Policy already set"), as the community RBAC
 * backend and create-app's allow-all policy module do when both are added.
 */
import * as fs from 'fs';
import * as path from 'path';
import { identityFromName } from '../../transforms/lib/package-names';
import type { CallExpression } from '@babel/types';
import { identityOfCall } from './local-features';
import { registeredIds } from './registered-ids';

/** A call that sets the policy, as text. */
const SETS_POLICY = /\.setPolicy\(/;
/** How many files one package may take (the RBAC backend's dist/ has some forty). */
const MAX_FILES = 200;

const cache = new Map<string, boolean>();

function setsPermissionPolicy(dir: string | undefined): boolean {
  if (!dir) return false;
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const files = [...codeFiles(path.join(dir, 'dist'), /\.(c|m)?js$/), ...codeFiles(path.join(dir, 'src'), /\.tsx?$/)].slice(0, MAX_FILES);
  const found = files.some(file => !/\.(test|spec)\.[cm]?[jt]sx?$/.test(file) && SETS_POLICY.test(readText(file)));
  cache.set(dir, found);
  return found;
}

/** Whether a source file of the repo's own sets the permission policy. */
function fileSetsPermissionPolicy(file: string, read: (file: string) => string | undefined): boolean {
  return SETS_POLICY.test(read(file) ?? '');
}

function codeFiles(dir: string, pattern: RegExp): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Whether what index.ts adds sets the permission policy: a package that is a
 * module of permission and calls `.setPolicy(` (one not installed, and so
 * unread, where it is named for a policy: create-app's
 * `plugin-permission-backend-module-allow-all-policy`), or a module of the
 * backend's own (`./extensions/permissionsPolicyExtension`) that calls it.
 */
export function addedModuleSetsPolicy(
  specifier: string,
  where: { readonly indexPath: string; readonly dirOf: (name: string) => string | undefined; readonly read: (file: string) => string | undefined },
): boolean {
  if (specifier.startsWith('.')) {
    const base = path.resolve(path.dirname(where.indexPath), specifier).replace(/\.[cm]?[jt]sx?$/, '');
    const file = [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')].find(candidate => fs.existsSync(candidate));
    return file !== undefined && fileSetsPermissionPolicy(file, where.read);
  }
  const dir = where.dirOf(specifier);
  if (dir === undefined) {
    const identity = identityFromName(specifier);
    return identity?.pluginId === 'permission' && identity.role === 'module' && /-policy$/.test(specifier);
  }
  return packageSetsPolicy(dir);
}

/** A package whose code creates a module of permission and sets the policy. */
export function packageSetsPolicy(dir: string | undefined): boolean {
  return registeredIds(dir).modules.includes('permission') && setsPermissionPolicy(dir);
}

/** A module index.ts declares itself (`const policyModule = createBackendModule({ pluginId: 'permission', ... })`) that sets the policy. */
export function declaredModuleSetsPolicy(source: string, call: CallExpression): boolean {
  return identityOfCall(call)?.pluginId === 'permission' && SETS_POLICY.test(source.slice(call.start ?? 0, call.end ?? 0));
}
