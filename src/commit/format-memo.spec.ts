import { parse } from '@babel/parser';
import type { Options } from 'prettier';
import { printLegacyAccessModule } from '../../transforms/generate/legacy-access';
import { printPluginAdapterModule } from '../../transforms/generate/plugin-adapter';
import type { GeneratedStyle } from '../../transforms/generate/plugin-shell';
import { canonicalize, instantiate, parseShape } from './format-memo';
import { formatTypeScript } from './prettier-lite';

describe('canonicalize', () => {
  const text = "import p01 from '../plugins/p01';\n// p01 (index.ts line 148)\nexport default p01;\n";

  test('puts each slot, where it is a whole word, to a placeholder of its shape, and instantiate puts it back', () => {
    const canonical = canonicalize(text, ['p01', '148']);
    expect(canonical?.text).toBe("import q11 from '../plugins/q11';\n// q11 (index.ts line 222)\nexport default q11;\n");
    expect(instantiate(canonical!.text, canonical!)).toBe(text);
  });

  test('two texts whose slots have the same shape share one canonical text; other shapes do not', () => {
    const other = text.replace(/p01/g, 'x72').replace('148', '903');
    expect(canonicalize(other, ['x72', '903'])?.text).toBe(canonicalize(text, ['p01', '148'])?.text);
    const longer = text.replace(/p01/g, 'p101');
    expect(canonicalize(longer, ['p101', '148'])?.text).not.toBe(canonicalize(text, ['p01', '148'])?.text);
    const capital = text.replace(/p01/g, 'P01');
    expect(canonicalize(capital, ['P01', '148'])?.text).not.toBe(canonicalize(text, ['p01', '148'])?.text);
  });

  test('a slot inside a longer word, a name prettier reads, a keyword or a placeholder already there: not shared', () => {
    expect(canonicalize('const p01x = p01;\n', ['p01'])).toBeUndefined();
    expect(canonicalize("it('works', () => {});\n", ['it'])).toBeUndefined();
    expect(canonicalize('const css = 1;\n', ['css'])).toBeUndefined();
    expect(canonicalize('import type from "./type";\n', ['type'])).toBeUndefined();
    expect(canonicalize('const qqq = abc;\n', ['abc'])).toBeUndefined();
    expect(canonicalize('const a = 1;\n', [])).toBeUndefined();
    expect(canonicalize('const a = "x y";\n', ['x y'])).toBeUndefined();
  });

  test('a dashed id keeps its dashes; a value that is another one\'s start is replaced whole', () => {
    const canonical = canonicalize("pluginId: 'my-plugin', moduleId: 'my-plugin-legacy-access', x: my", ['my-plugin', 'my']);
    expect(canonical?.text).toBe("pluginId: 'qq-qqqqqq', moduleId: 'qq-qqqqqq-legacy-access', x: xx");
  });
});

describe('parseShape', () => {
  const parses = (text: string): boolean => {
    try {
      parse(text, { sourceType: 'module', plugins: ['typescript'] });
      return true;
    } catch {
      return false;
    }
  };
  const adapter = (id: string, line: number): string =>
    `// ${id} (index.ts line ${line})\nimport ${id} from '../plugins/${id}';\nexport default async function createPlugin(env: Parameters<typeof ${id}>[0]) {\n  return await ${id}(env);\n}\n`;

  test('texts of one template whose slots have the same shape share it, and it parses as they do', () => {
    const shape = parseShape(adapter('p01', 148), ['p01', '148']);
    expect(shape).toBe(parseShape(adapter('x72', 903), ['x72', '903']));
    expect(parses(adapter('p01', 148))).toBe(true);
    expect(parses(shape!)).toBe(true);
    // Broken alike: the canonical text of a text that does not parse does not parse either.
    const broken = adapter('p01', 148).replace('return await', 'return await await (');
    expect(parses(broken)).toBe(false);
    expect(parses(parseShape(broken, ['p01', '148'])!)).toBe(false);
  });

  test('a value whose placeholder would be another kind of token (1e5 is a number, 1q1 is none) has no shape', () => {
    const text = 'export const limit = 1e5;\n';
    expect(parses(text)).toBe(true);
    expect(parses(canonicalize(text, ['1e5'])!.text)).toBe(false);
    expect(parseShape(text, ['1e5'])).toBeUndefined();
    expect(parseShape('const a = 01;\n', ['01'])).toBeUndefined();
  });
});

/**
 * The memo's premise, tried on the templates migrate marks (the legacy
 * access module and the plugin adapter): prettier formats texts whose
 * slots have the same shape alike. Ids of every length from 1 to 44, with
 * dashes and digits, a twin of the same shape each, under create-app's
 * config and under prettier's defaults, printed in either quote style.
 */
describe('prettier formats same-shape texts alike (the premise of the memo)', () => {
  let seed = 28;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const id = (length: number): string => {
    let out = letters[random(26)];
    while (out.length < length) out += out.length > 1 && out.length < length - 1 && random(6) === 0 && !out.endsWith('-') ? '-' : random(4) === 0 ? String(random(10)) : letters[random(26)];
    return out;
  };
  /** A different value of the same shape. */
  const twin = (value: string): string =>
    [...value].map((ch, i) => (/[a-z]/.test(ch) ? letters[random(26)] : /[0-9]/.test(ch) ? String(i === 0 ? 1 + random(9) : random(10)) : ch)).join('');
  const camel = (value: string): string => value.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

  const styles: { name: string; style: GeneratedStyle; options: Options }[] = [
    { name: "create-app's config", style: { quote: "'", semicolons: true, unit: '  ', eol: '\n' }, options: { singleQuote: true, trailingComma: 'all', arrowParens: 'avoid' } },
    { name: "prettier's defaults, double quotes", style: { quote: '"', semicolons: true, unit: '  ', eol: '\n' }, options: {} },
    { name: "prettier's defaults, printed with single quotes and no semicolons", style: { quote: "'", semicolons: false, unit: '    ', eol: '\n' }, options: { printWidth: 100 } },
  ];

  type Template = (pluginId: string, lines: readonly number[], style: GeneratedStyle) => { text: string; slots: string[] };
  const templates: Record<string, Template> = {
    'legacy access': (pluginId, [line], style) => ({ text: printLegacyAccessModule({ pluginId, line }, style), slots: [pluginId, String(line)] }),
    'plugin adapter with an env field': (pluginId, [line], style) => {
      const name = camel(pluginId);
      const q = style.quote;
      const semi = style.semicolons ? ';' : '';
      return {
        text: printPluginAdapterModule(
          {
            name,
            importLine: `import ${name} from ${q}../plugins/${pluginId}${q}${semi}`,
            imports: [`import { AppInfo } from ${q}../app-info${q}${semi}`],
            envFields: [{ key: 'appInfo', text: 'new AppInfo(env.config)' }],
            args: ['env'],
            envIndex: 0,
            line,
          },
          style,
        ),
        slots: [name, pluginId, String(line)],
      };
    },
    'plugin adapter with more arguments': (pluginId, [line, built], style) => {
      const name = camel(pluginId);
      const q = style.quote;
      return {
        text: printPluginAdapterModule(
          { name, importLine: `import ${name} from ${q}../plugins/${pluginId}${q}`, args: ['env.config', 'env', `${q}/proxy${q}`], envIndex: 1, line, built: [{ name: 'searchIndex', line: built }] },
          style,
        ),
        slots: [name, pluginId, String(line), String(built)],
      };
    },
  };

  for (const [templateName, template] of Object.entries(templates)) {
    for (const { name, style, options } of styles) {
      test(`${templateName}, ${name}`, async () => {
        let shared = 0;
        for (let length = 1; length <= 44; length += 1) {
          const a = id(length);
          const b = twin(a);
          const linesA = [1 + random(1999), 1 + random(1999)];
          const linesB = linesA.map(line => Number(twin(String(line))));
          const first = template(a, linesA, style);
          const second = template(b, linesB, style);
          const canonicalA = canonicalize(first.text, first.slots);
          const canonicalB = canonicalize(second.text, second.slots);
          // Not shared: an id prettier reads, or twins whose slots collapse differently (two equal lines).
          if (!canonicalA || !canonicalB || canonicalA.text !== canonicalB.text) continue;
          shared += 1;
          const formatted = await formatTypeScript(canonicalA.text, options);
          expect(instantiate(formatted, canonicalA)).toBe(await formatTypeScript(first.text, options));
          expect(instantiate(formatted, canonicalB)).toBe(await formatTypeScript(second.text, options));
        }
        // Most ids make a shareable text (not: a short id found inside a longer word, a name prettier reads).
        expect(shared).toBeGreaterThan(28);
      });
    }
  }
});
