/**
 * Into a half-migrated backend (a top-level createBackend() beside the
 * legacy api router): a plugin it adds already is not added again, and a
 * feature its feature discovery loads gets its dependency only (and the
 * include list its package), as wiring does.
 */
import { applyChanges } from '../../../transforms/lib/changes';
import { packageOfSpecifier } from '../../../transforms/lib/package-names';
import { planDiscoveryList } from '../../../transforms/app-config-packages';
import { addRefersTo, NewBackend } from '../../../transforms/analysis/new-backend';
import { readFeatureDiscovery } from '../../repo/feature-discovery';
import type { Context } from './context';
import type { MigratedPlugin } from './report';

/** Rewrites `plugins` in place for the existing backend; the app-config file it edited, if any. */
export function mergeIntoExistingBackend(context: Context, existing: NewBackend, plugins: MigratedPlugin[]): string | undefined {
  const { files } = context;
  const { tree, root } = files;
  const discovery = readFeatureDiscovery(tree, root, existing);
  const discovers = discovery !== undefined && discovery.packages.kind !== 'none';
  let config = discovery?.configText;
  for (const [i, plugin] of plugins.entries()) {
    const already = existing.adds.some(add => (add.legacyBridge && add.legacyBridge.id === plugin.id) || plugin.adds.some(specifier => addRefersTo(add, specifier)));
    if (already) {
      plugins[i] = { ...plugin, adds: [], reason: `${plugin.reason}; ${files.indexDisplay} adds it already` };
      continue;
    }
    if (!discovers || (plugin.target !== 'feature' && plugin.target !== 'module') || !discovery) continue;
    for (const specifier of plugin.adds) {
      const name = packageOfSpecifier(specifier);
      if (name && config !== undefined) config = applyChanges(config, planDiscoveryList(config, tree.display(discovery.configPath), name).changes);
    }
    plugins[i] = { ...plugin, adds: [], reason: `${plugin.reason}; discovered (${discovery.form}, backend.packages in app-config.yaml): the dependency only` };
  }
  if (!discovery || config === undefined || config === discovery.configText) return undefined;
  tree.write(discovery.configPath, config);
  return discovery.configPath;
}
