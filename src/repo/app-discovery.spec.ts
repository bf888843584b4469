import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appDiscoverySection, backstageCliVersion, ignoredDiscoveryWarning } from './app-discovery';

const NEW_KEY = 'app:\n  packages: all\n';
const OLD_KEY = 'app:\n  experimental:\n    packages:\n      include:\n        - "@backstage/plugin-catalog"\n';
const BOTH = 'app:\n  packages:\n    include: []\n  experimental:\n    packages: all\n';
const cli = (version: string) => ({ version, from: 'package.json devDependencies' });

describe('the discovery key an app build reads, by @backstage/cli version (as its packageDetection reads it)', () => {
  test('up to 0.33: app.experimental.packages alone; an app.packages beside it is not read', () => {
    expect(appDiscoverySection(OLD_KEY, 'app-config.yaml', cli('0.33.1')).section).toBe('app.experimental');
    const ignoring = appDiscoverySection(NEW_KEY, 'app-config.yaml', cli('0.32.0'));
    expect(ignoring).toEqual({ section: 'app.experimental', cli: cli('0.32.0'), ignored: { section: 'app', line: 2 } });
    expect(ignoredDiscoveryWarning(ignoring, 'app-config.yaml')).toBe(
      'app-config.yaml:2: app.packages: @backstage/cli 0.32.0 (package.json devDependencies) does not read it (app.experimental.packages is its key), so the app discovers nothing by it; rename it to app.experimental.packages for discovery',
    );
  });

  test('0.34.0 to 0.35.3: app.packages, else app.experimental.packages', () => {
    for (const version of ['0.34.0', '0.35.3']) {
      expect(appDiscoverySection(NEW_KEY, 'app-config.yaml', cli(version)).section).toBe('app');
      expect(appDiscoverySection(OLD_KEY, 'app-config.yaml', cli(version)).section).toBe('app.experimental');
      expect(appDiscoverySection(BOTH, 'app-config.yaml', cli(version)).section).toBe('app');
      expect(appDiscoverySection(OLD_KEY, 'app-config.yaml', cli(version)).ignored).toBeUndefined();
    }
  });

  test('from 0.35.4: app.packages alone, and an app.experimental.packages is reported as not read', () => {
    const reading = appDiscoverySection(OLD_KEY, 'app-config.yaml', cli('0.35.4'));
    expect(reading).toEqual({ section: 'app', cli: cli('0.35.4'), ignored: { section: 'app.experimental', line: 4 } });
    expect(appDiscoverySection(BOTH, 'app-config.yaml', cli('0.36.0')).ignored).toBeUndefined();
  });

  test('an unknown CLI reads the key the app-config has, as 0.34 and 0.35 do; no config, app.packages', () => {
    expect(appDiscoverySection(OLD_KEY, 'app-config.yaml', undefined)).toEqual({ section: 'app.experimental' });
    expect(appDiscoverySection(NEW_KEY, 'app-config.yaml', undefined)).toEqual({ section: 'app' });
    expect(appDiscoverySection(undefined, 'app-config.yaml', undefined)).toEqual({ section: 'app' });
  });
});

describe("@backstage/cli's version", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-discovery-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the installed one first, else the lowest of the root package.json range, else none', () => {
    const json = { devDependencies: { '@backstage/cli': '^0.33.1' } };
    expect(backstageCliVersion(root, json)).toEqual({ version: '0.33.1', from: 'package.json devDependencies' });
    expect(backstageCliVersion(root, { dependencies: { '@backstage/cli': '~0.35.4' } })).toEqual({ version: '0.35.4', from: 'package.json dependencies' });
    expect(backstageCliVersion(root, { devDependencies: { '@backstage/cli': 'workspace:^' } })).toBeUndefined();
    expect(backstageCliVersion(root, undefined)).toBeUndefined();
    fs.mkdirSync(path.join(root, 'node_modules', '@backstage', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', '@backstage', 'cli', 'package.json'), '{ "name": "@backstage/cli", "version": "0.34.5" }');
    expect(backstageCliVersion(root, json)).toEqual({ version: '0.34.5', from: 'node_modules/@backstage/cli' });
  });
});
