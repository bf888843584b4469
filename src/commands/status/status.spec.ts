import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as parse from '../../../transforms/lib/parse';
import { planWiring } from '../wire/run';
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

describe("modules of the backend's own are listed by what their code registers", () => {
  const NEW_APP = path.join(__dirname, '..', '..', '..', 'examples', 'new-app');
  const MICROSOFT_MODULE = [
    "import { createBackendModule } from '@backstage/backend-plugin-api';",
    '',
    'export const authModuleMicrosoft = createBackendModule({',
    "  pluginId: 'auth',",
    "  moduleId: 'microsoft-with-groups',",
    '  register() {},',
    '});',
    '',
  ].join('\n');
  const POLICY_IMPORTS = "import { createBackendModule } from '@backstage/backend-plugin-api';\nimport { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';\n\n";
  /** A permission policy module (after `export default ` or `const x = `). */
  const TEAM_POLICY_MODULE = [
    'createBackendModule({',
    "  pluginId: 'permission',",
    "  moduleId: 'team-policy',",
    '  register(reg) {',
    '    reg.registerInit({',
    '      deps: { policy: policyExtensionPoint },',
    '      async init({ policy }) {',
    "        policy.setPolicy({ handle: async () => ({ result: 'ALLOW' as const }) });",
    '      },',
    '    });',
    '  },',
    '});',
    '',
  ].join('\n');
  const MOCK_CATALOG = ["import { createBackendPlugin } from '@backstage/backend-plugin-api';", '', 'const mockCatalog = createBackendPlugin({', "  pluginId: 'catalog',", '  register() {},', '});', '', 'export default mockCatalog;', ''].join('\n');

  /** examples/new-app with `files` (paths under packages/backend/src) and index.ts's add of the catalog replaced by `adds`. */
  function statusOf(files: Record<string, string>, imports: string, adds: string, dependencies: Record<string, string> = {}): string[] {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
    try {
      fs.cpSync(NEW_APP, repo, { recursive: true });
      const src = path.join(repo, 'packages', 'backend', 'src');
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
        fs.writeFileSync(path.join(src, file), text);
      }
      const backendJson = path.join(repo, 'packages', 'backend', 'package.json');
      const json = JSON.parse(fs.readFileSync(backendJson, 'utf8'));
      fs.writeFileSync(backendJson, JSON.stringify({ ...json, dependencies: { ...json.dependencies, ...dependencies } }, null, 2) + '\n');
      const index = path.join(src, 'index.ts');
      const text = fs.readFileSync(index, 'utf8');
      fs.writeFileSync(index, text.replace("import { createBackend } from '@backstage/backend-defaults';\n", `$&${imports}`).replace("backend.add(import('@backstage/plugin-catalog-backend'));\n", adds));
      const report = backendStatus({ cwd: repo });
      return report.plugins.filter(p => p.id !== 'carmen' && p.id !== 'dora').map(p => `${p.id} ${p.role} ${p.package} ${p.state}`);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  }

  test('a module of auth added by name, from a file named after it, is a wired module of auth', () => {
    const lines = statusOf(
      { 'plugins/extensions/microsoft.ts': MICROSOFT_MODULE },
      "import { authModuleMicrosoft } from './plugins/extensions/microsoft';\n",
      "backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(authModuleMicrosoft);\n",
    );
    expect(lines).toEqual(['auth module ./plugins/extensions/microsoft wired', 'catalog plugin @backstage/plugin-catalog-backend wired']);
  });

  test('an export re-exported by an index module is followed to its call', () => {
    const lines = statusOf(
      { 'plugins/extensions/microsoft.ts': MICROSOFT_MODULE, 'plugins/extensions/index.ts': "export { authModuleMicrosoft as microsoft } from './microsoft';\n" },
      "import { microsoft } from './plugins/extensions';\n",
      'backend.add(microsoft);\n',
    );
    expect(lines).toEqual(['auth module ./plugins/extensions wired', 'catalog plugin @backstage/plugin-catalog-backend not-wired']);
  });

  test('a plugin of its own that registers catalog, in the other branch of an if from the catalog backend, is no conflict', () => {
    const lines = statusOf(
      { 'plugins/mock-catalog.ts': MOCK_CATALOG },
      '',
      "if (process.env.MOCK === 'true') {\n  backend.add(import('./plugins/mock-catalog'));\n} else {\n  backend.add(import('@backstage/plugin-catalog-backend'));\n}\n",
    );
    expect(lines).toEqual(['catalog plugin ./plugins/mock-catalog wired', 'catalog plugin @backstage/plugin-catalog-backend wired']);
  });

  test('the same two added one after the other both register catalog in one start: conflict', () => {
    const lines = statusOf(
      { 'plugins/mock-catalog.ts': MOCK_CATALOG },
      '',
      "backend.add(import('./plugins/mock-catalog'));\nbackend.add(import('@backstage/plugin-catalog-backend'));\n",
    );
    expect(lines).toEqual(['catalog plugin ./plugins/mock-catalog conflict', 'catalog plugin @backstage/plugin-catalog-backend conflict']);
  });

  test('a module package that a bridged legacy plugin module imports runs behind the bridge: wired (as migrate leaves a catalog module)', () => {
    const catalog = [
      "import { CatalogBuilder } from '@backstage/plugin-catalog-backend';",
      "import { GithubEntityProvider } from '@backstage/plugin-catalog-backend-module-github';",
      "import { Router } from 'express';",
      "import { PluginEnvironment } from '../types';",
      '',
      'export default async function createPlugin(env: PluginEnvironment): Promise<Router> {',
      '  const builder = await CatalogBuilder.create(env);',
      '  builder.addEntityProvider(GithubEntityProvider.fromConfig(env.config, { logger: env.logger, scheduler: env.scheduler }));',
      '  const { router } = await builder.build();',
      '  return router;',
      '}',
      '',
    ].join('\n');
    const lines = statusOf(
      { 'plugins/catalog.ts': catalog },
      "import { legacyPlugin } from '@backstage/backend-common';\n",
      "backend.add(legacyPlugin('catalog', import('./plugins/catalog')));\n",
      { '@backstage/plugin-catalog-backend-module-github': '^0.6.0' },
    );
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend bridged', 'catalog module @backstage/plugin-catalog-backend-module-github wired']);
  });

  test('what an inline feature loader only names (the plugin API, Node built-ins) is no feature; what it imports is', () => {
    const lines = statusOf(
      {},
      "import { coreServices, createBackendFeatureLoader } from '@backstage/backend-plugin-api';\nimport path from 'path';\n",
      [
        "backend.add(import('@backstage/plugin-catalog-backend'));",
        'backend.add(',
        '  createBackendFeatureLoader({',
        '    deps: { config: coreServices.rootConfig },',
        '    *loader({ config }) {',
        "      if (config.getOptionalString('extras.dir') === path.join('a', 'b')) {",
        "        yield import('@backstage/plugin-catalog-backend-module-github-org');",
        '      }',
        '    },',
        '  }),',
        ');',
        '',
      ].join('\n'),
      { '@backstage/plugin-catalog-backend-module-github-org': '^0.3.0' },
    );
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired', 'catalog module @backstage/plugin-catalog-backend-module-github-org wired']);
  });

  test("features of the backend's own re-exported with export *: each by what it registers; a service factory is no plugin; a loader of its own file wires what it imports", () => {
    const files = {
      'modules/index.ts': "export * from './healthcheck';\nexport * from './services';\nexport * from './auth';\n",
      'modules/healthcheck.ts': "import { createBackendPlugin } from '@backstage/backend-plugin-api';\n\nexport const healthCheckPlugin = createBackendPlugin({\n  pluginId: 'healthcheck',\n  register() {},\n});\n",
      'modules/services.ts': "import { createServiceFactory } from '@backstage/backend-plugin-api';\n\nexport const idProviderService = createServiceFactory({ service: idRef, deps: {}, factory: () => ({}) });\n",
      'modules/auth.ts': MICROSOFT_MODULE,
      'modules/userSettings.ts': [
        "import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';",
        '',
        'export const userSettingsBackend = createBackendFeatureLoader({',
        '  *loader() {',
        "    yield import('@backstage/plugin-user-settings-backend');",
        '  },',
        '});',
        '',
      ].join('\n'),
    };
    const lines = statusOf(
      files,
      "import { authModuleMicrosoft, healthCheckPlugin, idProviderService } from './modules';\nimport { userSettingsBackend } from './modules/userSettings';\n",
      "backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(healthCheckPlugin);\nbackend.add(idProviderService);\nbackend.add(authModuleMicrosoft);\nbackend.add(userSettingsBackend);\n",
      { '@backstage/plugin-user-settings-backend': '^0.3.0' },
    );
    expect(lines).toEqual([
      'auth module ./modules wired',
      'catalog plugin @backstage/plugin-catalog-backend wired',
      'healthcheck plugin ./modules wired',
      'user-settings plugin @backstage/plugin-user-settings-backend wired',
    ]);
  });

  test("two modules that set the permission policy (create-app's allow-all one, one of the app's own) are in conflict; in the two branches of an if they are not", () => {
    const policy = `${POLICY_IMPORTS}export default ${TEAM_POLICY_MODULE}`;
    const allowAll = "import('@backstage/plugin-permission-backend-module-allow-all-policy')";
    const dependency = { '@backstage/plugin-permission-backend-module-allow-all-policy': '^0.2.0' };
    const both = statusOf({ 'extensions/policy.ts': policy }, '', `backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(${allowAll});\nbackend.add(import('./extensions/policy'));\n`, dependency);
    expect(both.filter(line => line.startsWith('permission'))).toEqual([
      'permission module ./extensions/policy conflict',
      'permission module @backstage/plugin-permission-backend-module-allow-all-policy conflict',
    ]);
    const branches = statusOf(
      { 'extensions/policy.ts': policy },
      '',
      `backend.add(import('@backstage/plugin-catalog-backend'));\nif (process.env.OPEN) {\n  backend.add(${allowAll});\n} else {\n  backend.add(import('./extensions/policy'));\n}\n`,
      dependency,
    );
    expect(branches.filter(line => line.startsWith('permission'))).toEqual(['permission module ./extensions/policy wired', 'permission module @backstage/plugin-permission-backend-module-allow-all-policy wired']);
  });

  test("a feature loader of a library of the repo's own (a workspace package, its list of imports in a const) wires what it imports, with the library's dependencies", async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
    try {
      fs.cpSync(NEW_APP, repo, { recursive: true });
      const library = path.join(repo, 'plugins', 'portal-backend');
      fs.mkdirSync(path.join(library, 'src'), { recursive: true });
      const json = { name: '@internal/portal-backend', version: '0.1.0', main: 'src/index.ts', backstage: { role: 'node-library' }, dependencies: { '@backstage/plugin-user-settings-backend': '^0.3.0' } };
      fs.writeFileSync(path.join(library, 'package.json'), JSON.stringify(json, null, 2) + '\n');
      fs.writeFileSync(path.join(library, 'src', 'index.ts'), "export { portalFeatures } from './features';\n");
      fs.writeFileSync(
        path.join(library, 'src', 'features.ts'),
        [
          "import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';",
          '',
          "export const portalFeatureLoaders = [() => import('@backstage/plugin-user-settings-backend')];",
          '',
          'export const portalFeatures = createBackendFeatureLoader({',
          '  *loader() {',
          '    for (const load of portalFeatureLoaders) {',
          '      yield load();',
          '    }',
          '  },',
          '});',
          '',
        ].join('\n'),
      );
      const backendJson = path.join(repo, 'packages', 'backend', 'package.json');
      const backend = JSON.parse(fs.readFileSync(backendJson, 'utf8'));
      backend.dependencies['@internal/portal-backend'] = 'workspace:^';
      fs.writeFileSync(backendJson, JSON.stringify(backend, null, 2) + '\n');
      const index = path.join(repo, 'packages', 'backend', 'src', 'index.ts');
      fs.writeFileSync(
        index,
        fs
          .readFileSync(index, 'utf8')
          .replace("import { createBackend } from '@backstage/backend-defaults';\n", "$&import { portalFeatures } from '@internal/portal-backend';\n")
          .replace('backend.start();', 'backend.add(portalFeatures);\nbackend.start();'),
      );
      const lines = backendStatus({ cwd: repo }).plugins.filter(p => p.id === 'user-settings' || (p.package ?? '').includes('portal')).map(p => `${p.id} ${p.package} ${p.state}`);
      expect(lines).toEqual(['user-settings @backstage/plugin-user-settings-backend wired']);
      // Wiring it again adds nothing: the library's loader loads it already.
      const plan = await planWiring({ plugins: ['@backstage/plugin-user-settings-backend'], cwd: repo, only: 'backend', range: '^0.3.0' });
      expect(plan.changes.filter(change => change.path.endsWith('index.ts'))).toEqual([]);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a module index.ts declares itself and adds by name is listed by what it registers; one that sets the permission policy beside another is in conflict', () => {
    const declared = `const teamPolicyModule = ${TEAM_POLICY_MODULE}`;
    const imports = POLICY_IMPORTS;
    const alone = statusOf({}, imports, `backend.add(import('@backstage/plugin-catalog-backend'));\n${declared}backend.add(teamPolicyModule);\n`);
    expect(alone).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired', 'permission module teamPolicyModule wired']);
    const beside = statusOf(
      {},
      imports,
      `backend.add(import('@backstage/plugin-catalog-backend'));\n${declared}backend.add(teamPolicyModule);\nbackend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));\n`,
      { '@backstage/plugin-permission-backend-module-allow-all-policy': '^0.2.0' },
    );
    expect(beside.filter(line => line.startsWith('permission'))).toEqual([
      'permission module @backstage/plugin-permission-backend-module-allow-all-policy conflict',
      'permission module teamPolicyModule conflict',
    ]);
  });

  test('a module at a subpath of a workspace plugin package, added beside the plugin at its root, is listed by what it registers', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
    try {
      fs.cpSync(NEW_APP, repo, { recursive: true });
      const dir = path.join(repo, 'plugins', 'registry-backend');
      fs.mkdirSync(path.join(dir, 'src', 'catalog'), { recursive: true });
      const json = { name: '@internal/plugin-registry-backend', version: '0.1.0', exports: { '.': './src/index.ts', './catalog': './src/catalog/index.ts' }, backstage: { role: 'backend-plugin', pluginId: 'registry' } };
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(json, null, 2) + '\n');
      fs.writeFileSync(path.join(dir, 'src', 'index.ts'), "import { createBackendPlugin } from '@backstage/backend-plugin-api';\n\nexport default createBackendPlugin({ pluginId: 'registry', register() {} });\n");
      fs.writeFileSync(path.join(dir, 'src', 'catalog', 'index.ts'), "export { registryCatalogModule as default } from './catalogModule';\n");
      fs.writeFileSync(path.join(dir, 'src', 'catalog', 'catalogModule.ts'), "import { createBackendModule } from '@backstage/backend-plugin-api';\n\nexport const registryCatalogModule = createBackendModule({\n  pluginId: 'catalog',\n  moduleId: 'registry',\n  register() {},\n});\n");
      const backendJson = path.join(repo, 'packages', 'backend', 'package.json');
      const backend = JSON.parse(fs.readFileSync(backendJson, 'utf8'));
      backend.dependencies['@internal/plugin-registry-backend'] = 'workspace:^';
      fs.writeFileSync(backendJson, JSON.stringify(backend, null, 2) + '\n');
      const index = path.join(repo, 'packages', 'backend', 'src', 'index.ts');
      fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('backend.start();', "backend.add(import('@internal/plugin-registry-backend'));\nbackend.add(import('@internal/plugin-registry-backend/catalog'));\nbackend.start();"));
      const lines = backendStatus({ cwd: repo }).plugins.filter(p => (p.package ?? '').includes('registry')).map(p => `${p.id} ${p.role} ${p.package} ${p.state}`);
      expect(lines).toEqual(['catalog module @internal/plugin-registry-backend/catalog wired', 'registry plugin @internal/plugin-registry-backend wired']);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a package added twice registers its plugin twice in one start: the second add is a duplicate', () => {
    const lines = statusOf({}, '', "backend.add(import('@backstage/plugin-catalog-backend'));\n// catalog again, after a merge\nbackend.add(import('@backstage/plugin-catalog-backend'));\n");
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired', 'catalog plugin @backstage/plugin-catalog-backend duplicate']);
  });

  test('a module of its own added twice by name is a duplicate too; in the two branches of an if it is not', () => {
    const imports = "import { authModuleMicrosoft } from './plugins/extensions/microsoft';\n";
    const catalog = "backend.add(import('@backstage/plugin-catalog-backend'));\n";
    const twice = statusOf({ 'plugins/extensions/microsoft.ts': MICROSOFT_MODULE }, imports, `${catalog}backend.add(authModuleMicrosoft);\nbackend.add(authModuleMicrosoft);\n`);
    expect(twice).toEqual(['auth module ./plugins/extensions/microsoft wired', 'auth module ./plugins/extensions/microsoft duplicate', 'catalog plugin @backstage/plugin-catalog-backend wired']);
    const branches = statusOf(
      { 'plugins/extensions/microsoft.ts': MICROSOFT_MODULE },
      imports,
      `${catalog}if (process.env.SSO) {\n  backend.add(authModuleMicrosoft);\n} else {\n  backend.add(authModuleMicrosoft);\n}\n`,
    );
    expect(branches).toEqual(['auth module ./plugins/extensions/microsoft wired', 'catalog plugin @backstage/plugin-catalog-backend wired']);
  });

  test('exports of one package added by name, and its plugin added beside a factory it exports, are no repeats (two public backends)', () => {
    const lines = statusOf(
      {},
      "import { catalogModuleTeams, catalogTeamsPolicy, createTeamsReaderFactory } from '@backstage/plugin-catalog-backend';\n",
      "backend.add(createTeamsReaderFactory());\nbackend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(catalogModuleTeams);\nbackend.add(catalogTeamsPolicy);\n",
    );
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired']);
  });

  test('the package at its root and at a subpath is two modules, no duplicate', () => {
    const lines = statusOf({}, '', "backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(import('@backstage/plugin-catalog-backend/alpha'));\n");
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired']);
  });

  test("the modules a feature loader declared in index.ts yields are wired (a public backend loads two under config conditions)", () => {
    const loader = [
      "import { coreServices, createBackendFeatureLoader } from '@backstage/backend-plugin-api';",
      'const conditional = createBackendFeatureLoader({',
      '  deps: { config: coreServices.rootConfig },',
      '  *loader({ config }) {',
      "    if (config.getOptionalConfig('catalog.providers.githubOrg')) {",
      "      yield import('@backstage/plugin-catalog-backend-module-github-org');",
      '    }',
      '  },',
      '});',
      '',
    ].join('\n');
    const lines = statusOf({}, loader, "backend.add(import('@backstage/plugin-catalog-backend'));\nbackend.add(conditional);\n", { '@backstage/plugin-catalog-backend-module-github-org': '^0.3.0' });
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired', 'catalog module @backstage/plugin-catalog-backend-module-github-org wired']);
  });

  test('a module whose code names no plugin id keeps its file name as the id', () => {
    const lines = statusOf({ 'plugins/other.ts': "export default makeSomething();\n" }, '', "backend.add(import('./plugins/other'));\nbackend.add(import('@backstage/plugin-catalog-backend'));\n");
    expect(lines).toEqual(['catalog plugin @backstage/plugin-catalog-backend wired', 'other plugin ./plugins/other wired']);
  });
});

describe('legacy backends: what a mount needs is what status asks for', () => {
  function legacyStatus(edit: (index: string) => string, files: Record<string, string> = {}): string[] {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
    try {
      fs.cpSync(LEGACY_APP, repo, { recursive: true });
      const src = path.join(repo, 'packages', 'backend', 'src');
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(src, file), text);
      const index = path.join(src, 'index.ts');
      fs.writeFileSync(index, edit(fs.readFileSync(index, 'utf8')));
      return backendStatus({ cwd: repo }).plugins.map(p => `${p.id}:${p.state}${p.missing.length ? ` (missing ${p.missing.join(', ')})` : ''}`);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  }

  test('a plugin module imported by name and mounted on the service builder at a root path is wired', () => {
    const states = legacyStatus(text => {
      expect(text).toContain("import healthcheck from './plugins/healthcheck';\n");
      return text.replace("import healthcheck from './plugins/healthcheck';\n", "import { healthcheck } from './plugins/healthcheck';\n");
    });
    expect(states).toContain('healthcheck:wired');
  });

  test('a module that exports a router itself, mounted as it is, needs no env', () => {
    const states = legacyStatus(
      text => {
        expect(text).toContain('  apiRouter.use(notFoundHandler());\n');
        return text
          .replace("import healthcheck from './plugins/healthcheck';\n", "$&import { staticFiles } from './plugins/static-files';\n")
          .replace('  apiRouter.use(notFoundHandler());\n', "  apiRouter.use('/static-files', staticFiles);\n$&");
      },
      { 'plugins/static-files.ts': "import Router from 'express-promise-router';\n\nexport const staticFiles = Router();\n" },
    );
    expect(states).toContain('static-files:wired');
  });

  /** The legacy example with a plugin module `./plugins/<file>` imported as `alias`, its env made with `envId`, mounted at `route`. */
  function withMountedModule(file: string, alias: string, envId: string, route: string): string[] {
    return legacyStatus(
      text =>
        text
          .replace("import healthcheck from './plugins/healthcheck';\n", `$&import ${alias} from './plugins/${file}';\n`)
          .replace("  const healthcheckEnv = useHotMemoize(module, () => createEnv('healthcheck'));\n", `$&  const ${alias}Env = useHotMemoize(module, () => createEnv('${envId}'));\n`)
          .replace('  apiRouter.use(notFoundHandler());\n', `  apiRouter.use('${route}', await ${alias}(${alias}Env));\n$&`),
      { [`plugins/${file}.ts`]: "import { Router } from 'express';\n\nexport default async function createPlugin(): Promise<Router> {\n  return Router();\n}\n" },
    );
  }

  test('a plugin module named unlike its route is the import of the plugin mounted there', () => {
    expect(withMountedModule('permissionPluginsHub', 'permissionsHub', 'permissions-hub', '/permissions-hub')).toContain('permissions-hub:wired');
  });

  test('a plugin module whose file is named in camel case (./plugins/techInsights), with an env id unlike its route, is one plugin by its route', () => {
    const states = withMountedModule('techInsights', 'techInsights', 'tech_insights', '/tech-insights');
    expect(states.filter(state => state.startsWith('tech'))).toEqual(['tech-insights:wired']);
  });

  test("of packages the repo says are all plugin graphql, a plugin module wraps the one createRouter comes from; the others it imports run there too (a public backend's GraphQL plugin and its catalog module)", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
    try {
      fs.cpSync(LEGACY_APP, repo, { recursive: true });
      for (const name of ['graphql-backend-module-catalog', 'graphql-backend']) {
        const dir = path.join(repo, 'plugins', name);
        fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
        const json = { name: `@acme/backstage-plugin-${name}`, version: '0.1.0', main: 'src/index.ts', backstage: { role: 'backend-plugin', pluginId: 'graphql' } };
        fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(json, null, 2) + '\n');
        fs.writeFileSync(path.join(dir, 'src', 'index.ts'), 'export {};\n');
      }
      const backendJson = path.join(repo, 'packages', 'backend', 'package.json');
      const json = JSON.parse(fs.readFileSync(backendJson, 'utf8'));
      Object.assign(json.dependencies, { '@acme/backstage-plugin-graphql-backend': 'workspace:^', '@acme/backstage-plugin-graphql-backend-module-catalog': 'workspace:^' });
      fs.writeFileSync(backendJson, JSON.stringify(json, null, 2) + '\n');
      const src = path.join(repo, 'packages', 'backend', 'src');
      fs.writeFileSync(
        path.join(src, 'plugins', 'graphql.ts'),
        [
          "import { Catalog } from '@acme/backstage-plugin-graphql-backend-module-catalog';",
          "import { createRouter } from '@acme/backstage-plugin-graphql-backend';",
          "import { Router } from 'express';",
          "import { PluginEnvironment } from '../types';",
          '',
          'export default async function createPlugin(env: PluginEnvironment): Promise<Router> {',
          '  return await createRouter({ logger: env.logger, modules: [Catalog()] });',
          '}',
          '',
        ].join('\n'),
      );
      const index = path.join(src, 'index.ts');
      fs.writeFileSync(
        index,
        fs
          .readFileSync(index, 'utf8')
          .replace("import healthcheck from './plugins/healthcheck';\n", "$&import graphql from './plugins/graphql';\n")
          .replace("  const healthcheckEnv = useHotMemoize(module, () => createEnv('healthcheck'));\n", "$&  const graphqlEnv = useHotMemoize(module, () => createEnv('graphql'));\n")
          .replace('  apiRouter.use(notFoundHandler());\n', "  apiRouter.use('/graphql', await graphql(graphqlEnv));\n$&"),
      );
      const graphql = backendStatus({ cwd: repo }).plugins.filter(p => p.id === 'graphql').map(p => `${p.package} ${p.state} ${p.form}`);
      expect(graphql).toEqual(['@acme/backstage-plugin-graphql-backend wired legacy', '@acme/backstage-plugin-graphql-backend-module-catalog wired legacy']);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  test("a module package a plugin module imports is wired there (a public backend adds its catalog module's provider in src/plugins/catalog.ts); one nothing imports is not", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-status-'));
    try {
      fs.cpSync(LEGACY_APP, repo, { recursive: true });
      const backendJson = path.join(repo, 'packages', 'backend', 'package.json');
      const json = JSON.parse(fs.readFileSync(backendJson, 'utf8'));
      json.dependencies['@backstage/plugin-catalog-backend-module-github'] = '^0.7.0';
      json.dependencies['@backstage/plugin-search-backend-module-pg'] = '^0.5.0';
      fs.writeFileSync(backendJson, JSON.stringify(json, null, 2) + '\n');
      const catalog = path.join(repo, 'packages', 'backend', 'src', 'plugins', 'catalog.ts');
      fs.writeFileSync(catalog, "import { GithubEntityProvider } from '@backstage/plugin-catalog-backend-module-github';\n" + fs.readFileSync(catalog, 'utf8'));
      const modules = backendStatus({ cwd: repo }).plugins.filter(p => p.role === 'module').map(p => `${p.id} ${p.package} ${p.state} ${p.form}`);
      expect(modules).toEqual(['catalog @backstage/plugin-catalog-backend-module-github wired legacy', 'search @backstage/plugin-search-backend-module-pg not-wired null']);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a plugin module called with its env still needs one: without it, half-wired', () => {
    const states = legacyStatus(text => {
      expect(text).toContain("  const healthcheckEnv = useHotMemoize(module, () => createEnv('healthcheck'));\n");
      return text.replace("  const healthcheckEnv = useHotMemoize(module, () => createEnv('healthcheck'));\n", '');
    });
    expect(states).toContain('healthcheck:half-wired (missing env)');
  });
});
