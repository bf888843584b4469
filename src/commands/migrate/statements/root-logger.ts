/**
 * main()'s root loggers (`const logger = getRootLogger();` or `createRootLogger()`
 * without options, the same default logger; or one made with
 * a format of the app's own, `createRootLogger({ format })`, whose format
 * moves into a coreServices.rootLogger factory): one used only
 * to load config, handed to makeCreateEnv, or in the template's start catch
 * is template; one that also writes plain log lines (`logger.info('...')`)
 * is translated, lines and all (a startup-log module); one handed to calls
 * of the app's own at startup goes with them (a startup-tasks module, over
 * coreServices.rootLogger); any other use leaves
 * the logger to the rules for legacy names, each use refused by line.
 * Read before the other statements, which it takes out of their way.
 */
import { mentions } from '../../../../transforms/lib/ast';
import type { StartupLogLine } from '../statement-types';
import type { StatementReading } from './reading';
import { ownImport, startupNeeds } from '../create-env';
import { firstLine, isConfigLoading, isDefaultRootLogger, loadedConfigName, rootLoggerCreation, isServiceStartCatch, passesToMakeCreateEnv, startupLogLine } from './shapes';
import type { Node } from '@babel/types';

export function readRootLoggers(reading: StatementReading): void {
  const { index, source } = reading;
  const body = index.router.container.body;
  const configName = loadedConfigName(body);
  const ownImported = (local: string): boolean => ownImport(reading.importedFrom.get(local)) && !reading.legacyNames.has(local);
  for (const statement of body) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue;
    const declarator = statement.declarations[0];
    const init = declarator.init;
    if (declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression' || init.callee.type !== 'Identifier') continue;
    // `getRootLogger()`, or `createRootLogger()` without options: the same default logger.
    const got = isDefaultRootLogger(init, index);
    const created = got ? undefined : rootLoggerCreation(init, index, ownImported);
    if (!got && !created) continue;
    const name = declarator.id.name;
    if (created && 'why' in created) {
      reading.legacyNames.add(name);
      reading.refuse(statement, created.why);
      continue;
    }
    // A call of the app's own over this logger (and the config), which the config-side-effect reader runs at startup.
    const startupCall = (other: Node): boolean => startupNeeds(other, { configName, loggers: new Set([name]) }, ownImported) !== undefined;
    const lines: { node: Node; line: StartupLogLine }[] = [];
    let otherUse: Node | undefined;
    for (const other of body) {
      if (other === statement || !mentions(other).has(name)) continue;
      const logLine = startupLogLine(other, name, source);
      if (logLine) lines.push({ node: other, line: logLine });
      else if (!isConfigLoading(other, name) && !passesToMakeCreateEnv(other, name, index) && !isServiceStartCatch(other, name) && !startupCall(other)) otherUse ??= other;
    }
    if (otherUse) {
      // Its every use is then legacy code: refused, each with its line, never carried without the logger.
      reading.legacyNames.add(name);
      reading.refuse(
        statement,
        `a root logger used beyond loading config, plain log lines and calls at startup (line ${reading.lineOf(otherUse)}: ${firstLine(source, otherUse)}): log through coreServices.rootLogger in a plugin or a backend module`,
      );
      continue;
    }
    reading.rootLoggers.add(name);
    // A format of its own moves into a coreServices.rootLogger factory (a root-logger module); the logger is then the template's.
    if (created) reading.readRootLoggerFormat(statement, created.format);
    else if (lines.length === 0) reading.replace(statement, 'the root logger, used to load config: the new backend has its own (coreServices.rootLogger)');
    else {
      reading.translated.add(statement);
      reading.translate(statement);
    }
    for (const { node, line } of lines) {
      reading.translated.add(node);
      reading.translate(node);
      reading.startupLog.push(line);
    }
  }
}
