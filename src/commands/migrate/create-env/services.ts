/**
 * The services of the app's own makeCreateEnv may make, each recognised by
 * a small function of its own: an identity client given options (a
 * coreServices.identity factory takes it over), the events and signals
 * services made as the new backend makes them (replaced by its own), the
 * event broker every plugin shared, and a client of another package that an
 * env field hands on. Each returns what it found; the reader records it.
 */
import type { Node } from '@babel/types';
import { mentions, soleDeclarator } from '../../../../transforms/lib/ast';
import { lineOf } from '../../../../transforms/lib/text';
import { calleeRoot, STANDARD_FIELDS, TEMPLATE_PACKAGES } from './shapes';
import type { IdentityOverride, NewSystemField, NewSystemService } from './types';

/** The options of DefaultIdentityClient.create (plugin-auth-node 0.4 and 0.5): the discovery, the issuer it requires, the algorithms it accepts. */
const IDENTITY_OPTIONS = ['discovery', 'issuer', 'algorithms'];

/** Why an identity client stays with the legacy code. */
const IDENTITY_REFUSAL =
  "an identity client (DefaultIdentityClient) given more than the discovery, an issuer and algorithms, or made of more than the discovery, the config and imports: only such a one becomes a service factory for coreServices.identity (src/modules/identity.ts); write that factory by hand (createServiceFactory with the deps it needs)";

/** Why a signals or events service in makeCreateEnv stays with the legacy code: made otherwise than the new backend makes its own. */
const NEW_SYSTEM_REFUSAL: Record<NewSystemService, string> = {
  events:
    "an events service (DefaultEventsService) made of more than the root logger and the config: the new backend makes one itself (backend-defaults' eventsServiceFactory, DefaultEventsService.create({ logger: rootLogger, config })) and gives each plugin its own view of it; only one made that way is replaced by it; configure it in app-config (events.*) or give the backend an eventsServiceRef factory by hand, then run migrate again",
  signals:
    "a signals service (DefaultSignalsService) made of more than the events service makeCreateEnv made as the new backend makes it: the new backend provides signals itself (signalsServiceRef, DefaultSignalsService.create({ events }) over its events service); only DefaultSignalsService.create({ events: <that events service> }) is replaced by it; give the backend a signalsServiceRef factory by hand, then run migrate again",
};

/** Why an event broker in makeCreateEnv stays with the legacy code: the bridge that would carry it is not one migrate writes. */
const EVENT_BROKER_REFUSAL =
  "an event broker (DefaultEventBroker) made of more than the root logger, or not plugin-events-backend's: only new DefaultEventBroker(<the root logger or its child>) is shared again by the bridged plugins (./event-broker); make it that way, or move the plugins that read env.eventBroker to their features (eventsServiceRef), then run migrate again";

/** A service of the app's own in makeCreateEnv, by local name: what made it, and whether every plugin shared it (the event broker). */
export interface AppService {
  readonly init: Node;
  readonly line: number;
  readonly statement: Node;
  readonly shared?: boolean;
}

/** What the recognisers read of makeCreateEnv as the reader has it so far. */
export interface ServiceContext {
  readonly source: string;
  readonly importedFrom: ReadonlyMap<string, string>;
  readonly configName: string | undefined;
  /** The root logger's names. */
  readonly loggers: ReadonlySet<string>;
  /** Names the template's statements declare. */
  readonly template: ReadonlySet<string>;
  /** The events and signals services found so far, by local name. */
  readonly newSystemServices: ReadonlyMap<string, NewSystemField>;
}

/** Whether `name` is imported from one of the packages whose factories the template calls. */
export function fromBackstage(name: string | undefined, importedFrom: ReadonlyMap<string, string>): boolean {
  return name !== undefined && TEMPLATE_PACKAGES.test(importedFrom.get(name) ?? '');
}

/** A client of the app's own (another package's), made of the standard fields and imports: kept for the env fields that hand it on. */
export function appService(statement: Node, context: ServiceContext): { name: string; service: AppService } | undefined {
  const declarator = soleDeclarator(statement);
  const init = declarator?.init;
  const root = calleeRoot(init);
  const { importedFrom } = context;
  if (!declarator || declarator.id.type !== 'Identifier' || !init || init.type === 'AwaitExpression' || !root || !importedFrom.has(root) || fromBackstage(root, importedFrom)) return undefined;
  if (![...mentions(init)].every(name => STANDARD_FIELDS.includes(name) || (importedFrom.has(name) && !fromBackstage(name, importedFrom)))) return undefined;
  return { name: declarator.id.name, service: { init, line: lineOf(context.source, statement.start ?? 0), statement } };
}

/**
 * `const eventBroker = new DefaultEventBroker(root.child({ type: 'plugin' }))` (plugin-events-backend's, over
 * the root logger): one broker all the plugins shared, which the adapters share again through ./event-broker.
 */
export function sharedEventBroker(statement: Node, context: ServiceContext): { name: string; service: AppService } | undefined {
  const declarator = soleDeclarator(statement);
  const init = declarator?.init;
  if (!declarator || declarator.id.type !== 'Identifier' || init?.type !== 'NewExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'DefaultEventBroker') return undefined;
  if (context.importedFrom.get('DefaultEventBroker') !== '@backstage/plugin-events-backend' || init.arguments.length !== 1) return undefined;
  if (![...mentions(init.arguments[0])].every(name => context.loggers.has(name))) return undefined;
  return { name: declarator.id.name, service: { init, line: lineOf(context.source, statement.start ?? 0), statement, shared: true } };
}

/** `DefaultIdentityClient` (or `IdentityClient`, its name before) of plugin-auth-node. */
export function isIdentityClient(root: string, importedFrom: ReadonlyMap<string, string>): boolean {
  return (root === 'DefaultIdentityClient' || root === 'IdentityClient') && importedFrom.get(root) === '@backstage/plugin-auth-node';
}

/**
 * `const identity = DefaultIdentityClient.create({ discovery, issuer: await discovery.getExternalBaseUrl('auth'),
 * algorithms: ['ES256', 'RS256'] })`, given options the template does not give: a coreServices.identity factory
 * with the same expression. Its options only the three of create, and its free names the discovery of
 * makeCreateEnv (the `discovery` option's value), the config and imports.
 */
export function identityWithOptions(statement: Node, context: ServiceContext): { name: string; identity: IdentityOverride } | undefined {
  const declarator = soleDeclarator(statement);
  const init = declarator?.init;
  const { importedFrom, configName } = context;
  if (!declarator || declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || init.callee.object.type !== 'Identifier') return undefined;
  if (!isIdentityClient(init.callee.object.name, importedFrom) || init.callee.property.type !== 'Identifier' || init.callee.property.name !== 'create') return undefined;
  const options = init.arguments[0];
  if (init.arguments.length !== 1 || options?.type !== 'ObjectExpression') return undefined;
  const option = (key: string) => options.properties.find(p => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === key);
  const discovery = option('discovery');
  const discoveryName = discovery?.type === 'ObjectProperty' && discovery.value.type === 'Identifier' ? discovery.value.name : undefined;
  if (!discoveryName || !context.template.has(discoveryName)) return undefined;
  if (!options.properties.every(p => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && IDENTITY_OPTIONS.includes(p.key.name))) return undefined;
  const names = [...mentions(init)];
  if (!names.every(name => name === discoveryName || name === configName || (importedFrom.has(name) && importedFrom.get(name) !== './types'))) return undefined;
  const readsConfig = configName !== undefined && names.includes(configName);
  return { name: declarator.id.name, identity: { expression: init, discoveryName, ...(readsConfig ? { configName } : {}), line: lineOf(context.source, statement.start ?? 0) } };
}

/** The service a Backstage class makes that the new backend provides itself: DefaultEventsService, DefaultSignalsService (DefaultSignalService before its rename). */
export function newSystemServiceOf(root: string, importedFrom: ReadonlyMap<string, string>): NewSystemService | undefined {
  const from = importedFrom.get(root);
  if (root === 'DefaultEventsService' && from === '@backstage/plugin-events-node') return 'events';
  if ((root === 'DefaultSignalsService' || root === 'DefaultSignalService') && from === '@backstage/plugin-signals-node') return 'signals';
  return undefined;
}

/**
 * `const eventsService = DefaultEventsService.create({ logger: root, config })` and `const signalsService =
 * DefaultSignalsService.create({ events: eventsService })`: what the new backend makes itself, once, as
 * makeCreateEnv made them once for every plugin; replaced by them.
 */
export function newSystemService(statement: Node, context: ServiceContext): { name: string; field: NewSystemField } | undefined {
  const declarator = soleDeclarator(statement);
  const init = declarator?.init;
  if (!declarator || declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || init.callee.object.type !== 'Identifier') return undefined;
  const service = newSystemServiceOf(init.callee.object.name, context.importedFrom);
  const options = init.arguments[0];
  if (!service || init.callee.property.type !== 'Identifier' || init.callee.property.name !== 'create' || init.arguments.length !== 1 || options?.type !== 'ObjectExpression') return undefined;
  const given = new Map<string, string>();
  for (const property of options.properties) {
    if (property.type !== 'ObjectProperty' || property.computed || property.key.type !== 'Identifier' || property.value.type !== 'Identifier') return undefined;
    given.set(property.key.name, property.value.name);
  }
  const logger = given.get('logger');
  const made =
    service === 'events'
      ? logger !== undefined && context.loggers.has(logger) && [...given].every(([key, value]) => key === 'logger' || (key === 'config' && value === context.configName))
      : given.size === 1 && context.newSystemServices.get(given.get('events') ?? '')?.service === 'events';
  return made ? { name: declarator.id.name, field: { service, line: lineOf(context.source, statement.start ?? 0) } } : undefined;
}

/** Why a service of the app's own that no rule takes over stays with the legacy code. */
export function serviceRefusal(root: string | undefined, importedFrom: ReadonlyMap<string, string>): string {
  const newSystem = root ? newSystemServiceOf(root, importedFrom) : undefined;
  if (newSystem) return NEW_SYSTEM_REFUSAL[newSystem];
  if (root && isIdentityClient(root, importedFrom)) return IDENTITY_REFUSAL;
  if (root === 'DefaultEventBroker') return EVENT_BROKER_REFUSAL;
  return `a service of the app's own in makeCreateEnv${root ? ` (${root})` : ''}: the new backend creates the services itself; give plugins this one with a service factory (createServiceFactory), or move it into the plugins that use it`;
}
