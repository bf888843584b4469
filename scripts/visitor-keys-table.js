'use strict';
/**
 * @babel/types' VISITOR_KEYS, plus the one child the parser gives that they
 * leave out (a file's `#!` line, Program.interpreter).
 */
function tableFromBabelTypes() {
  const { VISITOR_KEYS } = require('@babel/types');
  const table = {};
  for (const type of Object.keys(VISITOR_KEYS).sort()) table[type] = [...VISITOR_KEYS[type]];
  table.Program = ['interpreter', ...table.Program.filter(key => key !== 'interpreter')];
  return table;
}

module.exports = { tableFromBabelTypes };
