/**
 * The `yaml` parser, loaded on first use only (it is not in the bundle: only
 * runs that read app-config need it), and a parse that turns the first
 * syntax error into a one-line WireError naming the file and position.
 */
import type { Document } from 'yaml';
import { formatPosition, WireError } from './errors';

export type Yaml = typeof import('yaml');

export function loadYaml(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as Yaml;
}

/** The documents parsed so far, by text: a run reads one app-config several times (its client, its database keys, the edit's check), and no reader changes a document. */
const parsed = new Map<string, Document.Parsed>();

export function parseYaml(text: string, file: string): Document.Parsed {
  const known = parsed.get(text);
  if (known) return known;
  const document = loadYaml().parseDocument(text, { prettyErrors: false });
  const error = document.errors[0];
  if (error) throw new WireError(`${formatPosition(file, text, error.pos[0])}: invalid YAML: ${error.message.split('\n')[0]}`);
  if (parsed.size > 16) parsed.clear();
  parsed.set(text, document);
  return document;
}
