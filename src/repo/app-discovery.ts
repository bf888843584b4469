/**
 * Which app-config key a new-frontend-system app's build reads feature
 * discovery from. @backstage/cli's bundler (packageDetection, read in the
 * published packages) read `app.experimental.packages` up to 0.33;
 * `app.packages`, else `app.experimental.packages`, from 0.34.0 to 0.35.3;
 * and `app.packages` alone from 0.35.4, which removed the old key. The
 * CLI's version is the installed one, else the lowest of the root
 * package.json's range; unknown, the key read is the one the app-config
 * has (as 0.34 and 0.35 read them).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DiscoverySection } from '../../transforms/app-config-packages';
import { readDiscoveryPackages } from '../../transforms/app-config-packages';
import { compareVersions, lowestVersion } from './release-table';

/** The first @backstage/cli that reads `app.packages`, and the first that no longer reads `app.experimental.packages`. */
const FIRST_APP_PACKAGES = '0.34.0';
const LAST_EXPERIMENTAL = '0.35.3';

export interface AppDiscovery {
  /** The key the build reads: `app` (app.packages) or `app.experimental` (app.experimental.packages). */
  readonly section: Extract<DiscoverySection, 'app' | 'app.experimental'>;
  /** @backstage/cli's version, where known, and where it was read. */
  readonly cli?: { readonly version: string; readonly from: string };
  /** The other key, where the app-config has it and this CLI does not read it (`app.experimental.packages` from 0.35.4), and its line. */
  readonly ignored?: { readonly section: AppDiscovery['section']; readonly line: number };
}

/** @backstage/cli's version: installed at the root, else the lowest of the range the root package.json names. */
export function backstageCliVersion(root: string, rootJson: Record<string, unknown> | undefined): AppDiscovery['cli'] {
  try {
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@backstage', 'cli', 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof installed.version === 'string') return { version: installed.version, from: 'node_modules/@backstage/cli' };
  } catch {
    // Not installed: the range, if any.
  }
  for (const field of ['devDependencies', 'dependencies'] as const) {
    const range = (rootJson?.[field] as Record<string, unknown> | undefined)?.['@backstage/cli'];
    const version = typeof range === 'string' ? lowestVersion(range) : undefined;
    if (version) return { version, from: `package.json ${field}` };
  }
  return undefined;
}

/** The discovery key the app's build reads, given its app-config text and its CLI's version. */
export function appDiscoverySection(configText: string | undefined, configDisplay: string, cli: AppDiscovery['cli']): AppDiscovery {
  const lineOf = (section: AppDiscovery['section']): number | undefined => {
    const packages = configText === undefined ? undefined : readDiscoveryPackages(configText, configDisplay, section);
    return packages && packages.kind !== 'none' ? packages.line : undefined;
  };
  const only = (section: AppDiscovery['section'], other: AppDiscovery['section']): AppDiscovery => {
    const line = lineOf(other);
    return { section, ...(cli ? { cli } : {}), ...(line !== undefined && lineOf(section) === undefined ? { ignored: { section: other, line } } : {}) };
  };
  if (cli && compareVersions(cli.version, FIRST_APP_PACKAGES) < 0) return only('app.experimental', 'app');
  if (cli && compareVersions(cli.version, LAST_EXPERIMENTAL) > 0) return only('app', 'app.experimental');
  return { section: lineOf('app') === undefined && lineOf('app.experimental') !== undefined ? 'app.experimental' : 'app', ...(cli ? { cli } : {}) };
}

/** The warning for a discovery key the app's CLI does not read, or undefined. */
export function ignoredDiscoveryWarning(discovery: AppDiscovery, configDisplay: string): string | undefined {
  const { ignored, cli, section } = discovery;
  if (!ignored || !cli) return undefined;
  return `${configDisplay}:${ignored.line}: ${ignored.section}.packages: @backstage/cli ${cli.version} (${cli.from}) does not read it (${section}.packages is its key), so the app discovers nothing by it; rename it to ${section}.packages for discovery`;
}
