/**
 * The account of a migration: every statement of main(), every top-level
 * statement, and every call on the service builder ends up in exactly one
 * of recognised template wiring, carried over, or refused. Run over every
 * migrate fixture and the legacy example app; and shown to catch a gap.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeLegacyIndex, LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import { parseTypeScript } from '../../../transforms/lib/parse';
import { FIXTURES_ROOT } from '../../../test/helpers/fixtures';
import { PROJECT } from '../../../test/helpers/repo';
import { accountedItems, accountGaps, readLegacyStatements } from './legacy-statements';

const MIGRATE = path.join(FIXTURES_ROOT, 'migrate');
const indexFiles = [
  ...fs.readdirSync(MIGRATE).map(name => path.join(MIGRATE, name, 'input', 'packages', 'backend', 'src', 'index.ts')),
  path.join(PROJECT, 'examples', 'legacy-app', 'packages', 'backend', 'src', 'index.ts'),
].filter(file => fs.existsSync(file));

function read(file: string) {
  const source = fs.readFileSync(file, 'utf8');
  const ast = parseTypeScript(source, file);
  const index = analyzeLegacyIndex(ast, source);
  return { source, ast, index: 'kind' in index ? undefined : (index as LegacyIndex) };
}

const legacy = indexFiles.map(file => ({ file: path.relative(PROJECT, file), ...read(file) })).filter(entry => entry.index !== undefined);

test('the account runs over the migrate fixtures and the legacy example', () => {
  expect(legacy.length).toBeGreaterThanOrEqual(30);
  expect(legacy.some(entry => entry.file.startsWith('examples/legacy-app'))).toBe(true);
});

test.each(legacy.map(entry => [entry.file, entry]))('%s: every statement and service-builder call has exactly one fate', (_file, entry) => {
  const { ast, source, index } = entry as (typeof legacy)[number];
  const statements = readLegacyStatements(ast, source, index as LegacyIndex);
  expect(accountGaps(ast, source, index as LegacyIndex, statements)).toEqual([]);
  // And the buckets hold no more than the items: nothing is counted twice.
  const kinds = accountedItems(ast, index as LegacyIndex).map(item => statements.account.get(item)?.[0]);
  // A mount under a config condition is the if statement's, whose one fate is translated (into a feature loader).
  expect(kinds.filter(kind => kind === 'mount').length).toBe(statements.mounts.filter(mount => !mount.condition).length);
  const conditions = new Set(statements.mounts.flatMap(mount => (mount.condition ? [mount.condition.line] : [])));
  expect(kinds.filter(kind => kind === 'translated').length).toBeGreaterThanOrEqual(conditions.size);
  expect(kinds.filter(kind => kind === 'carried').length).toBe(statements.carried.length);
});

test('a statement the account misses is a gap, named by its line', () => {
  const { ast, source, index } = legacy.find(entry => entry.file.startsWith('examples/legacy-app')) as (typeof legacy)[number];
  const statements = readLegacyStatements(ast, source, index as LegacyIndex);
  const items = accountedItems(ast, index as LegacyIndex);
  const dropped = new Map(statements.account);
  dropped.delete(items[items.length - 1]);
  const doubled = new Map(statements.account);
  doubled.set(items[0], ['carried', 'refused']);
  expect(accountGaps(ast, source, index as LegacyIndex, { ...statements, account: dropped })).toEqual([expect.stringMatching(/^\d+: .* \(not accounted for\)$/)]);
  expect(accountGaps(ast, source, index as LegacyIndex, { ...statements, account: doubled })).toEqual([expect.stringMatching(/\(carried, refused\)$/)]);
});
