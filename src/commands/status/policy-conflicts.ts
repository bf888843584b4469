/**
 * Two modules the backend loads that set the permission policy (the
 * community RBAC backend beside create-app's allow-all policy module, or a
 * policy module of the app's own): the permission plugin takes one, and the
 * start stops with "Policy already set". Status marks both `conflict`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileSetsPermissionPolicy, setsPermissionPolicy } from '../../repo/permission-policy';
import { identityFromName } from '../../../transforms/lib/package-names';

/** What status lists of an entry, as far as this reads it. */
interface Listed {
  readonly id: string;
  readonly role: string;
  readonly package: string | null;
  readonly state: string;
}

/** The loaded modules of permission that set its policy where another loaded in the same start does too. */
export function policyConflicts<T extends Listed>(
  entries: readonly T[],
  dirOf: (name: string) => string | undefined,
  indexPath: string,
  read: (file: string) => string | undefined,
  exclusive: (a: T, b: T) => boolean,
): T[] {
  const loaded = entries.filter(entry => entry.id === 'permission' && entry.role === 'module' && entry.package && (entry.state === 'wired' || entry.state === 'duplicate'));
  const setters = loaded.filter(entry => setsPolicy(entry.package as string, dirOf, indexPath, read));
  return setters.filter(entry => setters.some(other => other !== entry && other.package !== entry.package && !exclusive(entry, other)));
}

function setsPolicy(specifier: string, dirOf: (name: string) => string | undefined, indexPath: string, read: (file: string) => string | undefined): boolean {
  if (specifier.startsWith('.')) {
    const base = path.resolve(path.dirname(indexPath), specifier).replace(/\.[cm]?[jt]sx?$/, '');
    const file = [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')].find(candidate => fs.existsSync(candidate));
    return file !== undefined && fileSetsPermissionPolicy(file, read);
  }
  const dir = dirOf(specifier);
  // Not installed: a module of permission named for a policy (create-app's allow-all-policy) sets one.
  if (dir === undefined) return identityFromName(specifier)?.role === 'module' && /-policy$/.test(specifier);
  return setsPermissionPolicy(dir);
}
