/**
 * A frontend plugin in a new-frontend-system app: the app's build imports
 * the default export of every frontend plugin among packages/app's
 * dependencies that `app.packages` (`app.experimental.packages` before
 * @backstage/cli 0.34: ../../../repo/app-discovery.ts) discovers, so under
 * `all` the dependency is the whole wiring; an `include` list gets the
 * package; an `exclude` list that names it is refused (the user left it
 * out on purpose); without discovery the feature goes into createApp's
 * `features`. A legacy-only plugin (no feature to default-export) is
 * refused with the next step.
 */
import { applyChanges } from '../../../../transforms/lib/changes';
import { WireError } from '../../../../transforms/lib/errors';
import { planDiscoveryList, readDiscoveryPackages } from '../../../../transforms/app-config-packages';
import { planFeature } from '../../../../transforms/new-frontend-app';
import { appDiscoverySection, ignoredDiscoveryWarning } from '../../../repo/app-discovery';
import { FrontendPackage } from '../../../repo/frontend-package';
import { FrontendContext, PieceWork } from './types';
import { manualStepsFor } from './manual';

export function planNewFrontend(context: FrontendContext, plugin: FrontendPackage, work: PieceWork): void {
  const { tree, files, remove } = context;
  const pkgName = plugin.pkg.name;
  const configDisplay = tree.display(files.configPath);
  const configText = tree.read(files.configPath);
  const discovery = appDiscoverySection(configText, configDisplay, files.cli);
  const { section } = discovery;
  const ignored = ignoredDiscoveryWarning(discovery, configDisplay);
  if (ignored && !remove) work.warnings.push(ignored);
  const packages = configText === undefined ? { kind: 'none' as const } : readDiscoveryPackages(configText, configDisplay, section);
  const feature = plugin.exports?.feature;
  if (!remove && plugin.exports && !feature) {
    throw new WireError(
      `${pkgName} is a legacy frontend plugin (it default-exports no frontend feature, at its root or ./alpha), and ${tree.display(files.appTsxPath)} runs the new frontend system: wrap it with convertLegacyPlugin from @backstage/core-compat-api in the app (or use a release of the plugin for the new frontend system)`,
    );
  }
  if (packages.kind === 'lists' && packages.exclude?.names.includes(pkgName) && !remove) {
    throw new WireError(`${configDisplay}:${packages.exclude.line}: ${section}.packages.exclude names ${pkgName}: the app leaves it out on purpose; take it out of the exclude list first`);
  }
  if (packages.kind === 'all') {
    // Everything the app depends on is discovered: removing the dependency (as status counts it) takes it out, where there was one.
    const state = remove ? (pkgName in ((files.appJson.dependencies ?? {}) as Record<string, unknown>) ? 'removed' : 'absent') : 'present';
    work.pieces.push({ kind: 'discovery', where: `${configDisplay}:${packages.line}`, state });
  } else if (packages.kind === 'lists' && configText !== undefined) {
    const listed = packages.include?.names.includes(pkgName);
    const plan = planDiscoveryList(configText, configDisplay, pkgName, remove, section);
    if (plan.changes.length) tree.write(files.configPath, applyChanges(configText, plan.changes));
    work.paths.add(files.configPath);
    const state = remove ? (listed ? 'removed' : 'absent') : listed || !packages.include ? 'present' : 'added';
    work.pieces.push({ kind: 'discovery', where: configDisplay, state });
  } else {
    const text = tree.read(files.appTsxPath) as string;
    const subpath = feature?.subpath ?? '';
    const plan = planFeature(text, tree.display(files.appTsxPath), { id: plugin.pluginId, packageName: pkgName, subpath }, remove, files.printWidth);
    if (plan.changes.length) tree.write(files.appTsxPath, applyChanges(text, plan.changes));
    work.paths.add(files.appTsxPath);
    work.pieces.push({ kind: 'feature', where: tree.display(files.appTsxPath), state: plan.state });
  }
  if (!remove && plugin.exports) work.manualSteps.push(...manualStepsFor(context, plugin, plugin.exports, true));
}
