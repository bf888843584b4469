/**
 * Routers of the app's own on the api router, grouped by their path's first
 * segment: a generated plugin with that id (or a module of the plugin that
 * has it) at the same URLs, open to requests without credentials as before.
 */
import { apiRouterModuleName, apiRouterModuleSpecifier, apiRouterPolicies, printApiRouterModule } from '../../../../transforms/generate/api-router';
import { routerFactory } from '../context';
import { movableText } from '../../../../transforms/lib/text';
import type { LegacyStatements } from '../legacy-statements';
import { at, emit, generatedPath, reprint, Translation } from './translation';

type Mount = LegacyStatements['apiRouters'][number];

export const apiRouter: Translation = {
  kind: 'api-router',
  plan(input, output) {
    const { files } = input.context;
    const bySegment = new Map<string, Mount[]>();
    for (const mount of input.statements.apiRouters) bySegment.set(mount.segment, [...(bySegment.get(mount.segment) ?? []), mount]);
    for (const [segment, mounts] of bySegment) {
      const moduleOfPlugin = input.plugins.some(p => p.id === segment);
      const code = (mount: Mount): string => `apiRouter.use('/${mount.segment}${mount.rest}', ...)`;
      const atPluginRoot = moduleOfPlugin ? mounts.filter(m => m.rest === '') : [];
      for (const mount of atPluginRoot) {
        output.refused.push(`${at(input, mount.line)}: ${code(mount)}: /api/${segment} is also the path of the plugin '${segment}', and a module of it could open this router's routes only by opening the plugin's own: move the router into that plugin by hand, or mount it at a deeper path (/${segment}/<name>)`);
      }
      if (atPluginRoot.length) continue;
      const { modulePath, display, taken } = generatedPath(input, apiRouterModuleName(segment, moduleOfPlugin));
      if (taken) {
        output.refused.push(`${at(input, mounts[0].line)}: ${code(mounts[0])}: ${display} exists already: move or remove it, then run migrate again`);
        continue;
      }
      const direct = mounts.length === 1 && mounts[0].rest === '';
      const handlerNames = new Set(mounts.flatMap(m => m.imports.flatMap(i => i.names)));
      const declarations = [...new Set(mounts.flatMap(m => m.imports.map(i => i.declaration)))];
      const imports = declarations.map(declaration => reprint(input, declaration, mounts.flatMap(m => m.imports.filter(i => i.declaration === declaration).flatMap(i => i.names)), modulePath));
      let router: { importLine: string; call: string } | undefined;
      if (!direct) {
        // A router that mounts each handler at the rest of its path: made as the legacy api router was (`Router()` of its import).
        const factory = routerFactory(input.index);
        if (!factory || handlerNames.has(factory.call) || handlerNames.has('router')) {
          output.refused.push(`${at(input, mounts[0].line)}: ${code(mounts[0])}: a deeper mount path needs a router to mount it on, and ${factory ? `the name ${handlerNames.has('router') ? 'router' : factory.call} is the handler's own` : "the api router is not made by an imported Router()"}: mount it at /${segment} only, or move it into a backend plugin by hand`);
          continue;
        }
        router = { importLine: reprint(input, factory.declaration, [factory.call], modulePath), call: factory.call };
      }
      const mountTexts = mounts.map(m => ({ rest: m.rest, handler: movableText(files.indexText, m.handler.start ?? 0, m.handler.end ?? 0), line: m.line }));
      emit(input, output, {
        modulePath,
        text: printApiRouterModule({ segment, imports, mounts: mountTexts, router, moduleOfPlugin }, input.style),
        translation: { kind: moduleOfPlugin ? 'api-router-module' : 'api-router', lines: mounts.map(m => m.line), file: display, authPolicy: apiRouterPolicies(mounts).join(', ') },
        add: apiRouterModuleSpecifier(segment, moduleOfPlugin),
      });
      for (const mount of mounts) {
        output.behaviour.push({
          kind: 'access',
          plugin: segment,
          source: at(input, mount.line),
          kept: true,
          change: `/api/${segment}${mount.rest}, a router of the app's own, is kept at the same URL and open to requests without credentials: ${display} adds an unauthenticated auth policy for ${mount.rest || '/'}; delete that policy to ask for credentials`,
        });
      }
    }
  },
};
