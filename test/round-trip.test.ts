/**
 * Unwiring undoes wiring, byte for byte, on every fixture: for each wiring
 * fixture, removing the plugin from the expected output gives the same bytes
 * as removing it from the input; and where the input has no piece of the
 * plugin (most cases), that is the input itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES_ROOT, fixtureOptions } from './helpers/fixtures';

type Transform = (file: { path: string; source: string }, api: unknown, options: Record<string, unknown>) => string;

const ROOT = FIXTURES_ROOT;
const PAIRS: { wire: string; remove: string; ext: string }[] = [
  { wire: 'legacy-index', remove: 'legacy-index-remove', ext: 'ts' },
  { wire: 'new-backend-index', remove: 'new-backend-index-remove', ext: 'ts' },
  { wire: 'package-json-dependency', remove: 'package-json-dependency-remove', ext: 'json' },
];

/**
 * The one case that cannot round-trip: the tool created the whole
 * "dependencies" block, and removal leaves it empty (`{}`), since an empty
 * block may as well have been there before.
 */
const KNOWN_EXCEPTIONS = new Set(['package-json-dependency/no-dependencies-block']);


describe.each(PAIRS)('$wire then $remove', ({ wire, remove, ext }) => {
  const dir = path.join(ROOT, wire);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const unwire: Transform = require(`../transforms/${remove}`).default;
  const cases = fs
    .readdirSync(dir)
    .filter(file => file.endsWith(`.output.${ext}`))
    .map(file => file.slice(0, -`.output.${ext}`.length));
  const file = ext === 'json' ? 'package.json' : 'index.ts';

  test.each(cases)('%s', name => {
    const input = fs.readFileSync(path.join(dir, `${name}.input.${ext}`), 'utf8');
    const output = fs.readFileSync(path.join(dir, `${name}.output.${ext}`), 'utf8');
    const opts = fixtureOptions(dir, name);
    const removedFromOutput = unwire({ path: file, source: output }, {}, opts);
    const removedFromInput = unwire({ path: file, source: input }, {}, opts);
    if (KNOWN_EXCEPTIONS.has(`${wire}/${name}`)) {
      expect(removedFromOutput).not.toBe(input);
      return;
    }
    expect(removedFromOutput).toBe(removedFromInput);
  });

  test('most fixtures round-trip to their exact input', () => {
    const exact = cases.filter(name => {
      const input = fs.readFileSync(path.join(dir, `${name}.input.${ext}`), 'utf8');
      const output = fs.readFileSync(path.join(dir, `${name}.output.${ext}`), 'utf8');
      const opts = fixtureOptions(dir, name);
      const untouched = unwire({ path: file, source: input }, {}, opts) === input;
      return untouched && input !== output && unwire({ path: file, source: output }, {}, opts) === input;
    });
    // Every fixture that adds something to an input holding no piece of the plugin comes back byte for byte.
    const adding = cases.filter(name => {
      const input = fs.readFileSync(path.join(dir, `${name}.input.${ext}`), 'utf8');
      const output = fs.readFileSync(path.join(dir, `${name}.output.${ext}`), 'utf8');
      return input !== output && unwire({ path: file, source: input }, {}, fixtureOptions(dir, name)) === input && !KNOWN_EXCEPTIONS.has(`${wire}/${name}`);
    });
    expect(exact).toEqual(adding);
    expect(exact.length).toBeGreaterThanOrEqual(ext === 'json' ? 8 : 15);
  });
});

/**
 * The legacyPlugin bridge comes out as completely as it goes in: on every
 * new-backend fixture input, wiring the plugin through the bridge and then
 * removing it gives the same bytes as removing it from the input, and the
 * input itself wherever the input holds no piece of the plugin.
 */
describe('bridge round trip on every new-backend fixture', () => {
  const dir = path.join(ROOT, 'new-backend-index');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wire: Transform = require('../transforms/new-backend-index').default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const unwire: Transform = require('../transforms/new-backend-index-remove').default;
  const cases = fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.output.ts'))
    .map(file => file.slice(0, -'.output.ts'.length));

  test.each(cases)('%s', name => {
    const input = fs.readFileSync(path.join(dir, `${name}.input.ts`), 'utf8');
    const options = { ...fixtureOptions(dir, name), legacy: true, module: false, subpath: undefined };
    const bridged = wire({ path: 'index.ts', source: input }, {}, options);
    expect(unwire({ path: 'index.ts', source: bridged }, {}, options)).toBe(unwire({ path: 'index.ts', source: input }, {}, options));
  });

  test('the bridge, and its import where wiring added one, leave every byte as it was', () => {
    const outcome = (name: string): 'present' | 'exact' | 'differs' => {
      const input = fs.readFileSync(path.join(dir, `${name}.input.ts`), 'utf8');
      const options = { ...fixtureOptions(dir, name), legacy: true, module: false, subpath: undefined };
      const bridged = wire({ path: 'index.ts', source: input }, {}, options);
      if (bridged === input) return 'present';
      return unwire({ path: 'index.ts', source: bridged }, {}, options) === input ? 'exact' : 'differs';
    };
    const results = cases.map(name => [name, outcome(name)] as const);
    // Where the plugin is not in the input already, the round trip is exact: no case differs.
    expect(results.filter(([, result]) => result === 'differs')).toEqual([]);
    const exact = results.filter(([, result]) => result === 'exact').map(([name]) => name);
    expect(exact.length).toBeGreaterThanOrEqual(20);
    // Most of them had no legacyPlugin import: wiring added it, and removal took it out again.
    const addedImport = exact.filter(name => !fs.readFileSync(path.join(dir, `${name}.input.ts`), 'utf8').includes('legacyPlugin'));
    expect(addedImport.length).toBeGreaterThanOrEqual(18);
  });
});
