/**
 * The auth providers a legacy auth backend served without naming them: its
 * createRouter merges `defaultAuthProviderFactories` under the module's own
 * providers (read in @backstage/plugin-auth-backend 0.22's router), so every
 * built-in provider app-config configures signs in. The new auth plugin
 * passes `disableDefaultProviderFactories: true` and serves only the
 * providers whose modules are added: each configured one needs its module.
 */
import type { FileTree } from '../../commit/tree';
import { loadYaml, parseYaml } from '../../../transforms/lib/yaml';
import { appConfigFiles } from './behaviour';

const MODULE = (name: string): string => `@backstage/plugin-auth-backend-module-${name}-provider`;

/** defaultAuthProviderFactories, by app-config key: the new system's module for each (none for saml). */
export const DEFAULT_PROVIDER_MODULES: Readonly<Record<string, string | null>> = {
  google: MODULE('google'),
  github: MODULE('github'),
  gitlab: MODULE('gitlab'),
  saml: null,
  okta: MODULE('okta'),
  auth0: MODULE('auth0'),
  microsoft: MODULE('microsoft'),
  easyAuth: MODULE('azure-easyauth'),
  oauth2: MODULE('oauth2'),
  oidc: MODULE('oidc'),
  onelogin: MODULE('onelogin'),
  awsalb: MODULE('aws-alb'),
  bitbucket: MODULE('bitbucket'),
  bitbucketServer: MODULE('bitbucket-server'),
  atlassian: MODULE('atlassian'),
};

/** A built-in provider app-config configures, with where (`app-config.yaml:42`). */
export interface ConfiguredProvider {
  readonly provider: string;
  readonly at: string;
}

/** The default providers the repo's root app-config files configure under auth.providers, in the order first met. */
export function configuredDefaultProviders(tree: FileTree, root: string): ConfiguredProvider[] {
  const found = new Map<string, string>();
  // yaml is required only by runs that read app-config (transforms/lib/yaml).
  const { isMap, isScalar } = loadYaml();
  for (const file of appConfigFiles(root)) {
    const text = tree.read(file);
    if (text === undefined) continue;
    const providers = parseYaml(text, tree.display(file)).getIn(['auth', 'providers'], true);
    if (!isMap(providers)) continue;
    for (const item of providers.items) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      if (key === undefined || !(key in DEFAULT_PROVIDER_MODULES) || found.has(key)) continue;
      const offset = isScalar(item.key) ? (item.key.range?.[0] ?? 0) : 0;
      found.set(key, `${tree.display(file)}:${text.slice(0, offset).split('\n').length}`);
    }
  }
  return [...found].map(([provider, at]) => ({ provider, at }));
}
