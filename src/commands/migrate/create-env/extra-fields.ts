/**
 * Env fields makeCreateEnv returns that legacyPlugin's env lacks, which the
 * bridged plugins' adapters add, made the same way: a client of the app's
 * own (`new CatalogClient({ discoveryApi: discovery })`), the event broker
 * every plugin shared, or a service of the template's set-up under a field of
 * its own (the root `databaseManager`).
 */
import type { Node } from '@babel/types';
import { mentions } from '../../../../transforms/lib/ast';
import { lineOf } from '../../../../transforms/lib/text';
import { AppService, fromBackstage } from './services';
import { calleeRoot, fromEnv, STANDARD_FIELDS } from './shapes';
import { ExtraEnvField, NewSystemField, SHARED_EVENT_BROKER } from './types';

/** What the reader knows that these read. */
export interface FieldContext {
  readonly source: string;
  readonly importedFrom: ReadonlyMap<string, string>;
  readonly configName: string | undefined;
  readonly loggers: ReadonlySet<string>;
  /** What each service of the template's set-up in makeCreateEnv's own body is made of, by name. */
  readonly templateInits: ReadonlyMap<string, Node>;
  readonly newSystemServices: ReadonlyMap<string, NewSystemField>;
  readonly appServices: ReadonlyMap<string, AppService>;
}

/** The field, and the statements of makeCreateEnv it takes over (a service declared there). */
export interface FieldReading {
  readonly field: ExtraEnvField;
  readonly translated: readonly Node[];
}

/**
 * A service the template's set-up makes (`DatabaseManager.fromConfig(config, { logger: root })`)
 * handed on under a field that legacyPlugin's env lacks: the bridged plugins' adapters make it
 * the same way, of the config and the plugin's logger, where it is made of those and imports.
 */
export function templateField(context: FieldContext, name: string): FieldReading | undefined {
  const init = context.templateInits.get(name);
  if (!init || context.newSystemServices.has(name)) return undefined;
  const renames = new Map<string, string>([...(context.configName ? [[context.configName, 'env.config'] as const] : []), ...[...context.loggers].map(logger => [logger, 'env.logger'] as const)]);
  const names = [...mentions(init)];
  if (!names.every(n => renames.has(n) || (context.importedFrom.has(n) && context.importedFrom.get(n) !== './types'))) return undefined;
  return { field: { text: fromEnv(init, context.source, renames), names: names.filter(n => context.importedFrom.has(n)), line: lineOf(context.source, init.start ?? 0) }, translated: [] };
}

/** An env field of the app's own: a service handed on, or made in place of the standard fields and imports; the event broker shared. */
export function appField(context: FieldContext, value: Node): FieldReading | undefined {
  const { importedFrom, source } = context;
  const service = value.type === 'Identifier' ? context.appServices.get(value.name) : undefined;
  if (service?.shared) return { field: { text: `${SHARED_EVENT_BROKER}(env.logger)`, names: [], line: service.line, shared: 'event-broker' }, translated: [service.statement] };
  const root = calleeRoot(value);
  const own = (name: string): boolean => importedFrom.has(name) && !fromBackstage(name, importedFrom);
  const inline = !service && root !== undefined && own(root) && [...mentions(value)].every(name => STANDARD_FIELDS.includes(name) || own(name));
  if (!service && !inline) return undefined;
  const made = service ? service.init : value;
  const field = { text: fromEnv(made, source), names: [...mentions(made)].filter(name => importedFrom.has(name)), line: service ? service.line : lineOf(source, value.start ?? 0) };
  return { field, translated: service ? [service.statement] : [] };
}
