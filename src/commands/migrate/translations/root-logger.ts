/**
 * A root logger made with a format of the app's own
 * (`createRootLogger({ format })`): a coreServices.rootLogger factory with
 * backend-defaults' WinstonLogger in that format. WinstonLogger is in
 * `@backstage/backend-defaults/rootLogger` from 0.4.1 (Backstage 1.29) on.
 */
import { printRootLoggerModule, ROOT_LOGGER_MODULE } from '../../../../transforms/generate/root-logger';
import { compareVersions } from '../../../repo/release-table';
import { lowestVersionOf } from '../context';
import { at, emit, generatedPath, reprint, relativeLines, Translation } from './translation';

const DEFAULTS = '@backstage/backend-defaults';
const FIRST_WITH_WINSTON_LOGGER = '0.4.1';

export const rootLogger: Translation = {
  kind: 'root-logger',
  plan(input, output) {
    const found = input.statements.rootLoggerFormat;
    if (!found) return;
    const { modulePath, display, taken } = generatedPath(input, 'root-logger');
    const version = lowestVersionOf(input.context, DEFAULTS);
    if (taken || !version || compareVersions(version, FIRST_WITH_WINSTON_LOGGER) < 0) {
      const why = taken
        ? `${display} exists already: move or remove it, then run migrate again`
        : `the format moves into a coreServices.rootLogger factory with WinstonLogger from ${DEFAULTS}/rootLogger, which ${DEFAULTS} has from ${FIRST_WITH_WINSTON_LOGGER} (Backstage 1.29) on, and this backend gets ${version ?? 'no version wire-plugin can find'}: upgrade to Backstage 1.29 or later first, then run migrate again`;
      output.refused.push(`${at(input, found.line)}: createRootLogger({ format }): ${why}`);
      return;
    }
    // winston's transports by the app's own namespace or default import of winston, where it has one.
    const winston = found.imports.find(({ declaration }) => declaration.type === 'ImportDeclaration' && declaration.source.value === 'winston');
    const whole = winston?.declaration.type === 'ImportDeclaration' ? winston.declaration.specifiers.find(s => s.type !== 'ImportSpecifier' && winston.names.includes(s.local.name)) : undefined;
    const named = found.imports.some(({ names }) => names.includes('transports'));
    // WinstonLogger the format already imports (`WinstonLogger.colorFormat()`) is the one the module needs: imported once.
    const winstonLogger = found.imports.find(({ names }) => names.includes('WinstonLogger'));
    const ownWinstonLogger = winstonLogger?.declaration.type === 'ImportDeclaration' && winstonLogger.declaration.source.value === `${DEFAULTS}/rootLogger`;
    if (winstonLogger && !ownWinstonLogger) {
      output.refused.push(`${at(input, found.line)}: createRootLogger({ format }): the format uses a WinstonLogger of another module than ${DEFAULTS}/rootLogger, whose WinstonLogger the generated factory needs: rename the import, then run migrate again`);
      return;
    }
    const imports = found.imports.map(({ declaration, names }) => reprint(input, declaration, names, modulePath));
    const format = relativeLines(input.context.files.indexText, found.format.start ?? 0, found.format.end ?? 0);
    emit(input, output, {
      modulePath,
      text: printRootLoggerModule(
        { format, imports, transports: whole ? `${whole.local.name}.transports` : named ? 'transports' : undefined, winstonLoggerImported: ownWinstonLogger, line: found.line },
        input.style,
      ),
      translation: { kind: 'root-logger', lines: [found.line], file: display, authPolicy: null },
      add: ROOT_LOGGER_MODULE,
    });
    output.behaviour.push({
      kind: 'logging',
      plugin: '',
      source: at(input, found.line),
      kept: true,
      change: `${display}: the root logger logs in the app's own format, as before, and adds no redaction of config secrets, as before (the format replaced Backstage's redacter); to redact them now, add createConfigSecretEnumerator's secrets with logger.addRedactions`,
    });
  },
};
