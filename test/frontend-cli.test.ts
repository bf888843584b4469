/**
 * The frontend half through the built CLI and the library's status: one
 * command wires both halves, --only keeps a run to one, --dry-run and
 * --check write nothing, --json reports the frontend half, status lists the
 * app's frontend plugins and --check fails on a half-wired one, and bad
 * input exits 2 with one line and nothing written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { backendStatus } from '../src/commands/status/status';
import { FIXTURES_ROOT } from './helpers/fixtures';
import { cleanup, copyExample, read, runCli, snapshot, write } from './helpers/repo';

afterAll(cleanup);

const WIRE = path.join(FIXTURES_ROOT, 'wire');
const BOTH = path.join(WIRE, 'frontend-both-halves-legacy-app');
const copy = (dir: string): string => copyExample(dir);
const APP_TSX = 'packages/app/src/App.tsx';

test('one command wires both halves; a second run and --check find nothing to do', () => {
  const repo = copy(path.join(BOTH, 'input'));
  const first = runCli(['carmen'], repo);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('Wired carmen into packages/backend (new backend) and packages/app (legacy frontend): 0 created, 5 updated, 0 unchanged.');
  expect(snapshot(repo)).toEqual(snapshot(path.join(BOTH, 'output')));
  const again = runCli(['carmen'], repo);
  expect(again.stdout).toContain('carmen is already wired into packages/backend (new backend) and packages/app (legacy frontend): nothing to do.');
  expect(runCli(['carmen', '--check'], repo).code).toBe(0);
});

test('--only frontend leaves the backend alone, --only backend the app; --check fails until both are done', () => {
  const repo = copy(path.join(BOTH, 'input'));
  expect(runCli(['carmen', '--check', '-q'], repo).code).toBe(1);
  expect(runCli(['carmen', '--only', 'frontend', '-q'], repo).code).toBe(0);
  expect(read(repo, 'packages/backend/src/index.ts')).toBe(read(path.join(BOTH, 'input'), 'packages/backend/src/index.ts'));
  expect(read(repo, APP_TSX)).toBe(read(path.join(BOTH, 'output'), APP_TSX));
  expect(runCli(['carmen', '--check', '-q'], repo).code).toBe(1);
  expect(runCli(['carmen', '--only', 'backend', '-q'], repo).code).toBe(0);
  expect(runCli(['carmen', '--check', '-q'], repo).code).toBe(0);
});

test('a backend half refused (a new-system plugin, a legacy backend) writes nothing, and its hint names --only frontend, which wires the app', () => {
  const repo = copy(path.join(BOTH, 'input'));
  fs.rmSync(path.join(repo, 'packages', 'backend'), { recursive: true });
  fs.cpSync(path.join(path.dirname(FIXTURES_ROOT), 'examples', 'legacy-app', 'packages', 'backend'), path.join(repo, 'packages', 'backend'), { recursive: true });
  const before = snapshot(repo);
  const refused = runCli(['carmen'], repo);
  expect(refused.code).toBe(2);
  const lines = refused.stderr.split('\n');
  expect(lines[0]).toMatch(/^wire-plugin: error: plugins\/carmen-backend\/src\/plugin\.ts:\d+: @internal\/backstage-plugin-carmen-backend is a new-backend-system plugin .*cannot be wired into the legacy backend/);
  expect(lines.slice(1)).toEqual(['hint: wire-plugin carmen --only frontend wires the frontend half alone', '']);
  expect(snapshot(repo)).toEqual(before);
  expect(runCli(['carmen', '--only', 'frontend', '-q'], repo).code).toBe(0);
  expect(read(repo, APP_TSX)).toBe(read(path.join(BOTH, 'output'), APP_TSX));
});

test('a frontend half refused (a legacy plugin, a new-frontend-system app) writes nothing, and its hint names --only backend, which wires the backend', () => {
  const repo = copy(path.join(WIRE, 'frontend-legacy-plugin-in-a-new-system-app-is-refused', 'input'));
  fs.cpSync(path.join(BOTH, 'input', 'packages', 'backend'), path.join(repo, 'packages', 'backend'), { recursive: true });
  fs.cpSync(path.join(BOTH, 'input', 'plugins', 'carmen-backend'), path.join(repo, 'plugins', 'carmen-backend'), { recursive: true });
  const before = snapshot(repo);
  const refused = runCli(['carmen'], repo);
  expect(refused.code).toBe(2);
  const lines = refused.stderr.split('\n');
  expect(lines[0]).toMatch(/^wire-plugin: error: @internal\/backstage-plugin-carmen is a legacy frontend plugin /);
  expect(lines.slice(1)).toEqual(['hint: wire-plugin carmen --only backend wires the backend half alone', '']);
  expect(snapshot(repo)).toEqual(before);
  expect(runCli(['carmen', '--only', 'backend', '-q'], repo).code).toBe(0);
  expect(read(repo, 'packages/backend/src/index.ts')).toBe(read(path.join(BOTH, 'output'), 'packages/backend/src/index.ts'));
});

test('--dry-run shows the app diff and writes nothing; --json reports the frontend half', () => {
  const repo = copy(path.join(BOTH, 'input'));
  const before = snapshot(repo);
  const dry = runCli(['carmen', '--dry-run'], repo);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain('+    <Route path="/carmen" element={<CarmenPage />} />');
  expect(dry.stdout).toContain('+            <SidebarItem icon={ExtensionIcon} to="carmen" text="Carmen" />');
  expect(snapshot(repo)).toEqual(before);
  const json = JSON.parse(runCli(['carmen', '--json', '--dry-run'], repo).stdout);
  expect(json.frontend.system).toBe('legacy');
  expect(json.frontend.plugins[0].pieces).toEqual([
    { kind: 'dependency', where: 'packages/app/package.json', state: 'added' },
    { kind: 'route', where: APP_TSX, state: 'added' },
    { kind: 'sidebar', where: 'packages/app/src/components/Root/Root.tsx', state: 'added' },
  ]);
  expect(json.addedDependencies).toEqual(['@internal/backstage-plugin-carmen-backend', '@internal/backstage-plugin-carmen']);
});

test('--remove gives both halves back byte for byte', () => {
  const repo = copy(path.join(BOTH, 'output'));
  expect(runCli(['carmen', '--remove', '-q'], repo).code).toBe(0);
  expect(snapshot(repo)).toEqual(snapshot(path.join(BOTH, 'input')));
});

test("--remove keeps the app's dependency while a file of the app still imports the plugin (a use the tool did not write), and says so", () => {
  const repo = copy(path.join(BOTH, 'output'));
  const extra = 'packages/app/src/components/carmen/CarmenCard.tsx';
  write(repo, extra, "import React from 'react';\nimport { CarmenPage } from '@internal/backstage-plugin-carmen';\n\nexport const CarmenCard = () => <CarmenPage />;\n");
  const removed = runCli(['carmen', '--remove', '--json'], repo);
  expect(removed.code).toBe(0);
  const frontend = JSON.parse(removed.stdout).frontend.plugins[0];
  expect(frontend.pieces[0]).toEqual({ kind: 'dependency', where: 'packages/app/package.json', state: 'present' });
  expect(frontend.warnings).toEqual([`packages/app/package.json: kept @internal/backstage-plugin-carmen: ${extra} still imports it (take that use out by hand, then run --remove again)`]);
  // Everything else is back as it was; the app's package.json still names the plugin.
  const expected = snapshot(path.join(BOTH, 'input'));
  const encoded = (text: string): string => Buffer.from(text).toString('base64');
  expected.set(extra, encoded(read(repo, extra)));
  expected.set('packages/app/package.json', encoded(read(path.join(BOTH, 'output'), 'packages/app/package.json')));
  expect(snapshot(repo)).toEqual(expected);
  // With that use gone, --remove takes the dependency out.
  fs.rmSync(path.join(repo, extra));
  expect(runCli(['carmen', '--remove', '-q'], repo).code).toBe(0);
  expect(snapshot(repo)).toEqual(snapshot(path.join(BOTH, 'input')));
});

test('an App.tsx the tool cannot edit: exit 2, one line naming file:line, nothing written', () => {
  const repo = copy(path.join(BOTH, 'input'));
  write(repo, APP_TSX, read(repo, APP_TSX).replace('  <FlatRoutes>\n', '  <FlatRoutes>\n    {extraRoutes.map(r => <Route key={r} path={r} />)}\n'));
  const before = snapshot(repo);
  const result = runCli(['carmen'], repo);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(
    'wire-plugin: error: packages/app/src/App.tsx:33:5: routes built with .map(): expected <Route> elements written out as direct children of <FlatRoutes>\n' +
      'hint: wire-plugin carmen --only backend wires the backend half alone\n',
  );
  expect(snapshot(repo)).toEqual(before);
});

test('status lists the frontend half; --check fails on a half-wired plugin', () => {
  const input = backendStatus({ cwd: path.join(BOTH, 'input') });
  expect(input.frontend?.plugins.find(p => p.id === 'carmen')).toMatchObject({ state: 'not-wired', missing: ['dependency', 'route'] });
  const output = backendStatus({ cwd: path.join(BOTH, 'output') });
  expect(output.frontend?.plugins.find(p => p.id === 'carmen')).toEqual({
    id: 'carmen',
    package: '@internal/backstage-plugin-carmen',
    state: 'wired',
    pieces: [
      { kind: 'dependency', where: 'packages/app/package.json' },
      { kind: 'route', where: `${APP_TSX}:47` },
      { kind: 'sidebar', where: 'packages/app/src/components/Root/Root.tsx', optional: true },
    ],
    missing: [],
  });
  expect(output.complete).toBe(true);
  const repo = copy(path.join(BOTH, 'output'));
  write(repo, APP_TSX, read(repo, APP_TSX).replace('    <Route path="/carmen" element={<CarmenPage />} />\n', ''));
  const status = runCli(['status'], repo);
  expect(status.stdout).toContain('  half-wired    carmen   @internal/backstage-plugin-carmen  missing route\n');
  expect(runCli(['status', '--check', '-q'], repo).code).toBe(1);
});

test('status of a published plugin with entity content names the entity pages that have its tab', () => {
  const dir = path.join(WIRE, 'frontend-published-entity-content-with-required-route-and-config');
  const repo = copy(path.join(dir, 'output'));
  fs.cpSync(path.join(dir, 'installed'), path.join(repo, 'node_modules'), { recursive: true });
  const weather = backendStatus({ cwd: repo }).frontend?.plugins.find(p => p.id === 'weather');
  expect(weather?.state).toBe('wired');
  expect(weather?.pieces.filter(p => p.kind === 'tab').map(p => p.where)).toEqual(['serviceEntityPage', 'websiteEntityPage']);
});

test('status reads entity pages and tabs made by functions (const serviceEntityPage = () => (...), {weatherRoute()}): the tab is where the function is', () => {
  const dir = path.join(WIRE, 'frontend-published-entity-content-with-required-route-and-config');
  const repo = copy(path.join(dir, 'output'));
  fs.cpSync(path.join(dir, 'installed'), path.join(repo, 'node_modules'), { recursive: true });
  const file = 'packages/app/src/components/catalog/EntityPage.tsx';
  const tab = '    <EntityLayout.Route path="/weather" title="Weather" if={isWeatherAvailable}>\n      <EntityWeatherContent />\n    </EntityLayout.Route>\n';
  const text = read(repo, file);
  expect(text.split(tab).length).toBe(3);
  const helper = `const weatherRoute = () => (\n${tab.replace(/^ {2}/gm, '')});\n\n`;
  const edited = text
    .split(tab)
    .join('    {weatherRoute()}\n')
    .replace('const serviceEntityPage = (', `${helper}const serviceEntityPage = () => (`)
    .replace('const websiteEntityPage = (', 'const websiteEntityPage = () => (');
  write(repo, file, edited);
  const weather = backendStatus({ cwd: repo }).frontend?.plugins.find(p => p.id === 'weather');
  expect(weather?.state).toBe('wired');
  expect(weather?.pieces.filter(p => p.kind === 'tab').map(p => p.where)).toEqual(['weatherRoute']);
});

test("status finds a new-system feature imported from a subpath of a package that is not installed to say where its feature is (orgPlugin from @backstage/plugin-org/alpha)", () => {
  const repo = copy(path.join(WIRE, 'frontend-new-system-without-discovery', 'input'));
  write(repo, APP_TSX, read(repo, APP_TSX).replace("import { navModule } from './modules/nav';\n", "$&import orgPlugin from '@backstage/plugin-org/alpha';\n").replace('features: [catalogPlugin, navModule]', 'features: [catalogPlugin, orgPlugin, navModule]'));
  const appJson = JSON.parse(read(repo, 'packages/app/package.json'));
  appJson.dependencies['@backstage/plugin-org'] = '^0.6.0';
  write(repo, 'packages/app/package.json', JSON.stringify(appJson, null, 2) + '\n');
  const result = runCli(['status'], repo);
  expect(result.stdout).toMatch(/\n {2}wired +org +@backstage\/plugin-org +feature packages\/app\/src\/App\.tsx\n/);
});

test('--remove under discovery of all packages says the plugin was discovered only while the app depended on it', () => {
  const repo = copy(path.join(WIRE, 'frontend-new-system-discovers-all', 'input'));
  expect(runCli(['carmen', '--remove', '--only', 'frontend'], repo).stdout).toContain('@internal/backstage-plugin-carmen: discovery app-config.yaml:3 (absent)\n');
  expect(runCli(['carmen', '--only', 'frontend', '-q'], repo).code).toBe(0);
  expect(runCli(['carmen', '--remove', '--only', 'frontend'], repo).stdout).toContain('@internal/backstage-plugin-carmen: discovery app-config.yaml:3 (removed)\n');
});

test('a repo with an app and no backend: status lists the frontend alone', () => {
  const report = backendStatus({ cwd: path.join(WIRE, 'frontend-only-repo-without-a-backend', 'output') });
  expect(report.backend).toBeUndefined();
  expect(report.frontend?.plugins.map(p => `${p.id} ${p.state}`)).toEqual(['carmen wired', 'catalog wired']);
});

test('status --only lists one half; an App.tsx the tool cannot read (an app shell of its own, no createApp) names --only backend in its hint', () => {
  const repo = copy(path.join(BOTH, 'output'));
  const backendOnly = runCli(['status', '--only', 'backend'], repo);
  expect(backendOnly.code).toBe(0);
  expect(backendOnly.stdout).toContain('packages/backend (new backend system)');
  expect(backendOnly.stdout).not.toContain('packages/app');
  const frontendOnly = runCli(['status', '--only', 'frontend', '--check'], repo);
  expect(frontendOnly.code).toBe(0);
  expect(frontendOnly.stdout).toContain('packages/app (legacy frontend system)');
  expect(frontendOnly.stdout).not.toContain('packages/backend');

  write(repo, APP_TSX, "import { createPortalApp } from './portal';\n\nexport default createPortalApp().createRoot();\n");
  const refused = runCli(['status'], repo);
  expect(refused.code).toBe(2);
  expect(refused.stderr.split('\n')).toEqual([
    'wire-plugin: error: packages/app/src/App.tsx:1: no createApp import found: expected createApp from @backstage/app-defaults (legacy frontend system) or @backstage/frontend-defaults (new frontend system)',
    'hint: wire-plugin status --only backend lists the backend half alone',
    '',
  ]);
  const backendCheck = runCli(['status', '--only', 'backend', '--check', '-q'], repo);
  expect(backendCheck.code).toBe(0);

  fs.rmSync(path.join(repo, 'packages', 'app'), { recursive: true });
  const noApp = runCli(['status', '--only', 'frontend'], repo);
  expect(noApp.code).toBe(2);
  expect(noApp.stderr).toBe('wire-plugin: error: packages/app/package.json: not found: expected the app package there (--app, or leave out --only frontend)\n');
});

test('a repo whose backend is not packages/backend: status names it and asks for --backend, as wiring does, instead of listing the app alone', () => {
  const repo = copy(path.join(BOTH, 'output'));
  fs.renameSync(path.join(repo, 'packages', 'backend'), path.join(repo, 'packages', 'backend-portal'));
  const refused = runCli(['status', '--check'], repo);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toBe(
    "wire-plugin: error: packages/backend/package.json: not found: expected the backend package there (this repo's backend is packages/backend-portal: pass --backend DIR, or --only frontend)\n",
  );
  const named = runCli(['status', '--backend', 'packages/backend-portal', '--check'], repo);
  expect(named.code).toBe(0);
  expect(named.stdout).toContain('packages/backend-portal (new backend system)');
  expect(runCli(['status', '--only', 'frontend', '--check', '-q'], repo).code).toBe(0);
});

test("status reads the discovery key the app's @backstage/cli reads: app.experimental.packages before 0.34", () => {
  const dir = path.join(WIRE, 'frontend-new-system-experimental-packages-include-list');
  const carmen = (cwd: string) => backendStatus({ cwd }).frontend?.plugins.find(p => p.id === 'carmen');
  expect(carmen(path.join(dir, 'input'))?.state).toBe('not-wired');
  expect(carmen(path.join(dir, 'output'))).toMatchObject({ state: 'wired', pieces: [{ kind: 'dependency' }, { kind: 'discovery', where: 'app-config.yaml:5' }] });
  // The same app-config under a CLI from 0.35.4 discovers nothing by the old key: carmen's feature is missing there.
  const repo = copy(path.join(dir, 'output'));
  write(repo, 'package.json', read(repo, 'package.json').replace('^0.33.1', '^0.35.4'));
  expect(carmen(repo)).toMatchObject({ state: 'not-wired', missing: ['feature'] });
});
