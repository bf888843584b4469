/**
 * What a frontend plugin's own README shows to add to the app, for the
 * pieces the tool adds in its place.
 *
 * The sidebar item: half the page plugins' READMEs show one
 * (`<SidebarItem icon={MoneyIcon} to="cost-insights" text="Cost Insights" />`,
 * often as diff lines), with the icon's import: a Material UI icon
 * (`import MoneyIcon from '@material-ui/icons/MonetizationOn'`) or an icon
 * the package exports (`import { KialiIcon } from '...plugin-kiali'`).
 *
 * Entity content: CI/CD
 * plugins (Jenkins, GitHub Actions, CircleCI...) show theirs on the entity
 * page's CI/CD tab, as a case of create-app's `cicdContent` switch, not as a
 * tab of their own: their READMEs say so in the EntityPage.tsx they show
 * (`<EntityLayout.Route path="/ci-cd" title="CI/CD">` or `const cicdContent
 * = (` around `<EntityJenkinsContent />`). Read from the installed
 * package's README.md; a package without one puts nothing there.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where a README's CI/CD block starts: the tab, or create-app's switch. */
const CICD_START = /path=["']\/ci-cd["']|const\s+cicdContent\s*=/g;
/** Where such a block ends: the tab's closing tag, or the end of the switch's declaration. */
const CICD_END = /<\/EntityLayout\.Route>|\n\s*\);/;

/** The entity contents (of `contents`) that the package's README renders on the CI/CD tab. */
export function cicdContentsOf(packageDir: string, contents: readonly string[]): string[] {
  if (!contents.length) return [];
  let readme: string;
  try {
    readme = fs.readFileSync(path.join(packageDir, 'README.md'), 'utf8');
  } catch {
    return [];
  }
  const blocks = [...readme.matchAll(CICD_START)].map(match => {
    const rest = readme.slice((match.index ?? 0) + match[0].length);
    const end = CICD_END.exec(rest);
    return end ? rest.slice(0, end.index) : rest;
  });
  return contents.filter(name => blocks.some(block => new RegExp(`<${name}[\\s/>]`).test(block)));
}

/** A `<SidebarItem>` a README shows, with where its icon comes from when the README imports it. */
export interface ReadmeSidebarItem {
  readonly to: string;
  readonly text?: string;
  /** The icon's import: a default import (`imported: 'default'`) or a named one, under `local`. */
  readonly icon?: { readonly from: string; readonly imported: string; readonly local: string };
}

const NAME = '[A-Za-z_$][\\w$]*';
const SIDEBAR_ITEM = /<SidebarItem\b([^>]*?)\/>/g;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{\\s*(${NAME})\\s*\\})`).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Where the README imports `local` from, if it shows the import. */
function importOf(readme: string, local: string): ReadmeSidebarItem['icon'] {
  const byDefault = new RegExp(`import\\s+${local.replace(/\$/g, '\\$')}\\s+from\\s+['"]([^'"]+)['"]`).exec(readme);
  if (byDefault) return { from: byDefault[1], imported: 'default', local };
  for (const match of readme.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    for (const specifier of match[1].split(',')) {
      const [imported, as] = specifier.trim().split(/\s+as\s+/);
      if ((as ?? imported) === local && imported) return { from: match[2], imported, local };
    }
  }
  return undefined;
}

/**
 * The sidebar item the package's README shows for the page at `to` (the
 * plugin's route, with or without its slash); undefined when it shows none
 * for that route. An icon written as anything but a name (`X as
 * IconComponent`) is not taken, nor one the README does not import.
 */
export function sidebarItemOf(packageDir: string, to: string): ReadmeSidebarItem | undefined {
  let readme: string;
  try {
    readme = fs.readFileSync(path.join(packageDir, 'README.md'), 'utf8');
  } catch {
    return undefined;
  }
  // Diff blocks mark the added lines with `+`: the code is the same without it.
  const code = readme.replace(/^\+/gm, '');
  const target = to.replace(/^\//, '');
  for (const match of code.matchAll(SIDEBAR_ITEM)) {
    const attributes = match[1];
    if ((attribute(attributes, 'to') ?? '').replace(/^\//, '') !== target) continue;
    const text = attribute(attributes, 'text');
    const local = /\bicon=\{\s*([A-Za-z_$][\w$]*)\s*\}/.exec(attributes)?.[1];
    const icon = local ? importOf(code, local) : undefined;
    // A text with a quote could not be written in the app's own attribute quotes (JSX strings have no escapes).
    return { to: target, ...(text !== undefined && /^[^{}<>"']*$/.test(text) ? { text } : {}), ...(icon ? { icon } : {}) };
  }
  return undefined;
}
