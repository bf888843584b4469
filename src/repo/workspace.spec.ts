import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workspace } from './workspace';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A repo whose root package.json lists `workspaces`, with a package.json in each of `packages`. */
function repo(workspaces: string[], packages: string[]): Workspace {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ private: true, workspaces }));
  for (const dir of packages) {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify({ name: path.basename(dir) }));
  }
  return new Workspace(root);
}

const listed = (workspace: Workspace): string[] => workspace.packages.map(p => path.relative(root, p.dir as string).split(path.sep).join('/'));

test("create-app's packages/* and plugins/* list the folders one level down", () => {
  const workspace = repo(['packages/*', 'plugins/*'], ['packages/app', 'packages/backend', 'plugins/carmen', 'plugins/carmen-backend', 'plugins/group/deeper']);
  expect(listed(workspace)).toEqual(['packages/app', 'packages/backend', 'plugins/carmen', 'plugins/carmen-backend']);
});

test('plugins/**/* lists packages at any depth below plugins (a public repo groups them in backend/ and frontend/), node_modules aside', () => {
  const workspace = repo(['packages/*', 'plugins/**/*'], [
    'packages/backend',
    'plugins/backend/plugin-ai-core-backend',
    'plugins/frontend/plugin-ai-core',
    'plugins/backend/plugin-ai-core-backend/node_modules/left-pad',
    'plugins/.cache/stale',
  ]);
  expect(listed(workspace)).toEqual(['packages/backend', 'plugins/backend/plugin-ai-core-backend', 'plugins/frontend/plugin-ai-core']);
});

test('a wildcard inside a name, and a negated pattern that leaves folders out', () => {
  const workspace = repo(['plugins/plugin-*', '!plugins/plugin-old'], ['plugins/plugin-new', 'plugins/plugin-old', 'plugins/other']);
  expect(listed(workspace)).toEqual(['plugins/plugin-new']);
});
