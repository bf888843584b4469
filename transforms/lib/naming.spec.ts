import { camelCaseId, firstFreeName, pluginAliasCandidates, preferredAlias, validatePluginId } from './naming';

test('camelCaseId', () => {
  expect(camelCaseId('carmen')).toBe('carmen');
  expect(camelCaseId('carmen-tools')).toBe('carmenTools');
  expect(camelCaseId('s3-viewer-2')).toBe('s3Viewer2');
  expect(camelCaseId('3d-viewer')).toBe('plugin3dViewer');
});

test('reserved words are never chosen', () => {
  expect(preferredAlias('new')).toBe('newPlugin');
  expect(preferredAlias('default')).toBe('defaultPlugin');
});

test('firstFreeName skips taken names deterministically', () => {
  expect(firstFreeName(pluginAliasCandidates('carmen'), new Set(['carmen', 'carmenPlugin']))).toBe('carmenPlugin2');
});

test.each(['carmen', 'tech-insights', 'a1', '3d'])('%s is a valid id', id => {
  expect(() => validatePluginId(id)).not.toThrow();
});

test.each(['Carmen', '-a', 'a-', 'a--b', 'a_b', 'a b', '', 'é', 'a'.repeat(101), '../a', 'a/b'])('%p is not a valid id', id => {
  expect(() => validatePluginId(id)).toThrow(/^invalid plugin id /);
});
