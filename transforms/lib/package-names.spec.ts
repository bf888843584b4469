import { backstageIdentity, identityFromName, packageOfSpecifier } from './package-names';

test.each([
  ['@backstage/plugin-kubernetes-backend', { pluginId: 'kubernetes', role: 'plugin' }],
  ['@roadiehq/backstage-plugin-argo-cd-backend', { pluginId: 'argo-cd', role: 'plugin' }],
  ['@internal/backstage-plugin-carmen-backend', { pluginId: 'carmen', role: 'plugin' }],
  ['@internal/plugin-tech-insights-backend', { pluginId: 'tech-insights', role: 'plugin' }],
  [
    '@backstage/plugin-catalog-backend-module-github',
    { pluginId: 'catalog', role: 'module', pluginPackage: '@backstage/plugin-catalog-backend' },
  ],
  [
    '@backstage/plugin-search-backend-module-catalog',
    { pluginId: 'search', role: 'module', pluginPackage: '@backstage/plugin-search-backend' },
  ],
  ['backstage-plugin-foo-backend-module-bar', { pluginId: 'foo', role: 'module', pluginPackage: 'backstage-plugin-foo-backend' }],
])('%s', (name, identity) => {
  expect(identityFromName(name)).toEqual(identity);
});

test.each(['@backstage/backend-defaults', '@backstage/plugin-auth-node', '@backstage/plugin-catalog', 'express', 'plugin--backend'])(
  '%s is no backend plugin by its name',
  name => expect(identityFromName(name)).toBeUndefined(),
);

test('the backstage field wins over the name', () => {
  expect(backstageIdentity('@acme/odd-name', { backstage: { role: 'backend-plugin', pluginId: 'odd' } })).toEqual({ pluginId: 'odd', role: 'plugin' });
  expect(
    backstageIdentity('@acme/gh', { backstage: { role: 'backend-plugin-module', pluginId: 'catalog', pluginPackage: '@backstage/plugin-catalog-backend' } }),
  ).toEqual({ pluginId: 'catalog', role: 'module', pluginPackage: '@backstage/plugin-catalog-backend' });
  // A frontend plugin named like a backend one is still not a backend plugin.
  expect(backstageIdentity('@acme/plugin-x-backend', { backstage: { role: 'frontend-plugin' } })).toBeUndefined();
  expect(backstageIdentity('@acme/plugin-x-backend', {})).toEqual({ pluginId: 'x', role: 'plugin' });
});

test('packageOfSpecifier', () => {
  expect(packageOfSpecifier('@backstage/plugin-catalog-backend/alpha')).toBe('@backstage/plugin-catalog-backend');
  expect(packageOfSpecifier('@backstage/plugin-catalog-backend')).toBe('@backstage/plugin-catalog-backend');
  expect(packageOfSpecifier('some-plugin/alpha')).toBe('some-plugin');
  expect(packageOfSpecifier('./plugins/carmen')).toBeUndefined();
});
