/**
 * `src/modules/identity.ts`, which migrate generates when the legacy
 * makeCreateEnv gave its plugins an identity client with options of its own
 * (`DefaultIdentityClient.create({ discovery, issuer: await
 * discovery.getExternalBaseUrl('auth'), algorithms: ['ES256', 'RS256'] })`):
 * a service factory for `coreServices.identity` that makes it with the same
 * expression, the discovery being `coreServices.discovery` under the name
 * the expression reads it by, so that the identity of every plugin on the
 * bridge (legacyPlugin's `env.identity`) checks tokens as before. It is what
 * backend-app-api's identityServiceFactory makes
 * (`DefaultIdentityClient.create({ discovery, ...options })`, read in 0.7.9
 * and 0.9.3), with the options written out.
 */
import { continuedAt, coreServicesImport, GeneratedStyle, printObject, wrapComment } from './plugin-shell';

export const IDENTITY_MODULE = 'identity';

export interface IdentityModule {
  /** The expression as written; lines after the first indented relative to the first's line. */
  readonly expression: string;
  /** The names it reads the discovery and the config by. */
  readonly discoveryName: string;
  readonly configName?: string;
  readonly imports: readonly string[];
  readonly line: number;
}

export function printIdentityModule(module: IdentityModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const deps = [`${module.discoveryName}: coreServices.discovery`, ...(module.configName ? [`${module.configName}: coreServices.rootConfig`] : [])];
  const names = [module.discoveryName, ...(module.configName ? [module.configName] : [])];
  // `issuer: await discovery.getExternalBaseUrl('auth')`: the factory awaits as makeCreateEnv did.
  const async = /\bawait\b/.test(module.expression) ? 'async ' : '';
  return [
    '/*',
    ...wrapComment(
      `The identity client the legacy makeCreateEnv gave its plugins (index.ts line ${module.line}), moved here by wire-plugin migrate: the same options serve coreServices.identity, which legacyPlugin gives the bridged plugins as env.identity.`,
    ),
    ' */',
    ...coreServicesImport('createServiceFactory', style),
    ...module.imports,
    '',
    'export default createServiceFactory({',
    `${at(1)}service: coreServices.identity,`,
    ...printObject('deps: ', deps, ',', 1, style).map(line => `${at(1)}${line}`),
    `${at(1)}${async}factory({ ${names.join(', ')} }) {`,
    `${at(2)}return ${continuedAt(module.expression, 2, style)}${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
