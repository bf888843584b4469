/**
 * What every run over a backend does first, whatever it then plans (wiring,
 * removal, status): find the repo root and the backend package, read its
 * package.json and src/index.ts into the file tree (each read and parsed
 * once), and tell which backend system index.ts is written for.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { File } from '@babel/types';
import { WireError } from '../../transforms/lib/errors';
import { preferredAlias, preferredEnvName } from '../../transforms/lib/naming';
import { parseTypeScript } from '../../transforms/lib/parse';
import { detectEol } from '../../transforms/lib/text';
import { FileTree } from '../commit/tree';
import { findRepoRoot } from './workspace';
import { manualLegacyLines } from '../../transforms/legacy-index';
import { analyzeLegacyIndex, LegacyIndex } from '../../transforms/analysis/legacy-backend';
import { findImportedBackend, findNewBackend } from '../../transforms/analysis/new-backend';
import { describeMissingBackend } from '../../transforms/new-backend-index';
import { readPackageJson } from '../../transforms/package-json-dependency';

export type SystemChoice = 'auto' | 'legacy' | 'new';
export type BackendSystem = 'legacy' | 'new';

/**
 * `legacy`: import, env and route in a legacy backend; `feature`:
 * `backend.add(import(pkg))`; `legacy-bridge`: `backend.add(legacyPlugin(...))`
 * (releases up to 1.31); `wrapper`: a legacy-only plugin in the backend's
 * own new-system `./plugins/<id>` module, `backend.add(import('./plugins/<id>'))`
 * (later releases); `discovered`: loaded by feature discovery, not added.
 */
export type WiringForm = 'legacy' | 'feature' | 'legacy-bridge' | 'wrapper' | 'discovered';

export interface BackendLocation {
  readonly cwd: string;
  readonly root: string;
  readonly backendDir: string;
  /** The backend folder relative to the root, for messages. */
  readonly backend: string;
}

/** The backend's package.json and index.ts as read (into the tree), parsed once. */
export interface BackendFiles extends BackendLocation {
  readonly tree: FileTree;
  readonly backendJsonPath: string;
  readonly backendJsonText: string;
  readonly backendJson: Record<string, unknown>;
  readonly indexPath: string;
  readonly indexDisplay: string;
  readonly indexText: string;
  readonly ast: File;
  readonly eol: '\n' | '\r\n';
  readonly system: BackendSystem;
  /** The legacy index's analysis, made once while detecting the system. */
  readonly legacy?: LegacyIndex;
}

/** Finds the repo root (from `cwd` upwards) and the backend package (`<root>/packages/backend` unless `backend`). */
export function locateBackend(options: { readonly cwd?: string; readonly backend?: string }): BackendLocation {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (!fs.existsSync(cwd)) throw new WireError(`${cwd}: no such folder`);
  const root = findRepoRoot(cwd);
  const backendDir = options.backend ? path.resolve(cwd, options.backend) : path.join(root, 'packages', 'backend');
  const backend = path.relative(root, backendDir).split(path.sep).join('/') || '.';
  if (!fs.existsSync(path.join(backendDir, 'package.json'))) {
    throw new WireError(`${backend}/package.json: not found: expected the backend package there (pass --backend DIR)`);
  }
  return { cwd, root, backendDir, backend };
}

/**
 * Reads and parses the backend's package.json and src/index.ts and tells
 * the system. `manualIds` are the plugin ids whose lines to add by hand are
 * shown when index.ts is neither system.
 */
export function readBackend(location: BackendLocation, choice: SystemChoice = 'auto', manualIds: readonly string[] = [], shared?: FileTree): BackendFiles {
  const { root, backendDir, backend } = location;
  const tree = shared ?? new FileTree(root);
  const backendJsonPath = path.join(backendDir, 'package.json');
  const indexPath = path.join(backendDir, 'src', 'index.ts');
  const backendJsonText = tree.read(backendJsonPath);
  if (backendJsonText === undefined) {
    throw new WireError(`${backend}/package.json: not found: expected the backend package there (pass --backend DIR)`);
  }
  const indexText = tree.read(indexPath);
  if (indexText === undefined) {
    throw new WireError(`${backend}/src/index.ts: not found: expected the backend's entry point there (pass --backend DIR)`);
  }
  const indexDisplay = tree.display(indexPath);
  const backendJson = readPackageJson(backendJsonText, tree.display(backendJsonPath));
  const ast = parseTypeScript(indexText, indexDisplay);
  const detected = detectSystem(choice, ast, indexText, indexDisplay, manualIds);
  return {
    ...location,
    tree,
    backendJsonPath,
    backendJsonText,
    backendJson,
    indexPath,
    indexDisplay,
    indexText,
    ast,
    eol: detectEol(indexText),
    system: detected.system,
    legacy: detected.legacy,
  };
}

/**
 * Legacy (an api router and createEnv) or new (createBackend); a file with
 * both is new (half migrated). A legacy file's analysis is kept for the planners.
 */
function detectSystem(
  choice: SystemChoice,
  ast: File,
  source: string,
  file: string,
  ids: readonly string[],
): { system: BackendSystem; legacy?: LegacyIndex } {
  const isNew = choice !== 'legacy' && findNewBackend(ast, source) !== undefined;
  if (choice === 'new') {
    if (!isNew) throw describeMissingBackend(file, ast);
    return { system: 'new' };
  }
  if (isNew) return { system: 'new' };
  const legacy = analyzeLegacyIndex(ast, source);
  if (!('kind' in legacy)) return { system: 'legacy', legacy };
  if (choice === 'legacy') return { system: 'legacy' };
  if (findImportedBackend(ast)) throw describeMissingBackend(file, ast);
  throw new WireError(
    `${file}: neither backend system found: expected \`const backend = createBackend();\` (new backend system) or an api router such as \`const apiRouter = Router();\` that plugins are mounted on (legacy backend)`,
    ids.length
      ? 'For a legacy backend, add these lines by hand (imports at the top, the rest before the notFoundHandler() catch-all):\n' +
          ids.map(id => manualLegacyLines(id, preferredAlias(id), preferredEnvName(id))).join('\n')
      : undefined,
  );
}

/**
 * The install command to run after dependencies were added, by the lockfile
 * at the repo root (else package.json's `packageManager`, else yarn, which
 * Backstage's create-app sets up).
 */
export function installCommand(root: string): string {
  const lockfiles: [string, string][] = [
    ['yarn.lock', 'yarn install'],
    ['pnpm-lock.yaml', 'pnpm install'],
    ['package-lock.json', 'npm install'],
    ['bun.lockb', 'bun install'],
    ['bun.lock', 'bun install'],
  ];
  for (const [file, command] of lockfiles) if (fs.existsSync(path.join(root, file))) return command;
  try {
    const manager = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager;
    const name = typeof manager === 'string' ? /^(yarn|pnpm|npm|bun)@/.exec(manager)?.[1] : undefined;
    if (name) return `${name} install`;
  } catch {
    // The root package.json was read before; a failure here only loses the hint.
  }
  return 'yarn install';
}
