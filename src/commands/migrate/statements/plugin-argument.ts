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
import { identifierOffsets, walk } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';
import type { StatementReading } from './reading';

export const pluginArgument: StatementReader = {
  kind: 'plugin-argument',
  read(statement, reading) {
    const declarator = statement.type === 'VariableDeclaration' && statement.declarations.length === 1 ? statement.declarations[0] : undefined;
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
    // Made of imports and the config only: an adapter has the config as env.config, and can import the rest.
    const locals = reading.localsIn(init).filter(n => n !== reading.configName);
    if (locals.length) {
      reading.refuse(statement, `${name} is handed to a plugin and made of ${locals.join(', ')} of the legacy main(): the plugin's adapter can build it from the config and imports only; build it of those alone (or inside the plugin), then run migrate again`);
      return true;
    }
    reading.pluginArguments.set(name, { name, init, line: reading.lineOf(statement), names: [...reading.importsOf(init).flatMap(i => i.names)] });
    reading.translate(statement);
    return true;
  },
};

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
