/**
 * Reads the legacy `makeCreateEnv(config)` statement by statement, so that
 * nothing in it is replaced unseen: the template's service set-up (each a
 * Backstage package's factory that the new backend has a core service for)
 * is replaced; a discovery of the app's own class, made from config only,
 * is translated into a `createServiceFactory` for `coreServices.discovery`;
 * anything else (another service of the app's own, a custom env field, a
 * log line the template does not write) is refused with its line.
 */
import type { Expression, FunctionDeclaration, Node, ObjectExpression } from '@babel/types';
import { mentions, walk } from '../../../transforms/lib/ast';
import { LEGACY_SERVICES } from '../../../transforms/generate/legacy-services';

/**
 * A core service the legacy makeCreateEnv made its own way: a discovery of
 * the app's own class, or Backstage's with options the template does not
 * give (`HostDiscovery.fromConfig(config, { basePath })`), or a URL reader
 * with more factories (`UrlReaders.default({ logger: root, config,
 * factories })`). The same expression serves the core service.
 */
export interface ServiceOverride {
  readonly service: 'discovery' | 'urlReader';
  /** The init expression, as written (`MyDiscovery.fromConfig(config)`). */
  readonly expression: Node;
  /** What it reads: the config and root loggers, by the names it uses; the rest are imports. */
  readonly needs: StartupNeeds;
  readonly line: number;
}

export interface CreateEnvReading {
  /** Every statement of the function and of the function it returns, and each field of the env it returns: the account's items. */
  readonly items: readonly Node[];
  /** Items the new backend replaces (template service set-up). */
  readonly replaced: ReadonlySet<Node>;
  /** Items refused, with why. */
  readonly refused: ReadonlyMap<Node, string>;
  /** Items translated into service factories for core services, each with its item. */
  readonly overrides: readonly (ServiceOverride & { readonly item: Node })[];
  /** Calls of the app's own that need only the config or the root logger (`initTracker(config)`): run at startup by a generated module. */
  readonly sideEffects: readonly { readonly node: Node; readonly needs: StartupNeeds; readonly perPlugin?: boolean }[];
  /** Env fields of the app's own (`catalogClient: new CatalogClient({ discoveryApi: discovery })`), made of the standard fields: for an adapter that gives them to the plugins that read them. */
  readonly extraFields: ReadonlyMap<string, ExtraEnvField>;
  /** Items an adapter or a generated module takes over: the app's own services that env fields hand on, those fields' values, the identity client with options. */
  readonly translated: ReadonlySet<Node>;
  /** Env fields that handed on a service the new backend makes the same way (the events and signals services), by field: a plugin kept on the bridge would lack it. */
  readonly newSystemFields: ReadonlyMap<string, NewSystemField>;
  /** An identity client made with options of its own (an issuer, algorithms), for a coreServices.identity factory. */
  readonly identityOverride?: IdentityOverride;
}

/** `DefaultIdentityClient.create({ discovery, issuer, algorithms })`: the expression, and the names it reads the discovery and the config by. */
export interface IdentityOverride {
  readonly expression: Node;
  readonly discoveryName: string;
  readonly configName?: string;
  readonly line: number;
}

/** The options of DefaultIdentityClient.create (plugin-auth-node 0.4 and 0.5): the discovery, the issuer it requires, the algorithms it accepts. */
const IDENTITY_OPTIONS = ['discovery', 'issuer', 'algorithms'];

/** Why an identity client stays with the legacy code. */
const IDENTITY_REFUSAL =
  "an identity client (DefaultIdentityClient) given more than the discovery, an issuer and algorithms, or made of more than the discovery, the config and imports: only such a one becomes a service factory for coreServices.identity (src/modules/identity.ts); write that factory by hand (createServiceFactory with the deps it needs)";

/** An env field makeCreateEnv filled with a service the new backend provides itself, made as its default factory makes it. */
export interface NewSystemField {
  readonly service: NewSystemService;
  /** The line of the statement that made the service. */
  readonly line: number;
}

/**
 * Services of Backstage's plugin-node packages that makeCreateEnv made once for every plugin, and the new
 * backend makes the same way: `events`, backend-defaults' eventsServiceFactory (one
 * `DefaultEventsService.create({ logger: rootLogger, config })`, each plugin its `forPlugin` of it; read in
 * backend-defaults 0.4.3 and 0.19.0, plugin-events-node 0.3.10 and 0.5.0); `signals`, signalsServiceRef's default
 * factory (`DefaultSignalsService.create({ events })` over that events service; plugin-signals-node 0.2.7).
 */
export type NewSystemService = 'events' | 'signals';

/** Why a signals or events service in makeCreateEnv stays with the legacy code: made otherwise than the new backend makes its own. */
const NEW_SYSTEM_REFUSAL: Record<NewSystemService, string> = {
  events:
    "an events service (DefaultEventsService) made of more than the root logger and the config: the new backend makes one itself (backend-defaults' eventsServiceFactory, DefaultEventsService.create({ logger: rootLogger, config })) and gives each plugin its own view of it; only one made that way is replaced by it; configure it in app-config (events.*) or give the backend an eventsServiceRef factory by hand, then run migrate again",
  signals:
    "a signals service (DefaultSignalsService) made of more than the events service makeCreateEnv made as the new backend makes it: the new backend provides signals itself (signalsServiceRef, DefaultSignalsService.create({ events }) over its events service); only DefaultSignalsService.create({ events: <that events service> }) is replaced by it; give the backend a signalsServiceRef factory by hand, then run migrate again",
};

export interface ExtraEnvField {
  /** The expression that makes it, with the env's standard fields read from `env` (`new CatalogClient({ discoveryApi: env.discovery })`). */
  readonly text: string;
  /** The imported names it uses. */
  readonly names: readonly string[];
  readonly line: number;
  /**
   * A service every plugin shared (the event broker): the adapters take it
   * from the generated module that makes it once (`sharedEventBroker(env.logger)`
   * of ./event-broker); the events and signals services, which the new
   * backend makes itself: from the generated module that hands them over
   * (`(await legacyServices()).signals` of ./legacy-services).
   */
  readonly shared?: 'event-broker' | 'legacy-services';
}

/** The adapters' call of the shared event broker, which ./event-broker exports. */
export const SHARED_EVENT_BROKER = 'sharedEventBroker';

/** The env fields every legacy PluginEnvironment had, which the template's locals in makeCreateEnv are named after. */
const STANDARD_FIELDS = ['logger', 'database', 'cache', 'config', 'reader', 'discovery', 'tokenManager', 'scheduler', 'permissions', 'identity'];

/** The packages whose factories the template's makeCreateEnv calls: what they make, the new backend makes itself. */
const TEMPLATE_PACKAGES = /^@backstage\/(backend-common|backend-defaults(\/.*)?|backend-tasks|backend-app-api|plugin-permission-node|plugin-auth-node|config)$/;

/**
 * `node`'s text with each standard field it names read from `env`
 * (`discovery` -> `env.discovery`, a shorthand `{ discovery }` ->
 * `{ discovery: env.discovery }`).
 */
function fromEnv(node: Node, source: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walk(node, (inner, ancestors) => {
    if (inner.type !== 'Identifier' || !STANDARD_FIELDS.includes(inner.name)) return;
    const parent = ancestors[ancestors.length - 1];
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === inner && !parent.computed) return;
    if (parent && parent.type === 'ObjectProperty' && parent.key === inner && !parent.computed && !parent.shorthand) return;
    if (parent && parent.type === 'ObjectProperty' && parent.shorthand) {
      if (parent.value === inner) edits.push({ start: inner.start ?? 0, end: inner.end ?? 0, text: `${inner.name}: env.${inner.name}` });
      return;
    }
    edits.push({ start: inner.start ?? 0, end: inner.end ?? 0, text: `env.${inner.name}` });
  });
  const start = node.start ?? 0;
  let text = source.slice(start, node.end ?? 0);
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start - start) + edit.text + text.slice(edit.end - start);
  return text;
}

/** The root logger's methods a log line calls. */
const LOG_LEVELS = ['info', 'warn', 'error', 'debug'];

/** The template's one log line in makeCreateEnv. */
const TEMPLATE_LOG = /^Created UrlReader \$\{/;

/**
 * The core service a makeCreateEnv local stands for when made its own way:
 * `discovery` made of a class of the app's own or Backstage's discovery
 * classes; `reader` made of Backstage's `UrlReaders`, or of a class of the
 * app's own (`new LoggingUrlReader(UrlReaders.default({ logger: root,
 * config }), root)`, `NexusUrlReader.fromConfig(config)`). `declared`:
 * classes declared in index.ts that move with the service they make.
 */
function overriddenService(name: string, root: string, importedFrom: ReadonlyMap<string, string>, declared: ReadonlySet<string>): ServiceOverride['service'] | undefined {
  const from = importedFrom.get(root) ?? '';
  const backstage = /^@backstage\//.test(from);
  const own = declared.has(root) || (!backstage && importedFrom.has(root) && from !== './types');
  if (declared.has(root) && name === 'discovery') return 'discovery';
  if (name === 'reader' && (own || (root === 'UrlReaders' && backstage))) return 'urlReader';
  if (declared.has(root)) return undefined;
  if (root === 'UrlReaders' && backstage) return 'urlReader';
  if (name === 'discovery' && (!backstage || /^(Host|SingleHost)Discovery$/.test(root)) && from !== './types') return 'discovery';
  return undefined;
}

/** Option keys the templates give Backstage's factories in makeCreateEnv (`{ logger: root }`, `{ databaseManager }`, `{ type: 'plugin', plugin }`). */
const TEMPLATE_OPTION_KEYS = new Set(['logger', 'config', 'databaseManager', 'discovery', 'tokenManager', 'issuer', 'auth', 'httpAuth', 'identity', 'type', 'plugin', 'pluginId']);

/**
 * Whether a Backstage factory call is given only what the templates give
 * it: no option of another key (`basePath`, `factories`), and no literal
 * but the child logger's `type` and `getExternalBaseUrl('auth')`'s id. One
 * given more is the app's own making, never replaced unseen.
 */
function templateArguments(init: Node): boolean {
  let template = true;
  walk(init, (node, ancestors) => {
    if (!template) return false;
    if (node.type === 'ObjectProperty' && (node.computed || node.key.type !== 'Identifier' || !TEMPLATE_OPTION_KEYS.has(node.key.name))) template = false;
    if (node.type === 'SpreadElement' || node.type === 'ArrayExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') template = false;
    if (node.type === 'StringLiteral' || node.type === 'NumericLiteral' || node.type === 'BooleanLiteral' || node.type === 'TemplateLiteral') {
      const call = [...ancestors].reverse().find(a => a.type === 'CallExpression');
      const callee = call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' ? call.callee.property.name : '';
      if (callee !== 'child' && callee !== 'getExternalBaseUrl') template = false;
    }
    return undefined;
  });
  return template;
}

/** Why an event broker in makeCreateEnv stays with the legacy code: the bridge that would carry it is not one migrate writes. */
const EVENT_BROKER_REFUSAL =
  "an event broker (DefaultEventBroker) made of more than the root logger, or not plugin-events-backend's: only new DefaultEventBroker(<the root logger or its child>) is shared again by the bridged plugins (./event-broker); make it that way, or move the plugins that read env.eventBroker to their features (eventsServiceRef), then run migrate again";

/** `getRootLogger()`, backend-common's root logger. */
function isGetRootLogger(init: Node): boolean {
  return init.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'getRootLogger' && init.arguments.length === 0;
}

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/** The name a call or `new` starts from: `HostDiscovery` of `HostDiscovery.fromConfig(config)`, `getRootLogger` of `getRootLogger()`. */
function calleeRoot(expression: Node | null | undefined): string | undefined {
  let node = expression?.type === 'AwaitExpression' ? expression.argument : expression;
  if (!node || (node.type !== 'CallExpression' && node.type !== 'NewExpression')) return undefined;
  let callee: Node = node.callee;
  while (callee.type === 'MemberExpression') callee = callee.object;
  if (callee.type === 'CallExpression') return calleeRoot(callee);
  return callee.type === 'Identifier' ? callee.name : undefined;
}

/** The names a declaration binds: `x`, or each of `{ auth, httpAuth }`. */
function boundNames(id: Node): string[] | undefined {
  if (id.type === 'Identifier') return [id.name];
  if (id.type !== 'ObjectPattern') return undefined;
  const names: string[] = [];
  for (const property of id.properties) {
    if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') return undefined;
    names.push(property.value.name);
  }
  return names;
}

/**
 * `rootLoggerParam`: the name of a second parameter that main() fills with
 * its root logger (`makeCreateEnv(config, logger)`), which the template's
 * factories may then use as they use `getRootLogger()`. `declared`: classes
 * of the app's own declared in index.ts that make a core service here, and
 * move with it (`new SplitDiscovery(HostDiscovery.fromConfig(config))`).
 */
export function readCreateEnvFactory(
  fn: FunctionDeclaration,
  source: string,
  importedFrom: ReadonlyMap<string, string>,
  rootLoggerParam?: string,
  declared: ReadonlySet<string> = new Set(),
): CreateEnvReading {
  const reader = new CreateEnvReader(fn, source, importedFrom, rootLoggerParam, declared);
  for (const statement of fn.body.body) reader.readStatement(statement);
  return reader.finish();
}

/** A service of the app's own in makeCreateEnv, by local name: what made it, and whether every plugin shared it (the event broker). */
interface AppService {
  readonly init: Node;
  readonly line: number;
  readonly statement: Node;
  readonly shared?: boolean;
}

/**
 * makeCreateEnv read statement by statement (and the function it returns,
 * and that function's env field by field): each item's fate, and the names
 * the template's set-up declares as it goes.
 */
class CreateEnvReader {
  readonly items: Node[] = [];
  readonly replaced = new Set<Node>();
  readonly refused = new Map<Node, string>();
  readonly overrides: (ServiceOverride & { item: Node })[] = [];
  readonly sideEffects: { node: Node; needs: StartupNeeds; perPlugin?: boolean }[] = [];
  /** Items an adapter takes over: the services handed on, and the fields that hand them on. */
  readonly translated = new Set<Node>();
  readonly extraFields = new Map<string, ExtraEnvField>();
  readonly newSystemFields = new Map<string, NewSystemField>();
  identityOverride: IdentityOverride | undefined;
  /** The events and signals services made as the new backend makes its own, by local name. */
  private readonly newSystemServices = new Map<string, NewSystemField>();
  /** The root logger's names: main()'s, handed in, and `getRootLogger()`'s here. */
  private readonly loggers: Set<string>;
  private readonly configName: string | undefined;
  /** makeCreateEnv's parameters, by name. */
  private readonly params: readonly string[];
  /** Names the template's statements declare: services made by Backstage's own factories (and `undefined`, which the legacy auth adapters are given). */
  private readonly template: Set<string>;
  /** Services of the app's own (a client from another package, made of the standard fields and imports; the event broker), by local name. */
  private readonly appServices = new Map<string, AppService>();

  constructor(
    fn: FunctionDeclaration,
    private readonly source: string,
    private readonly importedFrom: ReadonlyMap<string, string>,
    rootLoggerParam?: string,
    private readonly declared: ReadonlySet<string> = new Set(),
  ) {
    this.configName = fn.params[0]?.type === 'Identifier' ? fn.params[0].name : undefined;
    this.params = fn.params.flatMap(param => (param.type === 'Identifier' ? [param.name] : []));
    this.loggers = new Set(rootLoggerParam ? [rootLoggerParam] : []);
    this.template = new Set([...(this.configName ? [this.configName] : []), ...(rootLoggerParam ? [rootLoggerParam] : []), 'undefined']);
  }

  readStatement(statement: Node): void {
    this.items.push(statement);
    if (this.readDeclaration(statement, []) || this.readLoggerAlias(statement)) return;
    if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) return this.readService(statement);
    if (this.isTemplateLog(statement)) {
      this.replaced.add(statement);
      return;
    }
    if (statement.type === 'ReturnStatement' && (statement.argument?.type === 'ArrowFunctionExpression' || statement.argument?.type === 'FunctionExpression')) {
      this.replaced.add(statement);
      return this.readEnvFunction(statement.argument);
    }
    const needs = startupNeeds(statement, { configName: this.configName, loggers: this.loggers }, name => ownImport(this.importedFrom.get(name)));
    if (needs) {
      this.sideEffects.push({ node: statement, needs });
      return;
    }
    this.refused.set(statement, `set-up of the app's own in makeCreateEnv: the new backend creates the plugin services itself; move it into a service factory (createServiceFactory) or the plugins that need it`);
  }

  finish(): CreateEnvReading {
    // A service of the app's own that no env field hands on has no use: refused as before.
    for (const [name, service] of this.appServices) {
      if (!this.translated.has(service.statement)) this.refused.set(service.statement, `a service of the app's own in makeCreateEnv (${name}) that no env field hands on: the new backend creates the services itself; move it into the plugins that use it`);
    }
    const { items, replaced, refused, overrides, sideEffects, extraFields, translated, newSystemFields, identityOverride } = this;
    return { items, replaced, refused, overrides, sideEffects, extraFields, translated, newSystemFields, ...(identityOverride ? { identityOverride } : {}) };
  }

  private fromBackstage(name: string | undefined): boolean {
    return name !== undefined && TEMPLATE_PACKAGES.test(this.importedFrom.get(name) ?? '');
  }

  private lineOf(node: Node): number {
    return lineOf(this.source, node.start ?? 0);
  }

  /** The template's set-up: a Backstage factory over config and the template's names, or `<template service>.forPlugin(plugin)` / `root.child(...)`. */
  private readDeclaration(statement: Node, extra: readonly string[]): boolean {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const declarator = statement.declarations[0];
    const names = boundNames(declarator.id);
    if (!names || !declarator.init) return false;
    const root = calleeRoot(declarator.init);
    // `createLegacyAuthAdapters({ auth: undefined, ... })` of the 1.24-1.29 templates is one too.
    const made = this.fromBackstage(root) || (root !== undefined && this.template.has(root));
    const onlyTemplate = [...mentions(declarator.init)].every(name => this.template.has(name) || this.fromBackstage(name) || extra.includes(name));
    if (!made || !onlyTemplate || !templateArguments(declarator.init)) return false;
    for (const name of names) this.template.add(name);
    if (isGetRootLogger(declarator.init) && names.length === 1) this.loggers.add(names[0]);
    this.replaced.add(statement);
    return true;
  }

  /**
   * `const root = rootLogger;`: the handed-in root logger under the name the
   * template's set-up uses, which is then the root logger as well; another
   * parameter so renamed (a child logger, a logger of the app's own) is refused.
   */
  private readLoggerAlias(statement: Node): boolean {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const { id, init } = statement.declarations[0];
    if (id.type !== 'Identifier' || init?.type !== 'Identifier' || !this.params.includes(init.name) || init.name === this.configName) return false;
    if (!this.loggers.has(init.name)) {
      // Refused once, here: what is made of it is not refused again.
      this.template.add(id.name);
      this.refused.set(
        statement,
        `${init.name}, a parameter of makeCreateEnv that main() does not fill with its root logger (getRootLogger(), or createRootLogger() without options): the new backend makes each plugin's logger a child of coreServices.rootLogger; hand makeCreateEnv the root logger itself, or give the root logger its settings with a coreServices.rootLogger service factory, then run migrate again`,
      );
      return true;
    }
    this.loggers.add(id.name);
    this.template.add(id.name);
    this.replaced.add(statement);
    return true;
  }

  /** A declaration that is not the template's: a core service of the app's own making, a service an env field hands on, or refused. */
  private readService(statement: Node & { type: 'VariableDeclaration' }): void {
    const declarator = statement.declarations[0];
    const init = declarator.init;
    const root = calleeRoot(init);
    // A discovery or URL reader of the app's own making: `MyDiscovery.fromConfig(config)`, `UrlReaders.default({ ..., factories })`.
    const own = root !== undefined && (this.importedFrom.has(root) || this.declared.has(root));
    const service = declarator.id.type === 'Identifier' && init && root && own ? overriddenService(declarator.id.name, root, this.importedFrom, this.declared) : undefined;
    if (service && declarator.id.type === 'Identifier' && init) {
      this.template.add(declarator.id.name);
      const needs = init.type === 'AwaitExpression' || this.overrides.some(o => o.service === service) ? undefined : readsOnly(init, { configName: this.configName, loggers: this.loggers }, name => this.declared.has(name) || (this.importedFrom.has(name) && this.importedFrom.get(name) !== './types'));
      if (needs) this.overrides.push({ service, expression: init, needs, line: this.lineOf(statement), item: statement });
      else this.refused.set(statement, `${service === 'discovery' ? 'a discovery' : 'a URL reader'} (${root}) made with more than the config, the root logger and imports: only such a one becomes a service factory for coreServices.${service}; write that factory by hand (createServiceFactory with the deps it needs)`);
      return;
    }
    if (this.newSystemService(statement) || this.identityWithOptions(statement) || this.appService(statement) || this.sharedEventBroker(statement)) return;
    if (declarator.id.type === 'Identifier') this.template.add(declarator.id.name);
    const newSystem = root ? this.newSystemServiceOf(root) : undefined;
    this.refused.set(
      statement,
      newSystem
        ? NEW_SYSTEM_REFUSAL[newSystem]
        : root && this.isIdentityClient(root)
        ? IDENTITY_REFUSAL
        : root === 'DefaultEventBroker'
        ? EVENT_BROKER_REFUSAL
        : `a service of the app's own in makeCreateEnv${root ? ` (${root})` : ''}: the new backend creates the services itself; give plugins this one with a service factory (createServiceFactory), or move it into the plugins that use it`,
    );
  }

  /** A client of the app's own (another package's), made of the standard fields and imports: kept for the env fields that hand it on. */
  private appService(statement: Node): boolean {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const declarator = statement.declarations[0];
    const init = declarator.init;
    const root = calleeRoot(init);
    if (declarator.id.type !== 'Identifier' || !init || init.type === 'AwaitExpression' || !root || !this.importedFrom.has(root) || this.fromBackstage(root)) return false;
    if (![...mentions(init)].every(name => STANDARD_FIELDS.includes(name) || (this.importedFrom.has(name) && !this.fromBackstage(name)))) return false;
    this.appServices.set(declarator.id.name, { init, line: this.lineOf(statement), statement });
    return true;
  }

  /**
   * `const eventBroker = new DefaultEventBroker(root.child({ type: 'plugin' }))` (plugin-events-backend's, over
   * the root logger): one broker all the plugins shared, which the adapters share again through ./event-broker.
   */
  private sharedEventBroker(statement: Node): boolean {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const declarator = statement.declarations[0];
    const init = declarator.init;
    if (declarator.id.type !== 'Identifier' || init?.type !== 'NewExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'DefaultEventBroker') return false;
    if (this.importedFrom.get('DefaultEventBroker') !== '@backstage/plugin-events-backend' || init.arguments.length !== 1) return false;
    if (![...mentions(init.arguments[0])].every(name => this.loggers.has(name))) return false;
    this.appServices.set(declarator.id.name, { init, line: this.lineOf(statement), statement, shared: true });
    this.template.add(declarator.id.name);
    return true;
  }

  /** `DefaultIdentityClient` (or `IdentityClient`, its name before) of plugin-auth-node. */
  private isIdentityClient(root: string): boolean {
    return (root === 'DefaultIdentityClient' || root === 'IdentityClient') && this.importedFrom.get(root) === '@backstage/plugin-auth-node';
  }

  /**
   * `const identity = DefaultIdentityClient.create({ discovery, issuer: await discovery.getExternalBaseUrl('auth'),
   * algorithms: ['ES256', 'RS256'] })`, given options the template does not give: a coreServices.identity factory
   * with the same expression. Its options only the three of create, and its free names the discovery of
   * makeCreateEnv (the `discovery` option's value), the config and imports.
   */
  private identityWithOptions(statement: Node): boolean {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const { id, init } = statement.declarations[0];
    if (id.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || init.callee.object.type !== 'Identifier') return false;
    if (!this.isIdentityClient(init.callee.object.name) || init.callee.property.type !== 'Identifier' || init.callee.property.name !== 'create') return false;
    const options = init.arguments[0];
    if (init.arguments.length !== 1 || options?.type !== 'ObjectExpression' || this.identityOverride) return false;
    const option = (key: string) => options.properties.find(p => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === key);
    const discovery = option('discovery');
    const discoveryName = discovery?.type === 'ObjectProperty' && discovery.value.type === 'Identifier' ? discovery.value.name : undefined;
    if (!discoveryName || !this.template.has(discoveryName)) return false;
    if (!options.properties.every(p => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && IDENTITY_OPTIONS.includes(p.key.name))) return false;
    const names = [...mentions(init)];
    if (!names.every(name => name === discoveryName || name === this.configName || (this.importedFrom.has(name) && this.importedFrom.get(name) !== './types'))) return false;
    const configName = this.configName !== undefined && names.includes(this.configName) ? this.configName : undefined;
    this.identityOverride = { expression: init, discoveryName, ...(configName ? { configName } : {}), line: this.lineOf(statement) };
    // Translated: the identity module makes it.
    this.translated.add(statement);
    this.template.add(id.name);
    return true;
  }

  /** The service a Backstage class makes that the new backend provides itself: DefaultEventsService, DefaultSignalsService (DefaultSignalService before its rename). */
  private newSystemServiceOf(root: string): NewSystemService | undefined {
    const from = this.importedFrom.get(root);
    if (root === 'DefaultEventsService' && from === '@backstage/plugin-events-node') return 'events';
    if ((root === 'DefaultSignalsService' || root === 'DefaultSignalService') && from === '@backstage/plugin-signals-node') return 'signals';
    return undefined;
  }

  /**
   * `const eventsService = DefaultEventsService.create({ logger: root, config })` and `const signalsService =
   * DefaultSignalsService.create({ events: eventsService })`: what the new backend makes itself, once, as
   * makeCreateEnv made them once for every plugin; replaced by them.
   */
  private newSystemService(statement: Node): boolean {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const { id, init } = statement.declarations[0];
    if (id.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || init.callee.object.type !== 'Identifier') return false;
    const service = this.newSystemServiceOf(init.callee.object.name);
    const options = init.arguments[0];
    if (!service || init.callee.property.type !== 'Identifier' || init.callee.property.name !== 'create' || init.arguments.length !== 1 || options?.type !== 'ObjectExpression') return false;
    const given = new Map<string, string>();
    for (const property of options.properties) {
      if (property.type !== 'ObjectProperty' || property.computed || property.key.type !== 'Identifier' || property.value.type !== 'Identifier') return false;
      given.set(property.key.name, property.value.name);
    }
    const logger = given.get('logger');
    const made =
      service === 'events'
        ? logger !== undefined && this.loggers.has(logger) && [...given].every(([key, value]) => key === 'logger' || (key === 'config' && value === this.configName))
        : given.size === 1 && this.newSystemServices.get(given.get('events') ?? '')?.service === 'events';
    if (!made) return false;
    this.newSystemServices.set(id.name, { service, line: this.lineOf(statement) });
    this.template.add(id.name);
    this.replaced.add(statement);
    return true;
  }

  /** The template's one log line (`root.info(`Created UrlReader ${reader}`)`). */
  private isTemplateLog(statement: Node): boolean {
    if (statement.type !== 'ExpressionStatement') return false;
    const expression = statement.expression;
    const message = expression.type === 'CallExpression' ? expression.arguments[0] : undefined;
    const text = message?.type === 'TemplateLiteral' ? message.quasis.map(q => q.value.raw).join('${') : '';
    const root = calleeRoot(expression);
    return root !== undefined && this.template.has(root) && TEMPLATE_LOG.test(text);
  }

  /** The function makeCreateEnv returns, `(plugin) => { ...; return { logger, database, ... } }`: its statements and the env's fields. */
  private readEnvFunction(fn: Expression & { params: Node[]; body: Node }): void {
    const pluginName = fn.params[0]?.type === 'Identifier' ? fn.params[0].name : undefined;
    const extra = pluginName ? [pluginName] : [];
    if (fn.body.type === 'ObjectExpression') return this.readFields(fn.body, extra);
    if (fn.body.type !== 'BlockStatement') return;
    const returnedName = returnedVariable(fn.body.body);
    for (const statement of fn.body.body) {
      this.items.push(statement);
      if (this.readDeclaration(statement, extra) || this.appService(statement)) continue;
      // `const env = { logger, ... }; return env;`: the env held in a variable, read field by field as a returned one.
      const env = statement.type === 'ReturnStatement' && statement.argument?.type === 'ObjectExpression' ? statement.argument : envObjectOf(statement, returnedName);
      const returnsHeld = statement.type === 'ReturnStatement' && returnedName !== undefined && statement.argument?.type === 'Identifier' && statement.argument.name === returnedName;
      if (env || returnsHeld) {
        this.replaced.add(statement);
        if (env) this.readFields(env, extra);
        continue;
      }
      if (this.readPerPluginLogLine(statement, extra)) continue;
      this.refused.set(statement, `set-up of the app's own in the env makeCreateEnv returns: the new backend gives each plugin its services itself; move it into a service factory (createServiceFactory) or the plugins that need it`);
    }
  }

  /**
   * A log line in the env makeCreateEnv returns (`root.info(`Database ${config.getString('backend.database.client')}`)`):
   * through the root logger, of the config and imports, it wrote the same line on every createEnv call; it
   * runs at startup with the calls of makeCreateEnv, once, and the report says so. One through the plugin's
   * logger, or that reads the plugin's id, had a plugin to log for, which the new backend gives no hook for: refused.
   */
  private readPerPluginLogLine(statement: Node, extra: readonly string[]): boolean {
    const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    const callee = call?.type === 'CallExpression' ? call.callee : undefined;
    if (callee?.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier' || !LOG_LEVELS.includes(callee.property.name)) return false;
    const target = callee.object.name;
    if (!this.loggers.has(target) && !this.template.has(target)) return false;
    const needs = this.loggers.has(target) && !extra.some(name => mentions(statement).has(name)) ? startupNeeds(statement, { configName: this.configName, loggers: this.loggers }, name => ownImport(this.importedFrom.get(name))) : undefined;
    if (needs) {
      this.sideEffects.push({ node: statement, needs, perPlugin: true });
      return true;
    }
    this.refused.set(
      statement,
      `a log line ${this.loggers.has(target) ? 'that reads more than the config, the root logger and imports' : `through the plugin's logger (${target})`} in the env makeCreateEnv returns, written as each plugin's env was made: the new backend makes each plugin's services itself, with no hook for when it does; log it from the plugin, or through the root logger from the config alone (it then runs once at startup), then run migrate again`,
    );
    return true;
  }

  private readFields(object: ObjectExpression, extra: readonly string[]): void {
    for (const property of object.properties) {
      this.items.push(property);
      const value = property.type === 'ObjectProperty' ? property.value : undefined;
      const names = value ? [...mentions(value)] : [];
      const key = property.type === 'ObjectProperty' && property.key.type === 'Identifier' ? property.key.name : this.source.slice(property.start ?? 0, property.end ?? 0).slice(0, 40);
      // An env field of the app's own, made of the standard fields and imports: given by an adapter to the plugins that read it.
      if (value && !STANDARD_FIELDS.includes(key) && this.readExtraField(key, value as Node, property)) continue;
      // The events or signals service, which the new backend provides itself: the plugins that read it as features get the new backend's.
      const newSystem = value?.type === 'Identifier' ? this.newSystemServices.get(value.name) : undefined;
      if (newSystem) {
        this.newSystemFields.set(key, newSystem);
        // The bridged plugins' adapters add the new backend's, handed over by ./legacy-services.
        this.extraFields.set(key, { text: `(await ${LEGACY_SERVICES}()).${newSystem.service}`, names: [], line: newSystem.line, shared: 'legacy-services' });
      }
      if (value && names.every(name => this.template.has(name) || this.fromBackstage(name) || extra.includes(name))) {
        this.replaced.add(property);
        continue;
      }
      this.refused.set(property, `the env field ${key} is made by the app's own code: the new backend gives plugins core services only; give it with a service factory (createServiceFactory), or make it in the plugins that use it`);
    }
  }

  /** An env field of the app's own: a service handed on, or made in place of the standard fields and imports; the event broker shared. */
  private readExtraField(key: string, value: Node, item: Node): boolean {
    const service = value.type === 'Identifier' ? this.appServices.get(value.name) : undefined;
    if (service?.shared) {
      this.extraFields.set(key, { text: `${SHARED_EVENT_BROKER}(env.logger)`, names: [], line: service.line, shared: 'event-broker' });
    } else {
      const root = calleeRoot(value);
      const inline = !service && root !== undefined && this.importedFrom.has(root) && !this.fromBackstage(root) && [...mentions(value)].every(name => STANDARD_FIELDS.includes(name) || (this.importedFrom.has(name) && !this.fromBackstage(name)));
      if (!service && !inline) return false;
      const made = service ? service.init : value;
      this.extraFields.set(key, { text: fromEnv(made, this.source), names: [...mentions(made)].filter(name => this.importedFrom.has(name)), line: service ? service.line : this.lineOf(value) });
    }
    if (service) this.translated.add(service.statement);
    this.translated.add(item);
    return true;
  }
}

/**
 * What the account must cover in makeCreateEnv, found on its own walk: its
 * statements, the statements of the function it returns, and the fields of
 * the env that function returns.
 */
export function createEnvItems(fn: FunctionDeclaration): Node[] {
  const items: Node[] = [];
  for (const statement of fn.body.body) {
    items.push(statement);
    const returned = statement.type === 'ReturnStatement' ? statement.argument : undefined;
    if (returned?.type !== 'ArrowFunctionExpression' && returned?.type !== 'FunctionExpression') continue;
    if (returned.body.type === 'ObjectExpression') items.push(...returned.body.properties);
    if (returned.body.type !== 'BlockStatement') continue;
    const returnedName = returnedVariable(returned.body.body);
    for (const inner of returned.body.body) {
      items.push(inner);
      if (inner.type === 'ReturnStatement' && inner.argument?.type === 'ObjectExpression') items.push(...inner.argument.properties);
      items.push(...(envObjectOf(inner, returnedName)?.properties ?? []));
    }
  }
  return items;
}

/** The name of the variable a function body ends by returning (`return env;`). */
function returnedVariable(body: readonly Node[]): string | undefined {
  const last = body[body.length - 1];
  return last?.type === 'ReturnStatement' && last.argument?.type === 'Identifier' ? last.argument.name : undefined;
}

/** `const <returned> = { ... }`: the env object held in the variable the function returns. */
function envObjectOf(statement: Node, returnedName: string | undefined): ObjectExpression | undefined {
  if (!returnedName || statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return undefined;
  const declarator = statement.declarations[0];
  return declarator.id.type === 'Identifier' && declarator.id.name === returnedName && declarator.init?.type === 'ObjectExpression' ? declarator.init : undefined;
}

/** What a call run at startup reads of the legacy backend: the config, and the root loggers, by the names it uses. */
export interface StartupNeeds {
  readonly configName?: string;
  readonly loggerNames: readonly string[];
}

/**
 * A call of the app's own that needs only the config or a root logger
 * (`initTracker(config)`, `await warmUp(config)`, `logSettings(config, root)`,
 * `root.info(`Region ${config.getString('region')}`)`): an expression
 * statement whose free names are imports, the config and the root loggers,
 * and which reads one of them. What it reads, else undefined.
 */
export function startupNeeds(statement: Node, known: KnownNames, imported: (name: string) => boolean): StartupNeeds | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const call = statement.expression.type === 'AwaitExpression' ? statement.expression.argument : statement.expression;
  return call.type === 'CallExpression' ? readsOnly(statement, known, imported) : undefined;
}

/** The config and root loggers by the names code reads them by. */
export interface KnownNames {
  readonly configName?: string;
  readonly loggers: ReadonlySet<string>;
}

/** What `node` reads of the config and the root loggers, where those and imports are all its free names and it reads one of the two; else undefined. */
function readsOnly(node: Node, known: KnownNames, imported: (name: string) => boolean): StartupNeeds | undefined {
  const names = [...mentions(node)];
  const configName = known.configName !== undefined && names.includes(known.configName) ? known.configName : undefined;
  const loggerNames = names.filter(name => known.loggers.has(name));
  if (!configName && loggerNames.length === 0) return undefined;
  return names.every(name => name === configName || loggerNames.includes(name) || imported(name)) ? { configName, loggerNames } : undefined;
}

/** An import of the app's own or a library's: not one of the legacy system's (backend-common, ./types). */
export function ownImport(from: string | undefined): boolean {
  return from !== undefined && from !== '@backstage/backend-common' && from !== './types';
}
