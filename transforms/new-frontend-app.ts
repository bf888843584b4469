/**
 * A plugin in a new-frontend-system app's App.tsx (`createApp` from
 * `@backstage/frontend-defaults`) that does not discover packages: the
 * package's default export (a frontend feature) imported, and added to
 * `createApp({ features: [...] })` after the features it has.
 *
 * The default export is a jscodeshift-style transform
 * (`--id=carmen --package=@internal/plugin-carmen [--subpath=/alpha]`, `--remove`).
 */
import type { ArrayExpression, CallExpression, ObjectExpression, ObjectProperty } from '@babel/types';
import { applyChanges, insertAt, TextChange } from './lib/changes';
import { AppFile, readAppFile, refuse } from './lib/app-file';
import { importedNames, localName, planDefaultImport, planUnusedImportRemoval } from './lib/imports';
import { walk } from './lib/ast';
import { WireError } from './lib/errors';
import { indentOf, pointAfterStatement, statementRemovalRange } from './lib/text';
import { preferredAlias } from './lib/naming';

export const FRONTEND_DEFAULTS = '@backstage/frontend-defaults';

export interface FeatureRequest {
  readonly id: string;
  readonly packageName: string;
  /** `''` or `/alpha`: the entry point whose default export is the feature. */
  readonly subpath?: string;
}

export interface FeaturePlan {
  readonly changes: readonly TextChange[];
  readonly state: 'added' | 'present' | 'removed' | 'absent';
}

/** The `createApp(...)` call of the app, with createApp imported from frontend-defaults. */
export function findCreateApp(app: AppFile): CallExpression {
  const local = localName(app.ast, FRONTEND_DEFAULTS, 'createApp');
  let call: CallExpression | undefined;
  walk(app.ast.program, node => {
    if (call) return false;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === local) call = node;
    return undefined;
  });
  if (!local || !call) refuse(app, undefined, `no createApp(...) from ${FRONTEND_DEFAULTS} found: expected the new frontend system's App.tsx`);
  return call;
}

function featuresOf(app: AppFile, call: CallExpression): { options?: ObjectExpression; features?: ArrayExpression } {
  const options = call.arguments[0];
  if (!options) return {};
  if (options.type !== 'ObjectExpression') refuse(app, options, 'createApp: expected its options as an object literal ({ features: [...] })');
  const property = options.properties.find(
    (p): p is ObjectProperty => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'features',
  );
  if (!property) return { options };
  if (property.value.type !== 'ArrayExpression') refuse(app, property.value, 'createApp: expected features as an array literal ([...]) to add the plugin to');
  return { options, features: property.value };
}

const specifierOf = (request: FeatureRequest): string => request.packageName + (request.subpath ?? '');

export function planFeature(text: string, file: string, request: FeatureRequest, remove = false, printWidth?: number): FeaturePlan {
  const app = readAppFile(text, file, printWidth);
  const call = findCreateApp(app);
  const { options, features } = featuresOf(app, call);
  const local = localName(app.ast, specifierOf(request), 'default');
  const listed = features?.elements.filter(element => element?.type === 'Identifier' && element.name === local) ?? [];
  if (remove) {
    if (!local || listed.length === 0) return { changes: [], state: 'absent' };
    const changes: TextChange[] = listed.length === features?.elements.length
      ? [propertyRemoval(app, options as ObjectExpression)]
      : listed.map(element => elementRemoval(app, features as ArrayExpression, element as NonNullable<typeof element>));
    changes.push(...planUnusedImportRemoval(text, app.ast, new Set([local]), changes, app.imports));
    return { changes, state: 'removed' };
  }
  if (listed.length) return { changes: [], state: 'present' };
  const changes: TextChange[] = [];
  let name = local;
  if (!name) {
    name = `${preferredAlias(request.id)}Plugin`;
    if (importedNames(app.ast).has(name)) refuse(app, undefined, `${name} is imported from another module: expected the name free for ${specifierOf(request)}`);
    changes.push(...planDefaultImport(text, app.ast, specifierOf(request), name, app.imports));
  }
  changes.push(addToList(app, call, options, features, name));
  return { changes, state: 'added' };
}

/** `name` as the list's last element: on its own line in a list of one a line, else after the last one. */
function addToList(app: AppFile, call: CallExpression, options: ObjectExpression | undefined, features: ArrayExpression | undefined, name: string): TextChange {
  const { text } = app;
  if (!options) return insertAt((call.end ?? 0) - 1, `{ features: [${name}] }`);
  if (!features) {
    const open = options.start ?? 0;
    const multiLine = text.slice(open, options.end ?? 0).includes('\n');
    if (!multiLine) return insertAt(open + 1, options.properties.length ? ` features: [${name}],` : ` features: [${name}] `);
    const first = options.properties[0];
    const indent = first ? indentOf(text, first.start ?? 0) : indentOf(text, open) + app.jsx.unit;
    const eol = app.jsx.eol;
    const lineEnd = text.indexOf('\n', open);
    return insertAt(lineEnd + 1, `${indent}features: [${name}],${eol}`);
  }
  const elements = features.elements.filter((e): e is NonNullable<typeof e> => e !== null);
  const last = elements[elements.length - 1];
  if (!last) return insertAt((features.start ?? 0) + 1, name);
  const listText = text.slice(features.start ?? 0, features.end ?? 0);
  if (!listText.includes('\n')) return insertAt(last.end ?? 0, `, ${name}`);
  const comma = text[last.end ?? 0] === ',';
  const point = pointAfterStatement(text, (last.end ?? 0) + (comma ? 1 : 0), app.jsx.eol);
  const line = `${indentOf(text, last.start ?? 0)}${name}${comma ? ',' : ''}`;
  const change = insertAt(point.offset, point.before + line + point.after);
  return comma ? change : { start: last.end ?? 0, end: point.offset, text: ',' + text.slice(last.end ?? 0, point.offset) + point.before + line + point.after };
}

/** The features property whose list held only the plugin: its line, or createApp's whole argument when it was the only property. */
function propertyRemoval(app: AppFile, options: ObjectExpression): TextChange {
  const { text } = app;
  if (options.properties.length === 1 && !text.slice(options.start ?? 0, options.end ?? 0).includes('\n')) {
    return { start: options.start ?? 0, end: options.end ?? 0, text: '' };
  }
  const property = options.properties.find(p => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'features') as ObjectProperty;
  let end = property.end ?? 0;
  if (text[end] === ',') end++;
  if (!text.slice(options.start ?? 0, options.end ?? 0).includes('\n')) {
    while (text[end] === ' ') end++;
    return { start: property.start ?? 0, end, text: '' };
  }
  return { ...statementRemovalRange(text, property.start ?? 0, end), text: '' };
}

function elementRemoval(app: AppFile, list: ArrayExpression, element: { start?: number | null; end?: number | null }): TextChange {
  const { text } = app;
  const start = element.start ?? 0;
  let end = element.end ?? 0;
  if (text.slice(list.start ?? 0, list.end ?? 0).includes('\n')) {
    if (text[end] === ',') end++;
    return { ...statementRemovalRange(text, start, end), text: '' };
  }
  const elements = list.elements.filter((e): e is NonNullable<typeof e> => e !== null);
  const index = elements.findIndex(e => e.start === start);
  if (index > 0) return { start: elements[index - 1].end ?? 0, end, text: '' };
  const next = elements[index + 1];
  return { start, end: next ? next.start ?? end : end, text: '' };
}

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { id?: string; package?: string; subpath?: string; remove?: boolean } = {},
): string {
  if (!options.id || !options.package) throw new WireError('new-frontend-app: pass --id and --package');
  const plan = planFeature(file.source, file.path ?? 'App.tsx', { id: options.id, packageName: options.package, subpath: options.subpath }, Boolean(options.remove));
  return applyChanges(file.source, plan.changes);
}
