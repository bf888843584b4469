/**
 * The sidebar item a page plugin's README shows (./repo/readme-placement),
 * as the sidebar transform takes it: its text, and its icon where the app
 * can show it. A Material UI icon is taken from the app's own icon package:
 * the README's package, or the other Material UI major where the app has
 * that icon installed under the same name. An icon the plugin package
 * exports is taken where the package does export it. Anything else keeps
 * the default icon (Extension).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SidebarIcon } from '../../../../transforms/legacy-app-sidebar';
import type { FrontendPackage } from '../../../repo/frontend-package';
import { ReadmeSidebarItem, sidebarItemOf } from '../../../repo/readme-placement';

const MATERIAL = /^(@material-ui\/icons|@mui\/icons-material)(?:\/([A-Za-z0-9]+))?$/;

/** Whether `file` is installed for the app: in its own node_modules or the root's (hoisted), as the workspace looks for packages. */
function installedFile(appDir: string, root: string, file: string): boolean {
  return [appDir, root].some(base => fs.existsSync(path.join(base, 'node_modules', file)));
}

function iconOf(icon: NonNullable<ReadmeSidebarItem['icon']>, plugin: FrontendPackage, iconPackage: string | undefined, appDir: string, root: string): SidebarIcon | undefined {
  const material = MATERIAL.exec(icon.from);
  if (material) {
    if (!iconPackage) return undefined;
    // `import MoneyIcon from '@material-ui/icons/MonetizationOn'`, or `import { MonetizationOn } from '@material-ui/icons'`.
    const name = material[2] ? (icon.imported === 'default' ? material[2] : undefined) : icon.imported === 'default' ? undefined : icon.imported;
    if (!name) return undefined;
    if (material[1] !== iconPackage && !installedFile(appDir, root, `${iconPackage}/${name}.js`)) return undefined;
    return { material: name, local: icon.local };
  }
  if (icon.from === plugin.pkg.name && icon.imported !== 'default' && plugin.exports?.names.includes(icon.imported)) {
    return { module: icon.from, exported: icon.imported };
  }
  return undefined;
}

/** The README's text and icon for the item that opens the plugin's page at /<id>; nothing of either where it shows none. Without an icon package (`iconPackage` undefined) only an icon of the plugin's own is taken. */
export function readmeSidebarRequest(plugin: FrontendPackage, iconPackage: string | undefined, appDir: string, root: string): { text?: string; icon?: SidebarIcon } {
  if (plugin.pkg.dir === undefined) return {};
  const item = sidebarItemOf(plugin.pkg.dir, plugin.pluginId);
  if (!item) return {};
  const icon = item.icon && iconOf(item.icon, plugin, iconPackage, appDir, root);
  return { ...(item.text !== undefined ? { text: item.text } : {}), ...(icon ? { icon } : {}) };
}
