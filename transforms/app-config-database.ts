/**
 * A plugin's database identity in app-config: which database (pg, mysql) or
 * file (sqlite) backend-defaults' connectors open for a plugin id. A legacy
 * plugin made with `createEnv('notes_store')` and mounted at `/notes` kept
 * its rows under `notes_store`; in the new backend system it runs as plugin
 * `notes`, and would open an empty `notes` database. Planning writes the
 * one key that points the new id at the old data:
 *
 * - sqlite (a `connection.directory`, or none): `backend.database.plugin.<new>.connection.filename: <old>.sqlite`,
 *   which the connector joins to the directory it inherits from the base connection;
 * - pg and mysql: `backend.database.plugin.<new>.connection.database: <prefix><old>`
 *   (the prefix is `backend.database.prefix`, default `backstage_plugin_`).
 *
 * Read from `getDatabaseName` and `getConnectionConfig` of backend-defaults
 * 0.4.3's connectors: a plugin's connection is merged over the base one when
 * its client is not overridden, and the `database`/`filename` keys are what
 * they read first. An in-memory sqlite keeps nothing across starts: nothing
 * to point. What cannot be edited safely (the database config from an
 * environment variable or an include, a map on the way read from `$include`,
 * `$file` or `$env`, which allow no key beside them, schema division mode, a
 * flow map on the way, the old id's own plugin config) is refused with its
 * line and the config to add by hand.
 *
 * The edit is positional (the new lines in the map's own indentation and
 * line endings; comments and every other byte stay), and is checked by
 * parsing the result: the key holds the value, and nothing else changed.
 */
import type { Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import { insertAt, TextChange, applyChanges } from './lib/changes';
import { detectEol, lineOf, lineStartOf } from './lib/text';
import { loadYaml, parseYaml } from './lib/yaml';

export interface DatabaseIdentity {
  /** The id the legacy plugin's data was kept under (its createEnv id). */
  readonly oldId: string;
  /** The id the plugin runs under in the new backend system. */
  readonly newId: string;
}

export type DatabaseIdentityPlan =
  /** No database config in this file: nothing to point. */
  | { readonly kind: 'absent' }
  /** An in-memory sqlite: no rows outlive a start, nothing to point. */
  | { readonly kind: 'in-memory'; readonly line: number }
  /** The key is there with the value it needs (a second run). */
  | { readonly kind: 'kept'; readonly key: string; readonly value: string; readonly line: number }
  | { readonly kind: 'edit'; readonly key: string; readonly value: string; readonly line: number; readonly changes: readonly TextChange[] }
  /** `line` of the config that stands in the way, why, and the config to add by hand. */
  | { readonly kind: 'refused'; readonly line: number; readonly why: string; readonly config: string };


function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const yaml = loadYaml();
  return (map.items as Pair[]).find(item => yaml.isScalar(item.key) && String((item.key as Scalar).value) === key);
}

function scalarText(value: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}

/** The config to add by hand, as a YAML block. */
function configBlock(path: readonly string[], value: string): string {
  return path.map((key, depth) => `${'  '.repeat(depth)}${key}:${depth === path.length - 1 ? ` ${scalarText(value)}` : ''}`).join('\n');
}

/**
 * `fallbackClient`: the client app-config.yaml sets, for another config file
 * whose `backend.database` sets a connection but no client of its own.
 */
export function planDatabaseIdentity(text: string, file: string, ids: DatabaseIdentity, fallbackClient?: string): DatabaseIdentityPlan {
  if (!/\bdatabase\s*:/.test(text)) return { kind: 'absent' };
  const yaml = loadYaml();
  const document = parseYaml(text, file);
  const backend = document.get('backend', true) as YamlNode | undefined;
  if (!yaml.isMap(backend)) return { kind: 'absent' };
  const databasePair = pairOf(backend, 'database');
  if (!databasePair) return { kind: 'absent' };
  const database = databasePair.value as YamlNode | null;
  const keyLine = lineOf(text, (databasePair.key as Scalar).range?.[0] ?? 0);
  const refuse = (line: number, why: string, path: readonly string[] = [], value = ''): DatabaseIdentityPlan => ({
    kind: 'refused',
    line,
    why,
    config: path.length ? configBlock(['backend', 'database', ...path], value) : '',
  });
  if (!yaml.isMap(database) || database.flow) {
    return refuse(keyLine, 'backend.database is not a block map of its own here (an environment variable, an include or a flow map): wire-plugin cannot edit it safely');
  }
  const included = includeKeyOf(database);
  if (included) {
    return refuse(
      lineOf(text, (included.key as Scalar).range?.[0] ?? 0),
      `backend.database is read whole from ${String((included.key as Scalar).value)}: ${String((included.value as Scalar | null)?.value ?? '')}, and the config loader allows no key beside it: add the key to what it reads`,
      ['plugin', ids.newId, 'connection', 'database'],
      `backstage_plugin_${ids.oldId}`,
    );
  }
  const clientNode = pairOf(database, 'client')?.value as YamlNode | undefined;
  const client = yaml.isScalar(clientNode) ? String(clientNode.value) : fallbackClient;
  const connectionPair = pairOf(database, 'connection');
  const connection = connectionPair?.value as YamlNode | null | undefined;
  const sqlite = client !== undefined && /sqlite3/.test(client);
  if (!client || /\$\{/.test(client)) {
    const line = clientNode ? lineOf(text, clientNode.range?.[0] ?? 0) : keyLine;
    return refuse(line, `backend.database.client is ${client ? `set by an environment variable (${client})` : 'not set'}: which key keeps the data depends on it`, ['plugin', ids.newId, 'connection', 'database'], `backstage_plugin_${ids.oldId}`);
  }
  if (sqlite) {
    const memory =
      (yaml.isScalar(connection) && connection.value === ':memory:') ||
      (yaml.isMap(connection) && yaml.isScalar(pairOf(connection, 'filename')?.value) && (pairOf(connection, 'filename')?.value as Scalar).value === ':memory:');
    if (memory) return { kind: 'in-memory', line: lineOf(text, (connection as YamlNode).range?.[0] ?? 0) };
    if (connection !== undefined && connection !== null && !yaml.isMap(connection)) {
      return refuse(lineOf(text, connection.range?.[0] ?? 0), 'backend.database.connection is a file name, which the new backend refuses for the base sqlite connection: set connection.directory first');
    }
  } else if (!/^(pg|mysql|mysql2)$/.test(client)) {
    return refuse(keyLine, `backend.database.client ${client} is not one whose database names wire-plugin knows (pg, mysql, sqlite)`);
  }
  const division = pairOf(database, 'pluginDivisionMode')?.value as YamlNode | undefined;
  if (!sqlite && yaml.isScalar(division) && division.value === 'schema') {
    return refuse(lineOf(text, division.range?.[0] ?? 0), `pluginDivisionMode: schema keeps each plugin in the schema named by its id, and no config names another: rename the schema ${ids.oldId} to ${ids.newId} by hand`);
  }
  const prefixNode = pairOf(database, 'prefix')?.value as YamlNode | undefined;
  const prefix = yaml.isScalar(prefixNode) && prefixNode.value ? String(prefixNode.value) : 'backstage_plugin_';
  const leaf = sqlite ? 'filename' : 'database';
  const value = sqlite ? `${ids.oldId}.sqlite` : `${prefix}${ids.oldId}`;
  const path = ['plugin', ids.newId, 'connection', leaf];
  const key = `backend.database.${path.join('.')}`;

  const plugins = pairOf(database, 'plugin')?.value as YamlNode | null | undefined;
  if (yaml.isMap(plugins) && pairOf(plugins, ids.oldId)) {
    const old = pairOf(plugins, ids.oldId) as Pair;
    return refuse(lineOf(text, (old.key as Scalar).range?.[0] ?? 0), `backend.database.plugin.${ids.oldId} has config of its own, which the plugin no longer reads as ${ids.newId}: move it under plugin.${ids.newId} by hand`, path, value);
  }
  // Walk down as far as the path exists; insert the rest as block lines.
  let map: YAMLMap = database;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const pair = pairOf(map, path[depth]);
    if (!pair) break;
    const node = pair.value as YamlNode | null;
    const where = lineOf(text, (pair.key as Scalar).range?.[0] ?? 0);
    if (depth === path.length - 1) {
      if (yaml.isScalar(node) && String(node.value) === value) return { kind: 'kept', key, value, line: where };
      return refuse(where, `${key} is set already, to something else: the plugin's data is under ${value}; set it by hand`, path, value);
    }
    if (!yaml.isMap(node) || node.flow || includeKeyOf(node)) return refuse(where, `backend.database.${path.slice(0, depth + 1).join('.')} is not a block map of its own here (a flow map, or one read from $include, $file or $env): wire-plugin cannot add ${key} to it safely`, path, value);
    map = node;
  }
  // One indentation step of the file: how deep `database:` stands under the top-level `backend:`.
  const databaseKeyStart = (databasePair.key as Scalar).range?.[0] ?? 0;
  const step = text.slice(lineStartOf(text, databaseKeyStart), databaseKeyStart);
  const change = insertIntoMap(text, map, path.slice(depth), scalarText(value), /^ +$/.test(step) ? step : '  ');
  if (!change) return refuse(keyLine, `backend.database is laid out in a way wire-plugin cannot add ${key} to safely`, path, value);
  const changes = [change];
  if (!editLandsAlone(text, applyChanges(text, changes), file, ['backend', 'database', ...path], value)) {
    return refuse(keyLine, `adding ${key} would not parse back as that one key: set it by hand`, path, value);
  }
  return { kind: 'edit', key, value, line: lineOf(text, change.start), changes };
}

/**
 * The config loader's include key of a map (`$include`, `$file`, `$env`), if
 * it has one: the loader replaces the whole map by what the key reads and
 * refuses any key beside it ("should not have adjacent keys", config-loader
 * 1.11's include transform), so nothing may be added to that map.
 */
function includeKeyOf(map: YAMLMap): Pair | undefined {
  return ['$include', '$file', '$env'].map(key => pairOf(map, key)).find(pair => pair !== undefined);
}

/** Block lines for `keys` (the last one with `value`) after the last item of `map`, in its indentation. */
function insertIntoMap(text: string, map: YAMLMap, keys: readonly string[], value: string, unit: string): TextChange | undefined {
  const items = map.items as Pair[];
  const first = items[0]?.key as Scalar | undefined;
  const last = items[items.length - 1];
  if (!first || !last) return undefined;
  const keyStart = first.range?.[0] ?? 0;
  const indent = text.slice(lineStartOf(text, keyStart), keyStart);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const eol = detectEol(text);
  const lines = keys.map((key, i) => `${indent}${unit.repeat(i)}${scalarText(key)}:${i === keys.length - 1 ? ` ${value}` : ''}`);
  let end = ((last.value as YamlNode | null)?.range?.[1] ?? (last.key as Scalar).range?.[1] ?? 0);
  while (end > 0 && /[\s]/.test(text[end - 1])) end--;
  let lineEnd = text.indexOf('\n', end);
  // Comment lines indented under the last item are its own (create-app's commented-out `ssl:` under
  // `connection`): the new keys go after them, so that uncommenting them keeps them where they were.
  while (lineEnd !== -1) {
    const next = text.indexOf('\n', lineEnd + 1);
    const comment = /^([ ]*)#/.exec(text.slice(lineEnd + 1, next === -1 ? text.length : next));
    if (!comment || comment[1].length <= indent.length) break;
    if (next === -1) return insertAt(text.length, `${eol}${lines.join(eol)}`);
    lineEnd = next;
  }
  if (lineEnd === -1) return insertAt(text.length, `${eol}${lines.join(eol)}`);
  return insertAt(lineEnd + 1, `${lines.join(eol)}${eol}`);
}

/** Whether the edited text holds `value` at `path` and is otherwise the same data as before. */
function editLandsAlone(before: string, after: string, file: string, path: readonly string[], value: string): boolean {
  const old = parseYaml(before, file).toJS() as Record<string, unknown>;
  let now: Record<string, unknown>;
  try {
    now = parseYaml(after, file).toJS() as Record<string, unknown>;
  } catch {
    return false;
  }
  let cursor: unknown = now;
  for (const key of path) cursor = (cursor as Record<string, unknown> | undefined)?.[key];
  if (cursor !== value) return false;
  // Take the new key out again (and the maps it alone made): the rest must be what it was.
  const strip = (node: Record<string, unknown>, depth: number): void => {
    const key = path[depth];
    if (depth === path.length - 1) {
      delete node[key];
      return;
    }
    const child = node[key] as Record<string, unknown>;
    strip(child, depth + 1);
    if (Object.keys(child).length === 0 && !hasPath(old, path.slice(0, depth + 1))) delete node[key];
  };
  strip(now, 0);
  return JSON.stringify(now) === JSON.stringify(old);
}

function hasPath(root: unknown, path: readonly string[]): boolean {
  let cursor = root;
  for (const key of path) {
    if (typeof cursor !== 'object' || cursor === null || !(key in cursor)) return false;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return true;
}
