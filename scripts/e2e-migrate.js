'use strict';
/**
 * The backend e2e's migrate case: examples/legacy-app moved to the new
 * backend system, and every request it answered before answered the same
 * after, over the same data.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { StepError, log, run, request } = require('./e2e-lib');
const { CACHE, YARN, installedCopy, releaseEraLoader, sameFiles, sources, startAndCall, wire } = require('./e2e-examples');

/**
 * Every request the legacy example answers without a token, and the plugin
 * whose route it is (null for routers of the app's own): the before-and-after
 * check compares their status codes.
 */
const BEHAVIOUR_PROBES = [
  { plugin: 'catalog', method: 'GET', path: '/api/catalog/entities' },
  { plugin: 'carmen', method: 'GET', path: '/api/carmen/health' },
  { plugin: 'dora', method: 'GET', path: '/api/dora/health' },
  { plugin: 'echo', method: 'GET', path: '/api/echo/health' },
  { plugin: 'hooks', method: 'POST', path: '/api/hooks/event', body: { type: 'deploy' } },
  { plugin: 'hooks', method: 'GET', path: '/api/hooks/read' },
  // The same plugin router, mounted again at /hooks by the service builder (a webhook sender that posts outside /api).
  { plugin: 'hooks', method: 'POST', path: '/hooks/event', body: { type: 'deploy' } },
  { plugin: 'notes', method: 'GET', path: '/api/notes' },
  { plugin: 'notes', method: 'GET', path: '/api/notes/export' },
  { plugin: 'healthcheck', method: 'GET', path: '/healthcheck' },
  { plugin: null, method: 'GET', path: '/api/assets/ping' },
  { plugin: null, method: 'GET', path: '/metrics' },
  { plugin: null, method: 'GET', path: '/root-ping' },
  { plugin: 'catalog', method: 'GET', path: '/backstage/api/catalog/entities' },
];
const STORED_NOTE = 'kept across the move';
/** The line main() logs through its root logger with the config read (a call that moves into a startup-tasks module). */
const LOGGED_WITH_CONFIG = 'legacy-app: serving Legacy example app';

/**
 * The status code of every probe, without a token; the notes plugin's rows and the header its middleware sets; and
 * what the hook receiver answers, which names the app through env.appInfo, a client makeCreateEnv gives it, and what
 * it reads through env.reader, which makeCreateEnv made with a URL reader of the app's own; and the notes export, a plugin
 * module mounted below /notes with the notes plugin's env, which reads the same rows.
 */
async function recordBehaviour(port) {
  const codes = {};
  for (const probe of BEHAVIOUR_PROBES) {
    const answer = await request(port, probe.method, probe.path, probe.body);
    codes[`${probe.method} ${probe.path}`] = answer.status;
  }
  const notes = await request(port, 'GET', '/api/notes');
  const hook = await request(port, 'POST', '/api/hooks/event', { type: 'deploy' });
  const read = await request(port, 'GET', '/api/hooks/read');
  const exported = await request(port, 'GET', '/api/notes/export');
  return { codes, notes: notes.status === 200 ? JSON.parse(notes.body) : null, stamp: notes.headers?.['x-legacy-app'] ?? null, hook: hook.body, read: read.body, exported: exported.body };
}

/** A token the hook receiver logs (in its event type), which the app's own log format masks: what the log shows of it. */
const LOGGED_TOKEN = 'e2e-secret-token';
async function maskedInLog(port, dir) {
  const answer = await request(port, 'POST', '/api/hooks/event', { type: `Bearer ${LOGGED_TOKEN}` });
  if (answer.status !== 200) return `POST /api/hooks/event answered ${answer.status}`;
  for (let i = 0; i < 20; i++) {
    const logLines = fs.readFileSync(path.join(dir, 'backend.e2e.log'), 'utf8').split('\n').filter(line => line.includes('hooks: event Bearer'));
    if (logLines.length) return logLines.some(line => line.includes(LOGGED_TOKEN)) ? 'the token in clear' : 'hooks: event Bearer ***';
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return 'no line of the hook';
}

/**
 * Migrate examples/legacy-app to the new backend system with its plugins
 * wired, install the result from the committed lockfile (frozen: the lockfile
 * holds both the legacy and the migrated set), type-check it, start it, and
 * call the catalog and both plugins through the forms they got; a second
 * migrate changes nothing.
 */
async function migrateCase() {
  const started = Date.now();
  const { dir } = installedCopy('legacy-app');
  wire('wire', dir, ['carmen', 'dora', '-q']);
  // Before: the legacy backend, started by its own script, stores a note (in notes_store.sqlite) and answers each probe without a token.
  let before;
  await startAndCall(dir, ['carmen', 'dora', 'echo'], [], undefined, false, [LOGGED_WITH_CONFIG], [], {
    probe: async (port, lastLines) => {
      const stored = await request(port, 'POST', '/api/notes', { text: STORED_NOTE });
      if (stored.status !== 201) throw new StepError('before', `POST /api/notes answered ${stored.status} ${stored.body.slice(0, 200)}`, lastLines());
      before = await recordBehaviour(port);
      before.masked = await maskedInLog(port, dir);
      if (JSON.stringify(before.notes) !== JSON.stringify([{ text: STORED_NOTE }])) throw new StepError('before', `GET /api/notes answered ${JSON.stringify(before.notes)}`, lastLines());
    },
  });
  const open = Object.entries(before.codes).filter(([, status]) => status === 200).map(([probe]) => probe);
  if (open.length !== BEHAVIOUR_PROBES.length) throw new StepError('before', `without a token the legacy backend answered ${JSON.stringify(before.codes)}; every probe should answer 200`);
  log(`  before: the legacy backend stored a note in notes_store.sqlite and answered all ${open.length} probes without a token: ${open.join(', ')}`);
  // The example's own customisations, each with a home in the new system (see its index.ts): a startup log line, a router
  // on the api router, the api router again at /backstage/api, a router at /metrics, a handler at '', a discovery class of
  // its own, a URL reader with a reader factory of its own, a log line that reads the config, a root logger in a format of
  // its own (which masks tokens), and its echo plugin behind the echo.enabled flag.
  const logged = 'legacy-app: the legacy main() started';
  const discoveryLogged = "legacy-app: the app's own discovery is in use";
  const result = wire('migrate', dir, ['migrate', '--json']);
  const report = JSON.parse(result.stdout);
  const translated = report.translations.map(t => `${t.kind} ${t.file}`);
  const expectedTranslations = [
    'plugin-adapter packages/backend/src/modules/hooks-legacy-plugin.ts',
    'plugin-adapter packages/backend/src/modules/notes-legacy-plugin.ts',
    'plugin-adapter packages/backend/src/modules/echo-legacy-plugin.ts',
    'plugin-adapter packages/backend/src/modules/carmen-legacy-plugin.ts',
    'legacy-access packages/backend/src/modules/hooks-legacy-access.ts',
    'legacy-access packages/backend/src/modules/notes-legacy-access.ts',
    'legacy-access packages/backend/src/modules/echo-legacy-access.ts',
    'legacy-access packages/backend/src/modules/carmen-legacy-access.ts',
    'root-plugin packages/backend/src/modules/root-healthcheck.ts',
    'plugin-route packages/backend/src/modules/notes-export.ts',
    'startup-log packages/backend/src/modules/startup-log.ts',
    'startup-tasks packages/backend/src/modules/startup-tasks.ts',
    'api-router packages/backend/src/modules/api-assets.ts',
    'root-router packages/backend/src/modules/root-metrics.ts',
    'url-reader packages/backend/src/modules/url-reader.ts',
    'discovery packages/backend/src/modules/discovery.ts',
    'root-logger packages/backend/src/modules/root-logger.ts',
    'feature-loader packages/backend/src/modules/conditional-features.ts',
    'root-handler packages/backend/src/modules/root-http-router.ts',
  ];
  if (JSON.stringify(translated) !== JSON.stringify(expectedTranslations)) {
    throw new StepError('migrate', `translations ${JSON.stringify(translated)}, expected ${JSON.stringify(expectedTranslations)}`, result.stdout);
  }
  log(`  translated: ${translated.join('; ')}`);
  const targets = Object.fromEntries(report.plugins.map(p => [p.id, p.target]));
  const expected = { hooks: 'bridge', notes: 'bridge', echo: 'bridge', catalog: 'feature', carmen: 'bridge', dora: 'feature' };
  if (JSON.stringify(targets) !== JSON.stringify(expected)) {
    throw new StepError('migrate', `targets ${JSON.stringify(targets)}, expected ${JSON.stringify(expected)}`, result.stdout);
  }
  log(`  migrated: ${report.plugins.map(p => `${p.id} ${p.target} (${p.adds.join(', ')})`).join('; ')}`);
  const listed = report.behaviour.map(b => `${b.kind} ${b.plugin} ${b.kept ? 'kept' : 'changed'}`);
  for (const entry of ['access hooks kept', 'access notes kept', 'access carmen kept', 'access echo kept', 'access catalog changed', 'access dora changed', 'url healthcheck kept', 'url notes kept', 'data notes kept']) {
    if (!listed.includes(entry)) throw new StepError('migrate', `the report's behaviour list lacks "${entry}": ${JSON.stringify(listed)}`, result.stdout);
  }
  log(`  behaviour: ${listed.join('; ')}`);
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  const installStarted = Date.now();
  run('migrated install', 'npx', ['--yes', YARN, 'install', '--frozen-lockfile', '--non-interactive', '--network-timeout', '600000',
    '--cache-folder', path.join(CACHE, 'yarn-cache'), '--registry', registry], { cwd: dir });
  log(`  yarn install --frozen-lockfile of the migrated app: ${Math.round((Date.now() - installStarted) / 1000)} s`);
  // yarn prunes node_modules of files it does not know, the install marker among them: the cached install is still good.
  fs.writeFileSync(path.join(dir, 'node_modules', '.wire-plugin-e2e-installed'), new Date().toISOString());
  run('typecheck', process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')]);
  log('  tsc: no errors');
  const flagOn = { config: 'echo:\n  enabled: true\n' };
  // After: the migrated backend on the same sqlite folder answers every probe as before, but where the report says a
  // feature's own policies now ask for credentials, and reads the stored note back.
  let after;
  await startAndCall(dir, ['carmen', 'dora', 'echo'], ['/api/catalog/entities', '/backstage/api/catalog/entities', '/backstage/api/dora/health'], undefined, true, [logged, discoveryLogged, LOGGED_WITH_CONFIG], ['/api/assets/ping', '/metrics', '/root-ping', '/healthcheck'], {
    ...flagOn,
    probe: async port => {
      after = await recordBehaviour(port);
      after.masked = await maskedInLog(port, dir);
    },
  });
  const changedOnPurpose = new Set(report.behaviour.filter(b => b.kind === 'access' && !b.kept).map(b => b.plugin));
  const differences = [];
  for (const probe of BEHAVIOUR_PROBES) {
    const key = `${probe.method} ${probe.path}`;
    if (after.codes[key] === before.codes[key]) continue;
    if (probe.plugin && changedOnPurpose.has(probe.plugin)) {
      log(`  ${key}: ${before.codes[key]} before, ${after.codes[key]} after without a token, as the report says (${probe.plugin}: its feature's own policies)`);
      continue;
    }
    differences.push(`${key}: ${before.codes[key]} before, ${after.codes[key]} after`);
  }
  if (differences.length) throw new StepError('after', `answered differently without a token, and the report does not say so: ${differences.join('; ')}`, result.stdout);
  const same = BEHAVIOUR_PROBES.filter(probe => after.codes[`${probe.method} ${probe.path}`] === before.codes[`${probe.method} ${probe.path}`]);
  log(`  after: ${same.length} of ${BEHAVIOUR_PROBES.length} probes answer as before without a token: ${same.map(p => `${p.method} ${p.path}`).join(', ')}`);
  if (JSON.stringify(after.notes) !== JSON.stringify([{ text: STORED_NOTE }])) throw new StepError('after', `GET /api/notes answered ${JSON.stringify(after.notes)}, expected the note stored before the move`);
  log(`  after: the note stored by the legacy backend is read back (plugin notes, data of notes_store: ${JSON.stringify(after.notes)})`);
  if (after.stamp !== before.stamp || before.stamp !== 'notes') throw new StepError('after', `GET /api/notes carried x-legacy-app: ${before.stamp} before and ${after.stamp} after; the middleware in front of the notes plugin should set it both times`);
  log(`  after: the middleware in front of the notes plugin still runs (x-legacy-app: ${after.stamp}, as before)`);
  if (after.hook !== before.hook || !before.hook.includes('"by"')) throw new StepError('after', `POST /api/hooks/event answered ${before.hook} before and ${after.hook} after; its env.appInfo (made by makeCreateEnv) should answer the same`);
  log(`  after: the hook receiver answers as before, through the env field makeCreateEnv gave it (${after.hook})`);
  if (before.masked !== 'hooks: event Bearer ***' || after.masked !== before.masked) throw new StepError('after', `the hook's log line showed ${before.masked} before and ${after.masked} after; the app's own format (createRootLogger({ format }) before, the root-logger module after) should mask the token both times`);
  log(`  after: the root logger logs in the app's own format, masking the token as before (${after.masked})`);
  if (after.exported !== before.exported || !before.exported.includes(STORED_NOTE)) throw new StepError('after', `GET /api/notes/export answered ${before.exported} before and ${after.exported} after; mounted below /notes with notesEnv, it should read the notes plugin's rows both times`);
  log(`  after: /api/notes/export, a module of the notes plugin now, reads the same rows as before (${after.exported})`);
  if (after.read !== before.read || !before.read.includes("app's own URL reader")) throw new StepError('after', `GET /api/hooks/read answered ${before.read} before and ${after.read} after; env.reader should read through the app's own reader factory both times`);
  log(`  after: env.reader reads through the app's own reader factory as before (${after.read})`);
  log('  echo.enabled: true: the feature loader yields echo (through the bridge), and it answers');
  await startAndCall(dir, ['carmen', 'dora'], ['/api/catalog/entities'], undefined, true, [], [], { config: 'echo:\n  enabled: false\n', absentPaths: ['/api/echo/health'] });
  log('  echo.enabled: false: no echo, 404 at /api/echo/health, the rest answers');
  // The same migrated backend, carmen and echo behind the bridge, under the module loader of its releases' backstage-cli.
  await startAndCall(dir, ['carmen', 'dora', 'echo'], ['/api/catalog/entities'], releaseEraLoader(), true, [], [], flagOn);
  log('  and under the 1.24-1.31 backstage-cli loader (swc to CommonJS): the bridge starts and answers');
  const migrated = sources(dir);
  const again = wire('second migrate', dir, ['migrate']);
  if (!again.stdout.includes('nothing to migrate')) throw new StepError('second migrate', 'the second migrate did not report "nothing to migrate"', again.stdout);
  const changed = sameFiles(migrated, sources(dir));
  if (changed.length) throw new StepError('second migrate', `the second migrate changed ${changed.join(', ')}`, again.stdout);
  log('  second migrate: nothing to do, no byte changed');
  log(`legacy-app migrated: passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

module.exports = { migrateCase };
