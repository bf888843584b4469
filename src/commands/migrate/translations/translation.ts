/**
 * One kind of translation: a legacy customisation (or a behaviour to keep)
 * that the new backend system has a home for, planned into generated code
 * in `src/modules/`. Each kind is a module of this folder with a `plan`
 * that reads what the earlier steps found and adds to one shared output;
 * `./index.ts` lists them in the order they run. The helpers here do what
 * every kind does with a generated file: find its path (a file there
 * already is refused), write it, add it to index.ts, and report it.
 */
import * as path from 'path';
import type { Node, ImportDeclaration } from '@babel/types';
import type { GeneratedStyle } from '../../../../transforms/generate/plugin-shell';
import { PLUGIN_API } from '../../../../transforms/generate/plugin-wrapper';
import type { LegacyIndex } from '../../../../transforms/analysis/legacy-backend';
import type { NewBackend } from '../../../../transforms/analysis/new-backend';
import type { BehaviourEntry } from '../behaviour';
import { Context, pluginApiRange, reprintImport } from '../context';
import type { LegacyStatements, PluginMount } from '../legacy-statements';
import type { MigratedPlugin, MigrationTranslation } from '../report';
import type { PluginAdapter } from '../decide-adapter';
import type { PluginRoute } from '../decide-plugins';

export interface TranslationInput {
  readonly context: Context;
  readonly index: LegacyIndex;
  readonly statements: LegacyStatements;
  /** A half-migrated index.ts's own new backend. */
  readonly existing?: NewBackend;
  /** The migrated plugins, as decided (and merged into a half-migrated backend). */
  readonly plugins: readonly MigratedPlugin[];
  /** Each plugin's mount, by plugin id. */
  readonly mountOf: ReadonlyMap<string, PluginMount>;
  /** Plugins mounted under a config condition, with that condition. */
  readonly conditionOf: ReadonlyMap<MigratedPlugin, { readonly test: Node; readonly line: number }>;
  /** Plugin modules the service builder mounted outside /api (the app aside). */
  readonly rootMounts: readonly PluginMount[];
  /** Plugins called with more than their env, bridged through an adapter. */
  readonly adapters: readonly PluginAdapter[];
  /** Plugin modules mounted below another plugin's path with its env: modules of that plugin. */
  readonly pluginRoutes: readonly PluginRoute[];
  /** index.ts's quotes, semicolons, indentation unit and line endings. */
  readonly style: GeneratedStyle;
}

/** A router that rootHttpRouterServiceFactory's configure mounts at '' for a generated module. */
export interface RootHandlerText {
  readonly text: string;
  readonly importLine: string;
  readonly line: number;
  readonly afterApi: boolean;
}

export interface TranslationOutput {
  readonly refused: string[];
  readonly translations: MigrationTranslation[];
  readonly behaviour: BehaviourEntry[];
  /** The files written. */
  readonly generated: string[];
  /** What index.ts adds for them, in order (`./modules/x`). */
  readonly adds: string[];
  readonly addedPackages: Map<string, string>;
  /** A plugin's access module, added right after the plugin (or yielded with it). */
  readonly accessOf: Map<MigratedPlugin, string>;
  /** Routers of generated modules for the service root, which the root HTTP router's configure mounts. */
  readonly rootHandlers: RootHandlerText[];
}

export interface Translation {
  readonly kind: string;
  plan(input: TranslationInput, output: TranslationOutput): void;
}

export function emptyOutput(behaviour: readonly BehaviourEntry[] = []): TranslationOutput {
  return { refused: [], translations: [], behaviour: [...behaviour], generated: [], adds: [], addedPackages: new Map(), accessOf: new Map(), rootHandlers: [] };
}

/** `packages/backend/src/index.ts:LINE`. */
export function at(input: TranslationInput, line: number): string {
  return `${input.context.files.indexDisplay}:${line}`;
}

/** `src/modules/<name>.ts`, its display path, and whether a file is there already. */
export function generatedPath(input: TranslationInput, name: string): { modulePath: string; display: string; taken: boolean } {
  const { files } = input.context;
  const modulePath = path.join(files.backendDir, 'src', 'modules', `${name}.ts`);
  return { modulePath, display: files.tree.display(modulePath), taken: files.tree.read(modulePath) !== undefined };
}

/** An import of index.ts reprinted for a generated module at `modulePath`: only `names`, a relative path rebased. */
export function reprint(input: TranslationInput, declaration: Node, names: readonly string[], modulePath: string): string {
  const { style } = input.index;
  return reprintImport(input.context.files, declaration as ImportDeclaration, names, path.dirname(modulePath), style.quote, style.semicolons);
}

/**
 * Writes a generated module and reports it: its translation entry, its add
 * in index.ts (`add`, unless the module is added another way), and the
 * backend-plugin-api it imports.
 */
export function emit(
  input: TranslationInput,
  output: TranslationOutput,
  module: { modulePath: string; text: string; translation: MigrationTranslation; add?: string; pluginApi?: boolean; slots?: readonly string[] },
): void {
  input.context.files.tree.write(module.modulePath, module.text);
  if (module.slots) input.context.formatting.fromTemplate(module.modulePath, module.slots);
  output.generated.push(module.modulePath);
  if (module.add) output.adds.push(module.add);
  output.translations.push(module.translation);
  if (module.pluginApi !== false) output.addedPackages.set(PLUGIN_API, pluginApiRange(input.context));
}

/** The text from `start` to `end` with the indentation of the line it starts on taken off the lines after the first. */
export function relativeLines(source: string, start: number, end: number): string {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, start))?.[0] ?? '';
  return source
    .slice(start, end)
    .split(/\r?\n/)
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}
