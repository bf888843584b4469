/**
 * A call of the app's own in main() that needs only the loaded config
 * (`initTracker(config)`, `await warmUp(config)`): a generated module runs
 * it at startup with coreServices.rootConfig. (One that needs nothing of
 * the legacy system is carried over as it is.)
 */
import { isConfigSideEffect, ownImport } from '../create-env';
import type { StatementReader } from './reader';

export const configSideEffect: StatementReader = {
  kind: 'config-side-effect',
  read(statement, reading) {
    const { configName } = reading;
    if (!configName || !isConfigSideEffect(statement, configName, name => ownImport(reading.importedFrom.get(name)) && !reading.legacyNames.has(name))) return false;
    reading.translate(statement);
    reading.sideEffects.push({ node: statement, configName, line: reading.lineOf(statement), imports: reading.importsOf(statement) });
    return true;
  },
};
