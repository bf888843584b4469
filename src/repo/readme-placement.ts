/**
 * Where a frontend plugin's own README puts its entity content. CI/CD
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
