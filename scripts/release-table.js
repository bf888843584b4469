#!/usr/bin/env node
/**
 * Generates src/commands/migrate/release-versions.ts: for every Backstage
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
    const defaults = read(path.join('packages', 'backend-defaults', 'package.json.cjs.js'));
    const minor = release && /^(\d+\.\d+)\.0$/.exec(release)?.[1];
    if (minor && defaults && !out[minor]) out[minor] = { release, defaults, createApp: version };
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
  const defaults = documents.get('@backstage/backend-defaults');
  for (const [minor, found] of Object.entries(fromCreateApp)) {
    if (anchors[minor]) continue;
    const range = defaults.versions[found.defaults]?.dependencies?.[API];
    const low = range && /(\d+\.\d+\.\d+)/.exec(range)?.[1];
    if (!low) throw new Error(`${minor}: backend-defaults ${found.defaults} (create-app ${found.createApp}) is not on the registry with a ${API} dependency`);
    anchors[minor] = low;
  }
  const releases = Object.keys(anchors).sort((a, b) => compare(`${a}.0`, `${b}.0`));
  const table = {};
  for (const release of releases) {
    const api = anchors[release];
    const row = {};
    for (const name of PACKAGES.filter(p => documents.has(p))) {
      const versions = Object.entries(documents.get(name).versions).filter(([v]) => parse(v));
      const fits =
        name === API
          ? versions.filter(([v]) => satisfies(v, `^${api}`)).map(([v]) => v).sort(compare).slice(0, 1)
          : versions.filter(([, meta]) => satisfies(api, meta.dependencies?.[API] ?? '')).map(([v]) => v).sort(compare).slice(-1);
      if (fits.length) row[name] = fits[0];
    }
    table[release] = row;
  }
  const lines = [
    '/*',
    ' * Generated by `node scripts/release-table.js` from the npm registry and',
    " * Backstage's release manifests (see that script for how); do not edit.",
    ' * Each row: the version of each package at that Backstage release, the',
    ' * newest the registry has that was built against the release\'s',
    ' * @backstage/backend-plugin-api.',
    ' */',
    '',
    '/** The release rows, oldest first. */',
    `export const RELEASE_ROWS: readonly string[] = ${JSON.stringify(releases).replace(/","/g, "', '").replace(/\["/, "['").replace(/"\]/, "']")};`,
    '',
    '/** Versions by release; a function, so the table is only read when migrate needs it. */',
    'export function releaseTable(): Readonly<Record<string, Readonly<Record<string, string>>>> {',
    '  return {',
    ...releases.map(release => `    '${release}': { ${Object.entries(table[release]).map(([name, version]) => `'${name}': '${version}'`).join(', ')} },`),
    '  };',
    '}',
    '',
  ];
  const file = path.join(__dirname, '..', 'src', 'commands', 'migrate', 'release-versions.ts');
  fs.writeFileSync(file, lines.join('\n'));
  console.log(`${path.relative(process.cwd(), file)}: ${releases.length} releases (${releases[0]} to ${releases[releases.length - 1]}), ${documents.size} packages`);
  if (absent.length) console.log(`  not on the registry: ${absent.join(', ')}`);
  for (const [minor, found] of Object.entries(fromCreateApp)) if (!MANIFEST_ANCHORS[minor]) console.log(`  ${minor}: create-app ${found.createApp}, backend-defaults ${found.defaults}, ${API} ${anchors[minor]}`);
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
