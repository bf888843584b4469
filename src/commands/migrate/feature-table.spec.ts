import { featureFromRelease, featureFromTable } from './feature-table';
import { lowestVersion, versionAtRelease, versionForRelease } from '../../repo/release-table';
import { RELEASE_ROWS, VERSIONS_BY_RELEASE } from '../../repo/release-versions';

test.each([
  ['^1.24.0', '1.24.0'],
  ['~0.3.71', '0.3.71'],
  ['1.2.3', '1.2.3'],
  ['>=0.4.1', '0.4.1'],
  ['workspace:^', undefined],
  ['backstage:^', undefined],
  ['*', undefined],
])('lowestVersion(%s)', (range, version) => expect(lowestVersion(range)).toBe(version));

test('featureFromTable: unknown below the first version checked, /alpha, then the root', () => {
  expect(featureFromTable('@backstage/plugin-catalog-backend', '1.7.2')).toBeUndefined();
  expect(featureFromTable('@backstage/plugin-catalog-backend', '1.13.3')).toBe('/alpha');
  expect(featureFromTable('@backstage/plugin-catalog-backend', '1.25.2')).toBe('/alpha');
  expect(featureFromTable('@backstage/plugin-catalog-backend', '1.27.1')).toBe('');
  expect(featureFromTable('@backstage/plugin-catalog-backend', '3.0.0')).toBe('');
  expect(featureFromTable('@backstage/plugin-auth-backend', '0.18.8')).toBeUndefined();
  expect(featureFromTable('@backstage/plugin-auth-backend', '0.22.10')).toBe('');
  expect(featureFromTable('@internal/whatever', '1.0.0')).toBeUndefined();
});

test('featureFromRelease: by the version at that release, else the 1.24 template through 1.29', () => {
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.29.0')).toBe('/alpha');
  expect(featureFromRelease('@backstage/plugin-catalog-backend-module-scaffolder-entity-model', '1.24.0')).toBe('');
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.23.0')).toBeUndefined();
  // catalog-backend 1.25.0 (1.30) has its feature at /alpha; 1.27.1 (1.32) at the root.
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.30.0')).toBe('/alpha');
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.32.0')).toBe('');
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.55.0')).toBe('');
  expect(featureFromRelease('@backstage/plugin-catalog-backend', undefined)).toBeUndefined();
});

test('versionForRelease reads the minor release row', () => {
  expect(versionForRelease('@backstage/backend-defaults', '1.29.2')).toEqual({ range: '^0.4.1', row: '1.29' });
  expect(versionForRelease('@backstage/backend-plugin-api', '1.30.0')).toEqual({ range: '^0.8.0', row: '1.30' });
  expect(versionForRelease('@backstage/backend-defaults', '1.23.0')).toBeUndefined();
});

test('versionForRelease reads a release without a row from the nearest row below it', () => {
  expect(versionForRelease('@backstage/backend-defaults', '1.60.0')).toEqual({ range: '^0.18.0', row: '1.55' });
  expect(versionForRelease('@backstage/backend-defaults', '2.0.0')).toEqual({ range: '^0.18.0', row: '1.55' });
  // The nearest row decides: backend-common left after 1.31, and 1.31's is not taken for 1.60.
  expect(versionForRelease('@backstage/backend-common', '1.60.0')).toBeUndefined();
  expect(versionForRelease('@backstage/backend-common', '1.31.0')).toEqual({ range: '^0.25.0', row: '1.31' });
});

test('the version table has a row for every release from 1.24 to 1.55', () => {
  expect(RELEASE_ROWS).toEqual(Array.from({ length: 32 }, (_, i) => `1.${24 + i}`));
  for (const row of Object.values(VERSIONS_BY_RELEASE)) expect(row.split(' ')).toHaveLength(RELEASE_ROWS.length);
});

/**
 * Rows checked against Backstage's release manifests, read by hand (the
 * version each release shipped; where the registry lacks that version, the
 * table may only hold the nearest one it has, and the check says so).
 */
test.each([
  ['1.30', { 'backend-plugin-api': '0.8.0', 'backend-common': '0.24.0', 'plugin-catalog-backend-module-scaffolder-entity-model': '0.1.21', 'plugin-search-backend-module-catalog': '0.2.0', 'plugin-permission-backend-module-allow-all-policy': '0.1.20', 'plugin-auth-backend-module-guest-provider': '0.1.9' }],
  ['1.33', { 'backend-plugin-api': '1.0.2', 'backend-defaults': '0.5.3', 'plugin-catalog-backend-module-scaffolder-entity-model': '0.2.2', 'plugin-search-backend-module-catalog': '0.2.5', 'plugin-catalog-backend': '1.28.0' }],
  ['1.35', { 'backend-plugin-api': '1.1.1', 'backend-defaults': '0.7.0', 'plugin-catalog-backend-module-scaffolder-entity-model': '0.2.4', 'plugin-search-backend-module-catalog': '0.3.0', 'plugin-permission-backend-module-allow-all-policy': '0.2.4', 'plugin-catalog-backend': '1.30.0' }],
  ['1.39', { 'backend-plugin-api': '1.3.1', 'backend-defaults': '0.10.0' }],
  ['1.55', { 'backend-plugin-api': '1.10.1', 'backend-defaults': '0.18.0' }],
])('Backstage %s matches its manifest', (release, expected) => {
  for (const [name, version] of Object.entries(expected)) expect([name, versionAtRelease(`@backstage/${name}`, `${release}.0`)]).toEqual([name, version]);
});

test('a hole in the registry (no version at the release, versions after it) takes the nearest version below, and says so', () => {
  // The registry has no scaffolder entity-model module, allow-all policy module or proxy backend built for 1.29.
  expect(versionForRelease('@backstage/plugin-catalog-backend-module-scaffolder-entity-model', '1.29.0')).toEqual({ range: '^0.1.2', row: '1.28', hole: true });
  expect(versionForRelease('@backstage/plugin-proxy-backend', '1.29.2')).toEqual({ range: '^0.4.16', row: '1.28', hole: true });
  // Nothing below it at all: none.
  expect(versionForRelease('@backstage/plugin-permission-backend-module-allow-all-policy', '1.29.0')).toBeUndefined();
  // After its last row a package is gone, not missing: backend-common past 1.31 has no version.
  expect(versionForRelease('@backstage/backend-common', '1.33.0')).toBeUndefined();
  expect(versionForRelease('@backstage/backend-common', '1.31.0')).toEqual({ range: '^0.25.0', row: '1.31' });
});
