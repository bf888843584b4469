/**
 * `src/plugins/<id>.ts` for a legacy-only plugin (one that exports only
 * `createRouter`) in a new-system backend on a release where the
 * `legacyPlugin` bridge of `@backstage/backend-common` is gone or fails: a
 * backend plugin of its own, made with `createBackendPlugin`, whose init
 * depends on the core service behind each router option and mounts
 * `createRouter(...)` with `httpRouter.use`, as the bridge did (no auth
 * policy: the routes ask for credentials, as under the bridge).
 *
 * Printed directly in the repo's prettier style (the same options as the
 * legacy module's printer); a spec checks it against prettier itself.
 */
import { stringLiteral } from '../lib/code-style';
import { WireError } from '../lib/errors';

/** The package the generated new-system modules import `coreServices` and their factory from. */
export const PLUGIN_API = '@backstage/backend-plugin-api';
import type { ModuleFormat } from './plugin-module';
import { wrapComment } from './plugin-shell';

/** The core service that provides each router option the legacy environment had (or the new system names so). */
export const CORE_SERVICE_OF_OPTION: Readonly<Record<string, string>> = {
  logger: 'logger',
  config: 'rootConfig',
  database: 'database',
  discovery: 'discovery',
  reader: 'urlReader',
  urlReader: 'urlReader',
  scheduler: 'scheduler',
  permissions: 'permissions',
  permissionsRegistry: 'permissionsRegistry',
  auth: 'auth',
  httpAuth: 'httpAuth',
  userInfo: 'userInfo',
  cache: 'cache',
  lifecycle: 'lifecycle',
  auditor: 'auditor',
};

/**
 * Option types of the legacy era that the core service does not satisfy as
 * it is: winston's `Logger` takes the `LoggerService` through a cast (it has
 * winston's info, warn, error, debug and child); the legacy cache manager
 * (`getClient()`) and the like have no such stand-in.
 */
export const LEGACY_OPTION_TYPES: Readonly<Record<string, { readonly adapt: 'cast' | 'refuse'; readonly why: string }>> = {
  Logger: { adapt: 'cast', why: "the plugin's winston Logger is given the LoggerService, which has info, warn, error, debug and child (not winston's other methods)" },
  PluginCacheManager: { adapt: 'refuse', why: 'a legacy PluginCacheManager (getClient()); the cache service has get, set and delete instead' },
  CacheManager: { adapt: 'refuse', why: 'a legacy CacheManager; the cache service has get, set and delete instead' },
};

export interface WrapperOption {
  /** The router option's name. */
  readonly name: string;
  /** The core service it comes from (`logger`, `rootConfig`, ...). */
  readonly service: string;
  /** Pass the service through a cast to the option's own type (winston's Logger). */
  readonly cast?: boolean;
}

export interface PluginWrapper {
  readonly pluginId: string;
  readonly packageName: string;
  readonly options: readonly WrapperOption[];
  /** One line each, for the module comment: what was adapted and why. */
  readonly adapted: readonly string[];
}

/** A router option as the plugin's types declare it. */
export interface DeclaredOption {
  readonly name: string;
  readonly optional: boolean;
  /** The name of the type it is declared with, when a type reference. */
  readonly type?: string;
  /** Where it is declared, for messages (`plugins/x/src/service/router.ts:7`). */
  readonly where?: string;
}

/**
 * The wrapper of a legacy-only plugin from its router options: a core
 * service for each; winston's Logger through a cast. A required option no
 * core service covers is refused by its line; an optional one is left out
 * with a warning. Unknown options (undefined): logger only, with a warning.
 */
export function planPluginWrapper(
  pluginId: string,
  packageName: string,
  declared: readonly DeclaredOption[] | undefined,
  moduleDisplay: string,
): { wrapper: PluginWrapper; warnings: string[] } {
  const warnings: string[] = [];
  if (!declared) warnings.push(`${moduleDisplay}: could not read the options of ${packageName}'s createRouter; passed logger only, check the file`);
  const options: WrapperOption[] = [];
  const adapted: string[] = [];
  for (const option of declared ?? [{ name: 'logger', optional: false, type: 'Logger' }]) {
    const service = CORE_SERVICE_OF_OPTION[option.name];
    const legacyType = option.type ? LEGACY_OPTION_TYPES[option.type] : undefined;
    const where = option.where ?? `${packageName}'s RouterOptions`;
    if (!service || legacyType?.adapt === 'refuse') {
      const why = service ? `its type is ${legacyType?.why}` : 'no core service of the new backend system provides it';
      if (option.optional) {
        warnings.push(`${where}: ${option.name} (optional) is left out of ${moduleDisplay}: ${why}`);
        continue;
      }
      throw new WireError(
        `${where}: createRouter of ${packageName} needs ${option.name}, and ${why}: a new-system wrapper cannot be generated; give the plugin a backend feature of its own (createBackendPlugin) and wire that`,
      );
    }
    const cast = legacyType?.adapt === 'cast';
    if (cast) adapted.push(`${option.name}: ${legacyType.why}`);
    options.push({ name: option.name, service, cast });
  }
  return { wrapper: { pluginId, packageName, options, adapted }, warnings };
}

export function printPluginWrapper(wrapper: PluginWrapper, format: ModuleFormat): string {
  const q = format.singleQuote ? "'" : '"';
  const semi = format.semi ? ';' : '';
  const unit = format.useTabs ? '\t' : ' '.repeat(format.tabWidth);
  const at = (depth: number): string => unit.repeat(depth);
  const width = (text: string): number => text.replace(/\t/g, ' '.repeat(format.tabWidth)).length;
  const comma = format.trailingComma === 'none' ? '' : ',';
  // Function arguments and parameters take a trailing comma only with `all`.
  const argumentComma = format.trailingComma === 'all' ? ',' : '';
  const braces = (inner: string): string => (format.bracketSpacing ? `{ ${inner} }` : `{${inner}}`);
  const str = (value: string): string => stringLiteral(value, q);

  const deps = [{ name: 'httpRouter', service: 'httpRouter' }, ...wrapper.options.filter(option => option.name !== 'httpRouter')];
  const names = deps.map(dep => dep.name);
  const lines: string[] = [
    '/*',
    ...wrapComment(
      `${wrapper.pluginId}: ${wrapper.packageName} exports only a legacy createRouter. This backend plugin, written by wire-plugin, mounts it in the new backend system, each router option from the core service that provides it.`,
      78,
    ),
    ...wrapper.adapted.flatMap(line => wrapComment(`Adapted: ${line}`, 78)),
    ' */',
  ];

  const pluginApiImport = `import ${braces('coreServices, createBackendPlugin')} from ${str('@backstage/backend-plugin-api')}${semi}`;
  if (width(pluginApiImport) <= format.printWidth) lines.push(pluginApiImport);
  else lines.push('import {', `${unit}coreServices,`, `${unit}createBackendPlugin${comma}`, `} from ${str('@backstage/backend-plugin-api')}${semi}`);
  // Prettier keeps an import of a single name on one line, however long.
  lines.push(`import ${braces('createRouter')} from ${str(wrapper.packageName)}${semi}`);
  const casts = wrapper.options.some(option => option.cast);
  if (casts) lines.push('', `type RouterOptions = Parameters<typeof createRouter>[0]${semi}`);

  lines.push('', 'export default createBackendPlugin({', `${at(1)}pluginId: ${str(wrapper.pluginId)},`, `${at(1)}register(env) {`, `${at(2)}env.registerInit({`);
  lines.push(`${at(3)}deps: {`, ...deps.map((dep, i) => `${at(4)}${dep.name}: coreServices.${dep.service}${i < deps.length - 1 ? ',' : comma}`), `${at(3)}},`);
  const init = `${at(3)}async init(${braces(names.join(', '))}) {`;
  if (width(init) <= format.printWidth) lines.push(init);
  else lines.push(`${at(3)}async init({`, ...names.map((name, i) => `${at(4)}${name}${i < names.length - 1 ? ',' : comma}`), `${at(3)}}) {`);

  const options = wrapper.options.flatMap((option, i) => {
    const end = i < wrapper.options.length - 1 ? ',' : comma;
    if (!option.cast) return [`${at(6)}${option.name}${end}`];
    const value = `${option.name} as unknown as RouterOptions[${str(option.name)}]${end}`;
    const line = `${at(6)}${option.name}: ${value}`;
    // Too long for the line: prettier moves the value under its key, where that makes it fit.
    const broken = `${at(7)}${value}`;
    return width(line) <= format.printWidth || width(broken) > format.printWidth ? [line] : [`${at(6)}${option.name}:`, broken];
  });
  if (options.length === 0) {
    lines.push(`${at(4)}httpRouter.use(await createRouter({}))${semi}`);
  } else {
    lines.push(`${at(4)}httpRouter.use(`, `${at(5)}await createRouter({`, ...options, `${at(5)}})${argumentComma}`, `${at(4)})${semi}`);
  }
  lines.push(`${at(3)}}${comma}`, `${at(2)}})${semi}`, `${at(1)}}${comma}`, `})${semi}`);
  return lines.join(format.endOfLine) + format.endOfLine;
}
