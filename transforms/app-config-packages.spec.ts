import * as fs from 'fs';
import * as path from 'path';
import { applyChanges } from './lib/changes';
import { discovers, planDiscoveryList, readDiscoveryPackages } from './app-config-packages';
import { FIXTURES_ROOT, fixtureOptions } from '../test/helpers/fixtures';

const DIR = path.join(FIXTURES_ROOT, 'app-config-packages');
const CARMEN = '@internal/backstage-plugin-carmen-backend';

describe('what the loader discovers (backend-defaults 0.18 PackageDiscoveryService)', () => {
  const read = (yaml: string) => readDiscoveryPackages(yaml, 'app-config.yaml');
  test.each([
    ['no backend.packages', 'backend:\n  baseUrl: x\n', false, false],
    ['an empty map', 'backend:\n  packages: {}\n', false, false],
    ['packages: null', 'backend:\n  packages:\n', false, false],
    ['all, a dependency', 'backend:\n  packages: all\n', true, true],
    ['all, not a dependency', 'backend:\n  packages: all\n', false, false],
    ['an include list naming it, even when not a dependency', `backend:\n  packages:\n    include: ['${CARMEN}']\n`, false, true],
    ['an include list not naming it', "backend:\n  packages:\n    include: ['@backstage/x']\n", true, false],
    ['an exclude list naming it', `backend:\n  packages:\n    exclude: ['${CARMEN}']\n`, true, false],
    ['an exclude list not naming it', "backend:\n  packages:\n    exclude: ['@backstage/x']\n", true, true],
    ['named in both lists', `backend:\n  packages:\n    include: ['${CARMEN}']\n    exclude: ['${CARMEN}']\n`, true, false],
  ])('%s', (_name, yaml, isDependency, expected) => {
    expect(discovers(read(yaml), CARMEN, isDependency)).toBe(expected);
  });

  test('the lists and their lines', () => {
    expect(read(`a: 1\nbackend:\n  packages:\n    include:\n      - '${CARMEN}'\n    exclude: [x]\n`)).toEqual({
      kind: 'lists',
      line: 4,
      include: { names: [CARMEN], line: 4 },
      exclude: { names: ['x'], line: 6 },
    });
  });
});

describe('--remove undoes what wiring added to an include list, byte for byte', () => {
  const cases = fs
    .readdirSync(DIR)
    .map(file => /^(.+)\.input\.yaml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && fs.existsSync(path.join(DIR, `${name}.output.yaml`)))
    .filter(name => !fixtureOptions(DIR, name).remove);
  const included = cases.filter(name => {
    const input = fs.readFileSync(path.join(DIR, `${name}.input.yaml`), 'utf8');
    return planDiscoveryList(input, 'app-config.yaml', CARMEN).edit === 'included';
  });

  test('several wiring cases add to an include list', () => expect(included.length).toBeGreaterThanOrEqual(5));

  test.each(included)('%s', name => {
    const input = fs.readFileSync(path.join(DIR, `${name}.input.yaml`), 'utf8');
    const wired = fs.readFileSync(path.join(DIR, `${name}.output.yaml`), 'utf8');
    const plan = planDiscoveryList(wired, 'app-config.yaml', CARMEN, true);
    const removed = applyChanges(wired, plan.changes);
    // Wiring also took carmen out of an exclude list there; --remove leaves that list alone (without the dependency nothing is discovered).
    const expected = name === 'include-and-exclude' ? wired.replace(`      - '${CARMEN}'\n`, '') : input;
    expect(removed).toBe(expected);
  });
});
