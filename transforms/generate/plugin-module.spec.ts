import { formatWithPrettier } from '../../test/helpers/prettier';
import { BACKSTAGE_FORMAT, ModuleFormat, printLegacyPluginModule, ROUTER_OPTIONS_ENVIRONMENT } from './plugin-module';

const SHORT = '@internal/backstage-plugin-carmen-backend';
const LONG = '@internal/backstage-plugin-carmen-code-coverage-insights-and-more-backend';

describe('printLegacyPluginModule', () => {
  test('prints the create-app shape with Backstage defaults', () => {
    expect(printLegacyPluginModule({ packageName: SHORT, options: [{ name: 'logger', value: 'env.logger' }] }, BACKSTAGE_FORMAT)).toBe(
      [
        "import { createRouter } from '@internal/backstage-plugin-carmen-backend';",
        "import { Router } from 'express';",
        "import { PluginEnvironment } from '../types';",
        '',
        'export default async function createPlugin(',
        '  env: PluginEnvironment,',
        '): Promise<Router> {',
        '  return await createRouter({',
        '    logger: env.logger,',
        '  });',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('prints exactly what prettier prints, for every combination of the options it models', () => {
    const formats: ModuleFormat[] = [];
    for (const singleQuote of [true, false])
      for (const semi of [true, false])
        for (const trailingComma of ['all', 'es5', 'none'] as const)
          for (const [useTabs, tabWidth] of [[false, 2], [false, 4], [true, 2], [true, 4]] as const)
            for (const printWidth of [60, 80, 120])
              for (const bracketSpacing of [true, false])
                formats.push({ singleQuote, semi, trailingComma, useTabs, tabWidth, printWidth, bracketSpacing, endOfLine: '\n' });
    const modules = [
      { packageName: SHORT, options: [{ name: 'logger', value: 'env.logger' }] },
      { packageName: LONG, options: [{ name: 'logger', value: 'env.logger' }, { name: 'database', value: 'env.database' }] },
      { packageName: SHORT, options: [{ name: 'logger', value: 'env.logger' }], environment: ROUTER_OPTIONS_ENVIRONMENT },
      { packageName: SHORT, options: [] },
    ];
    const jobs = formats.flatMap(format =>
      modules.map(module => ({ text: printLegacyPluginModule(module, format), options: { ...format, endOfLine: 'lf' } })),
    );
    const formatted = formatWithPrettier(jobs);
    const mismatches = jobs.filter((job, i) => formatted[i] !== job.text).map(job => JSON.stringify(job.options));
    expect(mismatches).toEqual([]);
    expect(jobs.length).toBe(formats.length * modules.length);
  });

  test('uses CRLF when asked', () => {
    const text = printLegacyPluginModule({ packageName: SHORT, options: [] }, { ...BACKSTAGE_FORMAT, endOfLine: '\r\n' });
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
    expect(text.endsWith('}\r\n')).toBe(true);
  });
});
