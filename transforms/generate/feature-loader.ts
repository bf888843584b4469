/**
 * `src/modules/conditional-features.ts`, which migrate generates for plugins
 * the legacy backend mounted under conditions on its config
 * (`if (config.getOptionalBoolean('x.enabled')) { apiRouter.use('/x', ...) }`):
 * `createBackendFeatureLoader` (backend-plugin-api 0.8 and later) with
 * `coreServices.rootConfig`, whose loader runs the same conditions, as
 * written, on the same keys at startup and yields what migrate would have
 * added for each plugin, so a plugin whose condition is false is not there
 * at all (its routes answer 404, as the legacy catch-all did).
 */
import { stringLiteral } from '../lib/code-style';
import { coreServicesImport, GeneratedStyle } from './plugin-shell';

export interface ConditionalFeatures {
  /** The config parameter's name, as the conditions read it (`config`). */
  readonly configName: string;
  /** Each if statement: its condition as written, its line, and the expressions to yield (`import('...')`, `legacyPlugin(...)`). */
  readonly conditions: readonly { readonly test: string; readonly line: number; readonly yields: readonly string[] }[];
  /** Whether a bridge is yielded, so `legacyPlugin` is imported. */
  readonly bridges: boolean;
}

export const CONDITIONAL_FEATURES_MODULE = './modules/conditional-features';

export function printConditionalFeatures(module: ConditionalFeatures, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const lines = module.conditions.map(c => c.line);
  return [
    '/*',
    ` * The plugins the legacy backend mounted under config conditions (index.ts line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}),`,
    ' * moved here by wire-plugin migrate: the loader reads the same keys of the root',
    ' * config at startup and yields the same plugins under the same conditions.',
    ' */',
    ...coreServicesImport('createBackendFeatureLoader', style),
    ...(module.bridges ? [`import { legacyPlugin } from ${stringLiteral('@backstage/backend-common', style.quote)}${semi}`] : []),
    '',
    'export default createBackendFeatureLoader({',
    `${at(1)}deps: { ${module.configName}: coreServices.rootConfig },`,
    `${at(1)}*loader({ ${module.configName} }) {`,
    ...module.conditions.flatMap(condition => [
      `${at(2)}if (${condition.test.split(/\r?\n/).join(style.eol)}) {`,
      ...condition.yields.map(expression => `${at(3)}yield ${expression}${semi}`),
      `${at(2)}}`,
    ]),
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}
