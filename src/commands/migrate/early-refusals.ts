/**
 * Backends migrate refuses before it reads a single statement: a
 * half-migrated index.ts whose new backend is not at the top level, and a
 * backend from before the api router existed; each by its lines.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BackendFiles } from '../../repo/backend';
import { readFeatureDiscovery } from '../../repo/feature-discovery';
import { walk } from '../../../transforms/lib/ast';
import { parseTypeScript } from '../../../transforms/lib/parse';
import type { LegacyIndex } from '../../../transforms/analysis/legacy-backend';
import { findNewBackend } from '../../../transforms/analysis/new-backend';

/** The legacy statements beside createBackend() in a half-migrated index.ts, one line each. */
export function halfMigratedLines(files: BackendFiles, legacy: LegacyIndex): string[] {
  const backend = findNewBackend(files.ast, files.indexText);
  const lineOf = (offset: number): number => files.indexText.slice(0, offset).split('\n').length;
  const code = (start: number, end: number): string => files.indexText.slice(start, end).split(/\r?\n/)[0].trim().slice(0, 100);
  const out: string[] = [];
  // What to do instead follows wiring's rules: the form this release needs, and nothing added that discovery loads.
  const discovery = readFeatureDiscovery(files.tree, files.root, backend);
  const discovered =
    discovery && discovery.packages.kind !== 'none'
      ? `, and the backend discovers its features (${discovery.form}, backend.packages in app-config.yaml), so a plugin that has a feature needs only its dependency`
      : '';
  const why = `a legacy api router beside createBackend() (${backend?.name ?? 'backend'}), and migrate adds plugins only to a backend declared at the top level of the file with its start(): half migrated${discovered}; wire each of these plugins into the new backend with wire-plugin <id> (the form this release needs: its feature, the legacyPlugin bridge up to 1.31, a new-system wrapper after it, or under discovery the dependency only), then remove the router, its envs and createEnv, and run migrate again`;
  for (const statement of [legacy.router.declaration, ...legacy.routes.map(r => r.topStatement).filter((s): s is NonNullable<typeof s> => s !== undefined)]) {
    out.push(`${files.indexDisplay}:${lineOf(statement.start ?? 0)}: ${code(statement.start ?? 0, statement.end ?? 0)}: ${why}`);
  }
  return [...new Set(out)];
}

/**
 * The plugin mounts of a backend from before the api router existed:
 * `createServiceBuilder(module)...addRouter('/catalog', await catalog(env))`,
 * each plugin at `/<id>` on the service builder. The new backend serves
 * plugins at `/api/<pluginId>` only, so every URL would move: each mount is
 * refused by its line.
 */
export function preApiRouterMounts(backendDir: string, root: string): string[] {
  const indexPath = path.join(backendDir, 'src', 'index.ts');
  let source: string;
  try {
    source = fs.readFileSync(indexPath, 'utf8');
  } catch {
    return [];
  }
  if (!/createServiceBuilder\s*\(/.test(source)) return [];
  const display = path.relative(root, indexPath).split(path.sep).join('/');
  const out: string[] = [];
  walk(parseTypeScript(source, display).program, node => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'addRouter') return undefined;
    const [at, target] = node.arguments;
    const call = target?.type === 'AwaitExpression' ? target.argument : target;
    if (at?.type !== 'StringLiteral' || !at.value.startsWith('/') || call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
    const line = source.slice(0, node.callee.property.start ?? 0).split('\n').length;
    const code = source.slice(node.callee.property.start ?? 0, node.end ?? 0).split(/\r?\n/)[0].trim();
    out.push(`${display}:${line}: .${code}: a backend from before the api router: ${call.callee.name} is served at ${at.value}, and the new backend serves plugins at /api/<pluginId> only, so its URLs would move; mount the plugins on an api router at /api first (const apiRouter = Router(); apiRouter.use('${at.value}', ...); .addRouter('/api', apiRouter)), then run migrate again`);
    return undefined;
  });
  return out.sort((a, b) => Number(/:(\d+):/.exec(a)?.[1]) - Number(/:(\d+):/.exec(b)?.[1]));
}
