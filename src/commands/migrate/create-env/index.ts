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
import { mentions } from '../../../../transforms/lib/ast';
import { LEGACY_SERVICES } from '../../../../transforms/generate/legacy-services';
import { appService, AppService, fromBackstage, identityWithOptions, newSystemService, serviceRefusal, ServiceContext, sharedEventBroker } from './services';
import { boundNames, calleeRoot, envObjectOf, isGetRootLogger, LOG_LEVELS, overriddenService, ownImport, readsOnly, returnedVariable, STANDARD_FIELDS, startupNeeds, TEMPLATE_LOG, templateArguments } from './shapes';
import { lineOf } from '../../../../transforms/lib/text';
import { CreateEnvReading, ExtraEnvField, IdentityOverride, NewSystemField, ServiceOverride, StartupNeeds } from './types';
import { appField, FieldContext, FieldReading, templateField } from './extra-fields';

export * from './types';
export { createEnvItems, ownImport, startupNeeds } from './shapes';

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
  /** What each service of the template's set-up in makeCreateEnv's own body is made of, by name. */
  private readonly templateInits = new Map<string, Node>();
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
    return fromBackstage(name, this.importedFrom);
  }

  /** What the service recognisers (./services.ts) read of the reader. */
  private get context(): ServiceContext {
    return { source: this.source, importedFrom: this.importedFrom, configName: this.configName, loggers: this.loggers, template: this.template, newSystemServices: this.newSystemServices };
  }

  /** A service of the app's own that the new backend or an adapter takes over (./services.ts), recorded; whether it was one. */
  private readOwnService(statement: Node): boolean {
    const context = this.context;
    const newSystem = newSystemService(statement, context);
    if (newSystem) {
      this.newSystemServices.set(newSystem.name, newSystem.field);
      this.template.add(newSystem.name);
      this.replaced.add(statement);
      return true;
    }
    const identity = this.identityOverride ? undefined : identityWithOptions(statement, context);
    if (identity) {
      this.identityOverride = identity.identity;
      // Translated: the identity module makes it.
      this.translated.add(statement);
      this.template.add(identity.name);
      return true;
    }
    const own = appService(statement, context);
    if (own) {
      this.appServices.set(own.name, own.service);
      return true;
    }
    const broker = sharedEventBroker(statement, context);
    if (broker) {
      this.appServices.set(broker.name, broker.service);
      this.template.add(broker.name);
      return true;
    }
    return false;
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
    if (extra.length === 0 && declarator.id.type === 'Identifier') this.templateInits.set(declarator.id.name, declarator.init);
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
    if (this.readOwnService(statement)) return;
    if (declarator.id.type === 'Identifier') this.template.add(declarator.id.name);
    this.refused.set(statement, serviceRefusal(root, this.importedFrom));
  }

  /** A client of the app's own in the env function's statements, recorded; whether it was one. */
  private readAppService(statement: Node): boolean {
    const own = appService(statement, this.context);
    if (own) this.appServices.set(own.name, own.service);
    return own !== undefined;
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
      if (this.readDeclaration(statement, extra) || this.readAppService(statement)) continue;
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
      if (value && !STANDARD_FIELDS.includes(key) && this.record(key, property, appField(this.fieldContext, value as Node))) continue;
      // A service of the template's set-up handed on under a field legacyPlugin's env lacks (the root `databaseManager`).
      if (value?.type === 'Identifier' && !STANDARD_FIELDS.includes(key) && this.record(key, property, templateField(this.fieldContext, value.name))) continue;
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

  /** An env field legacyPlugin's env lacks, which the adapters add (./extra-fields): recorded; whether there was one. */
  private record(key: string, item: Node, found: FieldReading | undefined): boolean {
    if (!found) return false;
    this.extraFields.set(key, found.field);
    for (const node of found.translated) this.translated.add(node);
    this.translated.add(item);
    return true;
  }

  private get fieldContext(): FieldContext {
    return { source: this.source, importedFrom: this.importedFrom, configName: this.configName, loggers: this.loggers, templateInits: this.templateInits, newSystemServices: this.newSystemServices, appServices: this.appServices };
  }
}
