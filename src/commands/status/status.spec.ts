import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as parse from '../../../transforms/lib/parse';
import { backendStatus } from './status';
import { importBlock } from './module-imports';

const LEGACY_APP = path.join(__dirname, '..', '..', '..', 'examples', 'legacy-app');

afterEach(() => jest.restoreAllMocks());

test('status parses index.ts and each plugin module once, and writes nothing', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
  try {
    fs.cpSync(LEGACY_APP, repo, { recursive: true });
    const plugins = path.join(repo, 'packages', 'backend', 'src', 'plugins');
    // A second mount of the catalog module, so that one module is asked for twice.
    const index = path.join(repo, 'packages', 'backend', 'src', 'index.ts');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace("  apiRouter.use('/catalog', await catalog(catalogEnv));\n", "$&  apiRouter.use('/catalog-again', await catalog(catalogEnv));\n"));
    const before = fs.readdirSync(plugins);
    const spy = jest.spyOn(parse, 'parseTypeScript');
    const report = backendStatus({ cwd: repo });
    expect(report.plugins.map(p => `${p.id}:${p.state}`)).toEqual(['carmen:not-wired', 'catalog:wired', 'dora:not-wired', 'echo:wired', 'healthcheck:wired', 'hooks:wired', 'notes:wired', 'notes-export:wired']);
    const parsed = spy.mock.calls.map(call => call[1]);
    expect(parsed).toEqual([
      'packages/backend/src/index.ts',
      'packages/backend/src/plugins/healthcheck.ts',
      'packages/backend/src/plugins/hooks.ts',
      'packages/backend/src/plugins/notes.ts',
      'packages/backend/src/plugins/notes-export.ts',
      'packages/backend/src/plugins/echo.ts',
      'packages/backend/src/plugins/catalog.ts',
    ]);
    expect(fs.readdirSync(plugins)).toEqual(before);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});

test('an env named differently from its plugin belongs to the plugin whose route uses it', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
  try {
    fs.cpSync(LEGACY_APP, repo, { recursive: true });
    const index = path.join(repo, 'packages', 'backend', 'src', 'index.ts');
    const text = fs.readFileSync(index, 'utf8')
      .replace("import catalog from './plugins/catalog';\n", "$&import techInsights from './plugins/tech-insights';\n")
      .replace("  const catalogEnv = useHotMemoize(module, () => createEnv('catalog'));\n", "$&  const techInsightsEnv = useHotMemoize(module, () => createEnv('tech_insights'));\n")
      .replace("  apiRouter.use('/catalog', await catalog(catalogEnv));\n", "$&  apiRouter.use('/tech-insights', await techInsights(techInsightsEnv));\n");
    fs.writeFileSync(index, text);
    const report = backendStatus({ cwd: repo });
    expect(report.plugins.filter(p => p.id.startsWith('tech'))).toEqual([
      { id: 'tech-insights', package: null, role: 'plugin', state: 'wired', form: 'legacy', missing: [] },
    ]);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});

test('importBlock ends after the last import statement, multi-line and side-effect imports included', () => {
  const source = "import a from 'a';\nimport {\n  b,\n  c,\n} from '@scope/b';\nimport 'side-effect';\n\nexport default function f() {\n  return import('late');\n}\n";
  expect(importBlock(source)).toBe("import a from 'a';\nimport {\n  b,\n  c,\n} from '@scope/b';\nimport 'side-effect';");
  expect(importBlock('export const x = 1;\n')).toBe('export const x = 1;\n');
});
