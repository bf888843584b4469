/**
 * `src/modules/<id>-legacy-access.ts`, which migrate generates for each
 * plugin it keeps on its legacy code (the legacyPlugin bridge, a new-system
 * wrapper): a module of that plugin that opens its routes to requests
 * without credentials. The legacy api router asked for none; the new
 * backend system asks for user or service credentials on every plugin
 * route unless the plugin adds an auth policy, and legacyPlugin adds none
 * (makeLegacyPlugin in backend-common 0.24). A module of a plugin gets that
 * plugin's httpRouter, so its policy is the plugin's own. Deleting the file
 * and its backend.add opts into the new default.
 */
import { GeneratedStyle, printAuthPolicy, printPluginShell } from './plugin-shell';

export const LEGACY_ACCESS_MODULE_ID = 'legacy-access';

export interface LegacyAccessModule {
  readonly pluginId: string;
  /** The index.ts line that mounted the plugin. */
  readonly line: number;
}

export function legacyAccessModuleName(pluginId: string): string {
  return `${pluginId}-${LEGACY_ACCESS_MODULE_ID}`;
}

export function printLegacyAccessModule(module: LegacyAccessModule, style: GeneratedStyle): string {
  return printPluginShell(
    {
      comment: [
        `The legacy backend served the ${module.pluginId} plugin (index.ts line ${module.line}) with no`,
        'credentials check; the new backend system asks for credentials by default.',
        'wire-plugin migrate keeps it open, as it was: delete this module and its',
        'backend.add to ask for credentials instead.',
      ],
      imports: [],
      pluginId: module.pluginId,
      moduleId: LEGACY_ACCESS_MODULE_ID,
      deps: ['deps: { httpRouter: coreServices.httpRouter },'],
      params: '{ httpRouter }',
      body: () => printAuthPolicy('/', style),
    },
    style,
  );
}
