/**
 * URLs and data: a plugin module mounted below an installed plugin's path
 * with that plugin's env (`apiRouter.use('/auth/saml-proxy', await
 * samlProxy(authEnv))`) becomes a module of that plugin, which serves it at
 * the same URL with the plugin's own services.
 */
import { pluginRouteModuleId, printPluginRouteModule } from '../../../../transforms/generate/plugin-route';
import { COMMON_PACKAGE, reprintImport, routerFactory } from '../context';
import { readModuleEnvironment } from '../root-plugin-plan';
import { at, emit, Translation } from './translation';

export const pluginRoute: Translation = {
  kind: 'plugin-route',
  plan(input, output) {
    const { files } = input.context;
    const { quote, semicolons } = input.index.style;
    for (const { mount, pluginId, rest } of input.pluginRoutes) {
      const where = `/api/${pluginId}${rest}`;
      const refuse = (why: string, place?: string): { refusal: string } => ({
        refusal: place ? `${place}: ${mount.alias} (mounted by ${at(input, mount.line)}, at ${where}): ${why}` : `${at(input, mount.line)}: apiRouter.use('${where.slice(4)}', ...): ${why}`,
      });
      const otherwise = `serve ${where} from a module of ${pluginId} by hand`;
      const moduleId = pluginRouteModuleId(rest);
      const factory = routerFactory(input.index);
      const environment = moduleId
        ? readModuleEnvironment(input.context, input.index, mount, `${pluginId}-${moduleId}`, { otherwise, runs: `a module of ${pluginId} runs it from them` }, refuse)
        : refuse(`${rest} makes no module id (letters, digits, - and _ between slashes): ${otherwise}`);
      if ('refusal' in environment || !factory) {
        output.refused.push('refusal' in environment ? environment.refusal : refuse(`the router that mounts it at ${rest} is made as the api router was (an imported Router()), which this index.ts does not have: ${otherwise}`).refusal);
        continue;
      }
      const router = { importLine: reprintImport(files, factory.declaration, [factory.call], environment.moduleDir, quote, semicolons), call: factory.call };
      const display = files.tree.display(environment.generatedPath);
      emit(input, output, {
        modulePath: environment.generatedPath,
        text: printPluginRouteModule({ pluginId, moduleId: moduleId as string, name: mount.alias, importLine: environment.importLine, rest, fields: environment.fields, router, line: mount.line }, input.style),
        translation: { kind: 'plugin-route', lines: [mount.line], file: display, authPolicy: `{ path: '${rest}', allow: 'unauthenticated' }` },
        add: `./modules/${pluginId}-${moduleId}`,
      });
      if (environment.adapters) output.addedPackages.set(COMMON_PACKAGE, '');
      output.behaviour.push({
        kind: 'url',
        plugin: pluginId,
        source: at(input, mount.line),
        kept: true,
        change: `kept at ${where}, open as before: ${display}, a module of the ${pluginId} plugin, runs ${mount.alias} with that plugin's services (as the env it was given) and serves it below the plugin's router`,
      });
    }
  },
};
