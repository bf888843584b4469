/** The frontend half's report and what its planners share. */
import type { FileTree, FileStatus } from '../../../commit/tree';
import type { FrontendPackage } from '../../../repo/frontend-package';
import type { AppFiles, FrontendSystem } from '../../../repo/app';

export type { FrontendSystem } from '../../../repo/app';

/** One thing the frontend half wires, and where. */
export interface FrontendPiece {
  readonly kind: 'dependency' | 'route' | 'sidebar' | 'tab' | 'card' | 'feature' | 'discovery';
  /** A file, or an entity page constant in EntityPage.tsx (`serviceEntityPage`). */
  readonly where: string;
  readonly state: 'added' | 'present' | 'removed' | 'absent';
}

export interface FrontendPluginReport {
  /** The argument as given: an id or a package name (or the package that named it as a sibling). */
  readonly requested: string;
  readonly id: string;
  readonly packageName: string;
  readonly role: FrontendPackage['role'];
  /** The range the app depends on the plugin with (existing or added), when wiring. */
  readonly range?: string;
  readonly pieces: readonly FrontendPiece[];
  readonly files: readonly { readonly path: string; readonly status: FileStatus }[];
  readonly warnings: readonly string[];
  /** What the tool cannot do safely, with the exact lines to add by hand. */
  readonly manualSteps: readonly string[];
  readonly changed: boolean;
  readonly alreadyWired?: boolean;
}

export interface FrontendReport {
  /** The app package folder, relative to the root. */
  readonly app: string;
  readonly system: FrontendSystem;
  readonly plugins: readonly FrontendPluginReport[];
}

/** A frontend package to wire (or unwire), as the command line or a sibling named it. */
export interface FrontendTarget {
  readonly requested: string;
  readonly plugin: FrontendPackage;
}

export interface FrontendContext {
  readonly tree: FileTree;
  readonly files: AppFiles;
  readonly remove: boolean;
  readonly range?: string;
}

/** What one planner did for one plugin. */
export interface PieceWork {
  readonly pieces: FrontendPiece[];
  readonly warnings: string[];
  readonly manualSteps: string[];
  /** Files touched, by absolute path. */
  readonly paths: Set<string>;
}

export const newWork = (): PieceWork => ({ pieces: [], warnings: [], manualSteps: [], paths: new Set() });
