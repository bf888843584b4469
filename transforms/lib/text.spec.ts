import { detectEol, indentOf, pointAfterStatement, pointBeforeStatement } from './text';

describe('detectEol', () => {
  test('majority wins', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb\r\nc\n')).toBe('\n');
    expect(detectEol('no newline')).toBe('\n');
  });
});

describe('pointAfterStatement', () => {
  test('goes after the line break, keeping a trailing comment with its statement', () => {
    const source = 'a(); // note\nb();\n';
    expect(pointAfterStatement(source, 4, '\n')).toEqual({ offset: 13, before: '', after: '\n' });
  });
  test('skips a one-line block comment too', () => {
    const source = 'a(); /* x */\r\nb();\r\n';
    expect(pointAfterStatement(source, 4, '\r\n')).toEqual({ offset: 14, before: '', after: '\r\n' });
  });
  test('at the end of a file without a final newline, the new line comes after a break', () => {
    expect(pointAfterStatement('a();', 4, '\n')).toEqual({ offset: 4, before: '\n', after: '' });
  });
  test('with code after it on the same line, breaks the line right after the statement', () => {
    expect(pointAfterStatement('a(); b();\n', 4, '\n')).toEqual({ offset: 4, before: '\n', after: '' });
  });
});

describe('pointBeforeStatement', () => {
  test('inserts whole lines before an indented statement', () => {
    expect(pointBeforeStatement('x;\n  b();\n', 5, '\n')).toEqual({ offset: 3, before: '', after: '\n' });
  });
});

test('indentOf reads the line prefix', () => {
  expect(indentOf('a\n\t  b', 5)).toBe('\t  ');
});
