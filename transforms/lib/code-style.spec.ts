import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import { detectCodeStyle } from './code-style';
import { analyzeLegacyIndex } from '../analysis/legacy-backend';
import { fixtureCases, FIXTURES_ROOT } from '../../test/helpers/fixtures';

test('the legacy analysis reads the same style in its walk as detectCodeStyle in its own', () => {
  const seen = new Set<string>();
  for (const { folder, name, source } of ['legacy-index', 'legacy-index-remove'].flatMap(fixtureCases)) {
    const output = fs.readFileSync(path.join(FIXTURES_ROOT, folder, `${name}.output.ts`), 'utf8');
    for (const text of [source, output]) {
      const ast = parse(text, { sourceType: 'module', plugins: ['typescript'], attachComment: false });
      const analyzed = analyzeLegacyIndex(ast, text);
      if ('kind' in analyzed) continue;
      const style = detectCodeStyle(text, ast);
      expect({ file: `${folder}/${name}`, style: analyzed.style }).toEqual({ file: `${folder}/${name}`, style });
      seen.add(JSON.stringify(style));
    }
  }
  // The fixtures hold every habit: both quotes, with and without semicolons, both line endings.
  expect(seen.size).toBeGreaterThanOrEqual(4);
});
