import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFrontendPackage } from './frontend-package';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** An installed frontend package: its package.json's `backstage` field and a built entry that creates one plugin. */
function installed(name: string, backstage: Record<string, unknown>, pluginId: string): { name: string; dir: string; json: Record<string, unknown> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wire-plugin-frontend-package-'));
  made.push(dir);
  const json = { name, version: '2.6.0', main: 'dist/index.esm.js', backstage };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(json));
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(
    path.join(dir, 'dist', 'index.esm.js'),
    [
      "import { createPlugin, createRouteRef, createRoutableExtension } from '@backstage/core-plugin-api';",
      `const rootRouteRef = createRouteRef({ id: '${pluginId}' });`,
      `const pullRequestsPlugin = createPlugin({ id: '${pluginId}', routes: { root: rootRouteRef } });`,
      "const EntityPullRequestsContent = pullRequestsPlugin.provide(createRoutableExtension({ name: 'EntityPullRequestsContent', component: () => import('./Content').then(m => m.Content), mountPoint: rootRouteRef }));",
      'export { pullRequestsPlugin, EntityPullRequestsContent };',
      '',
    ].join('\n'),
  );
  return { name, dir, json };
}

test("the id is the one the code's createPlugin names, where package.json says another (Roadie's pull requests plugin)", () => {
  const pkg = installed('@roadiehq/backstage-plugin-github-pull-requests', { role: 'frontend-plugin', pluginId: 'backstage-plugin-github-pull-requests' }, 'github-pull-requests');
  expect(readFrontendPackage(pkg)?.pluginId).toBe('github-pull-requests');
});

test("package.json's id stands where it is a plugin's id, whatever the code says; so does one the code's would not better", () => {
  expect(readFrontendPackage(installed('@acme/plugin-weather', { role: 'frontend-plugin', pluginId: 'weather' }, 'weather'))?.pluginId).toBe('weather');
  expect(readFrontendPackage(installed('backstage-plugin-costinsight', { role: 'frontend-plugin', pluginId: 'costinsight' }, 'bigqueryapi'))?.pluginId).toBe('costinsight');
  expect(readFrontendPackage(installed('@acme/plugin-devpod', { role: 'frontend-plugin', pluginId: 'devpod' }, 'backstage-plugin-devpod'))?.pluginId).toBe('devpod');
  expect(readFrontendPackage(installed('@acme/plugin-rain-frontend', { role: 'frontend-plugin', pluginId: 'rain-frontend' }, 'Rain Plugin'))?.pluginId).toBe('rain-frontend');
  expect(readFrontendPackage(installed('@acme/plugin-scaleops-frontend', { role: 'frontend-plugin', pluginId: 'scaleops-frontend' }, 'scaleops'))?.pluginId).toBe('scaleops');
});
