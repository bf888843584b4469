import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as babel from '@babel/parser';
import * as parse from './parse';
import { planWiring } from './wire';

const LEGACY_APP = path.join(__dirname, '..', 'examples', 'legacy-app');

afterEach(() => jest.restoreAllMocks());

/** A scaffolded legacy plugin package, as the backend-plugin template makes them. */
function addPluginPackage(repo: string, id: string): void {
  const dir = path.join(repo, 'plugins', `${id}-backend`);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const json = { name: `@internal/plugin-${id}-backend`, version: '0.1.0', main: 'src/index.ts', backstage: { role: 'backend-plugin', pluginId: id } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(json, null, 2) + '\n');
  fs.writeFileSync(
    path.join(dir, 'src', 'index.ts'),
    "import express from 'express';\n\nexport interface RouterOptions {\n  logger: unknown;\n}\n\nexport async function createRouter(options: RouterOptions): Promise<express.Router> {\n  void options;\n  return express.Router();\n}\n",
  );
}

test('wiring three plugins reads and parses each file once, and index.ts is validated from its changed statements alone', async () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-wire-'));
  try {
    fs.cpSync(LEGACY_APP, repo, { recursive: true });
    for (const id of ['p1', 'p2', 'p3']) addPluginPackage(repo, id);
    // The fs module itself (an `import * as` namespace cannot be spied on): every reader here goes through it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const read = jest.spyOn(require('fs') as typeof fs, 'readFileSync');
    const planned = jest.spyOn(parse, 'parseTypeScript');
    const parsed = jest.spyOn(babel, 'parse');
    const { changes } = await planWiring({ cwd: repo, plugins: ['p1', 'p2', 'p3'] });
    // Read from disk once each: index.ts, types.ts, package.json files (the root's, the backend's, each plugin's), plugin entries.
    const readFiles = read.mock.calls.map(call => path.relative(repo, String(call[0]))).filter(file => !file.startsWith('..'));
    expect(readFiles.filter((file, i) => readFiles.indexOf(file) !== i)).toEqual([]);
    expect(readFiles).toEqual(expect.arrayContaining(['package.json', 'packages/backend/package.json', 'plugins/p1-backend/package.json']));
    const files = planned.mock.calls.map(call => call[1]).sort();
    expect(files).toEqual([...new Set(files)]);
    expect(files).toEqual(expect.arrayContaining(['packages/backend/src/index.ts', 'packages/backend/src/types.ts']));
    const index = changes.find(c => c.displayPath === 'packages/backend/src/index.ts');
    expect(index?.after).toContain("apiRouter.use('/p3', await p3(p3Env));");
    // Parsed whole: index.ts as it was (to plan) but never as it will be.
    const inputs = parsed.mock.calls.map(call => call[0]);
    expect(inputs.filter(text => text === index?.before)).toHaveLength(1);
    expect(inputs.filter(text => text === index?.after)).toHaveLength(0);
    // The new plugin modules are small and parsed whole, once each.
    for (const id of ['p1', 'p2', 'p3']) {
      const module = changes.find(c => c.displayPath === `packages/backend/src/plugins/${id}.ts`);
      expect(inputs.filter(text => text === module?.after)).toHaveLength(1);
    }
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});
