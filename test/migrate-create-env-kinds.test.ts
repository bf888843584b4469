/**
 * What the report says for the kinds of makeCreateEnv customisation whose
 * fixtures cannot show it (the fixtures compare files and refusals): a log
 * line of the env makeCreateEnv returns, written once per plugin before,
 * is written once now, and the report says so; an identity client with
 * options keeps them for the bridged plugins only, and the report says so.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES_ROOT } from './helpers/fixtures';
import { planMigration } from '../src/commands/migrate/plan';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function planCase(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wire-plugin-kinds-${name}-`));
  made.push(dir);
  fs.cpSync(path.join(FIXTURES_ROOT, 'migrate', name, 'input'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{\n  "private": true,\n  "workspaces": ["packages/*", "plugins/*"]\n}\n');
  return planMigration({ cwd: dir });
}

test('a log line of the env makeCreateEnv returns is reported as written once, not once per plugin', async () => {
  const plan = await planCase('log-lines-in-make-create-env-that-read-the-config-run-at-startup');
  expect(plan.report.refused).toEqual([]);
  expect(plan.report.behaviour.filter(b => b.kind === 'logging')).toEqual([
    {
      kind: 'logging',
      plugin: '',
      source: 'packages/backend/src/index.ts:52',
      kept: false,
      change:
        'this log line was written on every createEnv call, once per plugin; packages/backend/src/modules/startup-tasks.ts writes it once at startup, as the line makeCreateEnv wrote',
    },
  ]);
  // The line makeCreateEnv wrote ran once before too: nothing to say.
  expect(plan.report.translations.find(t => t.kind === 'startup-tasks')?.lines).toEqual([48, 52]);
});

test('an identity client with options: the report says the features do not get its options', async () => {
  const plan = await planCase('identity-client-with-options-becomes-a-service-factory');
  expect(plan.report.refused).toEqual([]);
  expect(plan.report.translations.filter(t => t.kind === 'identity')).toEqual([{ kind: 'identity', lines: [39], file: 'packages/backend/src/modules/identity.ts', authPolicy: null }]);
  expect(plan.report.behaviour.filter(b => b.plugin === '')).toEqual([
    {
      kind: 'access',
      plugin: '',
      source: 'packages/backend/src/index.ts:39',
      kept: false,
      change:
        "packages/backend/src/modules/identity.ts gives coreServices.identity the identity client's options, so the bridged plugins' env.identity checks user tokens as before; the plugins on the new system (features) check them through coreServices.auth instead, which accepts any token the auth backend's keys sign, whatever its issuer or algorithm: the options do not reach them",
    },
  ]);
});
