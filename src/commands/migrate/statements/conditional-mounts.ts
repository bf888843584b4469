/**
 * `if (<config only>) { const xEnv = ...; apiRouter.use('/x', await x(xEnv)); }`:
 * the plugins mounted in it, which a feature loader yields under the same
 * condition; refused where it cannot move (an else branch, a condition that
 * reads more than config, anything but env declarations and mounts, a
 * plugin mounted a second time).
 */
import type { IfStatement, Node } from '@babel/types';
import { mentions } from '../../../../transforms/lib/ast';
import type { StatementReader } from './reader';
import type { StatementReading } from './reading';
import { containsAwait, firstLine } from './shapes';

type ConditionalMount = { at: Node; mountPath: string; plugin: { alias: string; env?: string } };

export const conditionalMounts: StatementReader = {
  kind: 'conditional-mounts',
  read(statement, reading) {
    if (statement.type !== 'IfStatement' || !mentions(statement).has(reading.router)) return false;
    const conditional = readConditionalMounts(statement, reading);
    if (typeof conditional === 'string') {
      reading.refuse(statement, conditional);
      return true;
    }
    reading.translate(statement);
    const condition = { test: statement.test, line: reading.lineOf(statement) };
    for (const { at, mountPath, plugin } of conditional) reading.mount(statement, at, mountPath, plugin, condition);
    return true;
  },
};

/** The mounts in the if statement, or why it cannot move. */
function readConditionalMounts(statement: IfStatement, reading: StatementReading): ConditionalMount[] | string {
  const { configName, source } = reading;
  const otherwise = 'plugins mounted inside a condition';
  if (statement.alternate) return `${otherwise} with an else branch: a feature loader yields plugins under a condition, not instead of others; add them by hand (createBackendFeatureLoader)`;
  const reads = [...mentions(statement.test)];
  if (!configName || reads.length === 0 || reads.some(name => name !== configName) || containsAwait(statement.test)) {
    return `${otherwise} on ${reads.filter(name => name !== configName).join(', ') || 'something other than config'}: only a condition on the config (config.getOptionalBoolean('x.enabled')) moves into a feature loader; decide in app-config or a backend module, or add the plugin by hand under the condition`;
  }
  const body = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : [statement.consequent];
  const found: ConditionalMount[] = [];
  for (const inner of body) {
    if (inner.type === 'VariableDeclaration' && inner.declarations.every(d => d.id.type === 'Identifier' && reading.envs.has(d.id.name))) continue;
    const call = inner.type === 'ExpressionStatement' && inner.expression.type === 'CallExpression' ? inner.expression : undefined;
    const onRouter = call && call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === reading.router;
    const mountPath = onRouter && call.arguments[0]?.type === 'StringLiteral' ? call.arguments[0].value : undefined;
    const plugin = onRouter && call.arguments.length === 2 ? reading.pluginCall(call.arguments[1]) : undefined;
    if (mountPath === undefined || !plugin) {
      return `${otherwise}, with more than plugin mounts in it (line ${reading.lineOf(inner)}: ${firstLine(source, inner)}): only env declarations and plugin mounts move into a feature loader; move the rest out of the condition, or add the plugins by hand`;
    }
    const earlier = reading.firstMount(plugin.alias)?.line ?? found.find(f => f.plugin.alias === plugin.alias)?.at;
    if (earlier !== undefined) {
      return `${otherwise} that mounts ${plugin.alias} a second time, at ${mountPath} (line ${typeof earlier === 'number' ? earlier : reading.lineOf(earlier)} mounts it too): the new backend serves a plugin once, at /api/<pluginId>; mount it once, then run migrate again`;
    }
    found.push({ at: inner, mountPath, plugin });
  }
  return found.length ? found : `${otherwise}, with no plugin mount in it`;
}
