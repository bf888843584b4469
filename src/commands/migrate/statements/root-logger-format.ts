/**
 * `createRootLogger({ format })` as a statement of its own, in main() or at
 * the top level: backend-common sets it as the root logger, so every
 * `getRootLogger()` after it logs in that format. The format moves into a
 * coreServices.rootLogger factory (a root-logger module).
 */
import { ownImport } from '../create-env';
import type { StatementReader } from './reader';
import { rootLoggerCreation } from './shapes';

export const rootLoggerFormat: StatementReader = {
  kind: 'root-logger-format',
  read(statement, reading) {
    if (statement.type !== 'ExpressionStatement') return false;
    const created = rootLoggerCreation(statement, reading.index, name => ownImport(reading.importedFrom.get(name)) && !reading.legacyNames.has(name));
    if (!created) return false;
    if ('why' in created) reading.refuse(statement, created.why);
    else reading.readRootLoggerFormat(statement, created.format);
    return true;
  },
};
