/**
 * What a Backstage package's name and `backstage` field say about it: which
 * plugin it belongs to, whether it is a plugin or a module of one, and which
 * package an import specifier names. Pure: no file is read here.
 */

export type BackendRole = 'plugin' | 'module';

export interface BackstagePackageIdentity {
  /** The plugin id: the plugin's own, or for a module the plugin it extends. */
  readonly pluginId: string;
  readonly role: BackendRole;
  /** For a module: the package of the plugin it extends, when known. */
  readonly pluginPackage?: string;
}

/** `plugin-<id>-backend` and `plugin-<id>-backend-module-<name>`, with an optional `backstage-` before them. */
const PLUGIN_NAME = /^(?:backstage-)?plugin-([a-z0-9]+(?:-[a-z0-9]+)*?)-backend$/;
const MODULE_NAME = /^(?:backstage-)?plugin-([a-z0-9]+(?:-[a-z0-9]+)*?)-backend-module-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The name without its scope: `@backstage/plugin-catalog-backend` -> `plugin-catalog-backend`. */
export function unscopedName(name: string): string {
  return name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
}

/** What a package's name alone says, for packages named as Backstage names them; undefined otherwise. */
export function identityFromName(name: string): BackstagePackageIdentity | undefined {
  const bare = unscopedName(name);
  const asModule = MODULE_NAME.exec(bare);
  if (asModule) {
    const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/') + 1) : '';
    const prefix = bare.startsWith('backstage-') ? 'backstage-' : '';
    return { pluginId: asModule[1], role: 'module', pluginPackage: `${scope}${prefix}plugin-${asModule[1]}-backend` };
  }
  const asPlugin = PLUGIN_NAME.exec(bare);
  if (asPlugin) return { pluginId: asPlugin[1], role: 'plugin' };
  return undefined;
}

/**
 * A package's identity: its `backstage` field (`role`, `pluginId`,
 * `pluginPackage`) where it has one, else its name. Undefined for a package
 * that is neither a backend plugin nor a backend module.
 */
export function backstageIdentity(name: string, json: Record<string, unknown>): BackstagePackageIdentity | undefined {
  const field = json.backstage as { role?: unknown; pluginId?: unknown; pluginPackage?: unknown } | undefined;
  const fromName = identityFromName(name);
  const declaredRole = field?.role === 'backend-plugin' ? 'plugin' : field?.role === 'backend-plugin-module' ? 'module' : undefined;
  if (field?.role !== undefined && declaredRole === undefined) return undefined; // a frontend plugin, a library, the backend...
  const role = declaredRole ?? fromName?.role;
  const pluginId = typeof field?.pluginId === 'string' && field.pluginId ? field.pluginId : fromName?.pluginId;
  if (!role || !pluginId) return undefined;
  const pluginPackage =
    role === 'module' ? (typeof field?.pluginPackage === 'string' ? field.pluginPackage : fromName?.role === 'module' ? fromName.pluginPackage : undefined) : undefined;
  return { pluginId, role, pluginPackage };
}

/** The package an import specifier names: `@a/b/alpha` -> `@a/b`, `x/y` -> `x`; undefined for a relative one. */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
