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

/** The id (and file) of the one plugin module of index.ts that imports `packageName`, where `id` itself has no wiring; else undefined. */
export function legacyWiredId(context: Context, id: string, packageName: string): { id: string; file: string } | undefined {
  const index = context.legacy;
  if (context.system !== 'legacy' || !index) return undefined;
  const wired = findPluginImport(index.imports, id) || index.envDeclarations.some(env => env.pluginId === id) || index.routes.some(route => route.path === `/${id}`);
  if (wired) return undefined;
  const found = new Map<string, string>();
  for (const declaration of index.imports) {
    // Names a plugin id can be: the removal and the wiring find it by them.
    const name = /^\.\/plugins\/([a-z0-9-]+)$/.exec(declaration.source.value)?.[1];
    if (!name || declaration.importKind === 'type') continue;
    const base = path.join(context.backendDir, 'src', 'plugins', name);
    for (const file of [`${base}.ts`, path.join(base, 'index.ts')]) {
      const text = context.tree.read(file);
      if (text === undefined) continue;
      if (importsModule(text, packageName)) found.set(name, file);
      break;
    }
  }
  if (found.size !== 1) return undefined;
  const [[name, file]] = [...found];
  return { id: name, file };
}
