/**
 * The frame every backend plugin that migrate generates shares: a header
 * comment, the import of `coreServices` and `createBackendPlugin`, the
 * module's own imports, and `createBackendPlugin({ pluginId, register })`
 * (or `createBackendModule({ pluginId, moduleId, register })` for a module
 * of a plugin) whose one `registerInit` has the given deps line and init body. Printed
 * in the index's quotes, semicolons, indentation unit and line endings.
 */
import { stringLiteral } from '../lib/code-style';

export interface GeneratedStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  readonly unit: string;
  readonly eol: string;
}

export interface PluginShell {
  /** The header comment's lines, without ` * `. */
  readonly comment: readonly string[];
  readonly imports: readonly string[];
  readonly pluginId: string;
  /** For a module of a plugin that is added too (`createBackendModule({ pluginId, moduleId })`): its module id. */
  readonly moduleId?: string;
  /** The `deps: ...` entry, as lines at the deps' depth (`deps: { httpRouter: coreServices.httpRouter },`). */
  readonly deps: readonly string[];
  /** `async init(...) {`'s parameter list, as written (`{ httpRouter }`). */
  readonly params: string;
  /** The init body's lines, each at depth 0 (indented here). */
  readonly body: (at: (depth: number) => string, semi: string) => readonly string[];
  /** Top-level lines between the imports and the plugin (a blank line before each group is the caller's). */
  readonly preamble?: readonly string[];
}

/** `import { coreServices, <create> } from '@backstage/backend-plugin-api';`, as prettier lays it out. */
export function coreServicesImport(create: string, style: GeneratedStyle): string[] {
  return [
    'import {',
    `${style.unit}coreServices,`,
    `${style.unit}${create},`,
    `} from ${stringLiteral('@backstage/backend-plugin-api', style.quote)}${style.semicolons ? ';' : ''}`,
  ];
}

export function printPluginShell(shell: PluginShell, style: GeneratedStyle): string {
  const semi = style.semicolons ? ';' : '';
  const at = (depth: number): string => style.unit.repeat(depth);
  const create = shell.moduleId === undefined ? 'createBackendPlugin' : 'createBackendModule';
  return [
    '/*',
    ...shell.comment.map(line => ` * ${line}`),
    ' */',
    ...coreServicesImport(create, style),
    ...shell.imports,
    '',
    ...(shell.preamble?.length ? [...shell.preamble, ''] : []),
    `export default ${create}({`,
    `${at(1)}pluginId: ${stringLiteral(shell.pluginId, style.quote)},`,
    ...(shell.moduleId === undefined ? [] : [`${at(1)}moduleId: ${stringLiteral(shell.moduleId, style.quote)},`]),
    `${at(1)}register(env) {`,
    `${at(2)}env.registerInit({`,
    ...shell.deps.map(line => `${at(3)}${line}`),
    `${at(3)}async init(${shell.params}) {`,
    ...shell.body(at, semi).map(line => `${at(4)}${line}`),
    `${at(3)}},`,
    `${at(2)}})${semi}`,
    `${at(1)}},`,
    `})${semi}`,
  ].join(style.eol) + style.eol;
}

/**
 * `httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' })` at init's
 * depth (4 units), wrapped as prettier wraps a call past 80 columns.
 */
export function printAuthPolicy(policyPath: string, style: GeneratedStyle): string[] {
  const q = style.quote;
  const semi = style.semicolons ? ';' : '';
  const oneLine = `httpRouter.addAuthPolicy({ path: ${stringLiteral(policyPath, q)}, allow: ${stringLiteral('unauthenticated', q)} })${semi}`;
  if (4 * (style.unit === '\t' ? 2 : style.unit.length) + oneLine.length <= 80) return [oneLine];
  return ['httpRouter.addAuthPolicy({', `${style.unit}path: ${stringLiteral(policyPath, q)},`, `${style.unit}allow: ${stringLiteral('unauthenticated', q)},`, `})${semi}`];
}

/**
 * `<head>{ a, b }<tail>` at `depth` units, on one line where it fits in 80
 * columns, else one entry a line with trailing commas, as prettier prints an
 * object literal it has to break.
 */
export function printObject(head: string, entries: readonly string[], tail: string, depth: number, style: GeneratedStyle): string[] {
  const width = depth * (style.unit === '\t' ? 2 : style.unit.length);
  const oneLine = entries.length ? `${head}{ ${entries.join(', ')} }${tail}` : `${head}{}${tail}`;
  if (width + oneLine.length <= 80) return [oneLine];
  return [`${head}{`, ...entries.map(entry => `${style.unit}${entry},`), `}${tail}`];
}

/**
 * An expression moved into generated code at `depth`: its lines after the
 * first, indented relative to the first's line, get the depth's indentation
 * (blank lines stay blank), in the file's line endings.
 */
export function continuedAt(expression: string, depth: number, style: GeneratedStyle): string {
  const indent = style.unit.repeat(depth);
  return expression
    .split(/\r?\n/)
    .map((line, i) => (i === 0 || line === '' ? line : `${indent}${line}`))
    .join(style.eol);
}

/** A comment sentence as ` * ` lines of at most `width` columns (a word longer than that stands alone). */
export function wrapComment(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && ` * ${line} ${word}`.length > width) {
      lines.push(` * ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, ` * ${line}`];
}
