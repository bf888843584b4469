/**
 * What migrate knows without node_modules: for Backstage's own backend
 * packages, from which version each default-exported a backend feature, and
 * where (`/alpha` first, later the package root); and, per Backstage
 * release, the versions of the packages a migration adds. Every entry was
 * read off the packages published on the npm registry (their dist/*.d.ts);
 * a version below an entry's first one is unknown, and migrate bridges it.
 * The versions by release are read by src/repo/release-table.ts.
 */
import { compareVersions, versionAtRelease } from '../../repo/release-table';

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
  // The registry's first version of each, read for the providers the legacy auth router served by default.
  '@backstage/plugin-auth-backend-module-microsoft-provider': { root: '0.1.18' },
  '@backstage/plugin-auth-backend-module-oauth2-provider': { root: '0.1.2' },
  '@backstage/plugin-auth-backend-module-oidc-provider': { root: '0.2.4' },
  '@backstage/plugin-auth-backend-module-onelogin-provider': { root: '0.1.4' },
  '@backstage/plugin-auth-backend-module-atlassian-provider': { root: '0.1.10' },
  '@backstage/plugin-auth-backend-module-auth0-provider': { root: '0.1.1' },
  '@backstage/plugin-auth-backend-module-aws-alb-provider': { root: '0.1.15' },
  '@backstage/plugin-auth-backend-module-azure-easyauth-provider': { root: '0.1.6' },
  '@backstage/plugin-auth-backend-module-bitbucket-provider': { root: '0.1.6' },
  '@backstage/plugin-auth-backend-module-bitbucket-server-provider': { root: '0.1.1' },
};

/** Where a version of a package has its feature, by the table: `''` (root), `'/alpha'`, or undefined when unknown. */
export function featureFromTable(packageName: string, version: string): string | undefined {
  const history = FEATURE_HISTORY[packageName];
  if (!history) return undefined;
  if (history.root && compareVersions(version, history.root) >= 0) return '';
  if (history.alpha && compareVersions(version, history.alpha) >= 0) return '/alpha';
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
