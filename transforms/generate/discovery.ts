/**
 * `src/modules/discovery.ts`, which migrate generates for a discovery of
 * the app's own class that the legacy makeCreateEnv made from config
 * (`const discovery = MyDiscovery.fromConfig(config)`): a service factory
 * for `coreServices.discovery` that makes the same class from the root
 * config, added with backend.add, so every plugin (and the legacyPlugin
 * bridge) finds the others through it as before. `createServiceFactory`
 * returns the factory itself from backend-plugin-api 0.7.0 on (callable
 * there too, for the older form).
 */
import { coreServicesImport, GeneratedStyle } from './plugin-shell';

export interface DiscoveryModule {
  /** The expression as written, which reads `configName`. */
  readonly expression: string;
  readonly configName: string;
  readonly imports: readonly string[];
  readonly line: number;
}

export const DISCOVERY_MODULE = './modules/discovery';

export function printDiscoveryModule(module: DiscoveryModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const expression = module.expression.split(/\r?\n/).join(style.eol);
  return [
    '/*',
    ` * The discovery the legacy makeCreateEnv gave its plugins (index.ts line ${module.line}),`,
    ' * moved here by wire-plugin migrate: the same class, made from the root config,',
    ' * serves coreServices.discovery.',
    ' */',
    ...coreServicesImport('createServiceFactory', style),
    ...module.imports,
    '',
    'export default createServiceFactory({',
    `${at(1)}service: coreServices.discovery,`,
    `${at(1)}deps: { ${module.configName}: coreServices.rootConfig },`,
    `${at(1)}factory({ ${module.configName} }) {`,
    `${at(2)}return ${expression}${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
