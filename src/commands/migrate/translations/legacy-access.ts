/**
 * Access: the legacy api router asked for no credentials. A plugin kept on
 * its legacy code (the bridge, a wrapper) gets a module of it that opens
 * its routes as before; a plugin taken from its package as a feature brings
 * that package's own policies, and the report says so.
 */
import { legacyAccessModuleName, printLegacyAccessModule } from '../../../../transforms/generate/legacy-access';
import type { PluginMount } from '../legacy-statements';
import { at, emit, generatedPath, Translation } from './translation';

export const legacyAccess: Translation = {
  kind: 'legacy-access',
  plan(input, output) {
    for (const plugin of input.plugins) {
      const mount = input.mountOf.get(plugin.id) as PluginMount;
      // Behind an authenticating middleware it asked for credentials, as the default policy does (./auth-middleware.ts reports it).
      if (mount.authenticatedBy) continue;
      if (plugin.target === 'feature' || plugin.target === 'module') {
        output.behaviour.push({
          kind: 'access',
          plugin: plugin.id,
          source: at(input, mount.line),
          kept: false,
          change: `its feature (${plugin.package}) brings its package's own auth policies: its routes now ask for user or service credentials except those the package opens itself${plugin.id === 'auth' || plugin.id === 'app' ? ' (it opens its public routes itself)' : ''}; a script that called /api/${plugin.id} without a token needs a token of backend.auth.externalAccess`,
        });
        continue;
      }
      if (!plugin.adds.length) continue;
      const name = legacyAccessModuleName(plugin.id);
      const { modulePath, display, taken } = generatedPath(input, name);
      if (taken) {
        output.refused.push(`${at(input, mount.line)}: ${plugin.id}: ${display} exists already: wire-plugin would keep the plugin open to requests without credentials there; move or remove it, then run migrate again`);
        continue;
      }
      emit(input, output, {
        modulePath,
        text: printLegacyAccessModule({ pluginId: plugin.id, line: mount.line }, input.style),
        slots: [plugin.id, String(mount.line)],
        translation: { kind: 'legacy-access', lines: [mount.line], file: display, authPolicy: "{ path: '/', allow: 'unauthenticated' }" },
      });
      output.accessOf.set(plugin, `./modules/${name}`);
      output.behaviour.push({
        kind: 'access',
        plugin: plugin.id,
        source: at(input, mount.line),
        kept: true,
        change: `kept open to requests without credentials, as the legacy api router served it: ${display} adds an unauthenticated auth policy for the whole plugin; delete it and its backend.add to ask for credentials (the new default)`,
      });
    }
  },
};
