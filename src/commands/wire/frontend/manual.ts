/**
 * What the tool does not write, named in the report with the lines to add:
 * a required external route (the app cannot know which page it should point
 * at), an API the plugin defines and gives no factory for, config keys its
 * schema requires, and a plugin nothing in the routes renders. Each is left
 * out once the repo has it.
 */
import { loadYaml } from '../../../../transforms/lib/yaml';
import { FrontendExports, FrontendPackage } from '../../../repo/frontend-package';
import { FrontendContext } from './types';

export function manualStepsFor(context: FrontendContext, plugin: FrontendPackage, exports: FrontendExports, rendered: boolean): string[] {
  const { tree, files } = context;
  const appTsx = tree.display(files.appTsxPath);
  const appText = tree.read(files.appTsxPath) ?? '';
  const configText = tree.read(files.configPath);
  const config = tree.display(files.configPath);
  const pluginName = exports.plugin ?? `${plugin.pluginId}Plugin`;
  const steps: string[] = [];
  for (const key of exports.requiredExternalRoutes) {
    if (appText.includes(`${pluginName}.externalRoutes`) || configText?.includes(`${plugin.pluginId}.${key}`)) continue;
    steps.push(
      `${appTsx}: ${plugin.pkg.name} has the required external route ${key}: bind it in createApp's bindRoutes, bind(${pluginName}.externalRoutes, { ${key}: <a route of another plugin> }), or in ${config} under app.routes.bindings: ${plugin.pluginId}.${key}: <plugin>.<route>`,
    );
  }
  // The app's apis.ts that imports from the package and makes factories has its API already.
  const apisPath = files.appTsxPath.replace(/App\.tsx$/, 'apis.ts');
  const apisText = tree.read(apisPath) ?? '';
  const factoryThere = apisText.includes('createApiFactory') && new RegExp(`from\\s*['"]${plugin.pkg.name.replace(/[/.-]/g, '\\$&')}['"]`).test(apisText);
  for (const api of factoryThere ? [] : exports.apisWithoutFactory) {
    steps.push(
      `${tree.display(files.appTsxPath.replace(/App\.tsx$/, 'apis.ts'))}: ${plugin.pkg.name} defines the API '${api}' and provides no factory for it: add createApiFactory({ api: <its ref>, deps: { ... }, factory: ... }) to the app's apis`,
    );
  }
  for (const key of plugin.requiredConfig) {
    if (configText !== undefined && hasKey(configText, key)) continue;
    steps.push(`${config}: ${plugin.pkg.name}'s config schema requires ${key}: set it`);
  }
  if (!rendered && exports.plugin && files.system === 'legacy' && !appText.includes(exports.plugin)) {
    steps.push(
      `${appTsx}: nothing of ${plugin.pkg.name} is rendered by the app's routes, so the app will not find the plugin: add import { ${exports.plugin} } from '${plugin.pkg.name}'; and ${exports.plugin} to createApp({ plugins: [...] })`,
    );
  }
  return steps;
}

/** Whether the YAML text sets the dotted key (a broken file sets nothing). */
function hasKey(text: string, dotted: string): boolean {
  try {
    const document = loadYaml().parseDocument(text);
    return document.getIn(dotted.split('.'), true) !== undefined;
  } catch {
    return false;
  }
}
