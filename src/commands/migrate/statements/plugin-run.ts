/**
 * A plugin module main() runs without mounting it (`await auditJob(auditEnv)`,
 * a job that schedules itself): a generated plugin under its createEnv id
 * runs it at init with the env fields it reads, as the root-path plugins are
 * run; its router, if it returns one, was never served, and is not now.
 */
import type { StatementReader } from './reader';

export const pluginRun: StatementReader = {
  kind: 'plugin-run',
  read(statement, reading) {
    if (statement.type !== 'ExpressionStatement') return false;
    const plugin = reading.pluginCall(statement.expression);
    if (!plugin || plugin.args || !plugin.env) return false;
    reading.mount(statement, statement, '', plugin, undefined, undefined, true);
    return true;
  },
};
