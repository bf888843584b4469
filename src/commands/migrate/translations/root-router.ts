/** A router of the app's own the service builder mounted at a root path: coreServices.rootHttpRouter serves it there. */
import { printRootRouterModule, rootRouterName } from '../../../../transforms/generate/root-router';
import { at, emit, generatedPath, reprint, Translation } from './translation';
import { movableText } from '../../../../transforms/lib/text';

export const rootRouter: Translation = {
  kind: 'root-router',
  plan(input, output) {
    const { files } = input.context;
    for (const mount of input.statements.rootRouters) {
      const name = rootRouterName(mount.path);
      const { modulePath, display, taken } = generatedPath(input, name);
      if (taken || input.plugins.some(p => p.id === name)) {
        output.refused.push(`${at(input, mount.line)}: .addRouter('${mount.path}', ...): ${display} exists already (or a plugin is named ${name}): move or remove it, then run migrate again`);
        continue;
      }
      const imports = mount.imports.map(({ declaration, names }) => reprint(input, declaration, names, modulePath));
      const handler = movableText(files.indexText, mount.handler.start ?? 0, mount.handler.end ?? 0);
      emit(input, output, {
        modulePath,
        text: printRootRouterModule({ path: mount.path, imports, handler, line: mount.line }, input.style),
        translation: { kind: 'root-router', lines: [mount.line], file: display, authPolicy: null },
        add: `./modules/${name}`,
      });
      output.behaviour.push({ kind: 'url', plugin: name, source: at(input, mount.line), kept: true, change: `kept at ${mount.path}, outside /api and with no credentials check: ${display} mounts it there with coreServices.rootHttpRouter` });
    }
  },
};
