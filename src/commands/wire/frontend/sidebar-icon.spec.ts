import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrontendExports, FrontendPackage } from '../../../repo/frontend-package';
import { readmeSidebarRequest } from './sidebar-icon';

let root: string;
let appDir: string;
let pkgDir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-icon-'));
  appDir = path.join(root, 'packages', 'app');
  pkgDir = path.join(root, 'node_modules', '@acme', 'backstage-plugin-budgets');
  fs.mkdirSync(appDir, { recursive: true });
  fs.mkdirSync(pkgDir, { recursive: true });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const plugin = (names: string[] = ['BudgetsPage']): FrontendPackage => ({
  pkg: { name: '@acme/backstage-plugin-budgets', dir: pkgDir } as FrontendPackage['pkg'],
  role: 'frontend-plugin',
  pluginId: 'budgets',
  siblings: [],
  requiredConfig: [],
  exports: { names, pages: [], contents: [], cards: [], predicates: [], requiredExternalRoutes: [], apisWithoutFactory: [] } as FrontendExports,
});
const readme = (imports: string, icon = 'MoneyIcon'): void =>
  fs.writeFileSync(path.join(pkgDir, 'README.md'), `\`\`\`tsx\n${imports}\n\n<SidebarItem icon={${icon}} to="budgets" text="Team Budgets" />\n\`\`\`\n`);

test("a Material UI icon of the app's own icon package is taken, under the README's name", () => {
  readme("import MoneyIcon from '@material-ui/icons/MonetizationOn';");
  expect(readmeSidebarRequest(plugin(), '@material-ui/icons', appDir, root)).toEqual({ text: 'Team Budgets', icon: { material: 'MonetizationOn', local: 'MoneyIcon' } });
});

test('an icon of the other Material UI major is taken only where the app has it installed under that name', () => {
  readme("import MoneyIcon from '@material-ui/icons/MonetizationOn';");
  expect(readmeSidebarRequest(plugin(), '@mui/icons-material', appDir, root)).toEqual({ text: 'Team Budgets' });
  fs.mkdirSync(path.join(root, 'node_modules', '@mui', 'icons-material'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', '@mui', 'icons-material', 'MonetizationOn.js'), '');
  expect(readmeSidebarRequest(plugin(), '@mui/icons-material', appDir, root)).toEqual({ text: 'Team Budgets', icon: { material: 'MonetizationOn', local: 'MoneyIcon' } });
});

test('an icon from the plugin package is taken where the package exports it; one from elsewhere is not', () => {
  readme("import { BudgetsIcon } from '@acme/backstage-plugin-budgets';", 'BudgetsIcon');
  expect(readmeSidebarRequest(plugin(['BudgetsPage', 'BudgetsIcon']), '@material-ui/icons', appDir, root).icon).toEqual({ module: '@acme/backstage-plugin-budgets', exported: 'BudgetsIcon' });
  expect(readmeSidebarRequest(plugin(), '@material-ui/icons', appDir, root).icon).toBeUndefined();
  readme("import { FaMoney } from 'react-icons/fa';", 'FaMoney');
  expect(readmeSidebarRequest(plugin(), '@material-ui/icons', appDir, root)).toEqual({ text: 'Team Budgets' });
});
