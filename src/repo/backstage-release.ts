/**
 * Which Backstage release a repo is on, as far as the legacyPlugin bridge
 * cares. `legacyPlugin` (from `@backstage/backend-common`) runs on 1.24 to
 * 1.31: 0.25.0, the last backend-common, came with 1.31 and needs
 * `@backstage/backend-plugin-api` ^1.0.0; later releases have no
 * backend-common, and under their loaders the bridge fails at startup
 * (`createRouter is not a function`). So a legacy-only plugin is bridged up
 * to 1.31 and gets a new-system wrapper after it.
 *
 * The release comes from `backstage.json` at the root (what `backstage-cli
 * versions:bump` keeps), else from the installed backend-plugin-api
 * (1.0.0 is 1.31's), else the repo is taken to be on a current release.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The last release whose backend-common exports a working `legacyPlugin`. */
const LAST_BRIDGE_RELEASE = [1, 31] as const;
/** backend-plugin-api of that release. */
const LAST_BRIDGE_PLUGIN_API = [1, 0, 0] as const;

export interface BridgeVerdict {
  /** Whether `legacyPlugin` works on the repo's release. */
  readonly works: boolean;
  /** What decided it, for the report. */
  readonly decidedBy: string;
}

function versionOf(text: string | undefined): number[] | undefined {
  const match = /^\D*(\d+)\.(\d+)\.(\d+)/.exec(text ?? '');
  return match ? match.slice(1, 4).map(Number) : undefined;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The Backstage release backstage.json at the root names, if any. */
export function releaseOf(root: string): string | undefined {
  const version = readJson(path.join(root, 'backstage.json'))?.version;
  return typeof version === 'string' ? version : undefined;
}

export function legacyPluginVerdict(root: string, backendDir: string): BridgeVerdict {
  const release = readJson(path.join(root, 'backstage.json'))?.version;
  const releaseVersion = typeof release === 'string' ? versionOf(release) : undefined;
  if (releaseVersion) {
    const works = compareVersions(releaseVersion.slice(0, 2), LAST_BRIDGE_RELEASE) <= 0;
    return { works, decidedBy: `backstage.json says ${release}` };
  }
  for (const base of [backendDir, root]) {
    const installed = readJson(path.join(base, 'node_modules', '@backstage', 'backend-plugin-api', 'package.json'))?.version;
    const version = typeof installed === 'string' ? versionOf(installed) : undefined;
    if (version) return { works: compareVersions(version, LAST_BRIDGE_PLUGIN_API) <= 0, decidedBy: `@backstage/backend-plugin-api ${installed} is installed` };
  }
  return { works: false, decidedBy: 'no backstage.json and no installed @backstage/backend-plugin-api: taken to be a current release' };
}
