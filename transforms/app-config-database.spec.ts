import { applyChanges } from './lib/changes';
import { planDatabaseIdentity } from './app-config-database';

const ids = { oldId: 'notes_store', newId: 'notes' };

function edited(text: string, fallbackClient?: string): string {
  const plan = planDatabaseIdentity(text, 'app-config.yaml', ids, fallbackClient);
  if (plan.kind !== 'edit') throw new Error(`expected an edit, got ${JSON.stringify(plan)}`);
  return applyChanges(text, plan.changes);
}

describe('planDatabaseIdentity', () => {
  test('sqlite with a directory: the old file name under the new id, in the map\'s indentation, comments kept', () => {
    const text = 'backend:\n  # the database\n  database:\n    client: better-sqlite3\n    connection:\n      directory: ./data # here\n\ncatalog: {}\n';
    expect(edited(text)).toBe(
      'backend:\n  # the database\n  database:\n    client: better-sqlite3\n    connection:\n      directory: ./data # here\n    plugin:\n      notes:\n        connection:\n          filename: notes_store.sqlite\n\ncatalog: {}\n',
    );
  });

  test("the comment lines under the last key stay with it (create-app's commented-out ssl under connection); a comment at the map's own level stays after", () => {
    const text = [
      'backend:',
      '  database:',
      '    client: pg',
      '    connection:',
      '      host: localhost',
      '      # https://node-postgres.com/features/ssl',
      '      # ssl:',
      '      #   ca: # if you have a CA file',
      '      #     $file: <file-path>/ca/server.crt',
      '    # pool settings go here',
      '  cache:',
      '    store: memory',
      '',
    ].join('\n');
    const plugin = ['    plugin:', '      notes:', '        connection:', '          database: backstage_plugin_notes_store'].join('\n');
    expect(edited(text)).toBe(text.replace('    # pool settings go here\n', `${plugin}\n    # pool settings go here\n`));
    const last = 'backend:\n  database:\n    client: pg\n    connection:\n      host: db\n      # ssl: true';
    expect(edited(last)).toBe(`${last}\n${plugin}`);
  });

  test('pg: the prefixed old name, inside an existing plugin map, CRLF and no final newline kept', () => {
    const text = 'backend:\r\n    database:\r\n        client: pg\r\n        prefix: bs_\r\n        plugin:\r\n            catalog:\r\n                connection:\r\n                    database: cat';
    expect(edited(text)).toBe(`${text}\r\n            notes:\r\n                connection:\r\n                    database: bs_notes_store`);
  });

  test('a second run finds the key in place; an in-memory sqlite has nothing to keep; no database config is absent', () => {
    const once = edited('backend:\n  database:\n    client: pg\n    connection:\n      host: db\n');
    expect(planDatabaseIdentity(once, 'app-config.yaml', ids)).toMatchObject({ kind: 'kept', key: 'backend.database.plugin.notes.connection.database', value: 'backstage_plugin_notes_store' });
    expect(planDatabaseIdentity("backend:\n  database:\n    client: better-sqlite3\n    connection: ':memory:'\n", 'app-config.yaml', ids)).toMatchObject({ kind: 'in-memory', line: 4 });
    expect(planDatabaseIdentity('backend:\n  baseUrl: x\n', 'app-config.yaml', ids)).toEqual({ kind: 'absent' });
  });

  test('another file without a client of its own takes app-config.yaml\'s', () => {
    expect(edited('backend:\n  database:\n    connection:\n      directory: /var/data\n', 'better-sqlite3')).toContain('          filename: notes_store.sqlite\n');
  });

  test.each([
    ['a client from an environment variable', 'backend:\n  database:\n    client: ${DB_CLIENT}\n    connection: {}\n', 3, /environment variable/],
    ['the whole database config from an environment variable', 'backend:\n  database: ${DATABASE}\n', 2, /cannot edit it safely/],
    ['schema division mode', 'backend:\n  database:\n    client: pg\n    pluginDivisionMode: schema\n', 4, /schema/],
    ['the old id with config of its own', 'backend:\n  database:\n    client: pg\n    plugin:\n      notes_store:\n        client: pg\n', 5, /plugin\.notes_store has config of its own/],
    ['the key set to something else', 'backend:\n  database:\n    client: pg\n    plugin:\n      notes:\n        connection:\n          database: other\n', 7, /set already/],
    ['a flow map on the way', 'backend:\n  database:\n    client: pg\n    plugin: { notes: {} }\n', 4, /not a block map/],
    // The config loader replaces a map holding $include, $file or $env by what it reads and allows no key beside it.
    ['the database config read whole from an include', 'backend:\n  database:\n    $include: ./database.yaml\n', 3, /read whole from \$include: \.\/database\.yaml/],
    ['an include on the way', 'backend:\n  database:\n    client: pg\n    plugin:\n      $include: ./plugins.yaml\n', 4, /read from \$include, \$file or \$env/],
    ['a connection from $env on the way', 'backend:\n  database:\n    client: pg\n    plugin:\n      notes:\n        connection:\n          $env: NOTES_DB\n', 6, /not a block map of its own/],
  ])('refuses %s, by line, with the key to add', (_name, text, line, why) => {
    const plan = planDatabaseIdentity(text, 'app-config.yaml', ids);
    expect(plan).toMatchObject({ kind: 'refused', line });
    if (plan.kind === 'refused') expect(plan.why).toMatch(why);
  });
});
