#!/usr/bin/env node
/**
 * Generates src/repo/release-versions.ts: for every Backstage
 * release from 1.24 to the newest the npm registry has a create-app for,
 * the version of each package migrate can add (backend-defaults,
 * backend-common, backend-plugin-api, the modules for the template's
 * customisations and auth providers, and the template's features).
 *
 *   node scripts/release-table.js
 *
 * How a release's versions are found. Each release is pinned by the
 * version of @backstage/backend-plugin-api it shipped: for 1.24 to 1.40 as
 * read in that release's manifest (Backstage's own list of the versions in
 * a release, copied below), and from 1.41 on from the registry's
 * @backstage/create-app of that release (its dist says the release, and the
 * backend-defaults it pins, whose dependency on backend-plugin-api is the
 * release's). A package's version at a release is then the newest version
 * on the registry whose own dependency on backend-plugin-api that release's
 * version satisfies: Backstage publishes every package of a release
 * against that release's backend-plugin-api, so a later version needs a
 * later one. Only versions the registry has are chosen, so every entry
 * installs; a package with none for a release has no entry there.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');

/** backend-plugin-api by release, from each release's manifest (X.Y.0). */
const MANIFEST_ANCHORS = {
  '1.24': '0.6.14', '1.25': '0.6.16', '1.26': '0.6.17', '1.27': '0.6.18', '1.28': '0.6.19', '1.29': '0.7.0',
  '1.30': '0.8.0', '1.31': '1.0.0', '1.32': '1.0.1', '1.33': '1.0.2', '1.34': '1.1.0', '1.35': '1.1.1',
  '1.36': '1.2.0', '1.37': '1.2.1', '1.38': '1.3.0', '1.39': '1.3.1', '1.40': '1.4.0',
};

const AUTH_PROVIDERS = [
  'atlassian', 'auth0', 'aws-alb', 'azure-easyauth', 'bitbucket', 'bitbucket-server', 'cloudflare-access', 'gcp-iap',
  'github', 'gitlab', 'google', 'guest', 'microsoft', 'oauth2', 'oauth2-proxy', 'oidc', 'okta', 'onelogin', 'pinniped', 'vmware-cloud',
];
const PACKAGES = [
  '@backstage/backend-defaults',
  '@backstage/backend-common',
  '@backstage/backend-plugin-api',
  '@backstage/plugin-catalog-backend-module-scaffolder-entity-model',
  '@backstage/plugin-search-backend-module-catalog',
  '@backstage/plugin-search-backend-module-techdocs',
  '@backstage/plugin-search-backend-module-pg',
  '@backstage/plugin-permission-backend-module-allow-all-policy',
  ...AUTH_PROVIDERS.map(provider => `@backstage/plugin-auth-backend-module-${provider}-provider`),
  '@backstage/plugin-app-backend',
  '@backstage/plugin-auth-backend',
  '@backstage/plugin-catalog-backend',
  '@backstage/plugin-kubernetes-backend',
  '@backstage/plugin-permission-backend',
  '@backstage/plugin-proxy-backend',
  '@backstage/plugin-scaffolder-backend',
  '@backstage/plugin-search-backend',
  '@backstage/plugin-techdocs-backend',
];
const API = '@backstage/backend-plugin-api';
/** Packages create-app's template pins (dist/packages/<name>, dist/plugins/<name>), tried in this order. */
const TEMPLATE_PACKAGES = [
  '@backstage/backend-defaults',
  '@backstage/plugin-catalog-backend',
  '@backstage/plugin-scaffolder-backend',
  '@backstage/plugin-auth-backend',
  '@backstage/plugin-search-backend',
  '@backstage/plugin-techdocs-backend',
  '@backstage/plugin-proxy-backend',
  '@backstage/plugin-app-backend',
  '@backstage/plugin-permission-backend',
  '@backstage/plugin-kubernetes-backend',
];

const COMMON = '@backstage/backend-common';

/** `0.8.0` for `0.8.3`, `1.0.0` for `1.4.2`: the bottom of the caret range a version is in. */
function lowestOfCaret(version) {
  const [a, b] = parse(version);
  return a > 0 ? `${a}.0.0` : `0.${b}.0`;
}

/**
 * The range of backend-plugin-api a published version was built against:
 * its own dependency, else (older packages that reach it only through
 * backend-common) that of the backend-common version it names.
 */
function apiRange(meta, documents) {
  const direct = meta.dependencies?.[API];
  if (direct) return direct;
  const common = meta.dependencies?.[COMMON];
  const low = common && /(\d+\.\d+\.\d+)/.exec(common)?.[1];
  return low ? documents.get(COMMON)?.versions[low]?.dependencies?.[API] : undefined;
}

function parse(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? match.slice(1, 4).map(Number) : undefined;
}
function compare(a, b) {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}
/** Whether `version` satisfies `range`: `^x.y.z`, `~x.y.z`, or `x.y.z` (what Backstage publishes). */
function satisfies(version, range) {
  const match = /^([\^~]?)(\d+\.\d+\.\d+)$/.exec(String(range).trim());
  if (!match) return false;
  const [, op, low] = match;
  if (compare(version, low) < 0) return false;
  const [va, vb] = parse(version);
  const [la, lb] = parse(low);
  if (op === '') return compare(version, low) === 0;
  if (op === '~') return va === la && vb === lb;
  return la > 0 ? va === la : lb > 0 ? va === 0 && vb === lb : compare(version, low) === 0;
}

const REGISTRY = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim().replace(/\/$/, '');
function packument(name) {
  return new Promise((resolve, reject) => {
    https
      .get(`${REGISTRY}/${name.replace('/', '%2f')}`, { headers: { accept: 'application/json' } }, response => {
        let body = '';
        response.on('data', chunk => (body += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${name}: HTTP ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}

/** Release → backend-defaults, from each create-app on the registry (dist/package.json.cjs.js holds the release). */
function createAppReleases() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-table-'));
  const versions = JSON.parse(execFileSync('npm', ['view', '@backstage/create-app', 'versions', '--json'], { encoding: 'utf8' })).filter(v => parse(v));
  const out = {};
  for (const version of versions) {
    const tarball = execFileSync('npm', ['pack', `@backstage/create-app@${version}`, '--silent'], { cwd: dir, encoding: 'utf8' }).trim();
    const into = path.join(dir, version);
    fs.mkdirSync(into);
    execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', into]);
    const read = file => {
      try {
        return /var version = "([^"]+)"/.exec(fs.readFileSync(path.join(into, 'package', 'dist', file), 'utf8'))?.[1];
      } catch {
        return undefined;
      }
    };
    const release = read('package.json.cjs.js');
    // The template's packages at that release (backend-defaults first), any of which pins its backend-plugin-api.
    const pinned = TEMPLATE_PACKAGES.map(name => [name, read(path.join(name.replace('@backstage/plugin-', 'plugins/').replace('@backstage/', 'packages/'), 'package.json.cjs.js'))]).filter(([, v]) => v);
    const minor = release && /^(\d+\.\d+)\.0$/.exec(release)?.[1];
    if (minor && pinned.length && !out[minor]) out[minor] = { release, pinned, createApp: version };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

async function main() {
  const documents = new Map();
  const absent = [];
  for (const name of PACKAGES) {
    try {
      documents.set(name, await packument(name));
    } catch (error) {
      // Not on the registry reachable here: no entry for it, said below.
      if (!/HTTP 404/.test(error.message)) throw error;
      absent.push(name);
    }
  }
  const anchors = { ...MANIFEST_ANCHORS };
  const fromCreateApp = createAppReleases();
  for (const [minor, found] of Object.entries(fromCreateApp)) {
    if (anchors[minor]) continue;
    // The first of the template's pinned packages that the registry has at that version says the release's backend-plugin-api.
    for (const [name, version] of found.pinned) {
      const range = documents.get(name)?.versions[version]?.dependencies?.[API];
      const low = range && /(\d+\.\d+\.\d+)/.exec(range)?.[1];
      if (low) {
        anchors[minor] = low;
        found.by = `${name} ${version}`;
        break;
      }
    }
    if (!anchors[minor]) throw new Error(`${minor}: none of create-app ${found.createApp}'s template packages is on the registry at its version`);
  }
  const releases = Object.keys(anchors).sort((a, b) => compare(`${a}.0`, `${b}.0`));
  const table = {};
  for (const release of releases) {
    const api = anchors[release];
    const row = {};
    for (const name of PACKAGES.filter(p => documents.has(p))) {
      // backend-common left the releases after 1.31 (its last, 0.25.0, still says ^1.0.0, so the rule alone would keep it).
      if (name === COMMON && compare(`${release}.0`, '1.31.0') > 0) continue;
      const versions = Object.entries(documents.get(name).versions).filter(([v]) => parse(v));
      let fits;
      if (name === API) {
        // The release's own version, else the nearest the registry has in its caret range: below it first, then above.
        const compatible = versions.map(([v]) => v).filter(v => satisfies(v, `^${lowestOfCaret(api)}`)).sort(compare);
        fits = [compatible.filter(v => compare(v, api) <= 0).pop() ?? compatible.find(v => compare(v, api) > 0)].filter(Boolean);
      } else {
        fits = versions.filter(([, meta]) => satisfies(api, apiRange(meta, documents) ?? '')).map(([v]) => v).sort(compare).slice(-1);
      }
      if (fits.length) row[name] = fits[0];
    }
    table[release] = row;
  }
  // Compact, one string per package with a version (or '-') per release, so the table costs next to nothing to load.
  const names = PACKAGES.filter(p => documents.has(p));
  const lines = [
    '/*',
    ' * Generated by `node scripts/release-table.js` from the npm registry and',
    " * Backstage's release manifests (see that script for how); do not edit.",
    ' * For each package, its version at each Backstage release of',
    " * RELEASE_ROWS ('-': none on the registry): the newest the registry has",
    " * that was built against the release's @backstage/backend-plugin-api.",
    ' */',
    '',
    '/** The release rows, oldest first. */',
    `export const RELEASE_ROWS: readonly string[] = [${releases.map(r => `'${r}'`).join(', ')}];`,
    '',
    'export const VERSIONS_BY_RELEASE: Readonly<Record<string, string>> = {',
    ...names.map(name => `  '${name}': '${releases.map(r => table[r][name] ?? '-').join(' ')}',`),
    '};',
    '',
  ];
  const file = path.join(__dirname, '..', 'src', 'repo', 'release-versions.ts');
  fs.writeFileSync(file, lines.join('\n'));
  console.log(`${path.relative(process.cwd(), file)}: ${releases.length} releases (${releases[0]} to ${releases[releases.length - 1]}), ${documents.size} packages`);
  if (absent.length) console.log(`  not on the registry: ${absent.join(', ')}`);
  for (const [minor, found] of Object.entries(fromCreateApp)) if (!MANIFEST_ANCHORS[minor]) console.log(`  ${minor}: create-app ${found.createApp}, ${found.by}: ${API} ${anchors[minor]}`);
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
