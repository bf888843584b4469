/**
 * Core services makeCreateEnv made its own way (a discovery class of the
 * app's own, HostDiscovery with a base path, UrlReaders with more
 * factories): a service factory each, for coreServices.discovery and
 * coreServices.urlReader. A class declared in index.ts that makes the
 * service moves into that factory's module with it.
 */
import { printServiceFactoryModule, SERVICE_FACTORY_MODULES } from '../../../../transforms/generate/discovery';
import { at, emit, generatedPath, relativeLines, reprint, Translation } from './translation';

export const discovery: Translation = {
  kind: 'discovery',
  plan(input, output) {
    for (const found of input.statements.serviceOverrides) {
      const { add, file } = SERVICE_FACTORY_MODULES[found.service];
      const { modulePath, display, taken } = generatedPath(input, file);
      const first = input.context.files.indexText.slice(found.expression.start ?? 0).split(/\r?\n/)[0];
      if (taken) {
        output.refused.push(`${at(input, found.line)}: ${first}: ${display} exists already: move or remove it, then run migrate again`);
        continue;
      }
      const imports = found.imports.map(({ declaration, names }) => reprint(input, declaration, names, modulePath));
      const expression = relativeLines(input.context.files.indexText, found.expression.start ?? 0, found.expression.end ?? 0);
      // Classes of index.ts that make the service move with it, as written.
      const classes = (found.classes ?? []).map(({ node, start, line }) => ({ text: relativeLines(input.context.files.indexText, start, node.end ?? 0), line, name: node.type === 'ClassDeclaration' ? (node.id?.name ?? '') : '' }));
      emit(input, output, {
        modulePath,
        text: printServiceFactoryModule(
          { service: found.service, expression, configName: found.needs.configName, loggerNames: found.needs.loggerNames, imports, line: found.line, classes },
          input.style,
        ),
        translation: { kind: found.service === 'discovery' ? 'discovery' : 'url-reader', lines: [...classes.map(c => c.line), found.line], file: display, authPolicy: null },
        add,
      });
    }
  },
};
