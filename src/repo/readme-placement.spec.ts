import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cicdContentsOf, sidebarItemOf } from './readme-placement';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-placement-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const readme = (text: string): void => fs.writeFileSync(path.join(dir, 'README.md'), text);

test("a README that shows the content on the CI/CD tab (the tab's route, as Jenkins's does)", () => {
  readme(
    [
      '```tsx',
      '    <EntityLayout.Route path="/ci-cd" title="CI/CD">',
      '      <EntitySwitch>',
      '        <EntitySwitch.Case if={isJenkinsAvailable}>',
      '          <EntityJenkinsContent />',
      '        </EntitySwitch.Case>',
      '      </EntitySwitch>',
      '    </EntityLayout.Route>',
      '    <EntityLayout.Route path="/jenkins-jobs" title="Jobs">',
      '      <EntityJenkinsJobsContent />',
      '    </EntityLayout.Route>',
      '```',
    ].join('\n'),
  );
  expect(cicdContentsOf(dir, ['EntityJenkinsContent', 'EntityJenkinsJobsContent'])).toEqual(['EntityJenkinsContent']);
});

test("a README that shows it in create-app's cicdContent switch (as CircleCI's does)", () => {
  readme('```tsx\nconst cicdContent = (\n  <EntitySwitch>\n    <EntitySwitch.Case if={isCircleCIAvailable}>\n      <EntityCircleCIContent />\n    </EntitySwitch.Case>\n  </EntitySwitch>\n);\n\nconst other = (\n  <EntityOtherContent />\n);\n```\n');
  expect(cicdContentsOf(dir, ['EntityCircleCIContent', 'EntityOtherContent'])).toEqual(['EntityCircleCIContent']);
});

test('a README that shows a tab of its own, or a package without a README: none', () => {
  readme('```tsx\n<EntityLayout.Route path="/kubernetes" title="Kubernetes" if={isKubernetesAvailable}>\n  <EntityKubernetesContent />\n</EntityLayout.Route>\n```\n');
  expect(cicdContentsOf(dir, ['EntityKubernetesContent'])).toEqual([]);
  fs.rmSync(path.join(dir, 'README.md'));
  expect(cicdContentsOf(dir, ['EntityKubernetesContent'])).toEqual([]);
  // A name that only starts another's is not it.
  readme('const cicdContent = (\n  <EntityJenkinsContentV2 />\n);\n');
  expect(cicdContentsOf(dir, ['EntityJenkinsContent'])).toEqual([]);
});

describe('sidebarItemOf: the <SidebarItem> a README shows for the page', () => {
  test('a diff-style, multi-line item with a Material UI icon: its text and where the icon comes from', () => {
    readme(
      [
        '```diff',
        "+import MoneyIcon from '@material-ui/icons/MonetizationOn';",
        '',
        '   <SidebarScrollWrapper>',
        '+    <SidebarItem',
        '+      icon={MoneyIcon}',
        '+      to="cost-insights"',
        '+      text="Cost Insights"',
        '+    />',
        '```',
      ].join('\n'),
    );
    expect(sidebarItemOf(dir, 'cost-insights')).toEqual({
      to: 'cost-insights',
      text: 'Cost Insights',
      icon: { from: '@material-ui/icons/MonetizationOn', imported: 'default', local: 'MoneyIcon' },
    });
  });

  test('an icon the package exports, or one renamed from the icons barrel: the name it is imported by', () => {
    readme("```tsx\nimport { KialiIcon } from '@backstage-community/plugin-kiali';\n\n<SidebarItem icon={KialiIcon} to=\"kiali\" text=\"Kiali\" />\n```\n");
    expect(sidebarItemOf(dir, 'kiali')?.icon).toEqual({ from: '@backstage-community/plugin-kiali', imported: 'KialiIcon', local: 'KialiIcon' });
    readme("```tsx\nimport { Home, Build as BuildIcon } from '@material-ui/icons';\n<SidebarItem icon={BuildIcon} to='/devtools' text='DevTools' />\n```\n");
    expect(sidebarItemOf(dir, '/devtools')).toEqual({ to: 'devtools', text: 'DevTools', icon: { from: '@material-ui/icons', imported: 'Build', local: 'BuildIcon' } });
  });

  test('an icon that is not a plain name, or that the README never imports: the text only', () => {
    readme('```tsx\n<SidebarItem icon={ReportPortalIcon as IconComponent} to="report-portal" text="ReportPortal" />\n<SidebarItem icon={CheckCircleIcon} to="fossa" text="FOSSA" />\n```\n');
    expect(sidebarItemOf(dir, 'report-portal')).toEqual({ to: 'report-portal', text: 'ReportPortal' });
    expect(sidebarItemOf(dir, 'fossa')).toEqual({ to: 'fossa', text: 'FOSSA' });
  });

  test("a text with a quote is not taken (the app's attribute quotes could not hold it)", () => {
    readme("```tsx\n<SidebarItem icon={HomeIcon} to=\"team\" text='The \"A\" team' />\n```\n");
    expect(sidebarItemOf(dir, 'team')).toEqual({ to: 'team' });
  });

  test('an item for another route, a README without one, or no README: none', () => {
    readme('```tsx\n<SidebarItem icon={HomeIcon} to="catalog" text="Home" />\n```\n');
    expect(sidebarItemOf(dir, 'budgets')).toBeUndefined();
    readme('# Budgets\n\n```tsx\n<Route path="/budgets" element={<BudgetsPage />} />\n```\n');
    expect(sidebarItemOf(dir, 'budgets')).toBeUndefined();
    fs.rmSync(path.join(dir, 'README.md'));
    expect(sidebarItemOf(dir, 'budgets')).toBeUndefined();
  });
});
