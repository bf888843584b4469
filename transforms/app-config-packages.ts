/**
 * Feature discovery's package lists in app-config.yaml: `backend.packages`,
 * which `discoveryFeatureLoader` (backend-defaults) reads as `all`, or as
 * `include` and `exclude` lists of package names. Reading says what the
 * loader discovers; planning adds a package to an `include` list (one line,
 * in the list's own quoting and indentation) or takes it out of a list, as
 * positional edits at offsets the `yaml` parser gives: comments and every
 * other byte stay as they were.
 *
 * The loader's rules, as backend-defaults 0.18 `PackageDiscoveryService`
 * has them: no `backend.packages` (or an empty map) discovers nothing;
 * `all` discovers every dependency of the backend; otherwise the `include`
 * names (else every dependency) less the `exclude` names. Only packages
 * whose `backstage.role` is a backend plugin or module, and whose default
 * export is a backend feature, are then loaded.
 *
 * The default export is a jscodeshift-style transform (`--package=<name>`,
 * `--remove`), usable on app-config.yaml files.
 */
import type { Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { applyChanges, insertAt, TextChange } from './lib/changes';
import { formatPosition, WireError } from './lib/errors';
import { detectEol, lineOf, lineStartOf } from './lib/text';
import { loadYaml, parseYaml } from './lib/yaml';

/**
 * Whose discovery: `backend.packages` (discoveryFeatureLoader) or
 * `app.packages` (the new frontend system's app build, which reads the
 * same `all`, `include` and `exclude` forms over packages/app's
 * dependencies), or `app.experimental.packages`, its name up to
 * @backstage/cli 0.35.3 (src/repo/app-discovery.ts says which one an app's
 * build reads).
 */
export type DiscoverySection = 'backend' | 'app' | 'app.experimental';

export interface PackageList {
  readonly names: readonly string[];
  /** 1-based line of the list's key. */
  readonly line: number;
}

export type DiscoveryPackages =
  | { readonly kind: 'none' }
  | { readonly kind: 'all'; readonly line: number }
  | { readonly kind: 'lists'; readonly line: number; readonly include?: PackageList; readonly exclude?: PackageList };

export interface DiscoveryListPlan {
  readonly changes: readonly TextChange[];
  /** What the edit did: `included` (added to `include`), `unexcluded` (taken out of `exclude` only), `unincluded` (taken out of `include`). */
  readonly edit?: 'included' | 'unexcluded' | 'unincluded';
}

const parse = parseYaml;

interface ListNode {
  readonly key: Scalar;
  readonly seq: YAMLSeq<Scalar>;
}

/** The `<section>.packages` node and its lists, checked to be of the shapes the loader reads. */
function packagesNode(document: Document.Parsed, text: string, file: string, section: DiscoverySection = 'backend'): { node?: YamlNode; include?: ListNode; exclude?: ListNode } {
  const yaml = loadYaml();
  const parent = document.getIn(section.split('.'), true);
  if (!yaml.isMap(parent)) return {};
  const pair = (parent as YAMLMap).items.find(item => yaml.isScalar(item.key) && item.key.value === 'packages');
  const node = pair?.value as YamlNode | undefined;
  if (!pair || !node || (yaml.isScalar(node) && node.value === null)) return {};
  if (yaml.isScalar(node)) {
    if (node.value === 'all') return { node };
    throw new WireError(`${formatPosition(file, text, node.range?.[0] ?? 0)}: ${section}.packages: expected \`all\` or a map with include and exclude lists, found ${JSON.stringify(node.value)}`);
  }
  if (!yaml.isMap(node)) throw new WireError(`${formatPosition(file, text, node.range?.[0] ?? 0)}: ${section}.packages: expected \`all\` or a map with include and exclude lists`);
  const list = (name: 'include' | 'exclude'): ListNode | undefined => {
    const entry = (node as YAMLMap).items.find(item => yaml.isScalar(item.key) && item.key.value === name);
    if (!entry) return undefined;
    const key = entry.key as Scalar;
    const seq = entry.value as YamlNode | null;
    const where = formatPosition(file, text, key.range?.[0] ?? 0);
    if (!yaml.isSeq(seq)) throw new WireError(`${where}: ${section}.packages.${name}: expected a list of package names`);
    for (const item of seq.items) {
      if (!yaml.isScalar(item) || typeof item.value !== 'string') {
        throw new WireError(`${formatPosition(file, text, (item as YamlNode)?.range?.[0] ?? key.range?.[0] ?? 0)}: ${section}.packages.${name}: expected a list of package names`);
      }
    }
    return { key, seq: seq as YAMLSeq<Scalar> };
  };
  return { node, include: list('include'), exclude: list('exclude') };
}

/** What feature discovery reads from an app-config file's text. */
export function readDiscoveryPackages(text: string, file: string, section: DiscoverySection = 'backend'): DiscoveryPackages {
  if (!/\bpackages\s*:/.test(text)) return { kind: 'none' };
  const document = parse(text, file);
  const { node, include, exclude } = packagesNode(document, text, file, section);
  if (!node) return { kind: 'none' };
  const line = lineOf(text, node.range?.[0] ?? 0);
  if (loadYaml().isScalar(node)) return { kind: 'all', line };
  const info = (list?: ListNode): PackageList | undefined =>
    list && { names: list.seq.items.map(item => String(item.value)), line: lineOf(text, list.key.range?.[0] ?? 0) };
  if (!include && !exclude && (node as YAMLMap).items.length === 0) return { kind: 'none' };
  return { kind: 'lists', line, include: info(include), exclude: info(exclude) };
}

/** Whether the loader discovers a package, by these settings, when it is (or is not) a dependency of the backend. */
export function discovers(config: DiscoveryPackages, packageName: string, isDependency: boolean): boolean {
  if (config.kind === 'none') return false;
  if (config.kind === 'all') return isDependency;
  const included = config.include ? config.include.names.includes(packageName) : isDependency;
  return included && !(config.exclude?.names.includes(packageName) ?? false);
}

/** `name` as a YAML scalar in the style of the list's last item (plain only where YAML allows it). */
function scalarLike(item: Scalar | undefined, name: string): string {
  if (item?.type === 'QUOTE_DOUBLE') return JSON.stringify(name);
  if (item?.type === 'PLAIN' && /^[a-z0-9][a-z0-9._/-]*$/i.test(name)) return name;
  return `'${name}'`;
}

function insertIntoList(text: string, file: string, list: ListNode, name: string, section: DiscoverySection): TextChange {
  const { seq } = list;
  const items = seq.items;
  const last = items[items.length - 1];
  if (seq.flow) {
    const open = seq.range?.[0] ?? 0;
    if (!last) return insertAt(open + 1, scalarLike(undefined, name));
    return insertAt(last.range?.[1] ?? 0, `, ${scalarLike(last, name)}`);
  }
  const start = last.range?.[0] ?? 0;
  const prefix = text.slice(lineStartOf(text, start), start);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) {
    throw new WireError(`${formatPosition(file, text, start)}: ${section}.packages.include: expected one \`- <package>\` item a line`);
  }
  const eol = detectEol(text);
  const lineEnd = text.indexOf('\n', last.range?.[1] ?? 0);
  const item = `${prefix}${scalarLike(last, name)}`;
  return lineEnd === -1 ? insertAt(text.length, `${eol}${item}`) : insertAt(lineEnd + 1, `${item}${eol}`);
}

/** Edits that take every item naming `name` out of a list (an emptied block list becomes `[]`). */
function removeFromList(text: string, file: string, list: ListNode, name: string): TextChange[] {
  const { seq, key } = list;
  const items = seq.items;
  const doomed = items.filter(item => item.value === name);
  if (doomed.length === 0) return [];
  if (seq.flow) {
    return doomed.map(item => {
      const index = items.indexOf(item);
      const next = items[index + 1];
      const previous = items[index - 1];
      if (next && !doomed.includes(next)) return { start: item.range?.[0] ?? 0, end: next.range?.[0] ?? 0, text: '' };
      if (previous) return { start: previous.range?.[1] ?? 0, end: item.range?.[1] ?? 0, text: '' };
      return { start: item.range?.[0] ?? 0, end: item.range?.[1] ?? 0, text: '' };
    }).filter((change, index, all) => all.findIndex(other => other.start === change.start) === index);
  }
  const lineRange = (item: Scalar): { start: number; end: number } => {
    const start = lineStartOf(text, item.range?.[0] ?? 0);
    const newline = text.indexOf('\n', item.range?.[1] ?? 0);
    if (newline !== -1) return { start, end: newline + 1 };
    // The file's last line, with no line break after it: take the one before it instead.
    return { start: start > 0 && text[start - 2] === '\r' ? start - 2 : Math.max(0, start - 1), end: text.length };
  };
  if (doomed.length === items.length) {
    // `exclude:` with nothing under it would be null: leave an empty list instead.
    const colon = text.indexOf(':', key.range?.[1] ?? 0);
    const lastLine = lineRange(items[items.length - 1]);
    const end = text[lastLine.end - 1] === '\n' ? lastLine.end - (text[lastLine.end - 2] === '\r' ? 2 : 1) : lastLine.end;
    if (colon === -1) throw new WireError(`${formatPosition(file, text, key.range?.[0] ?? 0)}: expected \`:\` after the key`);
    return [{ start: colon + 1, end, text: ' []' }];
  }
  return doomed.map(item => ({ ...lineRange(item), text: '' }));
}

/**
 * The edits that make the loader discover `packageName` (a dependency of the
 * backend), or, with `remove`, that undo an include: add it to `include`,
 * take it out of `exclude`. No edit where `backend.packages` is absent (the
 * loader discovers nothing there; the caller adds the feature explicitly).
 */
export function planDiscoveryList(text: string, file: string, packageName: string, remove = false, section: DiscoverySection = 'backend'): DiscoveryListPlan {
  if (!/\bpackages\s*:/.test(text)) return { changes: [] };
  const document = parse(text, file);
  const { node, include, exclude } = packagesNode(document, text, file, section);
  if (!node || loadYaml().isScalar(node)) return { changes: [] };
  if (remove) {
    const changes = include ? removeFromList(text, file, include, packageName) : [];
    return changes.length ? { changes, edit: 'unincluded' } : { changes: [] };
  }
  const changes: TextChange[] = [];
  let edit: DiscoveryListPlan['edit'];
  if (include && !include.seq.items.some(item => item.value === packageName)) {
    changes.push(insertIntoList(text, file, include, packageName, section));
    edit = 'included';
  }
  const unexcluded = exclude ? removeFromList(text, file, exclude, packageName) : [];
  if (unexcluded.length) {
    changes.push(...unexcluded);
    edit ??= 'unexcluded';
  }
  return { changes, edit };
}

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { package?: string; remove?: boolean; section?: DiscoverySection } = {},
): string {
  if (!options.package) throw new WireError('app-config-packages: pass --package=<name>');
  const plan = planDiscoveryList(file.source, file.path ?? 'app-config.yaml', String(options.package), Boolean(options.remove), options.section ?? 'backend');
  return applyChanges(file.source, plan.changes);
}
