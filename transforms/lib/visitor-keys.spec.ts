import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@babel/parser';
import type { Node } from '@babel/types';
import { walk } from './ast';
import { VISITOR_KEYS } from './visitor-keys';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { tableFromBabelTypes } = require('../../scripts/visitor-keys-table');

test('the table is @babel/types’ own (else run `node scripts/visitor-keys.js`)', () => {
  expect(VISITOR_KEYS).toEqual(tableFromBabelTypes());
});

/** Every node under `root`, found by reading every key of every node: what the table must not miss. */
function everyNode(root: Node): Set<Node> {
  const found = new Set<Node>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    if (typeof record.type !== 'string') return;
    found.add(value as Node);
    for (const key of Object.keys(record)) if (key !== 'loc' && key !== 'extra') visit(record[key]);
  };
  visit(root);
  return found;
}

function* typeScriptFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* typeScriptFiles(file);
    else if (/\.tsx?$/.test(entry.name)) yield file;
  }
}

test('walk reaches every node of every fixture and of our own sources, once', () => {
  const root = path.join(__dirname, '..', '..');
  let files = 0;
  for (const dir of ['__testfixtures__', 'examples', 'src', 'transforms', 'test', 'scripts']) {
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const file of typeScriptFiles(path.join(root, dir))) {
      let ast;
      try {
        ast = parse(fs.readFileSync(file, 'utf8'), { sourceType: 'module', plugins: ['typescript'], attachComment: false });
      } catch {
        continue; // The error fixtures do not parse, by design.
      }
      files++;
      const visited: Node[] = [];
      walk(ast.program, node => void visited.push(node));
      const expected = everyNode(ast.program);
      const seen = new Set(visited);
      const missed = [...expected].filter(node => !seen.has(node)).map(node => `${node.type} at ${node.start}`);
      expect({ file, missed, twice: visited.length - new Set(visited).size }).toEqual({ file, missed: [], twice: 0 });
    }
  }
  expect(files).toBeGreaterThan(100);
});

test('a node type the table lacks has all its keys read', () => {
  const leaf = { type: 'Identifier', name: 'x' };
  const list = [{ type: 'StringLiteral', value: 'a' }];
  const node = { type: 'SomeFutureNode', start: 0, end: 1, loc: { start: { line: 1 } }, child: leaf, list, flag: true } as unknown as Node;
  const visited: string[] = [];
  walk(node, n => void visited.push(n.type));
  expect(visited).toEqual(['SomeFutureNode', 'Identifier', 'StringLiteral']);
});
