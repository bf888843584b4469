/**
 * The id a package is wired under on a legacy backend when it is not the
 * id the package names: `import dql from './plugins/dynatrace-dql'`, whose
 * module imports `@dynatrace/backstage-plugin-dql-backend` (id `dql` by its
 * name), mounted at `/dynatrace-dql`. Removing or wiring the package by its
 * own id would miss that wiring (and removal took the dependency the
 * module still imports).
 */
import * as path from 'path';
import { findPluginImport } from '../../../transforms/analysis/legacy-backend';
import { importsModule } from './backend-imports';
import type { Context } from './context';

/** The one plugin module of index.ts that imports `packageName`, where `id` itself has no wiring; else undefined. */
export function legacyWiredId(context: Context, id: string, packageName: string): string | undefined {
  const index = context.legacy;
  if (context.system !== 'legacy' || !index) return undefined;
  const wired = findPluginImport(index.imports, id) || index.envDeclarations.some(env => env.pluginId === id) || index.routes.some(route => route.path === `/${id}`);
  if (wired) return undefined;
  const names = new Set<string>();
  for (const declaration of index.imports) {
    // Names a plugin id can be: the removal and the wiring find it by them.
    const name = /^\.\/plugins\/([a-z0-9-]+)$/.exec(declaration.source.value)?.[1];
    if (!name || declaration.importKind === 'type') continue;
    const base = path.join(context.backendDir, 'src', 'plugins', name);
    const text = context.tree.read(`${base}.ts`) ?? readIfFile(context, path.join(base, 'index.ts'));
    if (text !== undefined && importsModule(text, packageName)) names.add(name);
  }
  return names.size === 1 ? [...names][0] : undefined;
}

function readIfFile(context: Context, file: string): string | undefined {
  try {
    return context.tree.read(file);
  } catch {
    return undefined;
  }
}
