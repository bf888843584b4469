/**
 * Adds a dependency to a package.json as one new line, leaving every other
 * byte alone: the new key goes in sorted position when the block is sorted,
 * else at the end, indented like its neighbours, with the file's line endings.
 *
 * The default export is a jscodeshift-style transform
 * (`--package=<name> --range=<range>`), usable on package.json files.
 */
import { parseExpression } from '@babel/parser';
import type { Expression, ObjectExpression, ObjectProperty } from '@babel/types';
import { applyChanges, insertAt, TextChange } from './lib/changes';
import { formatPosition, WireError } from './lib/errors';
import { detectEol, indentOf } from './lib/text';

export interface DependencyPlan {
  readonly changes: readonly TextChange[];
  /** The range already declared in `dependencies`, when the package is there. */
  readonly existingRange?: string;
  readonly warnings: readonly string[];
}

/** Parses package.json text into a plain object, or throws a WireError saying where it is broken. */
export function readPackageJson(source: string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = String((error as Error).message);
    const at = /position (\d+)/.exec(message);
    const where = at ? formatPosition(file, source, Number(at[1])) : file;
    const reason = message.replace(/^(JSON\.parse: |Unexpected token)/, '$1').replace(/ in JSON at position \d+.*$/, '').replace(/,? *"[^"]*" is not valid JSON$/, '');
    throw new WireError(`${where}: invalid JSON: ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError(`${file}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function keyOf(property: ObjectExpression['properties'][number]): string | undefined {
  if (property.type !== 'ObjectProperty') return undefined;
  return property.key.type === 'StringLiteral' ? property.key.value : undefined;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byLocale = (a: string, b: string): number => a.localeCompare(b, 'en');

export interface DependencyEntry {
  readonly name: string;
  readonly range: string;
}

export interface DependenciesPlan {
  readonly changes: readonly TextChange[];
  /** For each entry, in order: the range already declared, or undefined when this plan adds it. */
  readonly existingRanges: readonly (string | undefined)[];
  readonly warnings: readonly string[];
}

/**
 * Plans adding `"name": "range"` to the `dependencies` of a package.json.
 * Present already (with any range): no change.
 */
export function planDependency(source: string, file: string, name: string, range: string): DependencyPlan {
  const plan = planDependencies(source, file, [{ name, range }]);
  return { changes: plan.changes, existingRange: plan.existingRanges[0], warnings: plan.warnings };
}

/** Plans several dependencies at once: the file is parsed once and each missing entry becomes one line. */
export function planDependencies(source: string, file: string, entries: readonly DependencyEntry[], section = 'dependencies'): DependenciesPlan {
  const json = readPackageJson(source, file);
  const warnings: string[] = [];
  const existing = json[section];
  if (existing !== undefined && (typeof existing !== 'object' || existing === null || Array.isArray(existing))) {
    throw new WireError(`${file}: expected "${section}" to be an object`);
  }
  const declared = (existing ?? {}) as Record<string, unknown>;
  const existingRanges = entries.map(entry => (entry.name in declared ? String(declared[entry.name]) : undefined));
  const missing = entries.filter((entry, i) => existingRanges[i] === undefined && entries.findIndex(e => e.name === entry.name) === i);
  if (missing.length === 0) return { changes: [], existingRanges, warnings };
  for (const entry of missing) {
    for (const other of ['devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const block = json[other] as Record<string, unknown> | undefined;
      if (block && typeof block === 'object' && entry.name in block) {
        warnings.push(`${file}: ${entry.name} is also listed in ${other}`);
      }
    }
  }

  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  const root = parseExpression(source.slice(bom), { startIndex: bom } as never) as Expression;
  if (root.type !== 'ObjectExpression') throw new WireError(`${file}: expected a JSON object`);
  const eol = detectEol(source);
  const line = (entry: DependencyEntry): string => `${JSON.stringify(entry.name)}: ${JSON.stringify(entry.range)}`;
  const block = root.properties.find(p => keyOf(p) === section) as ObjectProperty | undefined;

  if (!block) {
    const unit = root.properties.length ? indentOf(source, root.properties[0].start ?? 0) || '  ' : '  ';
    const sorted = [...missing].sort((a, b) => byCodeUnit(a.name, b.name));
    const inner = sorted.map(entry => `${unit}${unit}${line(entry)}`).join(`,${eol}`);
    const text = `${JSON.stringify(section)}: {${eol}${inner}${eol}${unit}}`;
    return { changes: [appendMember(root, text, unit, '', eol)], existingRanges, warnings };
  }
  const deps = block.value as ObjectExpression;
  const outer = indentOf(source, block.start ?? 0);
  const members = deps.properties;
  if (members.length === 0) {
    const indent = outer + (outer || '  ');
    const sorted = [...missing].sort((a, b) => byCodeUnit(a.name, b.name));
    const text = sorted.map(line).join(`,${eol}${indent}`);
    return { changes: [appendMember(deps, text, indent, outer, eol)], existingRanges, warnings };
  }
  const indent = indentOf(source, members[0].start ?? 0);
  const keys = members.map(m => keyOf(m) ?? '');
  const compare = [byCodeUnit, byLocale].find(cmp => keys.every((key, i) => i === 0 || cmp(keys[i - 1], key) <= 0));
  const ordered = compare ? [...missing].sort((a, b) => compare(a.name, b.name)) : missing;
  const changes: TextChange[] = [];
  const atEnd: DependencyEntry[] = [];
  for (const entry of ordered) {
    const next = compare ? members.find((_, i) => compare(entry.name, keys[i]) < 0) : undefined;
    // In a sorted block the new line goes in front of the first greater key, which keeps its own line.
    if (next) changes.push(insertAt(next.start ?? 0, `${line(entry)},${eol}${indent}`));
    else atEnd.push(entry);
  }
  if (atEnd.length) changes.push(appendMember(deps, atEnd.map(line).join(`,${eol}${indent}`), indent, outer, eol));
  return { changes, existingRanges, warnings };
}

/** Adds a member at the end of an object literal: a comma after the last member, then the new line. */
function appendMember(object: ObjectExpression, text: string, indent: string, closingIndent: string, eol: string): TextChange {
  const members = object.properties;
  if (members.length === 0) {
    const open = object.start ?? 0;
    const close = (object.end ?? 0) - 1;
    return { start: open + 1, end: close, text: `${eol}${indent}${text}${eol}${closingIndent}` };
  }
  const last = members[members.length - 1];
  return insertAt(last.end ?? 0, `,${eol}${indent}${text}`);
}

/** jscodeshift-style entry: `--package=<name> --range=<range>`. */
export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { package?: string; range?: string } = {},
): string {
  if (!options.package || !options.range) {
    throw new WireError('package-json-dependency: pass --package=<name> and --range=<range>');
  }
  const plan = planDependency(file.source, file.path ?? 'package.json', options.package, options.range);
  return applyChanges(file.source, plan.changes);
}

/**
 * Plans removing dependencies: each member goes with its line; the last
 * member takes the comma before it; the only member leaves `{}`. The inverse
 * of `planDependencies`.
 */
export function planDependencyRemoval(source: string, file: string, names: readonly string[], section = 'dependencies'): DependenciesPlan {
  const json = readPackageJson(source, file);
  const declared = (json[section] ?? {}) as Record<string, unknown>;
  const existingRanges = names.map(name => (typeof declared === 'object' && name in declared ? String(declared[name]) : undefined));
  if (existingRanges.every(range => range === undefined)) return { changes: [], existingRanges, warnings: [] };
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  const root = parseExpression(source.slice(bom), { startIndex: bom } as never) as ObjectExpression;
  const block = root.properties.find(p => keyOf(p) === section) as ObjectProperty;
  const deps = block.value as ObjectExpression;
  const members = deps.properties;
  const going = new Set(members.filter(m => names.includes(keyOf(m) ?? '')));
  if (going.size === members.length) {
    return { changes: [{ start: (deps.start ?? 0) + 1, end: (deps.end ?? 0) - 1, text: '' }], existingRanges, warnings: [] };
  }
  const changes: TextChange[] = [];
  members.forEach((member, i) => {
    if (!going.has(member)) return;
    const next = members[i + 1];
    if (next) {
      // From this member's line start to the next member's line start.
      const from = source.lastIndexOf('\n', (member.start ?? 0) - 1) + 1;
      const to = source.lastIndexOf('\n', (next.start ?? 0) - 1) + 1;
      changes.push({ start: from, end: to, text: '' });
    } else {
      // The last member: from the end of the previous kept member (its comma goes too).
      let previous = i - 1;
      while (previous >= 0 && going.has(members[previous])) previous--;
      const from = members[previous].end ?? 0;
      changes.push({ start: from, end: member.end ?? 0, text: '' });
    }
  });
  return { changes: mergeOverlaps(changes), existingRanges, warnings: [] };
}

function mergeOverlaps(changes: TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const out: TextChange[] = [];
  for (const change of sorted) {
    const last = out[out.length - 1];
    if (last && change.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, change.end), text: '' };
    else out.push(change);
  }
  return out;
}
