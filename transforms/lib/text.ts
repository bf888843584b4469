/**
 * Helpers that look at raw text around AST positions: where a line starts,
 * what it is indented with, and where a new line can go after a statement.
 */

/** The file's line ending: CRLF when most line breaks are CRLF. */
export function detectEol(source: string): '\n' | '\r\n' {
  let lf = 0;
  let crlf = 0;
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    if (i > 0 && source.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** The 1-based line of `offset` in `source`. */
export function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that starts the line holding `offset`. */
export function indentOf(source: string, offset: number): string {
  const start = lineStartOf(source, offset);
  let end = start;
  while (end < source.length && (source[end] === ' ' || source[end] === '\t')) end++;
  return source.slice(start, end);
}

export interface LinePoint {
  /** Where to insert. */
  readonly offset: number;
  /** Text to put before the new line's content (a line break when the anchor's line has none after it). */
  readonly before: string;
  /** Text to put after the new line's content. */
  readonly after: string;
}

/**
 * Where a new line goes right after the statement ending at `end`: after the
 * rest of that line when only blanks or a comment follow, so trailing comments
 * stay with their statement. A missing final newline stays missing.
 */
export function pointAfterStatement(source: string, end: number, eol: string): LinePoint {
  let i = end;
  while (i < source.length && (source[i] === ' ' || source[i] === '\t')) i++;
  if (source.startsWith('//', i)) {
    while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  } else if (source.startsWith('/*', i)) {
    const close = source.indexOf('*/', i + 2);
    const nl = source.indexOf('\n', i);
    if (close !== -1 && (nl === -1 || close < nl)) {
      i = close + 2;
      while (i < source.length && (source[i] === ' ' || source[i] === '\t')) i++;
    }
  }
  if (i >= source.length) return { offset: source.length, before: eol, after: '' };
  if (source[i] === '\r' && source[i + 1] === '\n') return { offset: i + 2, before: '', after: eol };
  if (source[i] === '\n') return { offset: i + 1, before: '', after: eol };
  // Something else follows on the same line: break the line right after the statement.
  return { offset: end, before: eol, after: '' };
}

/** Where a new line goes right before the statement starting at `start`. */
export function pointBeforeStatement(source: string, start: number, eol: string): LinePoint {
  const lineStart = lineStartOf(source, start);
  if (/^[ \t]*$/.test(source.slice(lineStart, start))) {
    return { offset: lineStart, before: '', after: eol };
  }
  return { offset: start, before: '', after: eol + indentOf(source, start) };
}

/**
 * The range to delete to remove the statement at `[start, end)` with the
 * line it stands on: from the start of its line through its line break when
 * the line holds nothing else (a trailing comment goes with it); the line
 * break before it when it ends the file without one; only the statement
 * itself when other code shares its line. Inverse of inserting a line at a
 * `pointAfterStatement`/`pointBeforeStatement`.
 */
export function statementRemovalRange(source: string, start: number, end: number): { start: number; end: number } {
  const lineStart = lineStartOf(source, start);
  const aloneBefore = /^[ \t]*$/.test(source.slice(lineStart, start));
  let i = end;
  while (i < source.length && (source[i] === ' ' || source[i] === '\t')) i++;
  if (source.startsWith('//', i)) {
    while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  }
  const atLineEnd = i >= source.length || source[i] === '\n' || source[i] === '\r';
  if (aloneBefore && atLineEnd) {
    if (i >= source.length) {
      // Last line, no final newline: take the line break before it instead.
      const previousBreak = lineStart > 0 ? (lineStart >= 2 && source[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1) : 0;
      return { start: previousBreak, end: source.length };
    }
    const lineEnd = source[i] === '\r' && source[i + 1] === '\n' ? i + 2 : i + 1;
    return { start: lineStart, end: lineEnd };
  }
  if (atLineEnd) return { start: trimBack(source, start), end: i };
  // Other code follows on the same line: take the statement and the blanks after it.
  let after = end;
  while (after < source.length && (source[after] === ' ' || source[after] === '\t')) after++;
  return { start, end: after };
}

function trimBack(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && (source[i - 1] === ' ' || source[i - 1] === '\t')) i--;
  return i;
}

/**
 * A statement's or element's lines as statementRemovalRange takes them, and
 * one of the blank lines around them where there is one on each side, so
 * that no two blank lines meet (prettier keeps one). With `leadingComments`,
 * the comment lines right above go too where the two stand as a paragraph of
 * their own, so that no comment is left describing nothing.
 */
export function paragraphRemovalRange(source: string, start: number, end: number, options: { leadingComments?: boolean } = {}): { start: number; end: number } {
  const range = statementRemovalRange(source, start, end);
  if (source[range.end - 1] !== '\n') return range;
  const blankAt = (offset: number): boolean => /^[ \t]*(\r?\n|$)/.test(source.slice(offset));
  const lineBefore = (offset: number): number => (offset <= 0 ? -1 : source.lastIndexOf('\n', offset - 2) + 1);
  let from = range.start;
  if (options.leadingComments) {
    for (let line = lineBefore(from); line >= 0 && /^[ \t]*\/\//.test(source.slice(line)); line = lineBefore(line)) from = line;
  }
  const blankBefore = from === 0 || blankAt(lineBefore(from));
  const blankAfter = range.end >= source.length || blankAt(range.end);
  if (from < range.start && !(blankBefore && blankAfter)) from = range.start;
  if (blankBefore && blankAfter && range.end < source.length) {
    const next = source.indexOf('\n', range.end);
    return { start: from, end: next === -1 ? source.length : next + 1 };
  }
  return { start: from, end: range.end };
}

/**
 * A node's text to move elsewhere: its continuation lines with the
 * indentation of the line it starts on taken off, so that the printer that
 * places it puts its own in front of them (`(req, res) => {` and its body,
 * one level in, wherever it lands).
 */
export function movableText(source: string, start: number, end: number): string {
  const lineIndent = /^[ \t]*/.exec(source.slice(lineStartOf(source, start)))?.[0] ?? '';
  const lines = source.slice(start, end).split(/\r?\n/);
  return [lines[0], ...lines.slice(1).map(line => (line.trim() === '' ? '' : line.startsWith(lineIndent) ? line.slice(lineIndent.length) : line.trimStart()))].join('\n');
}

/** Moved text (movableText) placed on a line indented `indent`: every continuation line takes that indentation too. */
export function placeMovedText(text: string, indent: string, eol: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${indent}${line}`))
    .join(eol);
}
