/**
 * Core services makeCreateEnv made its own way (a discovery class of the
 * app's own, HostDiscovery with a base path, UrlReaders with more
 * factories): a service factory each, for coreServices.discovery and
 * coreServices.urlReader. A class declared in index.ts that makes the
 * service moves into that factory's module with it.
 */
import { printServiceFactoryModule, SERVICE_FACTORY_MODULES } from '../../../../transforms/generate/discovery';
import type { Node } from '@babel/types';
import { ROOT_LOGGER } from '../../../../transforms/generate/startup-tasks';
import { walk } from '../../../../transforms/lib/ast';
import { COMMON_PACKAGE } from '../context';
import type { StartupNeeds } from '../create-env';
import type { ApiRouterMount } from '../legacy-statements';
import { at, emit, generatedPath, relativeLines, reprint, Translation, TranslationInput } from './translation';

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
      const winston = handedToOwnCode(found.expression, found.needs.loggerNames, found.imports);
      const why = winston ? winstonRefusal(input, found.needs) : undefined;
      if (why) {
        const statement = input.context.files.indexText.split(/\r?\n/)[found.line - 1].trim();
        output.refused.push(`${at(input, found.line)}: ${statement}: ${why}`);
        continue;
      }
      const imports = found.imports.map(({ declaration, names }) => reprint(input, declaration, names, modulePath));
      const expression = relativeLines(input.context.files.indexText, found.expression.start ?? 0, found.expression.end ?? 0);
      // Classes of index.ts that make the service move with it, as written.
      const classes = (found.classes ?? []).map(({ node, start, line }) => ({ text: relativeLines(input.context.files.indexText, start, node.end ?? 0), line, name: node.type === 'ClassDeclaration' ? (node.id?.name ?? '') : '' }));
      emit(input, output, {
        modulePath,
        text: printServiceFactoryModule(
          { service: found.service, expression, configName: found.needs.configName, loggerNames: found.needs.loggerNames, winston, imports, line: found.line, classes },
          input.style,
        ),
        translation: { kind: found.service === 'discovery' ? 'discovery' : 'url-reader', lines: [...classes.map(c => c.line), found.line], file: display, authPolicy: null },
        add,
      });
      if (winston) output.addedPackages.set(COMMON_PACKAGE, '');
    }
  },
};

/**
 * Whether the expression hands a root logger to the app's own code (`new
 * LoggingUrlReader(readers, root)`, `MyDiscovery.fromConfig(config, {
 * logger: root })`): the call nearest around it is not a Backstage
 * package's. Such code was written for the winston logger the legacy
 * backend had; Backstage's factories take either.
 */
function handedToOwnCode(expression: Node, loggerNames: readonly string[], imports: ApiRouterMount['imports']): boolean {
  const sourceOf = new Map(imports.flatMap(({ declaration, names }) => names.map(name => [name, declaration.type === 'ImportDeclaration' ? declaration.source.value : ''] as const)));
  let handed = false;
  walk(expression, (inner, ancestors) => {
    if (handed || inner.type !== 'Identifier' || !loggerNames.includes(inner.name)) return;
    const parent = ancestors[ancestors.length - 1];
    // `root.info(...)` uses the logger; it does not hand it on.
    if (parent?.type === 'MemberExpression' && parent.object === inner) return;
    const call = [...ancestors].reverse().find(a => a.type === 'CallExpression' || a.type === 'NewExpression');
    let callee: Node | undefined = call?.type === 'CallExpression' || call?.type === 'NewExpression' ? call.callee : undefined;
    while (callee?.type === 'MemberExpression') callee = callee.object;
    const from = callee?.type === 'Identifier' ? sourceOf.get(callee.name) : undefined;
    if (!from?.startsWith('@backstage/')) handed = true;
  });
  return handed;
}

/** Why the root logger cannot be the winston logger it was: backend-common gone on this release, or its name taken. */
function winstonRefusal(input: TranslationInput, needs: StartupNeeds): string | undefined {
  if ([needs.configName, ...needs.loggerNames].includes(ROOT_LOGGER)) return `reads a name (${ROOT_LOGGER}) the generated service factory needs for itself: rename it, then run migrate again`;
  const { bridge } = input.context;
  if (!bridge.works) {
    return `hands the root logger to the app's own code, and the winston logger it was is made with @backstage/backend-common's loggerToWinstonLogger, gone on this release (${bridge.decidedBy}): write the service factory by hand with coreServices.rootLogger`;
  }
  return undefined;
}
