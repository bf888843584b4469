import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import { detectCodeStyle } from './code-style';
import { analyzeLegacyIndex } from '../transforms/lib/legacy-backend';
import { FIXTURES_ROOT } from '../test/helpers/fixtures';

test('the legacy analysis reads the same style in its walk as detectCodeStyle in its own', () => {
  const seen = new Set<string>();
  for (const folder of ['legacy-index', 'legacy-index-remove']) {
    for (const file of fs.readdirSync(path.join(FIXTURES_ROOT, folder)).filter(f => /\.(input|output)\.ts$/.test(f))) {
      const source = fs.readFileSync(path.join(FIXTURES_ROOT, folder, file), 'utf8');
      let ast;
      try {
        ast = parse(source, { sourceType: 'module', plugins: ['typescript'], attachComment: false });
      } catch {
        continue;
      }
      const analyzed = analyzeLegacyIndex(ast, source);
      if ('kind' in analyzed) continue;
      const style = detectCodeStyle(source, ast);
      expect({ file, style: analyzed.style }).toEqual({ file, style });
      seen.add(JSON.stringify(style));
    }
  }
  // The fixtures hold every habit: both quotes, with and without semicolons, both line endings.
  expect(seen.size).toBeGreaterThanOrEqual(4);
});
