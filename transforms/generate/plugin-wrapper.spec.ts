import { DORA_WRAPPER } from '../../test/helpers/expected-wrapper';
import { formatWithPrettier } from '../../test/helpers/prettier';
import { BACKSTAGE_FORMAT, ModuleFormat } from './plugin-module';
import { PluginWrapper, printPluginWrapper } from './plugin-wrapper';

const LOGGER_ADAPTED = "logger: the plugin's winston Logger is given the LoggerService, which has info, warn, error, debug and child (not winston's other methods)";
const DORA: PluginWrapper = {
  pluginId: 'dora',
  packageName: '@internal/backstage-plugin-dora-backend',
  options: [{ name: 'logger', service: 'logger', cast: true }],
  adapted: [LOGGER_ADAPTED],
};

test('prints the { logger } shape with Backstage defaults', () => {
  expect(printPluginWrapper(DORA, BACKSTAGE_FORMAT)).toBe(DORA_WRAPPER);
});

test('prints exactly what prettier prints, for the options it models and every RouterOptions shape', () => {
  const formats: ModuleFormat[] = [];
  for (const singleQuote of [true, false])
    for (const semi of [true, false])
      for (const trailingComma of ['all', 'es5', 'none'] as const)
        for (const [useTabs, tabWidth] of [[false, 2], [false, 4], [true, 2]] as const)
          for (const printWidth of [60, 80, 120])
            for (const bracketSpacing of [true, false])
              formats.push({ singleQuote, semi, trailingComma, useTabs, tabWidth, printWidth, bracketSpacing, endOfLine: '\n' });
  const wrappers: PluginWrapper[] = [
    DORA,
    { ...DORA, options: [{ name: 'logger', service: 'logger' }, { name: 'config', service: 'rootConfig' }], adapted: [] },
    {
      pluginId: 'carmen-code-coverage',
      packageName: '@internal/backstage-plugin-carmen-code-coverage-insights-and-more-backend',
      options: ['logger', 'config', 'database', 'discovery', 'reader', 'scheduler', 'permissions', 'httpAuth'].map(name => ({
        name,
        service: name === 'config' ? 'rootConfig' : name === 'reader' ? 'urlReader' : name,
        cast: name === 'logger',
      })),
      adapted: [LOGGER_ADAPTED],
    },
    { ...DORA, options: [], adapted: [] },
  ];
  const jobs = formats.flatMap(format => wrappers.map(wrapper => ({ text: printPluginWrapper(wrapper, format), options: { ...format, endOfLine: 'lf' } })));
  const formatted = formatWithPrettier(jobs);
  const mismatches = jobs.filter((job, i) => formatted[i] !== job.text).map((job, i) => ({ options: job.options, i }));
  expect(mismatches.slice(0, 3).map(m => [JSON.stringify(m.options), jobs[m.i].text, formatted[m.i]])).toEqual([]);
  expect(jobs.length).toBe(formats.length * wrappers.length);
});

test('uses CRLF when asked', () => {
  const text = printPluginWrapper(DORA, { ...BACKSTAGE_FORMAT, endOfLine: '\r\n' });
  expect(text.split('\r\n').length).toBe(text.split('\n').length);
  expect(text.endsWith('});\r\n')).toBe(true);
});
