/**
 * Undoes `legacy-index`: removes a plugin's import of `./plugins/<id>`, its
 * `createEnv('<id>')` declaration and its route, with the lines they stand
 * on and nothing else. A piece something else still uses is kept, with a
 * warning. The default export is a jscodeshift transform (`--id=<id>`).
 */
import type { File, Statement } from '@babel/types';
import { identifierOffsets } from './lib/ast';
import { applyChanges, TextChange } from './lib/changes';
import { WireError } from './lib/errors';
import { pluginIdsOption, validatePluginId } from './lib/naming';
import { parseTypeScript } from './lib/parse';
import { nodeRange, Range, removeStatement, usedOutside } from './lib/removal';
import { LegacyPiece } from './legacy-index';
import { analyzeLegacyIndex, findPluginImport, findPluginRoutes, LegacyIndex } from './analysis/legacy-backend';
import { describeLegacyProblem } from './legacy-index';

export interface LegacyPluginRemoval {
  readonly id: string;
  readonly removed: readonly LegacyPiece[];
  readonly warnings: readonly string[];
}

export interface LegacyRemovalPlan {
  readonly changes: readonly TextChange[];
  readonly plugins: readonly LegacyPluginRemoval[];
}

export function planLegacyRemoval(
  source: string,
  ids: readonly string[],
  file = 'index.ts',
  parsed?: File,
  analyzed?: LegacyIndex,
): LegacyRemovalPlan {
  for (const id of ids) validatePluginId(id);
  const ast = parsed ?? parseTypeScript(source, file);
  const index = analyzed ?? analyzeLegacyIndex(ast, source);
  if ('kind' in index) throw describeLegacyProblem(file, index, ids);
  const offsets = identifierOffsets(ast.program);
  const going: Range[] = [];
  const changes: TextChange[] = [];
  const remove = (statement: Statement): void => {
    going.push(nodeRange(statement));
    changes.push(removeStatement(source, statement));
  };
  const plugins: LegacyPluginRemoval[] = [];

  for (const id of [...new Set(ids)]) {
    const warnings: string[] = [];
    const removed: LegacyPiece[] = [];
    const pluginImport = findPluginImport(index.imports, id);
    const alias = pluginImport?.alias;

    for (const route of findPluginRoutes(index, id, alias)) {
      if (route.statement) {
        remove(route.statement);
        if (!removed.includes('route')) removed.push('route');
      } else {
        warnings.push(`${file}: the ${id} route is part of a larger expression; remove it by hand`);
      }
    }
    for (const env of index.envDeclarations.filter(e => e.pluginId === id)) {
      const own = nodeRange(env.statement);
      if (env.statement.declarations.length !== 1) {
        warnings.push(`${file}: ${env.variable} is declared together with other variables; remove it by hand`);
      } else if (usedOutside(offsets, env.variable, [...going, own])) {
        warnings.push(`${file}: kept ${env.variable}: something else still uses it`);
      } else {
        remove(env.statement);
        if (!removed.includes('env')) removed.push('env');
      }
    }
    if (pluginImport) {
      const declaration = pluginImport.declaration;
      if (declaration.specifiers.length !== 1 || !alias) {
        warnings.push(`${file}: the import of ./plugins/${id} imports other names too; remove it by hand`);
      } else if (usedOutside(offsets, alias, [...going, nodeRange(declaration)])) {
        warnings.push(`${file}: kept the import of ./plugins/${id}: ${alias} is still used`);
      } else {
        remove(declaration);
        removed.push('import');
      }
    }
    plugins.push({ id, removed, warnings });
  }
  return { changes, plugins };
}

/** jscodeshift-style entry: `--id=<id>`; warnings go to jscodeshift's report. */
export default function transformer(
  file: { path?: string; source: string },
  api?: { report?: (message: string) => void },
  options: { id?: string | string[] } = {},
): string {
  const ids = pluginIdsOption(options.id);
  if (ids.length === 0) throw new WireError('legacy-index-remove: pass the plugin id with --id=<plugin-id>');
  const plan = planLegacyRemoval(file.source, ids, file.path ?? 'index.ts');
  for (const plugin of plan.plugins) for (const warning of plugin.warnings) api?.report?.(warning);
  return applyChanges(file.source, plan.changes);
}

export const parser = 'ts';
