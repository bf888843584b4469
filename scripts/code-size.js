#!/usr/bin/env node
/**
 * The largest source files and the longest functions of wire-plugin, as a
 * Markdown listing (docs/layout.md quotes it): `node scripts/code-size.js`
 * [--top N]. Files under src/ and transforms/ (specs and tests aside), lines
 * as the file has them; functions, methods and arrow functions by the lines
 * they span, found with @babel/parser.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { parse } = require('@babel/parser');

const PROJECT = path.join(__dirname, '..');
const ROOTS = ['src', 'transforms'];
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 15;

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'ClassPrivateMethod', 'ObjectMethod']);

/** Each function of a file: its name (as far as the code says one) and the lines it spans. */
function functionsOf(file, text) {
  const ast = parse(text, { sourceType: 'module', plugins: ['typescript', 'jsx'], errorRecovery: true });
  const found = [];
  const visit = (node, name) => {
    if (!node || typeof node.type !== 'string') return;
    if (FUNCTION_TYPES.has(node.type) && node.body) {
      const own = node.id?.name ?? node.key?.name ?? name ?? '(anonymous)';
      found.push({ file, name: own, line: node.loc.start.line, lines: node.loc.end.line - node.loc.start.line + 1 });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      const childName = node.type === 'VariableDeclarator' ? node.id?.name : node.type === 'ClassProperty' || node.type === 'ObjectProperty' ? node.key?.name : undefined;
      if (Array.isArray(value)) value.forEach(child => visit(child, childName));
      else if (value && typeof value === 'object') visit(value, childName);
    }
  };
  visit(ast.program);
  return found;
}

const files = ROOTS.flatMap(root => sources(path.join(PROJECT, root))).map(file => {
  const text = fs.readFileSync(file, 'utf8');
  return { file: path.relative(PROJECT, file).split(path.sep).join('/'), text, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) };
});
const functions = files.flatMap(({ file, text }) => functionsOf(file, text));

const largest = [...files].sort((a, b) => b.lines - a.lines).slice(0, top);
const longest = [...functions].sort((a, b) => b.lines - a.lines).slice(0, top);
const out = [
  `${files.length} source files (${files.reduce((sum, f) => sum + f.lines, 0)} lines), ${functions.length} functions.`,
  '',
  '| largest files | lines |',
  '| --- | --- |',
  ...largest.map(f => `| \`${f.file}\` | ${f.lines} |`),
  '',
  '| longest functions | where | lines |',
  '| --- | --- | --- |',
  ...longest.map(f => `| \`${f.name}\` | \`${f.file}:${f.line}\` | ${f.lines} |`),
];
process.stdout.write(out.join('\n') + '\n');
