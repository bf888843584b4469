/**
 * An object main() builds from the config and imports, and hands to one
 * plugin beside its env (`const auditOptions = readAuditOptions(config);`
 * ... `await audit(auditEnv, auditOptions)`): the plugin's adapter (see
 * decide-plugin's decideAdapter) builds the same object from its env
 * (`readAuditOptions(env.config)`), so the declaration is translated. Used
 * anywhere else, made of other locals of main(), or handed to two plugins
 * (each adapter would build its own, where main() shared one), it is left
 * to the other rules, which refuse it.
 */
import type { Node } from '@babel/types';
import { identifierOffsets, soleDeclarator, walk } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';
import type { StatementReading } from './reading';

export const pluginArgument: StatementReader = {
  kind: 'plugin-argument',
  read(statement, reading) {
    const declarator = soleDeclarator(statement);
    const init = declarator?.init;
    if (!declarator || declarator.id.type !== 'Identifier' || !init || !reading.configName) return false;
    const name = declarator.id.name;
    const body = reading.index.router.container.body;
    // Declared here and used once more, as an argument of a plugin call beside its env.
    const uses = body.reduce((count, s) => count + (identifierOffsets(s).get(name)?.length ?? 0), 0);
    if (!handedToAPlugin(body, name, reading)) return false;
    if (uses !== 2) {
      reading.refuse(statement, `${name} is handed to a plugin and used elsewhere too (or handed to more than one): an adapter builds its own for its plugin, where main() shared one; build it in each plugin, or hand it to one only, then run migrate again`);
      return true;
    }
    // Made of imports, the config and the fields every env shares (`catalogEnv.discovery`): an adapter has those in its env, and can import the rest.
    const locals = reading.localsIn(init).filter(n => n !== reading.configName && !(reading.envs.has(n) && onlySharedFields(init, n)));
    if (locals.length) {
      reading.refuse(statement, `${name} is handed to a plugin and made of ${locals.join(', ')} of the legacy main(): the plugin's adapter can build it only of the config, imports and the env fields every plugin shares (${[...SHARED_ENV_FIELDS].join(', ')}); build it of those alone (or inside the plugin), then run migrate again`);
      return true;
    }
    const envs = reading.localsIn(init).filter(n => reading.envs.has(n));
    reading.pluginArguments.set(name, { name, init, line: reading.lineOf(statement), names: [...reading.importsOf(init).flatMap(i => i.names)], envs });
    reading.translate(statement);
    return true;
  },
};

/**
 * The env fields makeCreateEnv made once for every plugin (the template's), so any
 * plugin's env has the same one: an adapter reads them from its own env. A plugin's
 * own (logger, database, cache, scheduler) are not among them.
 */
export const SHARED_ENV_FIELDS: ReadonlySet<string> = new Set(['config', 'reader', 'discovery', 'tokenManager', 'permissions', 'identity']);

/** Whether every use of the env `name` in `init` reads one of the shared fields (`catalogEnv.discovery`). */
function onlySharedFields(init: Node, name: string): boolean {
  let only = true;
  walk(init, (node, ancestors) => {
    if (node.type !== 'Identifier' || node.name !== name) return;
    const parent = ancestors[ancestors.length - 1];
    const field = parent?.type === 'MemberExpression' && parent.object === node && !parent.computed && parent.property.type === 'Identifier' ? parent.property.name : undefined;
    if (!field || !SHARED_ENV_FIELDS.has(field)) only = false;
  });
  return only;
}

/** Whether `name` is an argument, not the env, of a call of a plugin module (`audit(auditEnv, name)`). */
function handedToAPlugin(body: readonly Node[], name: string, reading: StatementReading): boolean {
  let found = false;
  for (const statement of body) {
    walk(statement, node => {
      if (found || node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || !reading.aliases.has(node.callee.name)) return undefined;
      const plugin = reading.pluginCall(node);
      if (plugin?.args && plugin.args.some((arg, i) => i !== plugin.envIndex && arg.type === 'Identifier' && arg.name === name)) found = true;
      return undefined;
    });
  }
  return found;
}
