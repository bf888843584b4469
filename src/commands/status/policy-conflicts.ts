/**
 * Two modules the backend loads that set the permission policy (the
 * community RBAC backend beside create-app's allow-all policy module, or a
 * policy module of the app's own): the permission plugin takes one, and the
 * start stops with "Policy already set". Status marks both `conflict`.
 */

/** What status lists of an entry, as far as this reads it. */
interface Listed {
  readonly id: string;
  readonly role: string;
  readonly package: string | null;
  readonly state: string;
}

/** The loaded modules of permission that set its policy (as `setsPolicy` reads each) where another loaded in the same start does too. */
export function policyConflicts<T extends Listed>(entries: readonly T[], setsPolicy: (entry: T) => boolean, exclusive: (a: T, b: T) => boolean): T[] {
  const loaded = entries.filter(entry => entry.id === 'permission' && entry.role === 'module' && entry.package && (entry.state === 'wired' || entry.state === 'duplicate'));
  const setters = loaded.filter(setsPolicy);
  return setters.filter(entry => setters.some(other => other !== entry && other.package !== entry.package && !exclusive(entry, other)));
}
