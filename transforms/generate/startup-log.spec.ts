import { formatWithPrettier } from '../../test/helpers/prettier';
import { printStartupLogModule } from './startup-log';

const SHORT = [{ level: 'info', message: 'Starting the backend', line: 12 }];
const MANY = [
  { level: 'info', message: 'Starting the backend', line: 12 },
  { level: 'warn', message: "Running without a proxy, so it's direct", line: 13 },
  { level: 'error', message: 'A message long enough that it does not fit on its line at eighty columns wide', line: 14 },
];

test('prints what prettier prints, in the index style it is given', () => {
  const jobs = [];
  for (const quote of ["'", '"'] as const)
    for (const semicolons of [true, false])
      for (const unit of ['  ', '    ', '\t'])
        for (const lines of [SHORT, MANY]) {
          const text = printStartupLogModule({ lines }, { quote, semicolons, unit, eol: '\n' });
          jobs.push({
            text,
            options: { singleQuote: quote === "'", semi: semicolons, useTabs: unit === '\t', tabWidth: unit === '\t' ? 2 : unit.length, trailingComma: 'all', printWidth: 80 },
          });
        }
  const formatted = formatWithPrettier(jobs);
  const mismatches = jobs.filter((job, i) => formatted[i] !== job.text).map(job => [JSON.stringify(job.options), job.text]);
  expect(mismatches.slice(0, 2)).toEqual([]);
  expect(jobs.length).toBe(24);
});

test('names the lines it came from, and keeps CRLF', () => {
  const text = printStartupLogModule({ lines: MANY }, { quote: "'", semicolons: true, unit: '  ', eol: '\r\n' });
  expect(text).toContain(' * From index.ts lines 12, 13, 14.\r\n');
  expect(text.split('\r\n').length).toBe(text.split('\n').length);
});
