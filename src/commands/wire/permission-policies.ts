/**
 * The permission plugin takes one policy: a package that sets one
 * (`policy.setPolicy(...)`: the community RBAC backend, create-app's
 * allow-all policy module, a policy module of the app's own) wired where the
 * backend loads another that sets one would stop the start with "Policy
 * already set". Refused before anything is written, naming the other's add.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../../transforms/lib/errors';
import { identityFromName, packageOfSpecifier } from '../../../transforms/lib/package-names';
import { lineOf } from '../../../transforms/lib/text';
import { discovers } from '../../../transforms/app-config-packages';
import { fileSetsPermissionPolicy, setsPermissionPolicy } from '../../repo/permission-policy';
import { registeredIds } from '../../repo/registered-ids';
import { Context, discoveryOf, newBackendOf, Plugin } from './context';
import type { WiringForm } from './report';

export function checkPermissionPolicies(context: Context, plugins: readonly Plugin[], forms: readonly WiringForm[]): void {
  const { backendDir, workspace } = context;
  const dirOf = (name: string): string | undefined => workspace.findByName(backendDir, name)?.dir;
  const isPolicy = (dir: string | undefined): boolean => registeredIds(dir).modules.includes('permission') && setsPermissionPolicy(dir);
  // Not installed, so no code to read: a module of permission named for a policy (create-app's allow-all-policy) sets one.
  const namedPolicy = (name: string): boolean => identityFromName(name)?.pluginId === 'permission' && identityFromName(name)?.role === 'module' && /-policy$/.test(name);
  const packageSetsPolicy = (name: string): boolean => {
    const dir = dirOf(name);
    return dir === undefined ? namedPolicy(name) : isPolicy(dir);
  };
  const setters = plugins.filter((plugin, i) => (forms[i] === 'feature' || forms[i] === 'discovered') && isPolicy(plugin.pkg.dir ?? dirOf(plugin.pkg.name)));
  if (!setters.length) return;
  const wiring = new Set(plugins.map(p => p.pkg.name));
  const others: string[] = [];
  for (const add of newBackendOf(context)?.adds ?? []) {
    const where = `${context.indexDisplay}:${lineOf(context.indexText, add.call.start ?? 0)}`;
    for (const specifier of add.imported.length ? add.imported : add.modules) {
      const name = packageOfSpecifier(specifier);
      if (name !== undefined ? !wiring.has(name) && packageSetsPolicy(name) : localSetsPolicy(context, specifier)) others.push(`${where}: ${name ?? specifier}`);
    }
  }
  const discovery = discoveryOf(context);
  if (discovery && discovery.packages.kind !== 'none') {
    for (const name of Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>)) {
      if (!wiring.has(name) && discovers(discovery.packages, name, true) && packageSetsPolicy(name)) others.push(`${context.tree.display(discovery.configPath)}: ${name} (discovered)`);
    }
  }
  const [first, second] = setters;
  const other = others[0] ?? (second ? `${second.pkg.name} (wired in this run too)` : undefined);
  if (other === undefined) return;
  const [at, name] = other.includes(': ') ? [`${other.slice(0, other.indexOf(': '))}: `, other.slice(other.indexOf(': ') + 2)] : ['', other];
  throw new WireError(
    `${at}${name} sets the permission policy, and ${first.pkg.name} sets one too: the permission plugin takes one, and the backend would stop at start ("Policy already set"); take that one out first, then wire ${first.pkg.name}`,
  );
}

/** Whether a module of the backend's own that index.ts adds (`import('./extensions/permission')`) sets the policy. */
function localSetsPolicy(context: Context, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const base = path.resolve(path.dirname(context.indexPath), specifier).replace(/\.[cm]?[jt]sx?$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return fileSetsPermissionPolicy(candidate, file => context.tree.read(file));
  }
  return false;
}
