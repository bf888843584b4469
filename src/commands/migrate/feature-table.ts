/**
 * What migrate knows without node_modules: for Backstage's own backend
 * packages, from which version each default-exported a backend feature, and
 * where (`/alpha` first, later the package root); and, per Backstage
 * release, the versions of the packages a migration adds. Every entry was
 * read off the packages published on the npm registry (their dist/*.d.ts);
 * a version below an entry's first one is unknown, and migrate bridges it.
 * The versions by release are in release-versions.ts (generated).
 */
import { RELEASE_ROWS, VERSIONS_BY_RELEASE } from './release-versions';

export interface FeatureHistory {
  /** The first version checked with its feature default-exported at `/alpha`. */
  readonly alpha?: string;
  /** The first version checked with its feature default-exported at the root. */
  readonly root?: string;
}

export const FEATURE_HISTORY: Readonly<Record<string, FeatureHistory>> = {
  '@backstage/plugin-app-backend': { alpha: '0.3.53', root: '0.4.2' },
  '@backstage/plugin-auth-backend': { root: '0.19.4' },
  '@backstage/plugin-catalog-backend': { alpha: '1.13.3', root: '1.27.1' },
  '@backstage/plugin-kubernetes-backend': { alpha: '0.18.4', root: '0.19.0' },
  '@backstage/plugin-permission-backend': { alpha: '0.5.28', root: '0.5.50' },
  '@backstage/plugin-proxy-backend': { alpha: '0.4.16', root: '0.5.7' },
  '@backstage/plugin-scaffolder-backend': { alpha: '1.22.0', root: '1.26.0' },
  '@backstage/plugin-search-backend': { alpha: '1.4.5', root: '1.6.0' },
  '@backstage/plugin-techdocs-backend': { alpha: '1.7.2', root: '1.11.1' },
  '@backstage/plugin-search-backend-module-catalog': { alpha: '0.1.9', root: '0.2.4' },
  '@backstage/plugin-search-backend-module-techdocs': { alpha: '0.1.9', root: '0.3.1' },
  '@backstage/plugin-catalog-backend-module-scaffolder-entity-model': { root: '0.1.2' },
  '@backstage/plugin-permission-backend-module-allow-all-policy': { root: '0.1.20' },
  '@backstage/plugin-auth-backend-module-guest-provider': { root: '0.1.9' },
  '@backstage/plugin-auth-backend-module-github-provider': { root: '0.1.2' },
  '@backstage/plugin-auth-backend-module-gitlab-provider': { root: '0.1.2' },
  '@backstage/plugin-auth-backend-module-google-provider': { root: '0.1.2' },
  '@backstage/plugin-auth-backend-module-okta-provider': { root: '0.0.2' },
};

/** `1.24.0` from `^1.24.0`, `~1.24.0`, `1.24.0`; undefined for ranges that name no version (`workspace:^`, `*`). */
export function lowestVersion(range: string): string | undefined {
  const match = /^[\^~>=]*\s*v?(\d+)\.(\d+)\.(\d+)/.exec(range.trim());
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Where a version of a package has its feature, by the table: `''` (root), `'/alpha'`, or undefined when unknown. */
export function featureFromTable(packageName: string, version: string): string | undefined {
  const history = FEATURE_HISTORY[packageName];
  if (!history) return undefined;
  if (history.root && compareVersions(version, history.root) >= 0) return '';
  if (history.alpha && compareVersions(version, history.alpha) >= 0) return '/alpha';
  return undefined;
}

/** The table's cells, read once: package → release row → version. */
let cells: Map<string, Map<string, string>> | undefined;
function tableCells(): Map<string, Map<string, string>> {
  if (!cells) {
    cells = new Map();
    for (const [name, row] of Object.entries(VERSIONS_BY_RELEASE)) {
      const versions = row.split(' ');
      cells.set(name, new Map(RELEASE_ROWS.map((release, i) => [release, versions[i]] as [string, string]).filter(([, v]) => v !== '-')));
    }
  }
  return cells;
}

/** The table's row for a release (`1.29.0` reads `1.29`), else the nearest row below it; undefined below the first. */
export function releaseRow(release: string | undefined): string | undefined {
  const minor = release ? /^(\d+)\.(\d+)/.exec(release) : null;
  if (!minor) return undefined;
  const wanted = [Number(minor[1]), Number(minor[2])];
  let found: string | undefined;
  for (const row of RELEASE_ROWS) {
    const [a, b] = row.split('.').map(Number);
    if (a < wanted[0] || (a === wanted[0] && b <= wanted[1])) found = row;
  }
  return found;
}

/** A package's version at a release by the table (its row, else the nearest below; across a hole, the nearest version below), or undefined. */
export function versionAtRelease(packageName: string, release: string | undefined): string | undefined {
  return versionForRelease(packageName, release)?.range.replace(/^\^/, '');
}

/**
 * The range to add for a package at a Backstage release (`1.29.0` reads the
 * `1.29` row). A release without a row is read from the nearest row below
 * it, and `row` says which, so the caller can warn; none below: undefined.
 * Where the registry lacks the package's version at that row but has it at
 * later ones (a hole: the scaffolder entity-model module at 1.29), the
 * nearest version below is taken and `hole` says so, for a warning. After a
 * package's last row (backend-common after 1.31) there is none: an older
 * release's version would not fit a release that dropped the package.
 */
export function versionForRelease(packageName: string, release: string | undefined): { range: string; row: string; hole?: boolean } | undefined {
  const row = releaseRow(release);
  const versions = tableCells().get(packageName);
  if (!row || !versions) return undefined;
  const version = versions.get(row);
  if (version) return { range: `^${version}`, row };
  const index = RELEASE_ROWS.indexOf(row);
  if (!RELEASE_ROWS.slice(index + 1).some(later => versions.has(later))) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const below = versions.get(RELEASE_ROWS[i]);
    if (below) return { range: `^${below}`, row: RELEASE_ROWS[i], hole: true };
  }
  return undefined;
}

/**
 * Where features were by Backstage release, for ranges that name no version
 * (`backstage:^`, `workspace:^`): first the package's version at that release
 * by the version table, read against FEATURE_HISTORY; where the table has no
 * version for it, the create-app template of Backstage 1.24 (create-app
 * 0.5.12), which added these packages' features at `/alpha` and these at the
 * root, as the releases up to 1.29 still export them. Otherwise unknown, and
 * the plugin is bridged.
 */
const ALPHA_AT_1_24 = [
  '@backstage/plugin-app-backend', '@backstage/plugin-proxy-backend', '@backstage/plugin-scaffolder-backend',
  '@backstage/plugin-techdocs-backend', '@backstage/plugin-catalog-backend', '@backstage/plugin-permission-backend',
  '@backstage/plugin-search-backend', '@backstage/plugin-search-backend-module-catalog', '@backstage/plugin-search-backend-module-techdocs',
];
const ROOT_AT_1_24 = [
  '@backstage/plugin-auth-backend', '@backstage/plugin-auth-backend-module-guest-provider',
  '@backstage/plugin-catalog-backend-module-scaffolder-entity-model', '@backstage/plugin-permission-backend-module-allow-all-policy',
];

export function featureFromRelease(packageName: string, release: string | undefined): string | undefined {
  // The package's version at that release, by the version table, says where its feature is.
  const version = versionAtRelease(packageName, release);
  const fromVersion = version ? featureFromTable(packageName, version) : undefined;
  if (fromVersion !== undefined) return fromVersion;
  const match = release ? /^1\.(\d+)\./.exec(release) : null;
  const minor = match ? Number(match[1]) : undefined;
  if (minor === undefined || minor < 24 || minor > 29) return undefined;
  if (ALPHA_AT_1_24.includes(packageName)) return '/alpha';
  if (ROOT_AT_1_24.includes(packageName)) return '';
  return undefined;
}
