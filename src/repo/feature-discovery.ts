/**
 * Whether a new backend discovers its features, and what app-config says it
 * discovers: index.ts's discovery add (found by the analysis in transforms/)
 * with `backend.packages` in the repo's `app-config.yaml`. The backend loads
 * other config files too (`app-config.local.yaml` in development,
 * `app-config.production.yaml` with --config); one of those that also sets
 * `backend.packages` is named in a warning, since it can change what is
 * discovered where it is loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DiscoveryPackages, readDiscoveryPackages } from '../../transforms/app-config-packages';
import { DiscoveryAdd, findFeatureDiscovery } from '../../transforms/analysis/feature-discovery';
import type { NewBackend } from '../../transforms/analysis/new-backend';
import type { FileTree } from '../commit/tree';

export interface FeatureDiscovery extends DiscoveryAdd {
  readonly configPath: string;
  /** The config's text as read; undefined when the repo has no app-config.yaml. */
  readonly configText?: string;
  readonly packages: DiscoveryPackages;
  readonly warnings: readonly string[];
}

export function readFeatureDiscovery(tree: FileTree, root: string, backend: NewBackend | undefined): FeatureDiscovery | undefined {
  const add = backend && findFeatureDiscovery(backend);
  if (!add) return undefined;
  const configPath = path.join(root, 'app-config.yaml');
  const configText = tree.read(configPath);
  const packages: DiscoveryPackages = configText === undefined ? { kind: 'none' } : readDiscoveryPackages(configText, tree.display(configPath));
  const warnings: string[] = [];
  let others: string[] = [];
  try {
    others = fs.readdirSync(root).filter(name => /^app-config\..+\.ya?ml$/.test(name)).sort();
  } catch {
    others = [];
  }
  for (const name of others) {
    const file = path.join(root, name);
    const text = tree.read(file);
    if (text === undefined) continue;
    let other: DiscoveryPackages;
    try {
      other = readDiscoveryPackages(text, name);
    } catch {
      continue; // Not ours to judge; the backend will say what is wrong with it.
    }
    if (other.kind !== 'none') {
      warnings.push(`${name}:${other.line}: also sets backend.packages, which decides what discovery loads where that file is loaded; wire-plugin followed app-config.yaml`);
    }
  }
  return { ...add, configPath, configText, packages, warnings };
}
