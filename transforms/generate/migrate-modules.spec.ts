import { formatWithPrettier } from '../../test/helpers/prettier';
import { printApiRouterModule } from './api-router';
import { printServiceFactoryModule } from './discovery';
import { printConditionalFeatures } from './feature-loader';
import { printRootHttpRouterModule } from './root-http-router';
import { printLegacyAccessModule } from './legacy-access';
import { printRootPluginModule } from './root-plugin';
import { printStartupTasksModule } from './startup-tasks';
import { printRootLoggerModule } from './root-logger';
import { printPluginRouteModule } from './plugin-route';
import { printEventBrokerModule } from './event-broker';
import { printPluginAdapterModule } from './plugin-adapter';
import { printIdentityModule } from './identity';
import { printLegacyServicesModule } from './legacy-services';
import type { GeneratedStyle } from './plugin-shell';

type Printer = (style: GeneratedStyle) => string;

const imported = (style: GeneratedStyle, line: string): string => `${line.replace(/'/g, style.quote)}${style.semicolons ? ';' : ''}`;

const PRINTERS: Record<string, Printer> = {
  'startup tasks': style =>
    printStartupTasksModule(
      {
        statements: [
          { text: 'initializeJira(config);'.replace(/;$/, style.semicolons ? ';' : ''), line: 35 },
          { text: 'await warmUpTheSearchIndex(config);'.replace(/;$/, style.semicolons ? ';' : ''), line: 80 },
        ],
        configNames: ['config'],
        imports: [imported(style, "import { initializeJira, warmUpTheSearchIndex } from '../jira'")],
      },
      style,
    ),
  'startup tasks handed the root logger': style =>
    printStartupTasksModule(
      {
        statements: [
          { text: 'logSettings(config, logger);'.replace(/;$/, style.semicolons ? ';' : ''), line: 77 },
          { text: "root.info('ready');".replace(/'/g, style.quote).replace(/;$/, style.semicolons ? ';' : ''), line: 48 },
        ],
        configNames: ['config'],
        loggerNames: ['logger', 'root'],
        winston: true,
        imports: [imported(style, "import { logSettings } from '../settings'")],
      },
      style,
    ),
  'a plugin called with more than its env': style =>
    printPluginAdapterModule(
      { name: 'reports', importLine: imported(style, "import reports from '../plugins/reports'"), args: ['env.config', 'env'], envIndex: 1, line: 86 },
      style,
    ),
  'the same, long enough to wrap': style =>
    printPluginAdapterModule(
      {
        name: 'kubernetesIngestorReports',
        importLine: imported(style, "import kubernetesIngestorReports from '../plugins/kubernetes-ingestor-reports'"),
        args: ['env.config', 'env', `${style.quote}/kubernetes-ingestor/reports${style.quote}`],
        envIndex: 1,
        line: 86,
      },
      style,
    ),
  'a plugin given an env field of the app own': style =>
    printPluginAdapterModule(
      {
        name: 'notify',
        importLine: imported(style, "import notify from '../plugins/notify'"),
        imports: [imported(style, "import { CatalogClient } from '@backstage/catalog-client'")],
        envFields: [{ key: 'catalogClient', text: 'new CatalogClient({ discoveryApi: env.discovery })' }],
        args: ['env'],
        envIndex: 0,
        line: 88,
      },
      style,
    ),
  'legacy access': style => printLegacyAccessModule({ pluginId: 'hooks', line: 84 }, style),
  'legacy access, a long id': style => printLegacyAccessModule({ pluginId: 'kubernetes-ingestor-with-a-long-name', line: 84 }, style),
  'a plugin at the service root': style =>
    printRootPluginModule(
      {
        pluginId: 'healthcheck',
        name: 'healthcheck',
        importLine: imported(style, "import healthcheck from '../plugins/healthcheck'"),
        path: '',
        fields: ['logger'],
        router: { importLine: imported(style, "import Router from 'express-promise-router'"), call: 'Router' },
        line: 95,
      },
      style,
    ),
  'a plugin at a root path with more fields': style =>
    printRootPluginModule(
      {
        pluginId: 'status_checks',
        name: 'statusChecks',
        importLine: imported(style, "import statusChecks from '../plugins/status-checks'"),
        path: '/healthcheck',
        fields: ['cache', 'config', 'database', 'logger'],
        line: 96,
      },
      style,
    ),
  'a plugin main() only ran': style =>
    printRootPluginModule(
      { pluginId: 'audit', name: 'auditJob', importLine: imported(style, "import auditJob from '../plugins/audit-job'"), path: '', fields: ['logger', 'scheduler'], line: 81, run: true },
      style,
    ),
  'a plugin at a root path that reads nothing': style =>
    printRootPluginModule(
      { pluginId: 'ping', name: 'ping', importLine: imported(style, "import ping from '../plugins/ping'"), path: '/ping', fields: [], line: 97 },
      style,
    ),
  discovery: style =>
    printServiceFactoryModule(
      { service: 'discovery', expression: 'ClusterDiscovery.fromConfig(config)', configName: 'config', imports: [`import { ClusterDiscovery } from ${style.quote}../discovery${style.quote}${style.semicolons ? ';' : ''}`], line: 32 },
      style,
    ),
  'root logger with a format of the app own': style =>
    printRootLoggerModule(
      {
        format: 'format.combine(maskTokens(), WinstonLogger.colorFormat())',
        imports: [imported(style, "import { format } from 'winston'"), imported(style, "import { maskTokens } from '../logging'")],
        line: 72,
      },
      style,
    ),
  'the same, through the app winston namespace': style =>
    printRootLoggerModule(
      {
        format: ['winston.format.combine(', '  maskTokens(),', '  winston.format.timestamp(),', '  winston.format.json(),', ')'].map(line => line.replace(/^  /, style.unit)).join('\n'),
        imports: [imported(style, "import * as winston from 'winston'"), imported(style, "import { maskTokens } from '../logging'")],
        transports: 'winston.transports',
        line: 72,
      },
      style,
    ),
  'a plugin module below a plugin path': style =>
    printPluginRouteModule(
      {
        pluginId: 'auth',
        moduleId: 'saml-proxy',
        name: 'samlProxy',
        importLine: imported(style, "import samlProxy from '../plugins/saml-proxy'"),
        rest: '/saml-proxy',
        fields: ['cache', 'config', 'logger'],
        router: { importLine: imported(style, "import Router from 'express-promise-router'"), call: 'Router' },
        line: 91,
      },
      style,
    ),
  'the event broker the bridged plugins share': style =>
    printEventBrokerModule({ importLine: imported(style, "import { DefaultEventBroker } from '@backstage/plugin-events-backend'"), line: 39 }, 'sharedEventBroker', style),
  'a plugin given the shared event broker': style =>
    printPluginAdapterModule(
      {
        name: 'carmen',
        importLine: imported(style, "import carmen from '../plugins/carmen'"),
        imports: [imported(style, "import { sharedEventBroker } from './event-broker'")],
        envFields: [{ key: 'eventBroker', text: 'sharedEventBroker(env.logger)', shared: 'event-broker' }],
        args: ['env'],
        envIndex: 0,
        line: 84,
      },
      style,
    ),
  'url reader with more factories': style =>
    printServiceFactoryModule(
      {
        service: 'urlReader',
        expression: ['UrlReaders.default({', '  logger: root,', '  config,', '  factories: [ArtifactoryUrlReader.factory],', '})'].map(line => line.replace(/^  /, style.unit)).join('\n'),
        configName: 'config',
        loggerNames: ['root'],
        imports: [imported(style, "import { UrlReaders } from '@backstage/backend-defaults/urlReader'"), imported(style, "import { ArtifactoryUrlReader } from '../artifactory'")],
        line: 33,
      },
      style,
    ),
  'feature loader': style =>
    printConditionalFeatures(
      {
        configName: 'config',
        conditions: [
          { test: `config.getOptionalBoolean(${style.quote}carmen.enabled${style.quote})`, line: 80, yields: [`legacyPlugin(${style.quote}carmen${style.quote}, import(${style.quote}../plugins/carmen${style.quote}))`] },
          { test: `config.getOptionalBoolean(${style.quote}dora.enabled${style.quote})`, line: 84, yields: [`import(${style.quote}@internal/plugin-dora-backend${style.quote})`] },
        ],
        bridges: true,
      },
      style,
    ),
  'api routers at deeper paths': style =>
    printApiRouterModule(
      {
        segment: 'assets',
        imports: [`import { assetsRouter, assetsV1 } from ${style.quote}../assets${style.quote}${style.semicolons ? ';' : ''}`],
        mounts: [
          { rest: '', handler: 'assetsRouter', line: 81 },
          { rest: '/v1/files', handler: 'assetsV1', line: 82 },
        ],
        router: { importLine: `import Router from ${style.quote}express-promise-router${style.quote}${style.semicolons ? ';' : ''}`, call: 'Router' },
      },
      style,
    ),
  'a module of a plugin': style =>
    printApiRouterModule(
      {
        segment: 'dora',
        imports: [`import { doraStats } from ${style.quote}../assets${style.quote}${style.semicolons ? ';' : ''}`],
        mounts: [{ rest: '/stats', handler: 'doraStats', line: 80 }],
        router: { importLine: `import Router from ${style.quote}express-promise-router${style.quote}${style.semicolons ? ';' : ''}`, call: 'Router' },
        moduleOfPlugin: true,
      },
      style,
    ),
  'the api router again at a prefix': style =>
    printRootHttpRouterModule(
      {
        handlers: [
          { text: 'cookieParser()', line: 79, afterApi: false, paths: ['/api'] },
          { text: 'authMiddleware', line: 81, afterApi: false, paths: ['/api/catalog', '/api/kubernetes-ingestor-with-a-long-name'] },
          { apiPrefix: '/backstage/api', line: 87, afterApi: true },
          { text: 'metricsHandler()', line: 88, afterApi: true },
        ],
        imports: [`import { metricsHandler } from ${style.quote}../metrics${style.quote}${style.semicolons ? ';' : ''}`],
      },
      style,
    ),
  'identity client with options': style =>
    printIdentityModule(
      {
        expression: "DefaultIdentityClient.create({\n  discovery,\n  issuer: `${config.getString('backend.baseUrl')}/api/auth`,\n  algorithms: ['RS256'],\n})".replace(/'/g, style.quote).replace(/\n  /g, `\n${style.unit}`),
        discoveryName: 'discovery',
        configName: 'config',
        imports: [imported(style, "import { DefaultIdentityClient } from '@backstage/plugin-auth-node'")],
        line: 39,
      },
      style,
    ),
  'the events and signals services handed to the bridged plugins': style => printLegacyServicesModule({ services: ['events', 'signals'], lines: [50, 51] }, style),
  'the signals service alone': style => printLegacyServicesModule({ services: ['signals'], lines: [51] }, style),
};

test.each(Object.keys(PRINTERS))('%s: prints what prettier prints, in each index style', name => {
  const jobs = [];
  for (const quote of ["'", '"'] as const)
    for (const semicolons of [true, false])
      for (const unit of ['  ', '    ', '\t']) {
        const text = PRINTERS[name]({ quote, semicolons, unit, eol: '\n' });
        jobs.push({
          text,
          options: { singleQuote: quote === "'", semi: semicolons, useTabs: unit === '\t', tabWidth: unit === '\t' ? 2 : unit.length, trailingComma: 'all', printWidth: 80 },
        });
      }
  const formatted = formatWithPrettier(jobs);
  const mismatches = jobs.map((job, i) => [JSON.stringify(job.options), job.text, formatted[i]]).filter(([, text, pretty]) => pretty !== text);
  expect(mismatches.slice(0, 1)).toEqual([]);
  expect(jobs.length).toBe(12);
});

test('keeps CRLF', () => {
  for (const name of Object.keys(PRINTERS)) {
    const text = PRINTERS[name]({ quote: "'", semicolons: true, unit: '  ', eol: '\r\n' });
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
  }
});
