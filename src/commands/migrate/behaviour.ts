/**
 * What a migration keeps, and what it changes on purpose: the same URLs,
 * the same need for credentials, the same data. Each kept or changed
 * behaviour is one `BehaviourEntry` of the report (`--json`'s `behaviour`,
 * one text line each). This module plans the data part, a plugin's
 * database identity in app-config, and says the access part in words; the
 * generated modules that keep access and URLs are planned with the other
 * translations.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FileTree } from '../../commit/tree';
import { applyChanges } from '../../../transforms/lib/changes';
import { planDatabaseIdentity } from '../../../transforms/app-config-database';
import { parseYaml } from '../../../transforms/lib/yaml';

export interface BehaviourEntry {
  /** `access`: who may call the plugin's routes; `url`: where they are served; `data`: which database and cache it uses; `logging`: what the root logger writes. */
  readonly kind: 'access' | 'url' | 'data' | 'logging';
  /** The plugin, or '' for the backend as a whole. */
  readonly plugin: string;
  /** Where it was: `packages/backend/src/index.ts:84`. */
  readonly source: string;
  /** Whether the legacy behaviour is kept (by generated code or config) or changed (and how to get it back). */
  readonly kept: boolean;
  /** What was generated or written, or what changed and what to do about it. */
  readonly change: string;
}

/** One entry as the text report prints it (after two spaces): `data    notes (packages/backend/src/index.ts:94): changed: ...`. */
export function behaviourLine(entry: BehaviourEntry): string {
  return `${entry.kind.padEnd(7)} ${entry.plugin ? `${entry.plugin} ` : ''}(${entry.source}): ${entry.kept ? '' : 'changed: '}${entry.change}`;
}

/** Root `app-config*.yaml` files, app-config.yaml first. */
export function appConfigFiles(root: string): string[] {
  let names: string[] = [];
  try {
    names = fs.readdirSync(root).filter(name => /^app-config(\.[^/]+)?\.ya?ml$/.test(name));
  } catch {
    return [];
  }
  return names.sort((a, b) => Number(b === 'app-config.yaml') - Number(a === 'app-config.yaml') || a.localeCompare(b)).map(name => path.join(root, name));
}

export interface DataIdentity {
  readonly plugin: string;
  readonly oldId: string;
  readonly newId: string;
  /** The index.ts line of the plugin's createEnv or mount, as `file:line`. */
  readonly source: string;
}

/**
 * Points each plugin's new id at its old database in every root app-config
 * file that configures the database (written into `tree`), and says so; or
 * refuses by the config's line with the key to add by hand. Where no file
 * keeps data (an in-memory sqlite, no database section), the deployment
 * configures the database outside the repo: the entry is a change, naming
 * the key to set there.
 */
export function planDataIdentities(tree: FileTree, root: string, identities: readonly DataIdentity[]): { behaviour: BehaviourEntry[]; refused: string[]; written: string[] } {
  const behaviour: BehaviourEntry[] = [];
  const refused: string[] = [];
  const written: string[] = [];
  if (!identities.length) return { behaviour, refused, written };
  const files = appConfigFiles(root);
  const baseClient = files.length ? clientOf(tree.read(files[0]) ?? '', tree.display(files[0])) : undefined;
  for (const identity of identities) {
    const said: string[] = [];
    let blocked = false;
    let pointed = false;
    for (const file of files) {
      const text = tree.read(file);
      if (text === undefined) continue;
      const display = tree.display(file);
      const plan = planDatabaseIdentity(text, display, { oldId: identity.oldId, newId: identity.newId }, baseClient);
      if (plan.kind === 'absent') continue;
      if (plan.kind === 'in-memory') {
        said.push(`${display}:${plan.line}: an in-memory database, which keeps nothing across starts: nothing written there`);
      } else if (plan.kind === 'kept') {
        pointed = true;
        said.push(`${display}:${plan.line}: ${plan.key}: ${plan.value} is there already`);
      } else if (plan.kind === 'edit') {
        pointed = true;
        tree.write(file, applyChanges(text, plan.changes));
        if (!written.includes(file)) written.push(file);
        said.push(`${display}:${plan.line}: wrote ${plan.key}: ${plan.value}, so it opens the data it kept as ${identity.oldId}`);
      } else {
        blocked = true;
        const add = plan.config ? `; add by hand: ${plan.config.split('\n').map(line => line.trim()).join(' ')}` : '';
        refused.push(`${display}:${plan.line}: plugin ${identity.plugin} kept its data as ${identity.oldId} (mounted at ${identity.source}) and runs as ${identity.newId} in the new backend: ${plan.why}${add}`);
      }
    }
    if (blocked) continue;
    if (!pointed) said.push(`${said.length ? 'no app-config in the repo keeps its data' : 'no app-config file configures backend.database'}, ${keysForTheDeployment(identity)}`);
    behaviour.push({
      kind: 'data',
      plugin: identity.plugin,
      source: identity.source,
      kept: pointed,
      change: `its createEnv id was ${identity.oldId}, and it runs as ${identity.newId}: ${said.join('; ')}; ${cacheNote(identity)}`,
    });
  }
  return { behaviour, refused, written };
}

function cacheNote(identity: DataIdentity): string {
  return `the cache namespace follows the plugin id (${identity.newId}, was ${identity.oldId}), which no config sets: a shared cache (redis, memcache) starts cold for it`;
}

/**
 * No app-config in the repo keeps the plugin's rows, so the deployment
 * configures its database elsewhere (an environment, a chart), and under the
 * new id the plugin would open a new, empty one there. The keys, as
 * backend-defaults' connectors name a plugin's database (`getDatabaseName`:
 * pg and mysql `<prefix><id>`, prefix `backstage_plugin_` unless
 * `backend.database.prefix` is set; sqlite `<id>.sqlite` in
 * `connection.directory`; in `pluginDivisionMode: schema` the schema is the
 * plugin id and no key names another; read in 0.4.3 and 0.18.0).
 */
function keysForTheDeployment(identity: DataIdentity): string {
  const key = `backend.database.plugin.${identity.newId}.connection`;
  return (
    `so the deployment configures its database elsewhere (an environment, a chart), where ${identity.newId} would open a new, empty one: ` +
    `set ${key}.database: backstage_plugin_${identity.oldId} there for pg or mysql (with the deployment's backend.database.prefix in place of backstage_plugin_ if it sets one), ` +
    `or ${key}.filename: ${identity.oldId}.sqlite for sqlite with a connection.directory; ` +
    `with pluginDivisionMode: schema no key names another schema: rename the schema ${identity.oldId} to ${identity.newId}`
  );
}

function clientOf(text: string, file: string): string | undefined {
  if (!/\bclient\s*:/.test(text)) return undefined;
  try {
    const client = parseYaml(text, file).getIn(['backend', 'database', 'client']);
    return typeof client === 'string' ? client : undefined;
  } catch {
    return undefined;
  }
}
