import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import type { BlockStatement, File, Node, Program } from '@babel/types';
import { walk } from '../../transforms/lib/ast';
import { applyChanges, TextChange } from '../../transforms/lib/changes';
import { editsReparse } from './reparse';
import { pluginIdsOption } from '../../transforms/lib/naming';
import { FixtureCase, fixtureCases, FIXTURES_ROOT } from '../../test/helpers/fixtures';
import { planLegacyWiring } from '../../transforms/legacy-index';
import { planLegacyRemoval } from '../../transforms/legacy-index-remove';
import { planNewBackendWiring, requestFromOptions } from '../../transforms/new-backend-index';
import { planNewBackendRemoval } from '../../transforms/new-backend-index-remove';

const parseFile = (source: string): File => parse(source, { sourceType: 'module', plugins: ['typescript'], attachComment: false });

function wholeFileParses(source: string): boolean {
  try {
    parseFile(source);
    return true;
  } catch {
    return false;
  }
}

/** What the planner behind each index.ts transform would change, as the transforms call them. */
function plannedEdits({ folder, source, options }: FixtureCase, ast: File): readonly TextChange[] {
  const ids = pluginIdsOption(options.id as string | string[] | undefined);
  switch (folder) {
    case 'legacy-index':
      return planLegacyWiring(source, ids, 'index.ts', ast).changes;
    case 'legacy-index-remove':
      return planLegacyRemoval(source, ids, 'index.ts', ast).changes;
    case 'new-backend-index':
      return planNewBackendWiring(source, [requestFromOptions(options)], 'index.ts', ast).changes;
    case 'new-backend-index-remove': {
      const { id, packageName, module } = requestFromOptions(options);
      return planNewBackendRemoval(source, [{ id, packageName, module }], 'index.ts', ast).changes;
    }
    default:
      throw new Error(folder);
  }
}

const cases = ['legacy-index', 'legacy-index-remove', 'new-backend-index', 'new-backend-index-remove'].flatMap(fixtureCases);

describe('editsReparse on what the planners do', () => {
  test.each(cases.map(c => [`${c.folder}/${c.name}`, c] as const))('%s: proven from the changed statements alone', (_, fixture) => {
    const { source } = fixture;
    const ast = parseFile(source);
    const edits = plannedEdits(fixture, ast);
    const after = applyChanges(source, edits);
    expect(wholeFileParses(after)).toBe(true);
    expect(editsReparse(source, after, { ast, edits })).toBe(true);
  });

  test('taking away a declaration that `export { ... }` names is left to the whole-file parse', () => {
    const source = "const x = 1;\nconst y = 2;\nexport { x };\n";
    const ast = parseFile(source);
    const removeX = [{ start: 0, end: 13, text: '' }];
    expect(wholeFileParses(applyChanges(source, removeX))).toBe(false);
    expect(editsReparse(source, applyChanges(source, removeX), { ast, edits: removeX })).toBe(false);
    // Taking away what no export names, or adding beside it, is still proven in place.
    const removeY = [{ start: 13, end: 26, text: '' }];
    expect(editsReparse(source, applyChanges(source, removeY), { ast, edits: removeY })).toBe(true);
    const add = [{ start: 26, end: 26, text: 'const z = 3;\n' }];
    expect(editsReparse(source, applyChanges(source, add), { ast, edits: add })).toBe(true);
  });

  test('the text must be the edits applied: anything else is left to the whole-file parse', () => {
    const source = "import a from 'a';\n\nconst b = 1;\n";
    const ast = parseFile(source);
    const edits = [{ start: 18, end: 18, text: "\nimport c from 'c';" }];
    expect(editsReparse(source, applyChanges(source, edits), { ast, edits })).toBe(true);
    expect(editsReparse(source, applyChanges(source, edits) + '\n', { ast, edits })).toBe(false);
    expect(editsReparse(source, source, { ast, edits: [] })).toBe(true);
    const overlapping = [{ start: 0, end: 10, text: '' }, { start: 5, end: 12, text: '' }];
    expect(editsReparse(source, source, { ast, edits: overlapping })).toBe(false);
    expect(editsReparse(source, source + ' ', { ast, edits: [] })).toBe(false);
  });
});

/** Every statement list in the file (the program and each block), with the offsets between its statements. */
function boundaries(ast: File): number[] {
  const points = new Set<number>();
  const lists: (Program | BlockStatement)[] = [ast.program];
  walk(ast.program, node => {
    if (node.type === 'BlockStatement') lists.push(node);
  });
  for (const list of lists) {
    const open = list.type === 'Program' ? 0 : (list.start ?? 0) + 1;
    points.add(open);
    for (const statement of list.body) {
      points.add(statement.start ?? 0);
      points.add(statement.end ?? 0);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/**
 * Snippets that are fine in some places and wrong in others: in a block but
 * not at the top, in an async function only, clashing with a name the file
 * has, half a statement, one that runs on into the next statement, a
 * hoisting var, a directive.
 */
const SNIPPETS = [
  'foo();',
  'foo()',
  'const wireFresh = 1;',
  'const wireFresh = 1',
  "import fresh from 'fresh';",
  'import wireAlias = wireNs.member;',
  "import fresh from 'fresh'",
  'import fresh',
  'export const exported = 1;',
  'await ready;',
  'return;',
  'break;',
  'yield 1;',
  'super.go();',
  'new.target;',
  'const await = 1;',
  'var hoisted = 1;',
  "'use strict';",
  'const apiRouter = 1;',
  'const env = 4;',
  'const main = 7;',
  'const catalog = 8;',
  'function main() {}',
  'let createEnv;',
  'const wireFresh =',
  'wireFresh.',
  'wireFresh +',
  'do foo()',
  '(wireFresh)',
  '`wire',
  '}',
  '{',
  '(',
  '/* open',
  'apiRouter.use(',
  'foo() <!-- bar(',
  '--> bar(',
  'if (x) {',
  '} else {',
  'label: for (;;) { continue label; }',
  'class Local { m() { return super.toString(); } }',
];

/** A few inputs of each shape the planners meet, beside the example apps (create-app's 0.5.11 layout and the new template). */
const CORPUS = [
  'legacy-index/crlf', 'legacy-index/no-semicolons', 'legacy-index/routes-inside-if-block', 'legacy-index/top-level-router-at-end-of-file',
  'new-backend-index/create-app-template', 'new-backend-index/adds-inside-if', 'new-backend-index/start-without-semicolon',
  'new-backend-index/added-with-then', 'new-backend-index-remove/no-semicolons',
];

function corpus(): { name: string; source: string }[] {
  const examples = ['legacy-app', 'new-app'].map(app => {
    const file = path.join(__dirname, '..', '..', 'examples', app, 'packages', 'backend', 'src', 'index.ts');
    return { name: app, source: fs.readFileSync(file, 'utf8') };
  });
  return [...examples, ...CORPUS.map(name => ({ name, source: fs.readFileSync(path.join(FIXTURES_ROOT, `${name}.input.ts`), 'utf8') }))];
}

describe('editsReparse never proves what the whole-file parse rejects', () => {
  // Deterministic and exhaustive over the corpus: every snippet at every
  // statement boundary, and pairs of edits; the whole file is parsed
  // whenever the check says proven.
  test.each(corpus().map(f => [f.name, f] as const))('%s', (_, { source }) => {
    const ast = parseFile(source);
    const points = boundaries(ast);
    let proven = 0;
    let notProven = 0;
    const check = (edits: TextChange[]): void => {
      const after = applyChanges(source, edits);
      if (!editsReparse(source, after, { ast, edits })) {
        notProven++;
        return;
      }
      proven++;
      if (!wholeFileParses(after)) throw new Error(`proved a file that does not parse: ${JSON.stringify(edits)}\n${after}`);
    };
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const last = points[points.length - 1];
    for (const point of points) {
      for (const snippet of SNIPPETS) {
        check([{ start: point, end: point, text: `${eol}${snippet}${eol}` }]);
        check([{ start: point, end: point, text: ` ${snippet}` }]);
      }
      // Two edits: a declaration here and a call at the end.
      if (last !== point) check([{ start: point, end: point, text: `${eol}const wireFresh = 1;${eol}` }, { start: last, end: last, text: `${eol}foo();` }]);
    }
    // Removals: every statement of every list, and half of one.
    for (const statement of statementsOfLists(ast)) {
      const start = statement.start ?? 0;
      const end = statement.end ?? 0;
      check([{ start, end, text: '' }]);
      check([{ start, end: Math.floor((start + end) / 2), text: '' }]);
    }
    expect(proven).toBeGreaterThan(0);
    expect(notProven).toBeGreaterThan(0);
  });
});

function statementsOfLists(ast: File): Node[] {
  const out: Node[] = [...ast.program.body];
  walk(ast.program, node => {
    if (node.type === 'BlockStatement') out.push(...node.body);
  });
  return out;
}
