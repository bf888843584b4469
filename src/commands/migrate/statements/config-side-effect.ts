/**
 * A call of the app's own in main() that needs only the loaded config or
 * the root logger (`initTracker(config)`, `await warmUp(config)`,
 * `logSettings(config, logger)`): a generated module runs it at startup
 * with coreServices.rootConfig and coreServices.rootLogger. (One that needs
 * nothing of the legacy system is carried over as it is.)
 */
import { ownImport, startupNeeds } from '../create-env';
import type { StatementReader } from './reader';

export const configSideEffect: StatementReader = {
  kind: 'config-side-effect',
  read(statement, reading) {
    const imported = (name: string): boolean => ownImport(reading.importedFrom.get(name)) && !reading.legacyNames.has(name);
    const needs = startupNeeds(statement, { configName: reading.configName, loggers: reading.rootLoggers }, imported);
    if (!needs) return false;
    reading.translate(statement);
    reading.sideEffects.push({ node: statement, needs, runsAt: statement.start ?? 0, line: reading.lineOf(statement), imports: reading.importsOf(statement) });
    return true;
  },
};
