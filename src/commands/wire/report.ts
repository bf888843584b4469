/**
 * What a run of the backend half reports, and the options it takes: the
 * library's types (`wire.ts` re-exports them).
 */
import { BackendSystem, SystemChoice, WiringForm } from '../../repo/backend';
import { BackendRole } from '../../../transforms/lib/package-names';
import { FileChange, FileStatus } from '../../commit/tree';

export type { WiringForm } from '../../repo/backend';

export interface WireOptions {
  /**
   * Plugin ids, such as `carmen` or `tech-insights`, and package names, such
   * as `@backstage/plugin-kubernetes-backend` or a module's package, mixed freely.
   */
  readonly plugins: readonly string[];
  /** Where to start looking for the repo root (default: process.cwd()). */
  readonly cwd?: string;
  /** The backend package folder, relative to cwd (default: `<root>/packages/backend`). */
  readonly backend?: string;
  /** The plugin's npm package name, when it is not `plugins/<id>-backend` (one plugin only). */
  readonly packageName?: string;
  /** The dependency range to add, instead of the one derived from the plugin's version (one plugin only). */
  readonly range?: string;
  /** Overwrite (or, with `remove`, delete) a `src/plugins/<id>.ts` that differs from what the tool generates. */
  readonly force?: boolean;
  /** Which backend system to expect; `auto` (the default) reads it from index.ts. */
  readonly system?: SystemChoice;
  /** Undo the wiring instead. */
  readonly remove?: boolean;
  /** The app package folder, relative to cwd (default: `<root>/packages/app`). */
  readonly app?: string;
  /** Wire one half only: the backend plugin (`backend`) or the frontend plugin (`frontend`). Default: every half the repo has. */
  readonly only?: 'backend' | 'frontend';
}

export interface FileReport {
  /** Relative to the repo root, with forward slashes. */
  readonly path: string;
  readonly status: FileStatus;
}

export interface PluginReport {
  /** The argument as given: an id or a package name. */
  readonly requested: string;
  /** The plugin id (for a module, the id of the plugin it extends). */
  readonly id: string;
  readonly packageName: string;
  /** A backend plugin, or a module of one (`backstage.role` `backend-plugin-module`). */
  readonly role: BackendRole;
  /** What `backend.add(import(...))` names, when it is not the package root: `<package>/alpha`. */
  readonly importSpecifier?: string;
  /** How the plugin is (or was) wired. */
  readonly form?: WiringForm;
  /** The range the backend depends on the plugin with (existing or added), when wiring. */
  readonly range?: string;
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** Whether anything changes for this plugin. */
  readonly changed: boolean;
  /** When wiring: true when nothing had to change for this plugin. */
  readonly alreadyWired?: boolean;
}

/** The backend half of a run. */
export interface BackendReport {
  readonly root: string;
  /** The backend package folder, relative to the root. */
  readonly backend: string;
  readonly system: BackendSystem;
  readonly action: 'wire' | 'remove';
  readonly plugins: readonly PluginReport[];
  /** Every file looked at, once, with its overall status. */
  readonly files: readonly FileReport[];
  readonly warnings: readonly string[];
  /** Whether any file changes (or, after a dry run, would change). */
  readonly changed: boolean;
  /** Whether the changes were written to disk. */
  readonly written: boolean;
  /** Dependencies this run adds to the backend's package.json. */
  readonly addedDependencies: readonly string[];
  /** Dependencies this run removes from the backend's package.json (with --remove). */
  readonly removedDependencies: readonly string[];
  /** What to run next when dependencies were added (`yarn install`, by the repo's lockfile). */
  readonly nextStep?: string;
}

export interface BackendPlan {
  readonly report: BackendReport;
  /** The new content of every file that changes, with what was read. */
  readonly changes: readonly FileChange[];
}
