import { identifierOffsets } from './ast';
import { planUnusedImportRemoval } from './imports';
import { applyChanges } from './changes';
import { parseTsx } from './jsx';

const STYLE = { quote: "'" as const, semicolons: true, unit: '  ', printWidth: 80, eol: '\n' };

describe('a JSX element names the variable it renders', () => {
  const text = [
    "import { EntityJenkinsContent, isJenkinsAvailable } from '@backstage-community/plugin-jenkins';",
    "import { Foo } from './foo';",
    '',
    'const a = <EntityJenkinsContent title="x" />;',
    'const b = <Foo.Bar><div className="y" /></Foo.Bar>;',
    '',
  ].join('\n');
  const ast = parseTsx(text, 'EntityPage.tsx');

  test('element names and member objects count as uses; intrinsic elements and attribute names do not', () => {
    const offsets = identifierOffsets(ast.program);
    expect(offsets.get('EntityJenkinsContent')).toContain(text.indexOf('<EntityJenkinsContent') + 1);
    expect(offsets.get('Foo')).toEqual(expect.arrayContaining([text.indexOf('<Foo.Bar>') + 1, text.indexOf('</Foo.Bar>') + 2]));
    expect(offsets.has('div')).toBe(false);
    expect(offsets.has('title')).toBe(false);
    expect(offsets.has('className')).toBe(false);
  });

  test('an import still rendered outside what is removed stays; one nothing uses goes', () => {
    const changes = planUnusedImportRemoval(text, ast, new Set(['EntityJenkinsContent', 'isJenkinsAvailable']), [], STYLE);
    expect(applyChanges(text, changes).split('\n')[0]).toBe("import { EntityJenkinsContent } from '@backstage-community/plugin-jenkins';");
  });
});
