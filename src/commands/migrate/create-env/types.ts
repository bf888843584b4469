/**
 * What reading the legacy makeCreateEnv yields (./index.ts reads it): each
 * statement's and env field's fate, and the services and fields of the
 * app's own that a generated module or an adapter takes over.
 */
import type { Node } from '@babel/types';

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

/** What a call run at startup reads of the legacy backend: the config, and the root loggers, by the names it uses. */
export interface StartupNeeds {
  readonly configName?: string;
  readonly loggerNames: readonly string[];
}

/** The config and root loggers by the names code reads them by. */
export interface KnownNames {
  readonly configName?: string;
  readonly loggers: ReadonlySet<string>;
}
