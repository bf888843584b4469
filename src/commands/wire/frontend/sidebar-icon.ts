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

/** Whether `<dir or a folder above it>/node_modules/<file>` exists, up to `root`. */
function installedFile(dir: string, root: string, file: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'node_modules', file))) return true;
    if (current === root || path.dirname(current) === current) return false;
  }
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
