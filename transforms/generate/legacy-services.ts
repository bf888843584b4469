/**
 * `src/modules/legacy-services.ts`, which migrate generates when the legacy
 * makeCreateEnv gave every plugin the events or signals service made as the
 * new backend makes its own (`DefaultEventsService.create({ logger: root,
 * config })`, `DefaultSignalsService.create({ events })`): a plugin that
 * takes the new backend's (eventsServiceRef, signalsServiceRef) and hands
 * them to the plugins kept on the bridge, whose adapters add them to the env
 * legacyPlugin gives (`signals: (await legacyServices()).signals`). The new
 * backend starts its plugins together (backend-app-api 0.9.3), so an
 * adapter's wait ends when this plugin has started; it waits on nothing.
 */
import { stringLiteral } from '../lib/code-style';
import { GeneratedStyle, printObject, wrapComment } from './plugin-shell';

export const LEGACY_SERVICES_MODULE = 'legacy-services';

/** The adapters' call, which the module exports. */
export const LEGACY_SERVICES = 'legacyServices';

/** Each service: its ref and the package that exports it. */
const REFS: Readonly<Record<'events' | 'signals', { readonly ref: string; readonly from: string }>> = {
  events: { ref: 'eventsServiceRef', from: '@backstage/plugin-events-node' },
  signals: { ref: 'signalsServiceRef', from: '@backstage/plugin-signals-node' },
};

export interface LegacyServicesModule {
  /** The services handed on, in the order makeCreateEnv made them. */
  readonly services: readonly ('events' | 'signals')[];
  readonly lines: readonly number[];
}

/** The adapters' import of the call (they are in the same folder). */
export function legacyServicesImport(style: GeneratedStyle): string {
  return `import { ${LEGACY_SERVICES} } from ${stringLiteral(`./${LEGACY_SERVICES_MODULE}`, style.quote)}${style.semicolons ? ';' : ''}`;
}

export function printLegacyServicesModule(module: LegacyServicesModule, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const q = (text: string): string => stringLiteral(text, style.quote);
  const lines = module.lines.length === 1 ? `line ${module.lines[0]}` : `lines ${module.lines.join(', ')}`;
  const deps = module.services.map(service => `${service}: ${REFS[service].ref}`);
  return [
    '/*',
    ...wrapComment(
      `The ${module.services.join(' and ')} service${module.services.length > 1 ? 's' : ''} the legacy makeCreateEnv gave every plugin (index.ts ${lines}), moved here by wire-plugin migrate: the new backend makes ${module.services.length > 1 ? 'them' : 'it'} itself, and this plugin hands ${module.services.length > 1 ? 'them' : 'it'} to the plugins kept on the bridge, whose adapters add ${module.services.length > 1 ? 'them' : 'it'} to the env legacyPlugin gives, so they publish and subscribe where the new backend's plugins do, as they shared one before.`,
    ),
    ' */',
    `import { createBackendPlugin } from ${q('@backstage/backend-plugin-api')}${semi}`,
    ...module.services.map(service => `import { ${REFS[service].ref} } from ${q(REFS[service].from)}${semi}`),
    '',
    `type LegacyServices = {`,
    ...module.services.map(service => `${at(1)}${service}: typeof ${REFS[service].ref}.T${semi}`),
    `}${semi}`,
    '',
    `let handOver: (services: LegacyServices) => void${semi}`,
    // A function, not an arrow: prettier prints its parameter alike under either arrowParens.
    `const services = new Promise<LegacyServices>(function wait(resolve) {`,
    `${at(1)}handOver = resolve${semi}`,
    `})${semi}`,
    '',
    `/** The new backend's services, once this plugin has started: the adapters await them. */`,
    `export function ${LEGACY_SERVICES}(): Promise<LegacyServices> {`,
    `${at(1)}return services${semi}`,
    `}`,
    '',
    `export default createBackendPlugin({`,
    `${at(1)}pluginId: ${q(LEGACY_SERVICES_MODULE)},`,
    `${at(1)}register(env) {`,
    `${at(2)}env.registerInit({`,
    ...printObject('deps: ', deps, ',', 3, style).map(line => `${at(3)}${line}`),
    `${at(3)}async init({ ${module.services.join(', ')} }) {`,
    `${at(4)}handOver({ ${module.services.join(', ')} })${semi}`,
    `${at(3)}},`,
    `${at(2)}})${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
