import { WireError } from './errors';

/** Lowercase letters and digits in groups joined by single dashes: `carmen`, `tech-insights`, `s3-viewer`. */
const PLUGIN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function validatePluginId(id: string): void {
  if (!PLUGIN_ID.test(id) || id.length > 100) {
    const shown = JSON.stringify(id.length > 60 ? id.slice(0, 60) + '…' : id);
    throw new WireError(
      `invalid plugin id ${shown}: expected lowercase letters and digits joined by single dashes (for example carmen or tech-insights), at most 100 characters`,
    );
  }
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await async arguments eval undefined'
  ).split(' '),
);

/** `carmen-tools` -> `carmenTools`; an id that would not make an identifier gets a `plugin` prefix. */
export function camelCaseId(id: string): string {
  const camel = id.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
  if (/^[0-9]/.test(camel)) return `plugin${camel[0].toUpperCase()}${camel.slice(1)}`;
  return camel;
}

/** The first candidate that is neither taken nor a reserved word. */
export function firstFreeName(candidates: Iterable<string>, taken: ReadonlySet<string>): string {
  for (const name of candidates) {
    if (!taken.has(name) && !RESERVED.has(name)) return name;
  }
  throw new Error('no free name among the candidates');
}

/** `base`, `basePlugin`, `basePlugin2`, ... */
export function* pluginAliasCandidates(id: string): Generator<string> {
  const base = camelCaseId(id);
  yield base;
  yield `${base}Plugin`;
  for (let n = 2; ; n++) yield `${base}Plugin${n}`;
}

/** `baseEnv`, `baseEnv2`, ... */
export function* envNameCandidates(id: string): Generator<string> {
  const base = `${camelCaseId(id)}Env`;
  yield base;
  for (let n = 2; ; n++) yield `${base}${n}`;
}

/** The alias a plugin gets when nothing in the file is in the way. */
export function preferredAlias(id: string): string {
  return firstFreeName(pluginAliasCandidates(id), new Set());
}

/** The env variable name a plugin gets when nothing in the file is in the way. */
export function preferredEnvName(id: string): string {
  return firstFreeName(envNameCandidates(id), new Set());
}

/** A jscodeshift `--id` option: one id, a comma-separated list, or an array. */
export function pluginIdsOption(id: string | string[] | undefined): string[] {
  return ([] as string[]).concat(id ?? []).flatMap(value => String(value).split(',')).filter(Boolean);
}
