/**
 * What `wire-plugin migrate` reports: the options it takes, each plugin's
 * target, the translations it generated, the behaviour it kept or changed,
 * the files it touches. The library's public types for migrate.
 */
import { WireError } from '../../../transforms/lib/errors';
import type { FileStatus } from '../../commit/tree';
import type { StatementVerdict } from './legacy-statements';
import type { BehaviourEntry } from './behaviour';
import type { FileChange } from '../../commit/tree';

export interface MigrateOptions {
  readonly cwd?: string;
  readonly backend?: string;
  /** Ranges for packages the migration adds, when neither node_modules nor the release table has them. */
  readonly versions?: Readonly<Record<string, string>>;
}

/**
 * `feature`: `backend.add(import(pkg))`; `module`: the feature and the
 * modules for the template's customisations; `bridge`: `legacyPlugin` (up to
 * Backstage 1.31); `wrapper`: the plugin's module rewritten as a new-system
 * plugin, `backend.add(import('./plugins/<id>'))` (after 1.31, where
 * legacyPlugin does not run).
 */
export type MigrationTarget = 'feature' | 'module' | 'bridge' | 'wrapper';

export interface MigratedPlugin {
  /** The route it had (`catalog`; `app` for the one mounted at the service root). */
  readonly id: string;
  /** The legacy module it was mounted from (`./plugins/catalog`). */
  readonly module: string;
  /** The module's export it was imported by, when not the default (`import { auth } from './plugins/auth'`). */
  readonly exportName?: string;
  /** The config condition it was mounted under, as written: a feature loader yields it under the same one. */
  readonly condition?: string;
  readonly package: string | null;
  readonly target: MigrationTarget;
  /** What `backend.add(...)` gets for it, in order. */
  readonly adds: readonly string[];
  /** What the decision rests on: the installed package, the table shipped with wire-plugin, or the module's code alone. */
  readonly decidedBy: 'installed' | 'table' | 'module';
  readonly reason: string;
}

export interface MigrationReport {
  readonly root: string;
  readonly backend: string;
  /** The system found before the run. */
  readonly system: 'legacy' | 'new';
  /** True when the backend is on the new system already: nothing to do. */
  readonly alreadyMigrated: boolean;
  readonly plugins: readonly MigratedPlugin[];
  readonly carried: readonly StatementVerdict[];
  readonly replaced: readonly StatementVerdict[];
  /** Statements the migration cannot carry: a run with any writes nothing and exits 2. */
  readonly refused: readonly string[];
  readonly dependencies: { readonly added: readonly { name: string; range: string }[]; readonly removed: readonly string[] };
  /** Customisations translated into generated code: what, from which lines, into which file. */
  readonly translations: readonly MigrationTranslation[];
  /** Each kept or changed behaviour (access, URL, data), one entry each: what keeps it, or what changed on purpose. */
  readonly behaviour: readonly BehaviourEntry[];
  readonly files: readonly { path: string; status: FileStatus }[];
  readonly warnings: readonly string[];
  readonly changed: boolean;
  readonly written: boolean;
  readonly nextStep?: string;
}

export interface MigrationTranslation {
  /**
   * `startup-log`: main()'s log lines on the root logger, written by a generated plugin at startup;
   * `api-router`: routers of the app's own on the api router, served by a generated plugin at the same URLs;
   * `api-router-module`: the same under a plugin's own path (`/api/catalog/extra`), served by a module of that plugin;
   * `root-router`: a router the service builder mounted at a root path, served by coreServices.rootHttpRouter there;
   * `root-handler`: handlers the service builder mounted at '', in rootHttpRouterServiceFactory's configure;
   * `discovery`: a discovery of the app's own class made from config, as a coreServices.discovery service factory;
   * `feature-loader`: plugins mounted under config conditions, yielded by createBackendFeatureLoader under the same ones;
   * `root-plugin`: a plugin module the service builder mounted outside /api, run under its createEnv id and served at the same path;
   * `legacy-access`: a module of a plugin kept on its legacy code, opening its routes to requests without credentials as before;
   * `startup-tasks`: calls of the app's own that needed only the config, run at startup with the root config;
   * `plugin-run`: a plugin main() ran without mounting it, run at startup by a generated plugin under its createEnv id;
   * `plugin-adapter`: an adapter the bridge runs, for a plugin called with more than its env or reading env fields of the app's own.
   */
  readonly kind: 'startup-log' | 'api-router' | 'api-router-module' | 'root-router' | 'root-handler' | 'discovery' | 'url-reader' | 'root-logger' | 'feature-loader' | 'root-plugin' | 'legacy-access' | 'startup-tasks' | 'plugin-adapter' | 'plugin-run' | 'plugin-route' | 'event-broker' | 'identity' | 'legacy-services';
  /** The index.ts lines it came from. */
  readonly lines: readonly number[];
  /** The generated file, relative to the root. */
  readonly file: string;
  /** The auth policies the generated code adds, if any (comma-separated). */
  readonly authPolicy: string | null;
}

export interface MigrationPlan {
  readonly report: MigrationReport;
  readonly changes: readonly FileChange[];
}

/** Thrown by `migrateBackend` when statements were refused; `refusals` holds one `file:LINE: code: why` line each. */
export class MigrationRefused extends WireError {
  constructor(readonly refusals: readonly string[]) {
    super(refusals[0] ?? 'migration refused');
    this.name = 'MigrationRefused';
  }
}
