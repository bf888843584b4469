import type { FunctionDeclaration } from '@babel/types';
import { parseTypeScript } from '../../../../transforms/lib/parse';
import { readCreateEnvFactory } from './index';

const IMPORTS = new Map([
  ['getRootLogger', '@backstage/backend-common'],
  ['HostDiscovery', '@backstage/backend-common'],
  ['UrlReaders', '@backstage/backend-defaults/urlReader'],
  ['ClusterDiscovery', './discovery'],
  ['NexusUrlReader', './nexus'],
]);

/** makeCreateEnv with `body` before a template env function, read as migrate reads it. */
function read(body: string) {
  const source = `function makeCreateEnv(config: Config) {\n  const root = getRootLogger();\n${body}\n  return (plugin: string) => ({ config });\n}\n`;
  const fn = parseTypeScript(source, 'index.ts').program.body[0] as FunctionDeclaration;
  const reading = readCreateEnvFactory(fn, source, IMPORTS);
  return { reading, text: (node: { start?: number | null; end?: number | null }) => source.slice(node.start ?? 0, node.end ?? 0) };
}

test.each([
  ['a class of the app own, made with new', '  const discovery = new ClusterDiscovery(config);', 'discovery', 'new ClusterDiscovery(config)', ['config', []]],
  ['a class of the app own, from config', '  const discovery = ClusterDiscovery.fromConfig(config);', 'discovery', 'ClusterDiscovery.fromConfig(config)', ['config', []]],
  ["Backstage's with a base path", "  const discovery = HostDiscovery.fromConfig(config, { basePath: '/backstage/api' });", 'discovery', "HostDiscovery.fromConfig(config, { basePath: '/backstage/api' })", ['config', []]],
  ['a URL reader with more factories', '  const reader = UrlReaders.default({ logger: root, config, factories: [NexusUrlReader.factory] });', 'urlReader', 'UrlReaders.default({ logger: root, config, factories: [NexusUrlReader.factory] })', ['config', ['root']]],
])('%s becomes a service factory', (_name, body, service, expression, [configName, loggerNames]) => {
  const { reading, text } = read(body);
  expect(reading.refused.size).toBe(0);
  expect(reading.overrides.map(o => ({ service: o.service, expression: text(o.expression), needs: o.needs }))).toEqual([{ service, expression, needs: { configName, loggerNames } }]);
});

test("the templates' own discovery and reader are replaced, not translated", () => {
  const { reading } = read('  const reader = UrlReaders.default({ logger: root, config });\n  const discovery = HostDiscovery.fromConfig(config);');
  expect(reading.overrides).toEqual([]);
  expect(reading.refused.size).toBe(0);
  expect(reading.replaced.size).toBeGreaterThanOrEqual(3);
});

test('a discovery made of more than the config, the root logger and imports is refused', () => {
  const { reading } = read('  const discovery = new ClusterDiscovery(config, process.env.REGION);');
  expect(reading.overrides).toEqual([]);
  expect([...reading.refused.values()]).toEqual([
    "a discovery (ClusterDiscovery) made with more than the config, the root logger and imports: only such a one becomes a service factory for coreServices.discovery; write that factory by hand (createServiceFactory with the deps it needs)",
  ]);
});

describe('the events and signals services', () => {
  const imports = new Map([...IMPORTS, ['DefaultEventsService', '@backstage/plugin-events-node'], ['DefaultSignalsService', '@backstage/plugin-signals-node'], ['SqsEvents', './sqs']]);
  const readWith = (body: string, fields: string) => {
    const source = `function makeCreateEnv(config: Config) {\n  const root = getRootLogger();\n${body}\n  return (plugin: string) => ({ config, ${fields} });\n}\n`;
    const fn = parseTypeScript(source, 'index.ts').program.body[0] as FunctionDeclaration;
    return readCreateEnvFactory(fn, source, imports);
  };

  test('made as the new backend makes its own, they are replaced, and the fields that hand them on are named', () => {
    const reading = readWith('  const eventsService = DefaultEventsService.create({ logger: root, config });\n  const signalsService = DefaultSignalsService.create({ events: eventsService });', 'events: eventsService, signals: signalsService');
    expect(reading.refused.size).toBe(0);
    expect([...reading.newSystemFields]).toEqual([
      ['events', { service: 'events', line: 3 }],
      ['signals', { service: 'signals', line: 4 }],
    ]);
  });

  test.each([
    ['an events service given more than the root logger and the config', "  const eventsService = DefaultEventsService.create({ logger: root, config, useEventBus: 'never' });\n  const signalsService = DefaultSignalsService.create({ events: eventsService });", 'events'],
    ['a signals service over events of the app own', '  const sqs = new SqsEvents(config);\n  const signalsService = DefaultSignalsService.create({ events: sqs });', 'signals'],
  ])('%s is refused', (_name, body, service) => {
    const reading = readWith(body, 'signals: signalsService');
    expect([...reading.refused.values()].some(why => why.startsWith(service === 'events' ? 'an events service (DefaultEventsService) made of more' : 'a signals service (DefaultSignalsService) made of more'))).toBe(true);
    expect(reading.newSystemFields.size).toBe(0);
  });
});
