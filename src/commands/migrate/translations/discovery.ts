/** A discovery of the app's own class made from config in makeCreateEnv: a coreServices.discovery service factory. */
import { DISCOVERY_MODULE, printDiscoveryModule } from '../../../../transforms/generate/discovery';
import { at, emit, generatedPath, reprint, Translation } from './translation';

export const discovery: Translation = {
  kind: 'discovery',
  plan(input, output) {
    const found = input.statements.discovery;
    if (!found) return;
    const { modulePath, display, taken } = generatedPath(input, 'discovery');
    if (taken) {
      output.refused.push(`${at(input, found.line)}: const discovery = ...: ${display} exists already: move or remove it, then run migrate again`);
      return;
    }
    const imports = found.imports.map(({ declaration, names }) => reprint(input, declaration, names, modulePath));
    const expression = input.context.files.indexText.slice(found.expression.start ?? 0, found.expression.end ?? 0);
    emit(input, output, {
      modulePath,
      text: printDiscoveryModule({ expression, configName: found.configName, imports, line: found.line }, input.style),
      translation: { kind: 'discovery', lines: [found.line], file: display, authPolicy: null },
      add: DISCOVERY_MODULE,
    });
  },
};
