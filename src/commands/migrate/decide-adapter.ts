/**
 * Adapters: a bridged plugin called with more than its env, or whose env had
 * fields of the app's own, runs through a module of src/modules/ that makes
 * those from the env legacyPlugin gives it.
 */
import * as path from 'path';
import type { ExtraEnvField } from './create-env';
import type { LegacyStatements, PluginArgument, PluginMount } from './legacy-statements';
import { bridgedImport } from './print-index';
import { mentions, walk } from '../../../transforms/lib/ast';
import { pluginAdapterModuleName } from '../../../transforms/generate/plugin-adapter';
import { Context, moduleFile } from './context';
import type { MigratedPlugin } from './report';
import type { Decision } from './decide-plugin';

export interface PluginAdapter {
  readonly plugin: MigratedPlugin;
  readonly mount: PluginMount;
  /** The adapter module's name in src/modules/. */
  readonly name: string;
  /** The arguments as the adapter passes them (the env's: `env`). */
  readonly args: readonly string[];
  /** Env fields of the app's own the adapter adds to the env (`catalogClient`), with the imports they need. */
  readonly envFields: readonly { readonly key: string; readonly text: string; readonly names: readonly string[]; readonly shared?: ExtraEnvField['shared'] }[];
  /** Objects main() built and handed to it, which the adapter builds from the env (their imports). */
  readonly built?: readonly PluginArgument[];
}

/**
 * A plugin called with more than its env (`reports(config, reportsEnv)`):
 * bridged through an adapter module that makes the other arguments from
 * the env: `env.config` for main()'s config, literals as written. Refused
 * where an argument is made of anything else, or where legacyPlugin does
 * not run.
 */
export function decideAdapter(context: Context, statements: LegacyStatements, mount: PluginMount): Decision & { adapter?: PluginAdapter } {
  const { files } = context;
  const id = mount.route || mount.envId || path.basename(mount.module);
  const call = mount.call as NonNullable<PluginMount['call']>;
  const plugin: MigratedPlugin = { id, module: mount.module, package: null, target: 'bridge', adds: [], decidedBy: 'module', reason: '' };
  const refuse = (why: string): Decision & { adapter?: PluginAdapter } => ({ plugin, packages: new Map(), refusal: `${files.indexDisplay}:${mount.line}: ${mount.alias}(...): ${why}` });
  if (!context.bridge.works) {
    return refuse(`called with more than its env, which an adapter can run only through legacyPlugin, and legacyPlugin does not run on this release (${context.bridge.decidedBy}): make the plugin take its env alone (or migrate it), then run migrate again`);
  }
  const args: string[] = [];
  const built: PluginArgument[] = [];
  for (const [i, argument] of call.args.entries()) {
    const text = files.indexText.slice(argument.start ?? 0, argument.end ?? 0);
    const local = argument.type === 'Identifier' ? statements.pluginArguments.get(argument.name) : undefined;
    if (i === call.envIndex) args.push('env');
    else if (argument.type === 'Identifier' && argument.name === statements.configName) args.push('env.config');
    else if (local) {
      // Built again from the env, as main() built it from the config (./statements/plugin-argument.ts).
      args.push(builtFromEnv(files.indexText, local, statements.configName as string));
      built.push(local);
    } else if (mentions(argument).size === 0 && !/\n/.test(text)) args.push(text);
    else return refuse(`its argument ${text.split(/\r?\n/)[0]} is made by the legacy main(), and an adapter can make only the config, literals and an object main() built of the config and imports for this plugin alone: pass it another way (in the plugin, from config), then run migrate again`);
  }
  const name = pluginAdapterModuleName(id);
  const specifier = `./modules/${name}`;
  const modulePath = moduleFile(files, mount.module);
  const bridged: MigratedPlugin = {
    ...plugin,
    module: specifier,
    adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, undefined, "'")})`],
    reason: `called with more than its env (${args.join(', ')}): bridged through ${files.tree.display(path.join(files.backendDir, 'src', 'modules', `${name}.ts`))}, which makes the other arguments from the env`,
  };
  const adapter: PluginAdapter = { plugin: bridged, mount, name, args, envFields: fieldsFor(extraFieldsGiven(modulePath, statements), statements), built };
  return { plugin: bridged, packages: new Map(), ...(modulePath ? { modulePath } : {}), adapter };
}

/**
 * main()'s expression with its config as the env's (`readAuditOptions(env.config)`,
 * `{ config: env.config }` for a shorthand) and another plugin's shared field as
 * this one's (`catalogEnv.discovery` as `env.discovery`), on one line as the
 * adapter's call prints its arguments.
 */
function builtFromEnv(source: string, { init, envs }: PluginArgument, configName: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walk(init, (node, ancestors) => {
    if (node.type !== 'Identifier') return;
    const parent = ancestors[ancestors.length - 1];
    if (envs.includes(node.name) && parent?.type === 'MemberExpression' && parent.object === node) {
      edits.push({ start: node.start ?? 0, end: node.end ?? 0, text: 'env' });
      return;
    }
    if (node.name !== configName) return;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
    if (parent?.type === 'ObjectProperty' && parent.key === node && !parent.computed) {
      if (parent.shorthand) edits.push({ start: parent.start ?? 0, end: parent.end ?? 0, text: `${configName}: env.config` });
      return;
    }
    if (parent?.type === 'ObjectProperty' && parent.shorthand) return;
    edits.push({ start: node.start ?? 0, end: node.end ?? 0, text: 'env.config' });
  });
  let text = source.slice(init.start ?? 0, init.end ?? 0);
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start - (init.start ?? 0)) + edit.text + text.slice(edit.end - (init.start ?? 0));
  return text.replace(/\s*\n\s*/g, ' ').replace(/,\s*([}\])])/g, ' $1').replace(/([{[(]) +([)\]])/g, '$1$2');
}

/**
 * The env fields of the app's own a bridged module gets: all of them, as
 * makeCreateEnv gave every plugin all of them (and a module typed with the
 * app's PluginEnvironment needs them all to type-check against the bridge).
 */
export function extraFieldsGiven(modulePath: string | undefined, statements: LegacyStatements): string[] {
  return modulePath ? [...statements.extraEnvFields.keys()] : [];
}

function fieldsFor(keys: readonly string[], statements: LegacyStatements): PluginAdapter['envFields'] {
  return keys.map(key => {
    const field = statements.extraEnvFields.get(key) as ExtraEnvField;
    return { key, text: field.text, names: field.names, ...(field.shared ? { shared: field.shared } : {}) };
  });
}

/**
 * A bridged module that reads env fields of the app's own
 * (`env.catalogClient`): bridged through an adapter that adds them to the
 * env legacyPlugin gives, made as makeCreateEnv made them.
 */
export function adapterWithFields(context: Context, statements: LegacyStatements, mount: PluginMount, decision: Decision, keys: readonly string[]): { plugin: MigratedPlugin; adapter: PluginAdapter } {
  const { files } = context;
  const id = decision.plugin.id;
  const name = pluginAdapterModuleName(id);
  const specifier = `./modules/${name}`;
  const plugin: MigratedPlugin = {
    ...decision.plugin,
    module: specifier,
    adds: [`legacyPlugin('${id}', ${bridgedImport(specifier, undefined, "'")})`],
    reason: `${decision.plugin.reason}; its env had ${keys.join(', ')}, which makeCreateEnv made: bridged through ${files.tree.display(path.join(files.backendDir, 'src', 'modules', `${name}.ts`))}, which adds ${keys.length === 1 ? 'it' : 'them'} to the env`,
  };
  delete (plugin as { exportName?: string }).exportName;
  return { plugin, adapter: { plugin, mount, name, args: ['env'], envFields: fieldsFor(keys, statements) } };
}
