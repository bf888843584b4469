/**
 * URLs: a plugin module the service builder mounted outside /api (a status
 * check at '', a proxy at /proxy) stays at its path: a generated plugin
 * under its createEnv id serves its router on the root router.
 */
import { COMMON_PACKAGE } from '../context';
import { planRootPlugin } from '../root-plugin-plan';
import { at, emit, Translation } from './translation';

export const rootPlugin: Translation = {
  kind: 'root-plugin',
  plan(input, output) {
    const { files } = input.context;
    for (const mount of input.rootMounts) {
      const planned = planRootPlugin(input.context, input.index, mount, input.plugins, input.style);
      if ('refusal' in planned) {
        output.refused.push(planned.refusal);
        continue;
      }
      const display = files.tree.display(planned.modulePath);
      emit(input, output, {
        modulePath: planned.modulePath,
        text: planned.text,
        translation: { kind: mount.runOnly ? 'plugin-run' : 'root-plugin', lines: [mount.line], file: display, authPolicy: null },
        add: planned.specifier,
      });
      if (planned.handler) output.rootHandlers.push(planned.handler);
      if (planned.adapters) output.addedPackages.set(COMMON_PACKAGE, '');
      // A plugin main() only ran serves nothing: no URL to keep.
      if (mount.runOnly) continue;
      output.behaviour.push({
        kind: 'url',
        plugin: planned.pluginId,
        source: at(input, mount.line),
        kept: true,
        change: `kept at ${mount.rootPath ? mount.rootPath : "'' (the service root)"}, outside /api and with no credentials check: ${display} runs it under its createEnv id ${planned.pluginId} and serves its router ${mount.rootPath ? 'there with coreServices.rootHttpRouter' : "through the root HTTP router's configure"}`,
      });
    }
  },
};
