/**
 * Property-based tests (fast-check): index.ts files of both backend systems,
 * generated from the shapes the fixtures cover and varied at random (plugin
 * count and order, comments and blank lines, multi-line calls, quotes,
 * semicolons, indentation, line endings, final newline, `if` blocks, a
 * catch-all or none, pieces of the target already there). For each:
 *   - the output parses;
 *   - the input's lines are all in the output, in order, byte for byte, and
 *     the output has only the lines of the missing pieces in addition;
 *   - the added lines follow the file's quotes, semicolons, indentation and line endings;
 *   - wiring the output again changes nothing;
 *   - removing the plugin from the output equals removing it from the input
 *     (and gives the input back when the input had none of it).
 * Seeded: set PROPERTY_SEED to replay a failure (fast-check prints the seed and path).
 */
import fc from 'fast-check';
import { parse } from '@babel/parser';
import { applyChanges } from '../transforms/lib/changes';
import { planLegacyWiring } from '../transforms/legacy-index';
import { planLegacyRemoval } from '../transforms/legacy-index-remove';
import { planNewBackendRemoval } from '../transforms/new-backend-index-remove';
import { planNewBackendWiring } from '../transforms/new-backend-index';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261124);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

function parses(text: string): boolean {
  try {
    parse(text, { sourceType: 'module', plugins: ['typescript'] });
    return true;
  } catch {
    return false;
  }
}

/** Lines with their line endings, so that CR and a missing final newline count. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The output's lines that are not the input's, if the input is a subsequence of the output; else undefined. */
function addedLines(input: string, output: string): string[] | undefined {
  const a = lines(input);
  const b = lines(output);
  const added: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else added.push(line);
  }
  // The greedy match may have taken an added line for an equal input line; then the counts still tell.
  return i === a.length && b.length - a.length === added.length ? added : undefined;
}

const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const style = fc.record({
  quote: fc.constantFrom("'", '"'),
  semi: fc.boolean(),
  indent: fc.constantFrom('  ', '    ', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
});
const filler = fc.constantFrom('', '', '', 'blank', '// a comment', '/* a block comment */');

const legacyCase = fc.record({
  style,
  count: fc.integer({ min: 0, max: 60 }),
  order: fc.array(fc.integer(), { minLength: 60, maxLength: 60 }),
  fillers: fc.array(filler, { minLength: 200, maxLength: 200 }),
  wrapEnv: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
  inIf: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
  hot: fc.boolean(),
  catchAll: fc.boolean(),
  target: fc.constantFrom('carmen', 'x-target'),
  targetPieces: fc.record({ import: fc.boolean(), env: fc.boolean(), route: fc.boolean() }),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LegacyCase = { style: { quote: string; semi: boolean; indent: string; eol: string; finalNewline: boolean } } & Record<string, any>;

function buildLegacy(c: LegacyCase): string {
  const { quote: q, semi, indent: I, eol, finalNewline } = c.style;
  const s = semi ? ';' : '';
  const out: string[] = [];
  let f = 0;
  const fill = (indent: string): void => {
    const kind = c.fillers[f++ % c.fillers.length];
    if (kind === 'blank') out.push('');
    else if (kind) out.push(indent + kind);
  };
  const ids = Array.from({ length: c.count }, (_, i) => (i % 3 === 0 ? `x-p${i}` : `p${i}`));
  const shuffled = ids.map((id, i) => ({ id, key: c.order[i] })).sort((x, y) => x.key - y.key).map(x => x.id);
  const t = c.target;
  const tc = camel(t);
  out.push(`import Router from ${q}express-promise-router${q}${s}`);
  out.push(`import { notFoundHandler${c.hot ? ', useHotMemoize' : ''} } from ${q}@backstage/backend-common${q}${s}`);
  for (const id of shuffled) {
    fill('');
    out.push(`import ${camel(id)} from ${q}./plugins/${id}${q}${s}`);
  }
  if (c.targetPieces.import) out.push(`import ${tc} from ${q}./plugins/${t}${q}${s}`);
  out.push(`import { PluginEnvironment } from ${q}./types${q}${s}`, '', 'async function main() {');
  out.push(`${I}const createEnv = makeCreateEnv(config)${s}`);
  const env = (id: string, wrap: boolean): string[] => {
    const call = `createEnv(${q}${id}${q})`;
    if (!c.hot) return [`${I}const ${camel(id)}Env = ${call}${s}`];
    if (wrap) return [`${I}const ${camel(id)}Env = useHotMemoize(module, () =>`, `${I}${I}${call},`, `${I})${s}`];
    return [`${I}const ${camel(id)}Env = useHotMemoize(module, () => ${call})${s}`];
  };
  ids.forEach((id, i) => {
    fill(I);
    out.push(...env(id, c.wrapEnv[i]));
  });
  if (c.targetPieces.env) out.push(...env(t, false));
  out.push('', `${I}const apiRouter = Router()${s}`);
  ids.forEach((id, i) => {
    fill(I);
    const route = `apiRouter.use(${q}/${id}${q}, await ${camel(id)}(${camel(id)}Env))${s}`;
    if (c.inIf[i]) out.push(`${I}if (config.getOptionalBoolean(${q}${id}.enabled${q})) {`, `${I}${I}${route}`, `${I}}`);
    else out.push(`${I}${route}`);
  });
  if (c.targetPieces.route) out.push(`${I}apiRouter.use(${q}/${t}${q}, await ${tc}(${tc}Env))${s}`);
  if (c.catchAll) out.push('', `${I}apiRouter.use(notFoundHandler())${s}`);
  out.push('}', '', `main()${s}`);
  const text = out.join(eol);
  return finalNewline ? text + eol : text;
}

test(`legacy index.ts: ${RUNS} generated files`, () => {
  fc.assert(
    fc.property(legacyCase, raw => {
      const c = raw as unknown as LegacyCase;
      const input = buildLegacy(c);
      const wire = (text: string): string => applyChanges(text, planLegacyWiring(text, [c.target]).changes);
      const unwire = (text: string): string => applyChanges(text, planLegacyRemoval(text, [c.target]).changes);
      const output = wire(input);
      expect(parses(output)).toBe(true);
      const added = addedLines(input, output);
      expect(added).toBeDefined();
      const missing = ['import', 'env', 'route'].filter(piece => !c.targetPieces[piece]).length;
      expect(added).toHaveLength(missing);
      for (const line of added ?? []) {
        // The file's own habits: line ending, semicolons, quotes, and the indentation of its neighbours.
        if (line.endsWith('\n')) expect(line.endsWith('\r\n')).toBe(c.style.eol === '\r\n');
        const code = line.replace(/\r?\n$/, '');
        expect(/[ \t]$/.test(code)).toBe(false);
        expect(code.endsWith(';')).toBe(c.style.semi);
        expect(code.includes(c.style.quote === "'" ? '"' : "'")).toBe(false);
        if (code.startsWith('import ')) expect(code.startsWith(`import ${camel(c.target)} from `)).toBe(true);
        else expect(code.startsWith(c.style.indent) && !code.startsWith(c.style.indent + c.style.indent)).toBe(true);
      }
      expect(wire(output)).toBe(output);
      const none = missing === 3;
      expect(unwire(output)).toBe(none ? input : unwire(input));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

const addForm = fc.constantFrom('line', 'split', 'then', 'helper', 'identifier', 'if', 'commented');
const newCase = fc.record({
  style,
  inFunction: fc.boolean(),
  forms: fc.array(addForm, { minLength: 0, maxLength: 60 }),
  fillers: fc.array(filler, { minLength: 100, maxLength: 100 }),
  target: fc.constantFrom('absent', 'line', 'split', 'then', 'helper', 'identifier', 'commented'),
});

type NewCase = { style: LegacyCase['style']; inFunction: boolean; forms: string[]; fillers: string[]; target: string };
const TARGET = '@internal/backstage-plugin-carmen-backend';

function buildNew(c: NewCase): string {
  const { quote: q, semi, indent, eol, finalNewline } = c.style;
  const s = semi ? ';' : '';
  const I = c.inFunction ? indent : '';
  const out: string[] = [`import { createBackend } from ${q}@backstage/backend-defaults${q}${s}`];
  c.forms.forEach((form, i) => form === 'identifier' && out.push(`import feature${i} from ${q}@acme/plugin-${i}-backend${q}${s}`));
  if (c.target === 'identifier') out.push(`import carmenFeature from ${q}${TARGET}${q}${s}`);
  out.push('');
  if (c.inFunction) out.push('async function main() {');
  out.push(`${I}const backend = createBackend()${s}`);
  const add = (form: string, pkg: string, i: number): string[] => {
    const imp = `import(${q}${pkg}${q})`;
    switch (form) {
      case 'split':
        return [`${I}backend.add(`, `${I}${indent}${imp},`, `${I})${s}`];
      case 'then':
        return [`${I}backend.add(${imp}.then(m => m.default))${s}`];
      case 'helper':
        return [`${I}backend.add(withMetrics(${imp}))${s}`];
      case 'identifier':
        return [`${I}backend.add(${pkg === TARGET ? 'carmenFeature' : `feature${i}`})${s}`];
      case 'if':
        return [`${I}if (process.env.FLAG_${i}) {`, `${I}${indent}backend.add(${imp})${s}`, `${I}}`];
      case 'commented':
        return [`${I}// backend.add(${imp})${s}`];
      default:
        return [`${I}backend.add(${imp})${s}`];
    }
  };
  c.forms.forEach((form, i) => {
    const kind = c.fillers[i % c.fillers.length];
    if (kind === 'blank') out.push('');
    else if (kind) out.push(I + kind);
    out.push(...add(form, `@acme/plugin-${i}-backend`, i));
  });
  if (c.target !== 'absent') out.push(...add(c.target, TARGET, -1));
  out.push(`${I}backend.start()${s}`);
  if (c.inFunction) out.push('}', '', `main()${s}`);
  const text = out.join(eol);
  return finalNewline ? text + eol : text;
}

test(`new-backend index.ts: ${RUNS} generated files`, () => {
  fc.assert(
    fc.property(newCase, raw => {
      const c = raw as unknown as NewCase;
      const input = buildNew(c);
      const request = { id: 'carmen', packageName: TARGET, form: 'feature' as const };
      const wire = (text: string): string => applyChanges(text, planNewBackendWiring(text, [request]).changes);
      const unwire = (text: string): string => applyChanges(text, planNewBackendRemoval(text, [request]).changes);
      const output = wire(input);
      expect(parses(output)).toBe(true);
      const added = addedLines(input, output);
      expect(added).toBeDefined();
      const present = !['absent', 'commented'].includes(c.target);
      if (present) {
        expect(added).toEqual([]);
      } else {
        // Whatever the layout, the added lines are exactly one `backend.add(import(<package>))` statement.
        const statement = (added ?? []).join('');
        const ast = parse(statement.trim(), { sourceType: 'module', plugins: ['typescript'] });
        expect(ast.program.body).toHaveLength(1);
        expect(statement.replace(/\s+/g, '')).toBe(`backend.add(import(${c.style.quote}${TARGET}${c.style.quote})${added!.length > 1 ? ',' : ''})${c.style.semi ? ';' : ''}`);
        for (const line of added ?? []) {
          if (line.endsWith('\n')) expect(line.endsWith('\r\n')).toBe(c.style.eol === '\r\n');
          expect(/[ \t]\r?\n?$/.test(line)).toBe(false);
        }
        expect((added ?? [])[0].startsWith(c.inFunction ? c.style.indent + 'backend.add(' : 'backend.add(')).toBe(true);
      }
      expect(wire(output)).toBe(output);
      if (!present) expect(unwire(output)).toBe(unwire(input));
      if (c.target === 'absent') expect(unwire(output)).toBe(input);
    }),
    { seed: SEED + 1, numRuns: RUNS },
  );
});
