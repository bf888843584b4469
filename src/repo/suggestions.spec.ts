import { closestNames, didYouMean, editDistance } from './suggestions';

test('edit distance counts insertions, deletions, substitutions and swapped neighbours', () => {
  expect(editDistance('carmen', 'carmen')).toBe(0);
  expect(editDistance('carmn', 'carmen')).toBe(1);
  expect(editDistance('cramen', 'carmen')).toBe(1);
  expect(editDistance('karmen', 'carmen')).toBe(1);
  expect(editDistance('', 'dora')).toBe(4);
});

test('the closest names, within a sixth of the word (at least two edits), closest first, three at most', () => {
  expect(closestNames('carmn', ['carmen', 'dora', 'catalog'])).toEqual(['carmen']);
  expect(closestNames('dor', ['dora', 'door', 'doras', 'carmen'])).toEqual(['door', 'dora', 'doras']);
  expect(closestNames('@backstage/plugin-catalog-backen', ['@backstage/plugin-catalog-backend', '@backstage/plugin-kubernetes-backend'])).toEqual(['@backstage/plugin-catalog-backend']);
  expect(closestNames('zzzz', ['carmen', 'dora'])).toEqual([]);
  // The word itself is no suggestion.
  expect(closestNames('carmen', ['carmen'])).toEqual([]);
});

test('did you mean: one name, or several joined', () => {
  expect(didYouMean('carmn', ['carmen'])).toBe('did you mean carmen?');
  expect(didYouMean('dor', ['dora', 'door'])).toBe('did you mean door or dora?');
  expect(didYouMean('zzzz', ['carmen'])).toBe('');
});
