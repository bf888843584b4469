/**
 * Wires backend plugins into a new-backend-system `src/index.ts`:
 *
 *   backend.add(import('@internal/backstage-plugin-carmen-backend'));
 *
 * before `backend.start()`, after the last add at that level; a plugin that
 * only has a legacy `createRouter` goes through the migration bridge:
 *
 *   import { legacyPlugin } from '@backstage/backend-common';
 *   backend.add(legacyPlugin('carmen', import('./plugins/carmen')));
 *
 * `planNewBackendWiring` is pure and returns text changes; the default export
 * is a jscodeshift transform (`--id=carmen --package=<name> [--legacy]
 * [--subpath=alpha] [--module --follows=<plugin package>]`).
 */
import type { File, ImportDeclaration, Node, Program } from '@babel/types';
import { collectNames } from './lib/ast';
import { applyChanges, insertAt, TextChange } from './lib/changes';
import { CodeStyle, detectCodeStyle, stringLiteral } from './lib/code-style';
import { WireError } from './lib/errors';
import { firstFreeName, validatePluginId } from './lib/naming';
import { parseTypeScript } from './lib/parse';
import { indentOf, LinePoint, pointAfterStatement, pointBeforeStatement } from './lib/text';
import { addRefersTo, BackendAdd, findImportedBackend, findNewBackend, NewBackend } from './analysis/new-backend';
import { identityFromName, packageOfSpecifier } from './lib/package-names';

/** `feature`: the package's feature; `legacy`: the `legacyPlugin` bridge; `wrapper`: the backend's own `./plugins/<id>` module, a new-system plugin. */
export type NewBackendForm = 'feature' | 'legacy' | 'wrapper';

export interface NewBackendRequest {
  readonly id: string;
  readonly packageName: string;
  /** `feature`: `backend.add(import(pkg))`; `legacy`: through `legacyPlugin` and `./plugins/<id>`; `wrapper`: `backend.add(import('./plugins/<id>'))`. */
  readonly form: NewBackendForm;
  /** Where the feature is, when not at the package root: `/alpha` adds `import('<package>/alpha')`. */
  readonly subpath?: string;
  /**
   * A backend module (of the plugin `id`): only an add of this very package
   * counts as present (an add of its plugin, or a bridge named `id`, does not),
   * and the new add goes after the last add of `follows` when there is one.
   */
  readonly module?: boolean;
  /** Packages whose adds this one goes after (a module's plugin and that plugin's other modules). */
  readonly follows?: readonly string[];
}

export interface NewBackendPluginWiring {
  readonly id: string;
  readonly form: NewBackendForm;
  /** Whether this plan adds the plugin (false: it is added already, in some form). */
  readonly added: boolean;
  /** Whether the index imports (or will import) `./plugins/<id>`, so that module must exist. */
  readonly importsPluginModule: boolean;
  readonly warnings: readonly string[];
}

export interface NewBackendPlan {
  readonly changes: readonly TextChange[];
  readonly plugins: readonly NewBackendPluginWiring[];
  /** Whether the plan adds `import { legacyPlugin } from '@backstage/backend-common'`. */
  readonly addsLegacyPluginImport: boolean;
}

export const LEGACY_PLUGIN_MODULE = '@backstage/backend-common';
const PRINT_WIDTH = 80;

export function describeMissingBackend(file: string, ast?: File): WireError {
  const imported = ast ? findImportedBackend(ast) : undefined;
  if (imported) {
    return new WireError(
      `${file}: the backend is created in another module (${imported.name}, imported from '${imported.module}'): wire-plugin edits a backend created in this file with createBackend() or createSpecializedBackend(); add the plugin there by hand, or create the backend in this file`,
    );
  }
  return new WireError(
    `${file}: no new backend to extend: expected \`const backend = createBackend();\` (from @backstage/backend-defaults) and \`backend.start();\``,
  );
}

/** The local name of `legacyPlugin` imported from @backstage/backend-common, if any. */
export function legacyPluginImport(imports: readonly ImportDeclaration[]): { declaration: ImportDeclaration; local: string } | undefined {
  for (const declaration of imports) {
    if (declaration.source.value !== LEGACY_PLUGIN_MODULE) continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier' && specifier.imported.name === 'legacyPlugin') {
        return { declaration, local: specifier.local.name };
      }
    }
  }
  return undefined;
}

export function isPluginModuleBridge(add: BackendAdd, id: string): boolean {
  const bridge = add.legacyBridge;
  return bridge !== undefined && (bridge.id === id || bridge.module === `./plugins/${id}`);
}

/** `found`: the backend of `parsed` when the caller has found it already (the AST is then not walked again). */
export function planNewBackendWiring(source: string, requests: readonly NewBackendRequest[], file = 'index.ts', parsed?: File, found?: NewBackend): NewBackendPlan {
  for (const request of requests) validatePluginId(request.id);
  const ast = parsed ?? parseTypeScript(source, file);
  const backend = (parsed && found) || findNewBackend(ast, source);
  if (!backend) throw describeMissingBackend(file, ast);
  const style = detectCodeStyle(source, ast);
  const semi = style.semicolons ? ';' : '';
  const q = style.quote;
  const anchor = addPoint(source, backend, style);
  const layout = addLayout(source, backend, semi, style.eol);

  /**
   * New lines by where they go: the default point, or after a module's
   * plugin. Where both fall on one point (the plugin's add is the last),
   * modules come first, so that each stays next to its plugin.
   */
  const groups = new Map<number, { point: LinePoint & { indent: string }; modules: string[]; lines: string[] }>();
  const addLine = (point: LinePoint & { indent: string }, line: string, besidePlugin: boolean): void => {
    const group = groups.get(point.offset) ?? { point, modules: [], lines: [] };
    (besidePlugin ? group.modules : group.lines).push(line);
    groups.set(point.offset, group);
  };
  const plugins: NewBackendPluginWiring[] = [];
  let bridgeName = legacyPluginImport(backend.imports)?.local;
  let addsLegacyPluginImport = false;
  const seen = new Set<string>();
  for (const request of requests) {
    const key = request.module ? request.packageName : request.id;
    if (seen.has(key)) continue;
    seen.add(key);
    const warnings: string[] = [];
    const wrapperModule = `./plugins/${request.id}`;
    // The plugin's own ./plugins/<id> module, added through the legacyPlugin bridge or as a wrapper plugin.
    const viaModule = request.module ? undefined : backend.adds.find(add => isPluginModuleBridge(add, request.id) || addRefersTo(add, wrapperModule));
    const direct = backend.adds.find(add => addRefersTo(add, request.packageName));
    const present = request.form === 'feature' ? direct ?? viaModule : viaModule ?? direct;
    if (present) {
      if (request.form === 'feature' && present === viaModule) {
        const how = viaModule.legacyBridge ? ['through legacyPlugin()', 'the bridge'] : [`as its wrapper module ${wrapperModule}`, 'the wrapper'];
        warnings.push(`${file}: ${request.id} is added ${how[0]}; it now exports a backend feature, so backend.add(import('${request.packageName}${request.subpath ?? ''}')) could replace ${how[1]}`);
      }
      plugins.push({ id: request.id, form: request.form, added: false, importsPluginModule: present === viaModule, warnings });
      continue;
    }
    let argument = `import(${stringLiteral(request.form === 'wrapper' ? wrapperModule : request.packageName + (request.subpath ?? ''), q)})`;
    if (request.form === 'legacy') {
      if (!bridgeName) {
        const names = collectNames(ast.program);
        bridgeName = firstFreeName(['legacyPlugin', 'legacyPluginBridge', 'wireLegacyPlugin'], new Set([...names.declared, ...names.mentioned]));
        addsLegacyPluginImport = true;
      }
      argument = `${bridgeName}(${stringLiteral(request.id, q)}, import(${stringLiteral(`./plugins/${request.id}`, q)}))`;
    }
    const besidePlugin = request.module ? modulePoint(source, backend, request, style) : undefined;
    const point = besidePlugin ?? anchor;
    addLine(point, layout(`${backend.name}.add`, argument, point.indent), besidePlugin !== undefined);
    plugins.push({ id: request.id, form: request.form, added: true, importsPluginModule: request.form !== 'feature', warnings });
  }

  const changes: TextChange[] = [];
  if (addsLegacyPluginImport && bridgeName) {
    const specifier = bridgeName === 'legacyPlugin' ? 'legacyPlugin' : `legacyPlugin as ${bridgeName}`;
    const text = `import { ${specifier} } from ${stringLiteral(LEGACY_PLUGIN_MODULE, q)}${semi}`;
    const point = importPoint(source, ast.program, backend.imports, style);
    changes.push(insertAt(point.offset, point.before + text + point.after));
  }
  for (const { point, modules, lines } of groups.values()) {
    const text = [...modules, ...lines].map(line => point.indent + line).join(style.eol);
    changes.push(insertAt(point.offset, point.before + text + point.after));
  }
  return { changes, plugins, addsLegacyPluginImport };
}

/** After the last import, or before the first statement. */
function importPoint(source: string, program: Program, imports: readonly ImportDeclaration[], style: CodeStyle): LinePoint {
  const last = imports[imports.length - 1];
  if (last) return pointAfterStatement(source, last.end ?? 0, style.eol);
  return pointBeforeStatement(source, program.body[0]?.start ?? 0, style.eol);
}

/** Before `backend.start()` in its block, after the last add at that level. */
function addPoint(source: string, backend: NewBackend, style: CodeStyle): LinePoint & { indent: string } {
  const body = backend.container.body;
  const startAt = backend.start ? body.indexOf(backend.start) : -1;
  const limit = startAt === -1 ? body.length : startAt;
  const from = body.indexOf(backend.declaration);
  for (let i = limit - 1; i > from; i--) {
    if (backend.adds.some(add => add.statement === body[i])) {
      return { ...pointAfterStatement(source, body[i].end ?? 0, style.eol), indent: indentOf(source, body[i].start ?? 0) };
    }
  }
  const anchor: Node = startAt === -1 ? backend.declaration : body[startAt];
  if (startAt === -1) return { ...pointAfterStatement(source, anchor.end ?? 0, style.eol), indent: indentOf(source, anchor.start ?? 0) };
  return { ...pointBeforeStatement(source, anchor.start ?? 0, style.eol), indent: indentOf(source, anchor.start ?? 0) };
}

/**
 * After the last add of the plugin a module extends (or of that plugin's
 * other modules), at the backend's own level and before `backend.start()`;
 * undefined when there is none, and the module goes where a plugin would.
 */
function modulePoint(source: string, backend: NewBackend, request: NewBackendRequest, style: CodeStyle): (LinePoint & { indent: string }) | undefined {
  const follows = new Set(request.follows ?? []);
  const body = backend.container.body;
  const startAt = backend.start ? body.indexOf(backend.start) : body.length;
  let last: Node | undefined;
  for (const add of backend.adds) {
    const statement = add.statement;
    if (!statement || !body.includes(statement) || body.indexOf(statement) > startAt) continue;
    const related = add.modules.some(module => {
      const pkg = packageOfSpecifier(module);
      if (pkg === undefined || pkg === request.packageName) return false;
      return follows.has(pkg) || identityFromName(pkg)?.pluginId === request.id;
    });
    if (related && (!last || (statement.start ?? 0) > (last.start ?? 0))) last = statement;
  }
  if (!last) return undefined;
  return { ...pointAfterStatement(source, last.end ?? 0, style.eol), indent: indentOf(source, last.start ?? 0) };
}

/**
 * How this file writes an add: on one line, or as prettier wraps a long one
 * (`backend.add(\n  import('...'),\n);`). A file that wraps most of the adds
 * that would fit on a line wraps them all; otherwise only a line over 80
 * columns wraps.
 */
function addLayout(source: string, backend: NewBackend, semi: string, eol: string): (callee: string, argument: string, indent: string) => string {
  const wrapped = backend.adds.filter(add => add.multiline && add.call.arguments.length === 1);
  const width = (text: string): number => text.replace(/\t/g, '  ').length;
  const oneLine = (callee: string, argument: string): string => `${callee}(${argument})${semi}`;
  // Of the adds that would fit on a line, most are wrapped: one wrapped by hand among lines does not decide.
  const fitting = backend.adds.filter(add => {
    if (add.call.arguments.length !== 1) return false;
    const argument = source.slice(add.call.arguments[0].start ?? 0, add.call.arguments[0].end ?? 0);
    return !argument.includes('\n') && width(indentOf(source, add.call.start ?? 0) + oneLine(`${backend.name}.add`, argument)) <= PRINT_WIDTH;
  });
  const wrapsShortOnes = fitting.filter(add => add.multiline).length > fitting.filter(add => !add.multiline).length;
  const sample = wrapped[0];
  let unit = '  ';
  let trailingComma = true;
  if (sample) {
    const argument = sample.call.arguments[0];
    const outer = indentOf(source, sample.call.start ?? 0);
    const inner = indentOf(source, argument.start ?? 0);
    if (inner.startsWith(outer) && inner.length > outer.length) unit = inner.slice(outer.length);
    trailingComma = /^\s*,/.test(source.slice(argument.end ?? 0, sample.call.end ?? 0));
  } else if (/^\t/m.test(source)) {
    unit = '\t';
  } else {
    const indented = /^( +)\S/m.exec(source.replace(/^\s*\*.*$/gm, ''));
    if (indented) unit = indented[1];
  }
  return (callee, argument, indent) => {
    const line = oneLine(callee, argument);
    if (!wrapsShortOnes && width(indent + line) <= PRINT_WIDTH) return line;
    return `${callee}(${eol}${indent}${unit}${argument}${trailingComma ? ',' : ''}${eol}${indent})${semi}`;
  };
}

export interface NewBackendTransformOptions {
  id?: string;
  package?: string;
  legacy?: boolean;
  /** Add the backend's own `./plugins/<id>` wrapper module instead of the package. */
  wrapper?: boolean;
  subpath?: string;
  module?: boolean;
  follows?: string | string[];
}

/** The request the transform's options describe (as the jscodeshift CLI passes them: strings, repeated flags as arrays). */
export function requestFromOptions(options: NewBackendTransformOptions): NewBackendRequest {
  if (!options.id || !options.package) throw new WireError('new-backend-index: pass --id=<plugin-id> and --package=<name>');
  const form: NewBackendForm = options.legacy ? 'legacy' : options.wrapper ? 'wrapper' : 'feature';
  const subpath = options.subpath ? `/${String(options.subpath).replace(/^\/+/, '')}` : undefined;
  const follows = ([] as string[]).concat(options.follows ?? []).flatMap(value => String(value).split(',')).filter(Boolean);
  return { id: String(options.id), packageName: String(options.package), form, subpath, module: Boolean(options.module), follows };
}

/** jscodeshift-style entry: `--id=<id> --package=<name> [--legacy | --wrapper] [--subpath=alpha] [--module] [--follows=<packages>]`. */
export default function transformer(file: { path?: string; source: string }, _api?: unknown, options: NewBackendTransformOptions = {}): string {
  const plan = planNewBackendWiring(file.source, [requestFromOptions(options)], file.path ?? 'index.ts');
  return applyChanges(file.source, plan.changes);
}

export const parser = 'ts';
