import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { forgetPrettierConfigs } from './format';
import { FormatSession } from './format-written';
import * as lite from './prettier-lite';
import { printLegacyAccessModule } from '../../transforms/generate/legacy-access';
import { FileTree } from './tree';

const MODULE = 'packages/backend/src/modules/notification-digests-legacy-plugin.ts';
const INDEX = 'packages/backend/src/index.ts';
/** What the printer writes for a long id: one line past create-app's print width of 80. */
const LONG_ADD = "backend.add(legacyPlugin('notification-digests', import('./modules/notification-digests-legacy-plugin')));\n";
const WRAPPED_ADD = [
  'backend.add(',
  '  legacyPlugin(',
  "    'notification-digests',",
  "    import('./modules/notification-digests-legacy-plugin'),",
  '  ),',
  ');',
  '',
].join('\n');

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
  forgetPrettierConfigs();
});

function repo(files: Record<string, string>): FileTree {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'format-written-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return new FileTree(root);
}

const BACKSTAGE_ROOT = { 'package.json': '{ "name": "root", "prettier": "@backstage/cli/config/prettier" }\n' };

test("created and updated files are formatted under create-app's config; unchanged ones are not read", async () => {
  const tree = repo({ ...BACKSTAGE_ROOT, [INDEX]: 'const a = 1;\n', 'packages/backend/src/other.ts': 'const  untouched = 1\n' });
  tree.write(path.join(tree.root, MODULE), LONG_ADD);
  tree.write(path.join(tree.root, INDEX), `const a = 1;\n${LONG_ADD}`);
  expect(await new FormatSession(tree.root).formatTree(tree)).toEqual([]);
  expect(tree.read(MODULE)).toBe(WRAPPED_ADD);
  expect(tree.read(INDEX)).toBe(`const a = 1;\n${WRAPPED_ADD}`);
  expect(tree.status(path.join(tree.root, 'packages/backend/src/other.ts'))).toBe('unchanged');
});

test('a repo without a prettier config keeps what the printer wrote', async () => {
  const tree = repo({ 'package.json': '{ "name": "root" }\n' });
  tree.write(path.join(tree.root, MODULE), LONG_ADD);
  await new FormatSession(tree.root).formatTree(tree);
  expect(tree.read(MODULE)).toBe(LONG_ADD);
});

test("the config's own options apply (a JSON .prettierrc)", async () => {
  const tree = repo({ '.prettierrc.json': '{ "semi": false, "singleQuote": true, "printWidth": 120 }\n' });
  tree.write(path.join(tree.root, MODULE), LONG_ADD);
  await new FormatSession(tree.root).formatTree(tree);
  expect(tree.read(MODULE)).toBe(LONG_ADD.replace(/;\n$/, '\n'));
});

test('CRLF files stay CRLF unless the config sets endOfLine', async () => {
  const tree = repo(BACKSTAGE_ROOT);
  tree.write(path.join(tree.root, MODULE), LONG_ADD.replace(/\n/g, '\r\n'));
  await new FormatSession(tree.root).formatTree(tree);
  expect(tree.read(MODULE)).toBe(WRAPPED_ADD.replace(/\n/g, '\r\n'));
});

test('a file under a folder that .prettierignore names is left alone; others are formatted', async () => {
  const tree = repo({ ...BACKSTAGE_ROOT, '.prettierignore': 'dist\n# generated\npackages/backend/src/modules/\n' });
  tree.write(path.join(tree.root, MODULE), LONG_ADD);
  tree.write(path.join(tree.root, INDEX), LONG_ADD);
  await new FormatSession(tree.root).formatTree(tree);
  expect(tree.read(MODULE)).toBe(LONG_ADD);
  expect(tree.read(INDEX)).toBe(WRAPPED_ADD);
});

test('a file prettier cannot parse is kept as printed, with a warning naming it', async () => {
  const tree = repo(BACKSTAGE_ROOT);
  tree.write(path.join(tree.root, MODULE), 'const = ;\n');
  const warnings = await new FormatSession(tree.root).formatTree(tree);
  expect(tree.read(MODULE)).toBe('const = ;\n');
  expect(warnings).toEqual([expect.stringMatching(/^packages\/backend\/src\/modules\/notification-digests-legacy-plugin\.ts: prettier could not format it \(.+\); written as printed$/)]);
});

test("a template's modules go through prettier once per shape, each getting its own values back", async () => {
  const tree = repo(BACKSTAGE_ROOT);
  const session = new FormatSession(tree.root);
  const style = { quote: "'" as const, semicolons: true, unit: '  ', eol: '\n' };
  const ids = ['p01', 'p02', 'p13', 'notes', 'hooks'];
  for (const [i, pluginId] of ids.entries()) {
    const file = path.join(tree.root, `packages/backend/src/modules/${pluginId}-legacy-access.ts`);
    // Past the print width, so that prettier has something to change: the header's first line made long.
    tree.write(file, printLegacyAccessModule({ pluginId, line: 100 + i }, style).replace('coreServices,\n  createBackendModule,\n}', 'coreServices, createBackendModule }'));
    session.fromTemplate(file, [pluginId, String(100 + i)]);
  }
  const spy = jest.spyOn(lite, 'formatTypeScript');
  try {
    expect(await session.formatTree(tree)).toEqual([]);
    // p01, p02, p13 share a shape, and notes and hooks another.
    expect(spy).toHaveBeenCalledTimes(2);
  } finally {
    spy.mockRestore();
  }
  for (const [i, pluginId] of ids.entries()) {
    expect(tree.read(`packages/backend/src/modules/${pluginId}-legacy-access.ts`)).toBe(printLegacyAccessModule({ pluginId, line: 100 + i }, style));
  }
});
