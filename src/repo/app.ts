/**
 * The app package a frontend plugin is wired into: where it is
 * (`<root>/packages/app` unless `--app`), its package.json, its App.tsx and
 * which frontend system that file is written for, and the files a legacy
 * app keeps its sidebar and entity pages in.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WireError } from '../../transforms/lib/errors';
import { readPackageJson } from '../../transforms/package-json-dependency';
import { readAppFile } from '../../transforms/lib/app-file';
import { importDeclarations } from '../../transforms/lib/imports';
import { FileTree } from '../commit/tree';
import { quickPrettierConfig } from '../commit/format';
import { AppDiscovery, backstageCliVersion } from './app-discovery';

export type FrontendSystem = 'legacy' | 'new';

export interface AppLocation {
  readonly appDir: string;
  /** The app folder relative to the root, for messages. */
  readonly app: string;
}

export interface AppFiles extends AppLocation {
  readonly appJsonPath: string;
  readonly appJsonText: string;
  readonly appJson: Record<string, unknown>;
  readonly appTsxPath: string;
  readonly system: FrontendSystem;
  /** Legacy: the sidebar and the entity pages, where create-app puts them. */
  readonly rootTsxPath: string;
  readonly entityPagePath: string;
  /** The repo's app-config.yaml (app.packages, the plugin's config keys). */
  readonly configPath: string;
  /** The print width added lines must fit in (the repo's prettier config, else 80). */
  readonly printWidth: number;
  /** New frontend system: @backstage/cli's version, which decides the discovery key the build reads (./app-discovery.ts). */
  readonly cli?: AppDiscovery['cli'];
}

/** The app folder, or undefined where the repo has none (and none was named). */
export function locateApp(root: string, options: { readonly cwd?: string; readonly app?: string }): AppLocation | undefined {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const appDir = options.app ? path.resolve(cwd, options.app) : path.join(root, 'packages', 'app');
  const app = path.relative(root, appDir).split(path.sep).join('/') || '.';
  if (!fs.existsSync(path.join(appDir, 'package.json'))) {
    if (options.app) throw new WireError(`${app}/package.json: not found: expected the app package there (--app)`);
    return undefined;
  }
  return { appDir, app };
}

const LEGACY_MODULES = ['@backstage/app-defaults', '@backstage/core-app-api'];
const NEW_MODULES = ['@backstage/frontend-defaults', '@backstage/frontend-app-api'];

/** Reads the app's package.json and App.tsx into the tree and tells the frontend system from createApp's import. */
export function readApp(tree: FileTree, location: AppLocation): AppFiles {
  const { appDir, app } = location;
  const appJsonPath = path.join(appDir, 'package.json');
  const appJsonText = tree.read(appJsonPath);
  if (appJsonText === undefined) throw new WireError(`${app}/package.json: not found: expected the app package there (pass --app DIR)`);
  const appJson = readPackageJson(appJsonText, tree.display(appJsonPath));
  const appTsxPath = path.join(appDir, 'src', 'App.tsx');
  const appText = tree.read(appTsxPath);
  if (appText === undefined) throw new WireError(`${app}/src/App.tsx: not found: expected the app's routes there (pass --app DIR)`);
  const printWidth = printWidthFor(appTsxPath);
  const from = createAppSource(appText, tree.display(appTsxPath));
  let system: FrontendSystem;
  if (from && LEGACY_MODULES.includes(from)) system = 'legacy';
  else if (from && NEW_MODULES.includes(from)) system = 'new';
  else {
    throw new WireError(
      `${tree.display(appTsxPath)}:1: no createApp import found: expected createApp from @backstage/app-defaults (legacy frontend system) or @backstage/frontend-defaults (new frontend system)`,
    );
  }
  const root = tree.root;
  return {
    ...location,
    appJsonPath,
    appJsonText,
    appJson,
    appTsxPath,
    system,
    rootTsxPath: path.join(appDir, 'src', 'components', 'Root', 'Root.tsx'),
    entityPagePath: path.join(appDir, 'src', 'components', 'catalog', 'EntityPage.tsx'),
    configPath: path.join(root, 'app-config.yaml'),
    printWidth,
    ...(system === 'new' ? { cli: backstageCliVersion(root, rootPackageJson(tree, root)) } : {}),
  };
}

function rootPackageJson(tree: FileTree, root: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(tree.read(path.join(root, 'package.json')) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The module createApp is imported from. Read from the text where the import
 * is plain (`import { createApp } from '...'`, among other names); the
 * planners parse the file anyway, so the full parse is kept for the rest.
 */
function createAppSource(text: string, display: string): string | undefined {
  const plain = [...text.matchAll(/import\s*\{[^}]*\bcreateApp\b[^}]*\}\s*from\s*['"]([^'"]+)['"]/g)];
  // One plain import and no mention elsewhere that could be another (a comment, an alias): the text says it.
  if (plain.length === 1 && text.split('createApp').length <= 3 && !/\bas\s+createApp\b|\bcreateApp\s+as\b/.test(plain[0][0])) return plain[0][1];
  return importDeclarations(readAppFile(text, display).ast).find(d => d.specifiers.some(s => s.local.name === 'createApp'))?.source.value;
}

/** The print width the repo's prettier config sets for the app's files, where it is one prettier reads quickly; else 80. */
function printWidthFor(file: string): number {
  const quick = quickPrettierConfig(file);
  if (quick.kind === 'options' && typeof quick.options.printWidth === 'number') return quick.options.printWidth;
  return 80;
}
