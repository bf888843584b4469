import { parse } from '@babel/parser';
import type { File } from '@babel/types';
import { WireError } from './errors';

/**
 * Parses TypeScript with Babel's parser: it loads in a few milliseconds and
 * gives start/end offsets for every node, which is all the planners need
 * (they edit text at those offsets; nothing is reprinted).
 */
export function parseTypeScript(source: string, file: string): File {
  try {
    return parse(source, {
      sourceType: 'module',
      plugins: ['typescript'],
      allowReturnOutsideFunction: false,
      errorRecovery: false,
      // Comments stay in the text; nothing here reads them from nodes.
      attachComment: false,
    });
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number } };
    const where = e.loc ? `${file}:${e.loc.line}:${e.loc.column + 1}` : file;
    const reason = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
    throw new WireError(`${where}: cannot parse TypeScript: ${reason}`);
  }
}
