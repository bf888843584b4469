import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cicdContentsOf } from './readme-placement';

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
