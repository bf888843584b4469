/**
 * A frontend plugin in a legacy app, decided from what its package exports:
 * a page gets its route in App.tsx and an item in the sidebar; entity
 * content gets a tab in the entity pages it serves, else an entity card goes
 * into the overview; what cannot be done safely becomes a manual step.
 */
import * as fs from 'fs';
import { applyChanges } from '../../../../transforms/lib/changes';
import { NoPlaceError, WireError } from '../../../../transforms/lib/errors';
import { planAppRoute } from '../../../../transforms/legacy-app-routes';
import { planSidebarItem, SidebarIcon } from '../../../../transforms/legacy-app-sidebar';
import { titleOf } from '../../../../transforms/lib/jsx';
import { planEntityPage } from '../../../../transforms/legacy-entity-page';
import { cicdContentsOf } from '../../../repo/readme-placement';
import { FrontendExports, FrontendPackage } from '../../../repo/frontend-package';
import { FrontendContext, PieceWork } from './types';
import { readmeSidebarRequest } from './sidebar-icon';
import { manualStepsFor } from './manual';

/** `EntityCarmenContent` -> `Carmen`: the view's subject, to match its predicate. */
const subjectOf = (name: string): string => name.replace(/^Entity/, '').replace(/(Content|Card)$/, '');

/** The predicate that says whether an entity shows the view: `is<Subject>Available`, else the package's only one. */
export function predicateFor(exports: FrontendExports, view: string): string | undefined {
  const subject = subjectOf(view);
  const exact = exports.predicates.find(p => p === `is${subject}Available`);
  if (exact) return exact;
  const loose = exports.predicates.filter(p => p !== 'isPluginApplicableToEntity');
  if (loose.length === 1) return loose[0];
  return exports.predicates.includes('isPluginApplicableToEntity') ? 'isPluginApplicableToEntity' : undefined;
}

/** Runs one file's planner over the tree's current text and records what it did. */
function edit<T extends { changes: readonly { start: number; end: number; text: string }[]; kept?: readonly string[] }>(
  context: FrontendContext,
  work: PieceWork,
  file: string,
  plan: (text: string, display: string) => T,
): T | undefined {
  const text = context.tree.read(file);
  if (text === undefined) return undefined;
  const planned = plan(text, context.tree.display(file));
  if (planned.changes.length) context.tree.write(file, applyChanges(text, planned.changes));
  work.paths.add(file);
  // Removing: what the app wrote in a form the tool does not is kept, and named.
  work.warnings.push(...(planned.kept ?? []));
  return planned;
}

export function planLegacyFrontend(context: FrontendContext, plugin: FrontendPackage, work: PieceWork): void {
  const { files, tree, remove } = context;
  const exports = plugin.exports;
  const names = exports ?? fallbackExports(plugin);
  if (!exports && !remove) {
    work.warnings.push(`${plugin.pkg.name}: its code was not found (not installed?): only the dependency is added; install it and run wire-plugin again for its page and entity views`);
    return;
  }
  const pkgName = plugin.pkg.name;
  const page = names.page;
  if (page) {
    const route = edit(context, work, files.appTsxPath, (text, display) =>
      planAppRoute(text, display, { id: plugin.pluginId, packageName: pkgName, page }, remove, files.printWidth),
    );
    if (route) work.pieces.push({ kind: 'route', where: tree.display(files.appTsxPath), state: route.state });
    const iconPackage = iconPackageOf(files.appJson);
    // The README's item is read only when wiring: removal finds the item by its target.
    const readme = remove ? {} : readmeSidebarRequest(plugin, iconPackage, files.appDir, tree.root);
    const ownIcon = readme.icon !== undefined && 'module' in readme.icon;
    if (!remove && route?.state === 'present') {
      // The app mounts the page itself: its sidebar is as the app wants it (a page reached from a card, create-app's
      // search group linking /search), as status counts it; an item is added only with the route.
    } else if (!fs.existsSync(files.rootTsxPath) && tree.read(files.rootTsxPath) === undefined) {
      if (!remove) work.manualSteps.push(`${tree.display(files.rootTsxPath)} not found: add ${sidebarItemByHand(plugin.pluginId, readme, iconPackage)} to your sidebar`);
    } else if (!iconPackage && !ownIcon && !remove) {
      work.manualSteps.push(`${tree.display(files.rootTsxPath)}: the app depends on no icon package (@material-ui/icons): add <SidebarItem icon={...} to="${plugin.pluginId}" text="${readme.text ?? titleOf(plugin.pluginId)}" /> by hand`);
    } else {
      try {
        const item = edit(context, work, files.rootTsxPath, (text, display) => planSidebarItem(text, display, { id: plugin.pluginId, iconPackage, ...readme }, remove, files.printWidth));
        if (item) work.pieces.push({ kind: 'sidebar', where: tree.display(files.rootTsxPath), state: item.state });
      } catch (error) {
        // A sidebar whose items are made elsewhere (a component of the app's own, data): the route is wired, the item is a step by hand.
        if (!(error instanceof NoPlaceError)) throw error;
        if (!remove) work.manualSteps.push(`${error.message}: add ${sidebarItemByHand(plugin.pluginId, readme, iconPackage)} where your sidebar's items are`);
      }
    }
  }
  const content = names.contents[0];
  const card = content ? undefined : names.cards[0];
  if (content || card) {
    const view = (content ?? card) as string;
    if (tree.read(files.entityPagePath) === undefined) {
      if (!remove) work.manualSteps.push(`${tree.display(files.entityPagePath)} not found: add ${view} from ${pkgName} to your entity pages by hand`);
    } else {
      const predicate = predicateFor(names, view);
      const planned = edit(context, work, files.entityPagePath, (text, display) =>
        planEntityPage(text, display, { id: plugin.pluginId, packageName: pkgName, content, card, predicate, cicd: !remove && isCicdContent(plugin, content) }, remove, files.printWidth),
      );
      for (const placement of planned?.placements ?? []) work.pieces.push({ kind: placement.kind, where: placement.where, state: placement.state });
    }
    const others = content ? names.contents.slice(1) : names.cards.slice(1);
    if (others.length && !remove) work.warnings.push(`${pkgName} also exports ${others.join(', ')}: add ${others.length === 1 ? 'it' : 'them'} to an entity page by hand where you want ${others.length === 1 ? 'it' : 'them'}`);
  }
  if (!remove) {
    if (!page && !content && !card) {
      if (!names.plugin) throw new WireError(`${pkgName}: exports no page, entity content, entity card or plugin: there is nothing to wire into ${context.files.app}`);
    }
    work.manualSteps.push(...manualStepsFor(context, plugin, names, Boolean(page || content || card)));
  }
}

/** The sidebar item to add by hand, with its icon's import: the README's where it shows one, else Extension. */
function sidebarItemByHand(id: string, readme: { text?: string; icon?: SidebarIcon }, iconPackage = '@material-ui/icons'): string {
  const icon = readme.icon ?? { material: 'Extension', local: 'ExtensionIcon' };
  const [name, line] =
    'module' in icon ? [icon.exported, `import { ${icon.exported} } from '${icon.module}'`] : [icon.local, `import ${icon.local} from '${iconPackage}/${icon.material}'`];
  return `<SidebarItem icon={${name}} to="${id}" text="${readme.text ?? titleOf(id)}" /> (with ${line})`;
}

/** Whether the package's README shows its content on the CI/CD tab; read only when wiring one (status has no use for it). */
function isCicdContent(plugin: FrontendPackage, content: string | undefined): boolean {
  return content !== undefined && plugin.pkg.dir !== undefined && cicdContentsOf(plugin.pkg.dir, [content]).length > 0;
}

/** For removal where the package cannot be read: the names create-app's template gives a plugin. */
function fallbackExports(plugin: FrontendPackage): FrontendExports {
  const pascal = plugin.pluginId.split(/[-_]/).map(w => w[0].toUpperCase() + w.slice(1)).join('');
  return {
    page: `${pascal}Page`,
    pages: [`${pascal}Page`],
    contents: [`Entity${pascal}Content`],
    cards: [`Entity${pascal}Card`],
    predicates: [`is${pascal}Available`],
    requiredExternalRoutes: [],
    apisWithoutFactory: [],
    names: [],
  };
}

/** The icon package the app depends on, Material UI 4's first (create-app's). */
function iconPackageOf(appJson: Record<string, unknown>): string | undefined {
  const deps = { ...((appJson.dependencies ?? {}) as Record<string, unknown>), ...((appJson.devDependencies ?? {}) as Record<string, unknown>) };
  return ['@material-ui/icons', '@mui/icons-material'].find(name => name in deps);
}
