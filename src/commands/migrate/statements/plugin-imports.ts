/**
 * The plugin modules a legacy index.ts imports, by the local name main()
 * calls them under: default imports of `./plugins/x`, named ones and other
 * modules of the app's own where main() calls them with a plugin env, and a
 * package's createPlugin imported straight from the package; with every
 * import's source, by local name.
 */
import { walk } from '../../../../transforms/lib/ast';
import type { LegacyIndex } from '../../../../transforms/analysis/legacy-backend';

export interface PluginImports {
  /** Plugin module imports (`import catalog from './plugins/catalog'`, `import { auth } from './plugins/auth'`), by alias. */
  readonly aliases: Map<string, string>;
  /** The export a named import of a plugin module names, by alias. */
  readonly exportNames: Map<string, string>;
  /** Every import's source, by local name. */
  readonly importedFrom: Map<string, string>;
}

/** Plugin modules by alias: default imports of `./plugins/x`, named ones and packages' createPlugin where main() calls them with a plugin env. */
export function readPluginImports(index: LegacyIndex, envs: ReadonlyMap<string, unknown>): PluginImports {
  const aliases = new Map<string, string>();
  const exportNames = new Map<string, string>();
  const importedFrom = new Map<string, string>();
  // Called with a plugin env anywhere in main(): on the api router, or on the service builder at a root path.
  const calledWithEnv = (local: string): boolean => {
    let found = false;
    walk(index.router.container, node => {
      if (found) return false;
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === local && node.arguments.length === 1) {
        const argument = node.arguments[0];
        if (argument.type === 'Identifier' && envs.has(argument.name)) found = true;
      }
      return undefined;
    });
    return found;
  };
  for (const declaration of index.imports) {
    for (const specifier of declaration.specifiers) importedFrom.set(specifier.local.name, declaration.source.value);
    if (!/^\.\/plugins(\/[^'"]+)?$/.test(declaration.source.value) || declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportDefaultSpecifier') {
        if (declaration.source.value !== './plugins') aliases.set(specifier.local.name, declaration.source.value);
      } else if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && calledWithEnv(specifier.local.name)) {
        // A named import is a plugin where main() calls it with a plugin env, as the template calls its default imports.
        aliases.set(specifier.local.name, declaration.source.value);
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (imported !== 'default') exportNames.set(specifier.local.name, imported);
      }
    }
  }
  // A router function of the app's own in another module (`import { createStatusRouter } from './status'`), called
  // with a plugin env (`apiRouter.use('/status', await createStatusRouter(statusEnv))`): a plugin module like those
  // of ./plugins, since it is one in all but its folder (the bridge imports the named export as the default).
  for (const declaration of index.imports) {
    const from = declaration.source.value;
    if (!/^\.\.?\//.test(from) || /^\.\/plugins(\/|$)/.test(from) || declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportNamespaceSpecifier' || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type')) continue;
      if (aliases.has(specifier.local.name) || !calledWithEnv(specifier.local.name)) continue;
      aliases.set(specifier.local.name, from);
      const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value) : 'default';
      if (imported !== 'default') exportNames.set(specifier.local.name, imported);
    }
  }
  // A createPlugin imported straight from a package (`import x from '@internal/plugin-x-backend'`) is a plugin
  // all the same, where a route calls it with a plugin env (`apiRouter.use('/x', await x(xEnv))`).
  for (const declaration of index.imports) {
    const own = declaration.specifiers.find(s => s.type === 'ImportDefaultSpecifier');
    if (!own || declaration.source.value.startsWith('.') || declaration.importKind === 'type') continue;
    if (calledWithEnv(own.local.name)) aliases.set(own.local.name, declaration.source.value);
  }
  return { aliases, exportNames, importedFrom };
}
