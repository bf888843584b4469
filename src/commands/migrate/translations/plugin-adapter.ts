/** Plugins called with more than their env: the adapter module the bridge runs, which makes their other arguments from the env. */
import { eventBrokerImport } from '../../../../transforms/generate/event-broker';
import { legacyServicesImport } from '../../../../transforms/generate/legacy-services';
import { printPluginAdapterModule } from '../../../../transforms/generate/plugin-adapter';
import { SHARED_EVENT_BROKER } from '../create-env';
import { at, emit, generatedPath, reprint, Translation } from './translation';

export const pluginAdapter: Translation = {
  kind: 'plugin-adapter',
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
      // The imports the env fields of the app's own need, as index.ts had them.
      const names = [...new Set([...adapter.envFields.flatMap(field => field.names), ...(adapter.built ?? []).flatMap(b => b.names)])];
      const imports = input.index.imports
        .filter(d => d.specifiers.some(s => names.includes(s.local.name)))
        .map(d => reprint(input, d, d.specifiers.map(s => s.local.name).filter(n => names.includes(n)), modulePath));
      // The event broker the plugins shared comes from the module that makes it once (./event-broker).
      if (adapter.envFields.some(field => field.shared === 'event-broker')) imports.push(eventBrokerImport(input.style, SHARED_EVENT_BROKER));
      // The events and signals services: the new backend's own, from the module that hands them over (./legacy-services).
      if (adapter.envFields.some(field => field.shared === 'legacy-services')) imports.push(legacyServicesImport(input.style));
      emit(input, output, {
        modulePath,
        text: printPluginAdapterModule(
          { name: mount.alias, importLine: reprint(input, declaration, [mount.alias], modulePath), imports, envFields: adapter.envFields, args: adapter.args, envIndex: mount.call?.envIndex ?? 0, line: mount.line, built: (adapter.built ?? []).map(b => ({ name: b.name, line: b.line })) },
          input.style,
        ),
        translation: { kind: 'plugin-adapter', lines: [...(adapter.built ?? []).map(b => b.line), mount.line], file: display, authPolicy: null },
        pluginApi: false,
        // What differs between two plugins' adapters of one shape: their names and lines.
        slots: [mount.alias, mount.route, mount.module.replace(/^.*\//, ''), String(mount.line), ...(adapter.built ?? []).map(b => String(b.line))],
      });
    }
  },
};
