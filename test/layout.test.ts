/**
 * The folders run one way: src/ builds on transforms/, never the reverse.
 * Every file under transforms/ is read for what it imports (import and
 * export-from declarations, require() and import() calls), and none may
 * reach into src/. The planners' own modules are held to more: following
 * their relative imports from file to file stays inside transforms/, so the
 * folder can be run, read and tested on its own, as jscodeshift users do.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import { walk } from '../transforms/lib/ast';
import { PROJECT } from './helpers/repo';

const TRANSFORMS = path.join(PROJECT, 'transforms');
const SRC = path.join(PROJECT, 'src');

function* typeScriptFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(file);
    else if (entry.name.endsWith('.ts')) yield file;
  }
}

/** Every module specifier a file names, with the line it is on. */
function importedSpecifiers(source: string): { specifier: string; line: number }[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript'] });
  const found: { specifier: string; line: number }[] = [];
  const take = (node: { type: string; value?: unknown; loc?: { start: { line: number } } | null } | null | undefined) => {
    if (node && node.type === 'StringLiteral' && typeof node.value === 'string') found.push({ specifier: node.value, line: node.loc?.start.line ?? 0 });
  };
  walk(ast.program, node => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') take(node.source);
    else if (node.type === 'TSImportEqualsDeclaration' && node.moduleReference.type === 'TSExternalModuleReference') take(node.moduleReference.expression);
    else if (node.type === 'TSImportType') take(node.argument as never);
    else if (node.type === 'CallExpression') {
      const callee = node.callee;
      const isRequire = callee.type === 'Identifier' && callee.name === 'require';
      const isRequireLike = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && /^(requireActual|mock|doMock)$/.test(callee.property.name);
      if (callee.type === 'Import' || isRequire || isRequireLike) take(node.arguments[0] as never);
    }
  });
  return found;
}

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')].find(candidate => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? base;
}

const under = (dir: string, file: string): boolean => !path.relative(dir, file).startsWith('..');
const files = [...typeScriptFiles(TRANSFORMS)];

test('the scan reads every kind of import and sees one into src/', () => {
  const specifiers = importedSpecifiers(
    "import a from '../src/a';\nexport * from '../src/b';\nexport { c } from '../src/c';\nimport d = require('../src/d');\nconst e = require('../src/e');\ntype F = import('../src/f').F;\nconst g = import('../src/g');\njest.mock('../src/h');\n",
  ).map(found => found.specifier);
  expect(specifiers).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(name => `../src/${name}`));
});

test('transforms/ has its planners, analysis and helpers', () => {
  expect(files.length).toBeGreaterThan(20);
});

test.each(files.map(file => [path.relative(PROJECT, file), file]))('%s imports nothing from src/', (_name, file) => {
  const intoSrc = importedSpecifiers(fs.readFileSync(file, 'utf8'))
    .filter(({ specifier }) => {
      const target = resolveRelative(file, specifier);
      return target !== undefined && under(SRC, target);
    })
    .map(({ specifier, line }) => `${path.relative(PROJECT, file)}:${line}: ${specifier}`);
  expect(intoSrc).toEqual([]);
});

test('following the planners\' relative imports never leaves transforms/', () => {
  const seen = new Set<string>();
  const outside: string[] = [];
  const queue = files.filter(file => !/\.(spec|test)\.ts$/.test(file));
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { specifier, line } of importedSpecifiers(fs.readFileSync(file, 'utf8'))) {
      const target = resolveRelative(file, specifier);
      if (target === undefined) continue;
      if (!under(TRANSFORMS, target)) outside.push(`${path.relative(PROJECT, file)}:${line}: ${specifier}`);
      else queue.push(target);
    }
  }
  expect(outside).toEqual([]);
});

/** The relative imports of every module under src/ and transforms/ (specs aside), types included. */
function importGraph(): Map<string, string[]> {
  const modules = [...typeScriptFiles(SRC), ...files].filter(file => !/\.(spec|test)\.ts$/.test(file));
  return new Map(
    modules.map(file => [
      file,
      importedSpecifiers(fs.readFileSync(file, 'utf8'))
        .map(({ specifier }) => resolveRelative(file, specifier))
        .filter((target): target is string => target !== undefined && fs.existsSync(target)),
    ]),
  );
}

/** The import circles of a graph: its strongly connected parts of more than one module, or a module that imports itself. */
function importCircles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const part: string[] = [];
    let top: string;
    do {
      top = stack.pop() as string;
      part.push(top);
    } while (top !== file);
    if (part.length > 1 || (graph.get(file) ?? []).includes(file)) circles.push(part.map(member => path.relative(PROJECT, member)).sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

test('the circle finder finds a circle, and only one', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a', 'd']],
    ['d', []],
  ]);
  expect(importCircles(graph).map(circle => circle.length)).toEqual([3]);
});

test('no import circle under src/ and transforms/ (a type two modules share lives below both)', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(100);
  expect(importCircles(graph)).toEqual([]);
});

test("no command reaches into another command's folder (what two commands read lives in src/repo/ or src/commit/)", () => {
  const COMMANDS = path.join(SRC, 'commands');
  const commandOf = (file: string): string | undefined => (under(COMMANDS, file) ? path.relative(COMMANDS, file).split(path.sep)[0] : undefined);
  const reaching: string[] = [];
  for (const [file, targets] of importGraph()) {
    const own = commandOf(file);
    for (const target of targets) {
      const other = commandOf(target);
      if (own && other && other !== own) reaching.push(`${path.relative(PROJECT, file)} -> ${path.relative(PROJECT, target)}`);
    }
  }
  expect(reaching).toEqual([]);
});
