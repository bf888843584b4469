import { featureFromRelease, featureFromTable, lowestVersion, versionForRelease } from './feature-table';

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

test('featureFromRelease: the 1.24 template through 1.29, nothing else', () => {
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.29.0')).toBe('/alpha');
  expect(featureFromRelease('@backstage/plugin-catalog-backend-module-scaffolder-entity-model', '1.24.0')).toBe('');
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.23.0')).toBeUndefined();
  expect(featureFromRelease('@backstage/plugin-catalog-backend', '1.30.0')).toBeUndefined();
  expect(featureFromRelease('@backstage/plugin-kubernetes-backend', '1.29.0')).toBeUndefined();
  expect(featureFromRelease('@backstage/plugin-catalog-backend', undefined)).toBeUndefined();
});

test('versionForRelease reads the minor release row', () => {
  expect(versionForRelease('@backstage/backend-defaults', '1.29.2')).toEqual({ range: '^0.4.1', row: '1.29' });
  expect(versionForRelease('@backstage/backend-plugin-api', '1.30.0')).toEqual({ range: '^0.8.0', row: '1.30' });
  expect(versionForRelease('@backstage/backend-defaults', '1.23.0')).toBeUndefined();
});

test('versionForRelease reads a release without a row from the nearest row below it', () => {
  expect(versionForRelease('@backstage/backend-defaults', '1.42.1')).toEqual({ range: '^0.4.3', row: '1.30' });
  expect(versionForRelease('@backstage/backend-defaults', '1.60.0')).toEqual({ range: '^0.18.0', row: '1.55' });
  // The nearest row decides: 1.55 has no backend-common, and 1.30's is not taken for 1.60.
  expect(versionForRelease('@backstage/backend-common', '1.60.0')).toBeUndefined();
  expect(versionForRelease('@backstage/backend-defaults', '2.0.0')).toEqual({ range: '^0.18.0', row: '1.55' });
});
