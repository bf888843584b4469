import * as fs from 'fs';
import * as path from 'path';
import * as babel from '@babel/parser';
import * as parse from '../../../transforms/lib/parse';
import { planWiring } from './run';
import { cleanup, copyExample } from '../../../test/helpers/repo';

afterEach(() => {
  jest.restoreAllMocks();
  cleanup();
});

test('wiring two plugins reads and parses each file once, and index.ts is validated from its changed statements alone', async () => {
  const repo = copyExample();
  // The fs module itself (an `import * as` namespace cannot be spied on): every reader here goes through it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const read = jest.spyOn(require('fs') as typeof fs, 'readFileSync');
  const planned = jest.spyOn(parse, 'parseTypeScript');
  const parsed = jest.spyOn(babel, 'parse');
  const { changes } = await planWiring({ cwd: repo, plugins: ['carmen', 'dora'] });
  // Read from disk once each: index.ts, types.ts, package.json files (the root's, the backend's, each plugin's), plugin entries.
  const readFiles = read.mock.calls.map(call => path.relative(repo, String(call[0]))).filter(file => !file.startsWith('..'));
  expect(readFiles.filter((file, i) => readFiles.indexOf(file) !== i)).toEqual([]);
  expect(readFiles).toEqual(expect.arrayContaining(['package.json', 'packages/backend/package.json', 'plugins/carmen-backend/package.json']));
  const files = planned.mock.calls.map(call => call[1]).sort();
  expect(files).toEqual([...new Set(files)]);
  expect(files).toEqual(expect.arrayContaining(['packages/backend/src/index.ts', 'packages/backend/src/types.ts']));
  const index = changes.find(c => c.displayPath === 'packages/backend/src/index.ts');
  expect(index?.after).toContain("apiRouter.use('/dora', await dora(doraEnv));");
  // Parsed whole: index.ts as it was (to plan) but never as it will be.
  const inputs = parsed.mock.calls.map(call => call[0]);
  expect(inputs.filter(text => text === index?.before)).toHaveLength(1);
  expect(inputs.filter(text => text === index?.after)).toHaveLength(0);
  // The new plugin modules are small and parsed whole, once each.
  for (const id of ['carmen', 'dora']) {
    const module = changes.find(c => c.displayPath === `packages/backend/src/plugins/${id}.ts`);
    expect(inputs.filter(text => text === module?.after)).toHaveLength(1);
  }
});
