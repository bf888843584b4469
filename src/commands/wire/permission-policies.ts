/**
 * The permission plugin takes one policy: a package that sets one
 * (`policy.setPolicy(...)`: the community RBAC backend, create-app's
 * allow-all policy module, a policy module of the app's own) wired where the
 * backend loads another that sets one would stop the start with "Policy
 * already set". Refused before anything is written, naming the other's add.
 */
import { WireError } from '../../../transforms/lib/errors';
import { packageOfSpecifier } from '../../../transforms/lib/package-names';
import { lineOf } from '../../../transforms/lib/text';
import { discovers } from '../../../transforms/app-config-packages';
import { addedModuleSetsPolicy, declaredModuleSetsPolicy, packageSetsPolicy } from '../../repo/permission-policy';
import { declaredFeature } from '../../../transforms/analysis/new-backend';
import { Context, discoveryOf, newBackendOf, Plugin } from './context';
import type { WiringForm } from './report';

export function checkPermissionPolicies(context: Context, plugins: readonly Plugin[], forms: readonly WiringForm[]): void {
  const { backendDir, workspace } = context;
  const dirOf = (name: string): string | undefined => workspace.findByName(backendDir, name)?.dir;
  const setters = plugins.filter((plugin, i) => (forms[i] === 'feature' || forms[i] === 'discovered') && packageSetsPolicy(plugin.pkg.dir ?? dirOf(plugin.pkg.name)));
  if (!setters.length) return;
  const wiring = new Set(plugins.map(p => p.pkg.name));
  const where = { indexPath: context.indexPath, dirOf, read: (file: string) => context.tree.read(file) };
  /** The other policy's add (or discovery), and what it is. */
  const others: { at: string; name: string }[] = [];
  for (const add of newBackendOf(context)?.adds ?? []) {
    // A policy module index.ts declares itself (`const customPermissionModule = createBackendModule({...})`).
    const declared = declaredFeature(context.ast, add);
    if (declared && declaredModuleSetsPolicy(context.indexText, declared.call)) {
      others.push({ at: `${context.indexDisplay}:${lineOf(context.indexText, add.call.start ?? 0)}: `, name: declared.name });
    }
    for (const specifier of add.imported.length ? add.imported : add.modules) {
      const name = packageOfSpecifier(specifier);
      if ((name === undefined || !wiring.has(name)) && addedModuleSetsPolicy(name ?? specifier, where)) {
        others.push({ at: `${context.indexDisplay}:${lineOf(context.indexText, add.call.start ?? 0)}: `, name: name ?? specifier });
      }
    }
  }
  const discovery = discoveryOf(context);
  if (discovery && discovery.packages.kind !== 'none') {
    for (const name of Object.keys((context.backendJson.dependencies ?? {}) as Record<string, unknown>)) {
      if (!wiring.has(name) && discovers(discovery.packages, name, true) && addedModuleSetsPolicy(name, where)) {
        others.push({ at: `${context.tree.display(discovery.configPath)}: `, name: `${name} (discovered)` });
      }
    }
  }
  const [first, second] = setters;
  const other = others[0] ?? (second ? { at: '', name: `${second.pkg.name} (wired in this run too)` } : undefined);
  if (other === undefined) return;
  throw new WireError(
    `${other.at}${other.name} sets the permission policy, and ${first.pkg.name} sets one too: the permission plugin takes one, and the backend would stop at start ("Policy already set"); take that one out first, then wire ${first.pkg.name}`,
  );
}
