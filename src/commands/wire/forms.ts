/**
 * The form each plugin takes in this backend (legacy, feature, bridge,
 * wrapper), decided from what the plugin exports and the backend's system
 * and release.
 */
import * as path from 'path';
import { WireError } from '../../../transforms/lib/errors';
import { legacyPluginVerdict } from '../../repo/backstage-release';
import { isPluginModuleBridge } from '../../../transforms/new-backend-index';
import { Context, Plugin, newBackendOf } from './context';
import { WiringForm } from './report';

/** How a plugin goes into this backend, from what the plugin exports. */
export function chooseForm(context: Context, plugin: Plugin): WiringForm {
  const { shape, pkg } = plugin;
  const read = shape.entry ? ` (read ${path.relative(context.tree.root, shape.entry).split(path.sep).join('/')})` : '';
  // The feature's declaration, where the plugin says what it is: the place an error about it names.
  const at = shape.featureAt ? `${path.relative(context.tree.root, shape.featureAt.file).split(path.sep).join('/')}:${shape.featureAt.line}: ` : '';
  const neither = (): WireError =>
    new WireError(`${pkg.name}: exports neither createRouter nor a backend feature as its default export${read}: there is nothing to wire`);
  if (plugin.role === 'module') {
    if (context.system === 'legacy') {
      throw new WireError(
        `${at}${pkg.name} is a backend module (of the ${plugin.id} plugin) for the new backend system, so it cannot be wired into the legacy backend in ${context.indexDisplay}: migrate the backend to the new backend system first (wire-plugin migrate)`,
      );
    }
    if (shape.feature) return 'feature';
    if (shape.feature === false) {
      throw new WireError(`${pkg.name}: a backend module whose default export is no backend feature${read} (at its root or any subpath it exports): there is nothing to wire`);
    }
    plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature at its root`);
    return 'feature';
  }
  if (context.system === 'legacy') {
    if (shape.createRouter) return 'legacy';
    if (shape.createRouter === false) {
      if (!shape.feature) throw neither();
      throw new WireError(
        `${at}${pkg.name} is a new-backend-system plugin (its default export is a backend feature and it exports no createRouter), so it cannot be wired into the legacy backend in ${context.indexDisplay}: migrate the backend to the new backend system (createBackend from @backstage/backend-defaults), or export a createRouter from the plugin`,
      );
    }
    plugin.warnings.push(`${pkg.name}: could not read its exports; wiring it as a legacy plugin with createRouter`);
    return 'legacy';
  }
  if (shape.feature) return 'feature';
  if (shape.createRouter) return legacyOnlyForm(context, plugin);
  if (shape.feature === false && shape.createRouter === false) throw neither();
  plugin.warnings.push(`${pkg.name}: could not read its exports; adding it as a backend feature`);
  return 'feature';
}

/**
 * A legacy-only plugin in a new backend: the legacyPlugin bridge where the
 * release still runs it (up to 1.31), else the new-system wrapper; a bridge
 * that index.ts already has stays (with a warning where it will not start).
 */
function legacyOnlyForm(context: Context, plugin: Plugin): WiringForm {
  const verdict = legacyPluginVerdict(context.root, context.backendDir);
  const bridged = newBackendOf(context)?.adds.some(add => isPluginModuleBridge(add, plugin.id));
  if (bridged) {
    if (!verdict.works) {
      plugin.warnings.push(
        `${context.indexDisplay}: ${plugin.id} is added through legacyPlugin(), which fails at startup on this release (${verdict.decidedBy}): run wire-plugin ${plugin.id} --remove, then wire it again for a new-system wrapper`,
      );
    }
    return 'legacy-bridge';
  }
  return verdict.works ? 'legacy-bridge' : 'wrapper';
}
