/** Helpers for undoing the tool's edits: whole statements and the lines they stand on. */
import type { Node } from '@babel/types';
import { TextChange } from './changes';
import { statementRemovalRange } from './text';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export function removeStatement(source: string, statement: Node): TextChange {
  const range = statementRemovalRange(source, statement.start ?? 0, statement.end ?? 0);
  return { start: range.start, end: range.end, text: '' };
}

/** Whether `name` occurs anywhere outside the given ranges (ranges of statements about to go). */
export function usedOutside(offsets: ReadonlyMap<string, readonly number[]>, name: string, ranges: readonly Range[]): boolean {
  return (offsets.get(name) ?? []).some(offset => !ranges.some(range => offset >= range.start && offset < range.end));
}

export function nodeRange(node: Node): Range {
  return { start: node.start ?? 0, end: node.end ?? 0 };
}
