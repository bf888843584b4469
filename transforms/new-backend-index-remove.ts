/**
 * Undoes `new-backend-index`: removes `backend.add(import('<package>'))`
 * (in any layout, with or without `.then(...)`) and the plugin's
 * `legacyPlugin('<id>', import('./plugins/<id>'))` bridge, with the lines they
 * stand on; and the `legacyPlugin` import once nothing uses it. Adds in forms
 * the tool never writes (by identifier, through a helper) are reported, not
 * touched. The default export is a jscodeshift transform (`--id --package`).
 */
import type { File } from '@babel/types';
import { identifierOffsets } from './lib/ast';
import { applyChanges, TextChange } from './lib/changes';
import { WireError } from './lib/errors';
import { validatePluginId } from './lib/naming';
import { parseTypeScript } from './lib/parse';
import { nodeRange, Range, removeStatement, usedOutside } from './lib/removal';
import { addRefersTo, findNewBackend, NewBackend } from './analysis/new-backend';
import { describeMissingBackend, isPluginModuleBridge, legacyPluginImport } from './new-backend-index';

export interface NewBackendRemovalRequest {
  readonly id: string;
  readonly packageName: string;
  /** A backend module of the plugin `id`: only its own adds go, never a bridge named `id`. */
  readonly module?: boolean;
  /** Other modules whose self-contained adds go too: the plugin's `./plugins/<id>` wrapper. */
  readonly alsoModules?: readonly string[];
}

export interface NewBackendPluginRemoval {
  readonly id: string;
  /** How many adds were removed. */
  readonly removed: number;
  /** Whether a removed add was a legacyPlugin bridge to `./plugins/<id>`. */
  readonly removedBridge: boolean;
  readonly warnings: readonly string[];
}

export interface NewBackendRemovalPlan {
  readonly changes: readonly TextChange[];
  readonly plugins: readonly NewBackendPluginRemoval[];
  /** Whether the plan removes the `legacyPlugin` import. */
  readonly removesLegacyPluginImport: boolean;
}

/** `found`: the backend of `parsed` when the caller has found it already (the AST is then not walked again). */
export function planNewBackendRemoval(source: string, requests: readonly NewBackendRemovalRequest[], file = 'index.ts', parsed?: File, found?: NewBackend): NewBackendRemovalPlan {
  for (const request of requests) validatePluginId(request.id);
  const ast = parsed ?? parseTypeScript(source, file);
  const backend = (parsed && found) || findNewBackend(ast, source);
  if (!backend) throw describeMissingBackend(file, ast);
  const changes: TextChange[] = [];
  const going: Range[] = [];
  const plugins: NewBackendPluginRemoval[] = [];
  const taken = new Set<unknown>();

  for (const request of requests) {
    const warnings: string[] = [];
    let removed = 0;
    let removedBridge = false;
    for (const add of backend.adds) {
      const bridge = !request.module && isPluginModuleBridge(add, request.id);
      const direct = add.selfContained && [request.packageName, ...(request.alsoModules ?? [])].some(module => addRefersTo(add, module));
      if ((bridge || direct) && add.statement && !taken.has(add)) {
        taken.add(add);
        changes.push(removeStatement(source, add.statement));
        going.push(nodeRange(add.statement));
        removed++;
        removedBridge ||= bridge;
      } else if (addRefersTo(add, request.packageName) && !taken.has(add)) {
        const line = source.slice(0, add.call.start ?? 0).split('\n').length;
        warnings.push(`${file}:${line}: ${request.packageName} is added in a form wire-plugin does not write; remove it by hand`);
      }
    }
    plugins.push({ id: request.id, removed, removedBridge, warnings });
  }

  // The bridge's import goes with the last bridge.
  let removesLegacyPluginImport = false;
  const bridgeImport = legacyPluginImport(backend.imports);
  if (bridgeImport && plugins.some(p => p.removedBridge) && bridgeImport.declaration.specifiers.length === 1) {
    const own = nodeRange(bridgeImport.declaration);
    if (!usedOutside(identifierOffsets(ast.program), bridgeImport.local, [...going, own])) {
      changes.push(removeStatement(source, bridgeImport.declaration));
      removesLegacyPluginImport = true;
    }
  }
  return { changes, plugins, removesLegacyPluginImport };
}

/** jscodeshift-style entry: `--id=<id> --package=<name> [--module]`. */
export default function transformer(
  file: { path?: string; source: string },
  api?: { report?: (message: string) => void },
  options: { id?: string; package?: string; module?: boolean } = {},
): string {
  if (!options.id || !options.package) throw new WireError('new-backend-index-remove: pass --id=<plugin-id> and --package=<name>');
  const module = Boolean(options.module);
  const request = { id: String(options.id), packageName: String(options.package), module, alsoModules: module ? [] : [`./plugins/${options.id}`] };
  const plan = planNewBackendRemoval(file.source, [request], file.path ?? 'index.ts');
  for (const plugin of plan.plugins) for (const warning of plugin.warnings) api?.report?.(warning);
  return applyChanges(file.source, plan.changes);
}

export const parser = 'ts';
