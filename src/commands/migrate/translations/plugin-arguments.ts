/** Plugins called with more than their env: the adapter module the bridge runs, which makes their other arguments from the env. */
import { printPluginArgumentsModule } from '../../../../transforms/generate/plugin-arguments';
import { at, emit, generatedPath, reprint, Translation } from './translation';

export const pluginArguments: Translation = {
  kind: 'plugin-arguments',
  plan(input, output) {
    for (const adapter of input.adapters) {
      const { modulePath, display, taken } = generatedPath(input, adapter.name);
      const { mount } = adapter;
      if (taken) {
        output.refused.push(`${at(input, mount.line)}: ${mount.alias}(...): ${display} exists already: wire-plugin would write the plugin's adapter there; move or remove it, then run migrate again`);
        continue;
      }
      const declaration = input.index.imports.find(d => d.specifiers.some(s => s.local.name === mount.alias));
      if (!declaration) {
        output.refused.push(`${at(input, mount.line)}: ${mount.alias}(...): not imported by index.ts, so the adapter cannot import it`);
        continue;
      }
      emit(input, output, {
        modulePath,
        text: printPluginArgumentsModule({ name: mount.alias, importLine: reprint(input, declaration, [mount.alias], modulePath), args: adapter.args, envIndex: (mount.call as { envIndex: number }).envIndex, line: mount.line }, input.style),
        translation: { kind: 'plugin-arguments', lines: [mount.line], file: display, authPolicy: null },
        pluginApi: false,
      });
    }
  },
};
