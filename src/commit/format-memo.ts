/**
 * Formatting a module once for every plugin that gets the same one. migrate
 * writes a module per plugin from one template (`<id>-legacy-access.ts`,
 * `<id>-legacy-plugin.ts`): the texts differ only in their slots (the
 * plugin's id, its import name, the index.ts line it came from). Prettier
 * decides line breaks by widths, so two such texts whose slots have the same
 * shape (the same length, a letter where a letter was, a capital where a
 * capital was, a digit where a digit was) are formatted alike. Each text is
 * put into a canonical form, its slots replaced by placeholders of their
 * shape; prettier formats one text per canonical form, and each plugin's
 * result is that output with its own slot values put back.
 *
 * Prettier also reads a few names (a test call's `it`, an embedded `css`
 * template, ...): a slot holding a name of that kind or a keyword is not
 * replaced (that text is formatted on its own), nor is one that occurs
 * inside a longer word, nor one whose placeholder the text already holds.
 */

/** A text in canonical form, and what turns prettier's output for it back into the text's own. */
export interface CanonicalText {
  readonly text: string;
  readonly placeholders: readonly string[];
  readonly values: readonly string[];
}

/** Characters a slot may hold: those of a plugin id, an identifier, a line number. */
const SLOT = /^[A-Za-z0-9_$-]+$/;
const WORD_CHAR = '[A-Za-z0-9_$]';

/**
 * Names prettier's printer reads (test calls, Angular test wrappers, embedded
 * languages, `require`), reserved words and the literals: a slot that is one
 * of them could change how prettier prints the code around it.
 */
const SPECIAL = new Set(
  [
    'it', 'test', 'describe', 'xit', 'xtest', 'xdescribe', 'fit', 'fdescribe', 'ftest', 'skip', 'only', 'each', 'concurrent',
    'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'async', 'inject', 'fakeAsync', 'waitForAsync',
    'css', 'keyframes', 'injectGlobal', 'createGlobalStyle', 'styled', 'graphql', 'gql', 'html', 'svg', 'markdown', 'md',
    'require', 'define', 'module', 'exports', 'this', 'super', 'arguments', 'eval', 'undefined', 'null', 'true', 'false', 'NaN', 'Infinity',
    'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
    'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'return', 'switch', 'throw', 'try', 'typeof', 'var', 'void',
    'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await',
    'as', 'of', 'from', 'get', 'set', 'type', 'declare', 'abstract', 'readonly', 'keyof', 'infer', 'is', 'asserts', 'namespace',
    'satisfies', 'accessor', 'override', 'unique', 'global', 'out', 'any', 'unknown', 'never', 'string', 'number', 'boolean',
    'symbol', 'bigint', 'object',
  ].map(name => name.toLowerCase()),
);

const LETTERS = 'qxzkwvjy';

/** The placeholder of slot `index`: its shape, with letters and digits of its own. */
function placeholderOf(value: string, index: number): string {
  const letter = LETTERS[index % LETTERS.length];
  const digit = String(1 + (index % 9));
  let out = '';
  for (const ch of value) {
    if (ch >= 'a' && ch <= 'z') out += letter;
    else if (ch >= 'A' && ch <= 'Z') out += letter.toUpperCase();
    else if (ch >= '0' && ch <= '9') out += digit;
    else out += ch;
  }
  return out;
}

function wholeWords(words: readonly string[]): RegExp {
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(w => w.replace(/[$-]/g, '\\$&'));
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'g');
}

function replaceWords(text: string, from: readonly string[], to: readonly string[]): string {
  if (!from.length) return text;
  const index = new Map(from.map((word, i) => [word, to[i]]));
  return text.replace(wholeWords(from), word => index.get(word) as string);
}

/**
 * `text` with each slot value, where it stands as a whole word, replaced by
 * its placeholder; undefined when the text cannot be shared (no slot to
 * replace, a slot prettier could read, a slot inside a longer word, or a
 * placeholder the text holds already).
 */
export function canonicalize(text: string, slots: readonly string[]): CanonicalText | undefined {
  const values = [...new Set(slots)].filter(value => value.length > 0);
  if (!values.length) return undefined;
  if (values.some(value => !SLOT.test(value) || SPECIAL.has(value.toLowerCase()) || /^0\d/.test(value))) return undefined;
  const placeholders = values.map(placeholderOf);
  if (new Set(placeholders).size !== placeholders.length) return undefined;
  // Every occurrence of a value must be a whole word, and no placeholder may be in the text already.
  for (const value of values) {
    const all = text.split(value).length - 1;
    const whole = text.match(wholeWords([value]))?.length ?? 0;
    if (all !== whole) return undefined;
  }
  if (wholeWords(placeholders).test(text)) return undefined;
  const canonical = replaceWords(text, values, placeholders);
  // The replacement must undo exactly (a value inside another's placeholder, or overlapping values, would not).
  if (replaceWords(canonical, placeholders, values) !== text) return undefined;
  return { text: canonical, placeholders, values };
}

/** Prettier's output for the canonical text, turned back into the text's own (its slot values put back). */
export function instantiate(formattedCanonical: string, canonical: CanonicalText): string {
  return replaceWords(formattedCanonical, canonical.placeholders, canonical.values);
}

/** A slot value whose placeholder keeps a text's parse: a name (letters first) or a plain integer. */
const PARSE_NEUTRAL = /^(?:[A-Za-z_$][A-Za-z0-9_$-]*|[1-9][0-9]*)$/;

/**
 * The canonical form of `text` for the parse check: two texts of one template
 * with the same canonical form either both parse or both do not, so one parse
 * proves the other. A placeholder keeps each token's kind (a name stays a
 * name, an integer an integer) and its boundaries; that holds for names and
 * plain integers, not for values such as `1e5` (a number whose placeholder
 * `1q1` is none), so a text with such a slot has no parse shape.
 */
export function parseShape(text: string, slots: readonly string[]): string | undefined {
  if (!slots.every(value => value === '' || PARSE_NEUTRAL.test(value))) return undefined;
  return canonicalize(text, slots)?.text;
}
