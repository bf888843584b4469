/**
 * A plugin module the service builder mounted outside /api, planned as a
 * generated plugin under its createEnv id on the root router.
 */
import * as path from 'path';
import type { ImportDeclaration } from '@babel/types';
import type { GeneratedStyle } from '../../../transforms/generate/plugin-shell';
import { ENVIRONMENT_SERVICES, printRootPluginModule, rootPluginModuleName, rootPluginRouterName } from '../../../transforms/generate/root-plugin';
import { stringLiteral } from '../../../transforms/lib/code-style';
import type { LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import { readEnvironmentUse } from './environment-use';
import { Context, moduleFile, parsedModule, reprintImport, routerFactory } from './context';
import type { PluginMount } from './legacy-statements';
import type { MigratedPlugin } from './report';

export type RootPluginPlan =
  | { refusal: string }
  | {
      pluginId: string;
      modulePath: string;
      specifier: string;
      text: string;
      adapters: boolean;
      /** For a mount at '': the router the root HTTP router's configure mounts. */
      handler?: { text: string; importLine: string; line: number; afterApi: boolean };
    };

/**
 * A plugin module the service builder mounted outside /api: a generated
 * plugin under its createEnv id that builds the fields the module reads and
 * serves its router at the same path; refused by line where the module hands
 * its whole environment on, reads a field legacyPlugin does not make, or
 * needs backend-common's adapters on a release without it.
 */
export function planRootPlugin(context: Context, index: LegacyIndex, mount: PluginMount, plugins: readonly MigratedPlugin[], style: GeneratedStyle): RootPluginPlan {
  const { files } = context;
  const where = mount.runOnly ? 'startup' : mount.rootPath ? mount.rootPath : "''";
  const mounted = mount.runOnly ? `await ${mount.alias}(...)` : `.addRouter(${mount.rootPath ? `'${mount.rootPath}'` : "''"}, await ${mount.alias}(...))`;
  // At the module's own line where the reason is there, naming the index.ts line that mounts it.
  const refuse = (why: string, at?: string): { refusal: string } => ({
    refusal: at ? `${at}: ${mount.alias} (mounted by ${files.indexDisplay}:${mount.line}, ${mounted}): ${why}` : `${files.indexDisplay}:${mount.line}: ${mounted}: ${why}`,
  });
  if (mount.call) return refuse(`called with more than its env, which a plugin at ${where} cannot be given: make the plugin take its env alone, or serve ${where} from a backend plugin by hand`);
  const pluginId = mount.envId ?? mount.alias;
  if (!/^[a-z0-9_-]+$/i.test(pluginId)) return refuse(`its createEnv id ${pluginId} is not a plugin id the new backend takes: serve ${where} from a backend plugin by hand`);
  if (plugins.some(p => p.id === pluginId)) return refuse(`its createEnv id ${pluginId} is also a plugin on the api router, and two plugins cannot share an id: serve ${where} from a module of that plugin by hand`);
  const name = rootPluginModuleName(pluginId, mount.runOnly);
  const environment = readModuleEnvironment(context, index, mount, name, { otherwise: `serve ${where} from a backend plugin by hand`, runs: `a plugin at ${where} is run from them by migrate` }, refuse);
  if ('refusal' in environment) return environment;
  const { fields, adapters, generatedPath, moduleDir, importLine } = environment;
  let router: { importLine: string; call: string } | undefined;
  if (mount.rootPath === '' && !mount.runOnly) {
    const factory = routerFactory(index);
    if (!factory || factory.call === mount.alias) return refuse("the root router refuses an empty path, and the router that stands in for it is made as the api router was (an imported Router()), which this index.ts does not have: serve '' from rootHttpRouterServiceFactory by hand");
    router = { importLine: reprintImport(files, factory.declaration, [factory.call], moduleDir, index.style.quote, index.style.semicolons), call: factory.call };
  }
  const text = printRootPluginModule({ pluginId, name: mount.alias, importLine, path: mount.rootPath ?? '', fields, router, line: mount.line, run: mount.runOnly }, style);
  const q = index.style.quote;
  return {
    pluginId,
    modulePath: generatedPath,
    specifier: `./modules/${name}`,
    text,
    adapters,
    handler: router
      ? { text: rootPluginRouterName(mount.alias), importLine: `import { ${rootPluginRouterName(mount.alias)} } from ${stringLiteral(`./${name}`, q)}${index.style.semicolons ? ';' : ''}`, line: mount.line, afterApi: mount.afterApi ?? false }
      : undefined,
  };
}

/** The env fields a plugin module reads (each made from a core service), its import reprinted for the generated module, and where that goes. */
export interface ModuleEnvironment {
  readonly fields: readonly string[];
  /** Whether a field goes through backend-common's adapters (logger, cache). */
  readonly adapters: boolean;
  readonly generatedPath: string;
  readonly moduleDir: string;
  readonly importLine: string;
}

/**
 * Reads which env fields a plugin module uses, for a generated module
 * `src/modules/<name>.ts` that makes them from core services as legacyPlugin
 * does; refused (saying what to do by hand) where the module
 * hands its whole env on, reads a field no core service makes, needs the
 * adapters on a release without backend-common, or the file is taken.
 */
export function readModuleEnvironment(
  context: Context,
  index: LegacyIndex,
  mount: PluginMount,
  name: string,
  say: { readonly otherwise: string; readonly runs: string },
  refuse: (why: string, at?: string) => { refusal: string },
): ModuleEnvironment | { refusal: string } {
  const { files } = context;
  const { otherwise, runs } = say;
  const modulePath = moduleFile(files, mount.module);
  if (!modulePath) return refuse(`${mount.module} is not a module of the backend that wire-plugin can read, so the environment it needs is unknown: ${otherwise}`);
  const moduleDisplay = files.tree.display(modulePath);
  const { source, ast } = parsedModule(files, modulePath);
  const use = readEnvironmentUse(ast, source, mount.exportName);
  if (use.missing) return refuse(`${moduleDisplay} has ${use.missing}: ${otherwise}`);
  if (use.wholeAt !== undefined) {
    return refuse(`hands its whole environment on here, so which services it needs is unknown, and ${runs}: read the fields it needs (env.logger, env.config, ...), or ${otherwise}`, `${moduleDisplay}:${use.wholeAt}`);
  }
  const fields = [...use.fields.keys()].sort();
  const unknown = fields.find(field => !ENVIRONMENT_SERVICES[field]);
  if (unknown) return refuse(`reads env.${unknown}, which no core service makes as legacyPlugin does: ${otherwise}`, `${moduleDisplay}:${use.fields.get(unknown) || 1}`);
  const adapters = fields.some(field => ENVIRONMENT_SERVICES[field].adapter);
  if (adapters && !context.bridge.works) {
    return refuse(`its module reads env.logger or env.cache, which go through @backstage/backend-common's adapters, and that package is gone on this release (${context.bridge.decidedBy}): ${otherwise}`);
  }
  const generatedPath = path.join(files.backendDir, 'src', 'modules', `${name}.ts`);
  if (files.tree.read(generatedPath) !== undefined) return refuse(`${files.tree.display(generatedPath)} exists already: move or remove it, then run migrate again`);
  const moduleDir = path.dirname(generatedPath);
  const declaration = index.imports.find(d => d.specifiers.some(s => s.local.name === mount.alias));
  if (!declaration) return refuse(`${mount.alias} is not imported: ${otherwise}`);
  const importLine = reprintImport(files, declaration as ImportDeclaration, [mount.alias], moduleDir, index.style.quote, index.style.semicolons);
  return { fields, adapters, generatedPath, moduleDir, importLine };
}
