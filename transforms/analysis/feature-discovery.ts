/**
 * Feature discovery in a new backend's index.ts: `backend.add(discoveryFeatureLoader)`
 * (from `@backstage/backend-defaults`, under any local name), or the older
 * `backend.add(featureDiscoveryServiceFactory())` from
 * `@backstage/backend-app-api/alpha`. Either loads the backend's plugin and
 * module dependencies as app-config's `backend.packages` says.
 */
import type { Node } from '@babel/types';
import type { BackendAdd, NewBackend } from './new-backend';

export type DiscoveryForm = 'discoveryFeatureLoader' | 'featureDiscoveryServiceFactory';

export interface DiscoveryAdd {
  readonly form: DiscoveryForm;
  readonly add: BackendAdd;
  /** 1-based line of the add. */
  readonly line: number;
}

/** What each discovery export is, by the module it comes from. */
function discoveryForm(imported: string, source: string): DiscoveryForm | undefined {
  if (imported === 'discoveryFeatureLoader' && source === '@backstage/backend-defaults') return 'discoveryFeatureLoader';
  if (imported === 'featureDiscoveryServiceFactory' && /^@backstage\/backend-(app-api|defaults)(\/alpha)?$/.test(source)) return 'featureDiscoveryServiceFactory';
  return undefined;
}

export function findFeatureDiscovery(backend: NewBackend): DiscoveryAdd | undefined {
  const forms = new Map<string, DiscoveryForm>();
  for (const declaration of backend.imports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      const form = discoveryForm(imported, declaration.source.value);
      if (form) forms.set(specifier.local.name, form);
    }
  }
  if (forms.size === 0) return undefined;
  for (const add of backend.adds) {
    let argument: Node | undefined = add.call.arguments[0];
    if (argument?.type === 'CallExpression') argument = argument.callee;
    const form = argument?.type === 'Identifier' ? forms.get(argument.name) : undefined;
    if (form) return { form, add, line: add.call.loc?.start.line ?? 0 };
  }
  return undefined;
}
