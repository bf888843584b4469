/**
 * What every planning step of the backend half shares: the tree, the
 * backend's files, the parsed index, and what is read once a run.
 */
import * as path from 'path';
import { BackendFiles } from '../../repo/backend';
import { applyChanges, TextChange } from '../../../transforms/lib/changes';
import { BackendRole } from '../../../transforms/lib/package-names';
import { readPluginEnvironment } from '../../repo/plugin-environment';
import { PluginShape } from '../../repo/plugin-introspection';
import { FeatureDiscovery, readFeatureDiscovery } from '../../repo/feature-discovery';
import { codeIdentity } from '../../repo/registered-ids';
import { PluginTarget } from '../../repo/targets';
import { Workspace } from '../../repo/workspace';
import { findNewBackend, NewBackend } from '../../../transforms/analysis/new-backend';
import { LocalFeatures, withLocalLoaders, workspaceEntries } from '../../repo/local-features';
import { WiringForm, WireOptions } from './report';

/** What every planning step shares: the tree, the backend's files, the parsed index. */
export interface Context extends BackendFiles {
  readonly options: WireOptions;
  readonly workspace: Workspace;
  /** The edits index.ts got, against the text its AST was parsed from: validation re-parses only what they changed. */
  indexEdits?: readonly TextChange[];
  /** What is read once a run and needed per plugin. */
  readonly memo: { environment?: readonly string[]; newBackend?: NewBackend | null; discovery?: FeatureDiscovery | null };
}

export function writeIndex(context: Context, edits: readonly TextChange[]): void {
  context.tree.write(context.indexPath, applyChanges(context.indexText, edits));
  context.indexEdits = edits;
}

export interface Plugin extends PluginTarget {
  readonly shape: PluginShape;
  readonly warnings: string[];
}

/** The new backend as index.ts has it, found once a run. */
export function newBackendOf(context: Context): NewBackend | undefined {
  if (context.memo.newBackend === undefined) {
    const found = findNewBackend(context.ast, context.indexText);
    const entry = workspaceEntries(name => context.workspace.findByName(context.backendDir, name));
    context.memo.newBackend = found ? withLocalLoaders(found, new LocalFeatures(file => context.tree.read(file), context.indexPath, entry)) : null;
  }
  return context.memo.newBackend ?? undefined;
}

/** The repo's feature discovery, read once a run. */
export function discoveryOf(context: Context): FeatureDiscovery | undefined {
  if (context.memo.discovery === undefined) context.memo.discovery = readFeatureDiscovery(context.tree, context.root, newBackendOf(context)) ?? null;
  return context.memo.discovery ?? undefined;
}

/**
 * The id and kind a report names: for a feature (added or discovered),
 * what its code registers (`createBackendModule({ pluginId: 'permission' })`
 * in a package whose package.json says `rbac` is a module of `permission`);
 * a legacy mount, a bridge or a wrapper registers the id it is wired by.
 */
export function reportedIdentity(plugin: Plugin, form: WiringForm | undefined): { id: string; role: BackendRole } {
  if (form !== 'feature' && form !== 'discovered') return { id: plugin.id, role: plugin.role };
  const registered = codeIdentity(plugin.pkg.dir, { pluginId: plugin.id, role: plugin.role });
  return { id: registered.pluginId, role: registered.role };
}

export function pluginModulePath(context: Context, id: string): string {
  return path.join(context.backendDir, 'src', 'plugins', `${id}.ts`);
}

export function typesPath(context: Context): string {
  return path.join(context.backendDir, 'src', 'types.ts');
}

/** The fields of the backend's PluginEnvironment (src/types.ts), read once a run however many plugins need them. */
export function pluginEnvironmentFields(context: Context): readonly string[] | undefined {
  if (!('environment' in context.memo)) {
    const text = context.tree.read(typesPath(context));
    context.memo.environment = text === undefined ? undefined : readPluginEnvironment(text, context.tree.display(typesPath(context)));
  }
  return context.memo.environment;
}

/** package.json files as the run's workspace read them; a broken one is none (prettier skips it too). */
export function packageJsonOf(context: Context): (file: string) => Record<string, unknown> | undefined {
  return file => {
    try {
      return context.workspace.packageJson(file);
    } catch {
      return undefined;
    }
  };
}
