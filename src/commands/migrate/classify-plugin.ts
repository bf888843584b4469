/**
 * What becomes of one legacy plugin module (`src/plugins/<x>.ts`) in the
 * new backend system: the plugin package's feature (its module only passes
 * environment fields, or only uses the template's own vocabulary), plus the
 * modules the official migration guide names for the template's
 * customisations; or the `legacyPlugin` bridge, keeping the module, for
 * anything else.
 */
import type { File, Node } from '@babel/types';
import { walk } from '../../../transforms/lib/ast';
import { packageOfSpecifier } from '../../../transforms/lib/package-names';
import { lineOf } from '../../../transforms/lib/text';
import { exportedFunction } from './plugin-function';

export type TemplateCustomisation = 'scaffolder-entity-model' | 'search-catalog-collator' | 'search-techdocs-collator' | 'search-pg-engine' | 'allow-all-policy';

export interface ModuleReading {
  /** The package whose router or builder the module wraps. */
  readonly packageName?: string;
  /** Whether it only passes environment fields or uses the template's vocabulary: a feature can replace it. */
  readonly stock: boolean;
  /** Why it is not stock, naming the first thing that is custom (for the report). */
  readonly custom?: string;
  /** The template customisations found, each mapped to a module. */
  readonly customisations: readonly TemplateCustomisation[];
  /** Auth providers created with `providers.<name>.create(...)`. */
  readonly authProviders: readonly string[];
  /**
   * The auth backend's createRouter without `disableDefaultProviderFactories:
   * true`: the legacy router serves every built-in provider app-config
   * configures (defaultAuthProviderFactories, merged under the module's own),
   * where the new auth plugin serves only providers whose modules are added.
   */
  readonly defaultAuthProviders?: boolean;
  /** `env.<field>` reads, by field, with the line of the first. */
  readonly envFields: ReadonlyMap<string, number>;
}

/** The modules that replace the template's customisations (the migration guide's table). */
export const CUSTOMISATION_MODULES: Readonly<Record<TemplateCustomisation, string>> = {
  'scaffolder-entity-model': '@backstage/plugin-catalog-backend-module-scaffolder-entity-model',
  'search-catalog-collator': '@backstage/plugin-search-backend-module-catalog',
  'search-techdocs-collator': '@backstage/plugin-search-backend-module-techdocs',
  'search-pg-engine': '@backstage/plugin-search-backend-module-pg',
  'allow-all-policy': '@backstage/plugin-permission-backend-module-allow-all-policy',
};

/**
 * Names each template module may use besides `env` and createRouter: what
 * create-app's `src/plugins/*.ts` files call. A module that calls anything
 * else has custom code and is bridged.
 */
const TEMPLATE_VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  '@backstage/plugin-catalog-backend': ['CatalogBuilder', 'create', 'addProcessor', 'ScaffolderEntitiesProcessor', 'build', 'start'],
  '@backstage/plugin-scaffolder-backend': ['CatalogClient'],
  '@backstage/plugin-techdocs-backend': ['Preparers', 'Generators', 'Publisher', 'fromConfig', 'getReadiness', 'Docker', 'DockerContainerRunner'],
  '@backstage/plugin-search-backend': [
    'IndexBuilder', 'LunrSearchEngine', 'PgSearchEngine', 'supported', 'fromConfig', 'addCollator', 'createScheduledTaskRunner',
    'DefaultCatalogCollatorFactory', 'DefaultTechDocsCollatorFactory', 'build', 'start', 'stop', 'useHotCleanup',
    'getSearchEngine', 'getDocumentTypes',
  ],
  '@backstage/plugin-permission-backend': ['TestPermissionPolicy', 'AllowAllPermissionPolicy'],
  '@backstage/plugin-proxy-backend': [],
  '@backstage/plugin-app-backend': [],
  '@backstage/plugin-kubernetes-backend': ['KubernetesBuilder', 'createBuilder', 'build', 'CatalogClient'],
};

/** `create` and `resolvers.<built-in>()` of `providers.<name>` only: any other sign-in code is custom. */
const AUTH_VOCABULARY = ['create', 'defaultAuthProviderFactories'];

interface CallSite {
  readonly name: string;
  readonly line: number;
  readonly node: Node;
}

/** Reads a plugin module: which package it wraps, whether it is stock, and what template customisations it has. */
export function readPluginModule(ast: File, source: string, exportName?: string): ModuleReading {
  const imports = new Map<string, string>();
  for (const statement of ast.program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) imports.set(specifier.local.name, statement.source.value);
  }
  const envFields = new Map<string, number>();
  const customisations = new Set<TemplateCustomisation>();
  const authProviders: string[] = [];
  const fn = exportedFunction(ast, exportName);
  const notStock = (custom: string, packageName?: string): ModuleReading => ({
    packageName,
    stock: false,
    custom,
    customisations: [...customisations],
    authProviders,
    envFields,
  });
  if (!fn) return notStock(exportName ? `no createPlugin function exported as ${exportName}` : 'no default-exported createPlugin function');
  const envName = fn.param;

  // The package: the one createRouter (or the template's builder) comes from.
  const routerSource = imports.get('createRouter');
  const builderSource = ['CatalogBuilder', 'IndexBuilder', 'KubernetesBuilder'].map(name => imports.get(name)).find(Boolean);
  const packageName = packageOfSpecifier(routerSource ?? builderSource ?? '') ?? undefined;

  const calls: CallSite[] = [];
  walk(fn.body, node => {
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === envName && node.property.type === 'Identifier') {
      if (!envFields.has(node.property.name)) envFields.set(node.property.name, lineOf(source, node.start ?? 0));
    }
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = node.callee;
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
            ? callee.property.name
            : '(expression)';
      calls.push({ name, line: lineOf(source, node.start ?? 0), node });
    }
    return undefined;
  });
  for (const name of fn.destructured ?? []) if (!envFields.has(name)) envFields.set(name, 0);

  if (!packageName) return notStock('it imports neither createRouter nor a template builder from a plugin package');
  const vocabulary = new Set(['createRouter', ...(TEMPLATE_VOCABULARY[packageName] ?? [])]);
  const isAuth = packageName === '@backstage/plugin-auth-backend';
  for (const call of calls) {
    if (vocabulary.has(call.name)) continue;
    if (isAuth && authCallIsTemplate(call, imports)) continue;
    return notStock(`line ${call.line} calls ${call.name}()`, packageName);
  }
  if (isAuth) {
    // Each providers.<name>.create({ ... }) with nothing but built-in resolvers.
    for (const call of calls) {
      const provider = providerOf(call.node);
      if (!provider) continue;
      if (call.name === 'create') {
        if (containsFunction(call.node)) return notStock(`line ${call.line}: the ${provider} provider has a sign-in resolver of its own`, packageName);
        authProviders.push(provider);
      }
    }
    for (const call of calls) if (call.name === 'createRouter' && containsFunction(call.node)) return notStock(`line ${call.line}: createRouter is given code`, packageName);
  }
  for (const call of calls) {
    if (call.name === 'ScaffolderEntitiesProcessor') customisations.add('scaffolder-entity-model');
    if (call.name === 'fromConfig' && memberObject(call.node) === 'DefaultCatalogCollatorFactory') customisations.add('search-catalog-collator');
    if (call.name === 'fromConfig' && memberObject(call.node) === 'DefaultTechDocsCollatorFactory') customisations.add('search-techdocs-collator');
    if (call.name === 'supported' && memberObject(call.node) === 'PgSearchEngine') customisations.add('search-pg-engine');
    if (call.name === 'TestPermissionPolicy' || call.name === 'AllowAllPermissionPolicy') {
      if (call.name === 'TestPermissionPolicy' && !allowsAll(ast, 'TestPermissionPolicy')) return notStock(`line ${call.line}: TestPermissionPolicy decides more than ALLOW`, packageName);
      customisations.add('allow-all-policy');
    }
  }
  // createRouter's options: environment fields, literals and the template's own values only.
  for (const call of calls) {
    if (call.name !== 'createRouter') continue;
    const options = (call.node as { arguments?: Node[] }).arguments?.[0];
    if (options && options.type === 'ObjectExpression') {
      for (const property of options.properties) {
        if (property.type === 'SpreadElement') {
          if (!(property.argument.type === 'Identifier' && property.argument.name === envName)) return notStock(`line ${call.line}: createRouter gets a spread of something other than the environment`, packageName);
          continue;
        }
        if (property.type !== 'ObjectProperty') return notStock(`line ${call.line}: createRouter gets a method`, packageName);
        const key = property.key.type === 'Identifier' ? property.key.name : undefined;
        if (key === 'appPackageName' && !(property.value.type === 'StringLiteral' && property.value.value === 'app')) {
          return notStock(`line ${call.line}: appPackageName is not 'app' (set app.packageName in app-config instead)`, packageName);
        }
      }
    }
  }
  const defaultAuthProviders = isAuth && !calls.some(call => call.name === 'createRouter' && disablesDefaultProviders(call.node));
  return { packageName, stock: true, customisations: [...customisations], authProviders, envFields, ...(isAuth ? { defaultAuthProviders } : {}) };
}

/** `createRouter({ ..., disableDefaultProviderFactories: true })`. */
function disablesDefaultProviders(call: Node): boolean {
  const options = (call as { arguments?: Node[] }).arguments?.[0];
  if (options?.type !== 'ObjectExpression') return false;
  return options.properties.some(
    p => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'disableDefaultProviderFactories' && p.value.type === 'BooleanLiteral' && p.value.value,
  );
}

function memberObject(node: Node): string | undefined {
  const callee = (node as { callee?: Node }).callee;
  if (callee?.type === 'MemberExpression' && callee.object.type === 'Identifier') return callee.object.name;
  return undefined;
}

/** `providers.github.create(...)` or `providers.github.resolvers.x()`: `github`. */
function providerOf(node: Node): string | undefined {
  let callee = (node as { callee?: Node }).callee;
  const chain: string[] = [];
  while (callee?.type === 'MemberExpression') {
    if (callee.property.type === 'Identifier') chain.unshift(callee.property.name);
    callee = callee.object;
  }
  if (callee?.type === 'Identifier' && callee.name === 'providers') return chain[0];
  return undefined;
}

function authCallIsTemplate(call: CallSite, imports: ReadonlyMap<string, string>): boolean {
  if (AUTH_VOCABULARY.includes(call.name) && providerOf(call.node)) return true;
  // providers.<name>.resolvers.<builtIn>()
  const callee = (call.node as { callee?: Node }).callee;
  if (callee?.type === 'MemberExpression' && callee.object.type === 'MemberExpression' && callee.object.property.type === 'Identifier') {
    return callee.object.property.name === 'resolvers' && providerOf(call.node) !== undefined && imports.get('providers') === '@backstage/plugin-auth-backend';
  }
  return false;
}

function containsFunction(node: Node): boolean {
  let found = false;
  walk(node, inner => {
    if (inner.type === 'ArrowFunctionExpression' || inner.type === 'FunctionExpression' || inner.type === 'ObjectMethod') found = true;
    return found ? false : undefined;
  });
  return found;
}

/** Whether the module's class `name` only ever answers `{ result: AuthorizeResult.ALLOW }`. */
function allowsAll(ast: File, name: string): boolean {
  const declaration = ast.program.body.find(s => s.type === 'ClassDeclaration' && s.id?.name === name);
  if (!declaration || declaration.type !== 'ClassDeclaration') return false;
  const returns: Node[] = [];
  walk(declaration.body, node => {
    if (node.type === 'ReturnStatement' && node.argument) returns.push(node.argument);
    return undefined;
  });
  return (
    returns.length > 0 &&
    returns.every(
      value =>
        value.type === 'ObjectExpression' &&
        value.properties.length === 1 &&
        value.properties[0].type === 'ObjectProperty' &&
        value.properties[0].value.type === 'MemberExpression' &&
        value.properties[0].value.property.type === 'Identifier' &&
        value.properties[0].value.property.name === 'ALLOW',
    )
  );
}
