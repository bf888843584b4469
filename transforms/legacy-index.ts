/**
 * Wires backend plugins into a legacy Backstage backend's `src/index.ts`:
 *
 *   import carmen from './plugins/carmen';
 *   const carmenEnv = useHotMemoize(module, () => createEnv('carmen'));
 *   apiRouter.use('/carmen', await carmen(carmenEnv));
 *
 * `planLegacyWiring` is pure: it returns text changes against the original
 * source and what it decided, and adds only what is missing. The default
 * export is a jscodeshift transform over the same planner, so
 * `jscodeshift -t dist/transforms/legacy-index.js --id=carmen index.ts` works.
 */
import type { CallExpression, File, ImportDeclaration, Node, Program } from '@babel/types';
import { applyChanges, insertAt, TextChange } from './lib/changes';
import { CodeStyle, stringLiteral } from './lib/code-style';
import { WireError } from './lib/errors';
import { envNameCandidates, firstFreeName, pluginAliasCandidates, preferredAlias, preferredEnvName, pluginIdsOption, validatePluginId } from './lib/naming';
import { parseTypeScript } from './lib/parse';
import { indentOf, LinePoint, pointAfterStatement, pointBeforeStatement } from './lib/text';
import { analyzeLegacyIndex, EnvDeclaration, findPluginImport, findPluginRoutes, LegacyIndex, mountsOnRouter, pluginCallIn } from './analysis/legacy-backend';

export type LegacyPiece = 'import' | 'env' | 'route';

export interface LegacyPluginWiring {
  readonly id: string;
  /** The name the index imports the plugin module as (existing or new). */
  readonly alias?: string;
  /** The env variable passed to the plugin (existing or new). */
  readonly envVariable?: string;
  /** Whether the index imports (or will import) `./plugins/<id>`, so that module must exist. */
  readonly importsPluginModule: boolean;
  /** The pieces this plan adds; empty when the plugin is already wired. */
  readonly added: readonly LegacyPiece[];
  readonly warnings: readonly string[];
}

export interface LegacyWiringPlan {
  readonly changes: readonly TextChange[];
  readonly plugins: readonly LegacyPluginWiring[];
}

/** Prettier's default print width, which Backstage's prettier config keeps. */
const PRINT_WIDTH = 80;

/** The three statements the tool adds, for a user who must add them by hand. */
export function manualLegacyLines(id: string, alias: string, envVariable: string): string {
  return [
    `import ${alias} from './plugins/${id}';`,
    `const ${envVariable} = useHotMemoize(module, () => createEnv('${id}'));`,
    `apiRouter.use('/${id}', await ${alias}(${envVariable}));`,
  ].join('\n');
}

export function describeLegacyProblem(file: string, problem: { kind: string; names?: string[] }, ids: readonly string[]): WireError {
  const hint =
    'Add these lines by hand (imports at the top, the rest before the notFoundHandler() catch-all):\n' +
    ids.map(id => manualLegacyLines(id, preferredAlias(id), preferredEnvName(id))).join('\n');
  if (problem.kind === 'ambiguous-router') {
    return new WireError(
      `${file}: found several routers (${problem.names?.join(', ')}) and none is mounted with .addRouter('/api', ...): cannot tell which is the api router`,
      hint,
    );
  }
  return new WireError(
    `${file}: no api router to extend: expected a router variable such as \`const apiRouter = Router();\` (Router from express-promise-router) that plugins are mounted on`,
    hint,
  );
}

/**
 * Plans the wiring of each plugin id into a legacy index.ts. Throws a
 * WireError naming the file when the file is not a legacy backend index.
 */
export function planLegacyWiring(
  source: string,
  ids: readonly string[],
  file = 'index.ts',
  parsed?: File,
  analyzed?: LegacyIndex,
): LegacyWiringPlan {
  for (const id of ids) validatePluginId(id);
  const ast = parsed ?? parseTypeScript(source, file);
  const index = analyzed ?? analyzeLegacyIndex(ast, source);
  if ('kind' in index) throw describeLegacyProblem(file, index, ids);

  const style = index.style;
  const taken = new Set<string>([...index.declaredNames, ...index.mentionedNames]);
  const places = findInsertionPoints(source, ast.program, index, style);
  const importLines: string[] = [];
  const envLines: string[] = [];
  const routeLines: string[] = [];
  const plugins: LegacyPluginWiring[] = [];

  for (const id of [...new Set(ids)]) {
    const warnings: string[] = [];
    const added: LegacyPiece[] = [];
    const existingImport = findPluginImport(index.imports, id);
    let alias = existingImport?.alias;
    const env = index.envDeclarations.find(e => e.pluginId === id);
    const visibleEnv = env && isVisibleFrom(env, index) ? env : undefined;
    let envVariable = visibleEnv?.variable;
    const route = findPluginRoute(index, id, alias);

    if (route) {
      // Mounted already: complete only what the mount refers to and nothing declares.
      const used = pluginCallIn(route);
      if (!alias && used?.callee && !index.declaredNames.has(used.callee)) {
        alias = used.callee;
        added.push('import');
      }
      if (!envVariable && used?.argument && !index.declaredNames.has(used.argument)) {
        envVariable = used.argument;
        added.push('env');
      }
      envVariable ??= used?.argument;
      alias ??= used?.callee;
    } else {
      if (!alias) {
        alias = firstFreeName(pluginAliasCandidates(id), taken);
        added.push('import');
        if (alias !== preferredAlias(id)) {
          warnings.push(`${file}: the name ${preferredAlias(id)} is taken; importing the ${id} plugin as ${alias}`);
        }
      }
      if (!envVariable) {
        envVariable = firstFreeName(envNameCandidates(id), taken);
        added.push('env');
        if (env) {
          warnings.push(`${file}: ${env.variable} (createEnv('${id}')) is declared in a nested block the route cannot see; declaring ${envVariable} beside the other envs`);
        } else if (envVariable !== preferredEnvName(id)) {
          warnings.push(`${file}: the name ${preferredEnvName(id)} is taken; naming the ${id} environment ${envVariable}`);
        }
      }
      added.push('route');
    }
    if (alias) taken.add(alias);
    if (envVariable) taken.add(envVariable);

    const q = style.quote;
    const semi = style.semicolons ? ';' : '';
    if (added.includes('import') && alias) {
      importLines.push(`import ${alias} from ${stringLiteral(`./plugins/${id}`, q)}${semi}`);
    }
    if (added.includes('env') && envVariable) {
      envLines.push(envDeclarationText(envVariable, id, index, style, places.env.indent, places.indentUnit));
    }
    if (added.includes('route') && alias && envVariable) {
      routeLines.push(routeText(index.router.name, id, alias, envVariable, style, places.route.indent, places.indentUnit, places.trailingComma));
    }
    plugins.push({ id, alias, envVariable, importsPluginModule: Boolean(existingImport) || added.includes('import'), added, warnings });
  }

  const changes: TextChange[] = [];
  const emit = (point: LinePoint & { indent: string }, lines: string[]): void => {
    if (lines.length === 0) return;
    const eol = style.eol;
    const body = lines.map(line => point.indent + line).join(eol);
    changes.push(insertAt(point.offset, point.before + body + point.after));
  };
  emit(places.import, importLines);
  emit(places.env, envLines);
  emit(places.route, routeLines);
  return { changes, plugins };
}

/** The default jscodeshift-style entry: returns the new source. */
export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { id?: string | string[] } = {},
): string {
  const ids = pluginIdsOption(options.id);
  if (ids.length === 0) throw new WireError('legacy-index: pass the plugin id with --id=<plugin-id>');
  const plan = planLegacyWiring(file.source, ids, file.path ?? 'index.ts');
  return applyChanges(file.source, plan.changes);
}

export const parser = 'ts';

interface InsertionPoints {
  readonly import: LinePoint & { indent: string };
  readonly env: LinePoint & { indent: string };
  readonly route: LinePoint & { indent: string };
  readonly indentUnit: string;
  readonly trailingComma: boolean;
}

function findInsertionPoints(source: string, program: Program, index: LegacyIndex, style: CodeStyle): InsertionPoints {
  const eol = style.eol;
  const after = (statement: Node): LinePoint & { indent: string } => ({
    ...pointAfterStatement(source, statement.end ?? 0, eol),
    indent: indentOf(source, statement.start ?? 0),
  });
  const before = (statement: Node): LinePoint & { indent: string } => ({
    ...pointBeforeStatement(source, statement.start ?? 0, eol),
    indent: indentOf(source, statement.start ?? 0),
  });

  // Imports: after the last ./plugins/ import, else after the last import, else before the first statement.
  const pluginImports = index.imports.filter(d => d.source.value.startsWith('./plugins/'));
  const importAnchor: ImportDeclaration | undefined = pluginImports[pluginImports.length - 1] ?? index.imports[index.imports.length - 1];
  const body = index.router.container.body;
  const importPoint = importAnchor ? after(importAnchor) : before(program.body[0]);

  // Routes: after the last statement that mounts something, between the router's declaration and the catch-all.
  const routerAt = body.indexOf(index.router.declaration);
  const catchAllAt = index.catchAll ? body.indexOf(index.catchAll) : body.length;
  let routeAnchorAt = routerAt;
  for (let i = routerAt + 1; i < catchAllAt; i++) {
    if (mountsOnRouter(body[i], index.router.name)) routeAnchorAt = i;
  }
  const routePoint = after(body[routeAnchorAt]);

  // Envs: after the last env declared at the router's level before the route goes in, else after
  // `const createEnv = ...`, else just before the router's declaration.
  let envPoint: LinePoint & { indent: string } | undefined;
  for (let i = routeAnchorAt; i >= 0 && !envPoint; i--) {
    if (index.envDeclarations.some(e => e.statement === body[i])) envPoint = after(body[i]);
  }
  if (!envPoint && index.createEnvDeclaration && body.indexOf(index.createEnvDeclaration) <= routeAnchorAt) {
    envPoint = after(index.createEnvDeclaration);
  }
  envPoint ??= before(index.router.declaration);

  const multiline = index.envDeclarations.find(e => e.multiline);
  return {
    import: { ...importPoint, indent: importAnchor ? importPoint.indent : '' },
    env: envPoint,
    route: routePoint,
    indentUnit: indentUnitOf(source, index),
    trailingComma: multiline ? multiline.trailingComma : true,
  };
}

/** One level of indentation inside the router's block, relative to the block's own line. */
function indentUnitOf(source: string, index: LegacyIndex): string {
  const inner = indentOf(source, index.router.declaration.start ?? 0);
  if (inner.includes('\t')) return '\t';
  const container = index.router.container;
  const outer = container.type === 'Program' ? '' : indentOf(source, container.start ?? 0);
  const unit = inner.startsWith(outer) ? inner.slice(outer.length) : '';
  return unit.length > 0 ? unit : '  ';
}

function columns(text: string): number {
  return text.replace(/\t/g, '  ').length;
}

function envDeclarationText(variable: string, id: string, index: LegacyIndex, style: CodeStyle, indent: string, unit: string): string {
  const semi = style.semicolons ? ';' : '';
  const call = `${index.createEnvName}(${stringLiteral(id, style.quote)})`;
  const memoize = memoizeName(index);
  if (!memoize) return `const ${variable} = ${call}${semi}`;
  const oneLine = `const ${variable} = ${memoize}(module, () => ${call})${semi}`;
  if (columns(indent + oneLine) <= PRINT_WIDTH) return oneLine;
  // As prettier wraps it: the arrow's body on its own line.
  const multiline = index.envDeclarations.find(e => e.multiline);
  const comma = (multiline ? multiline.trailingComma : true) ? ',' : '';
  const eol = style.eol;
  return `const ${variable} = ${memoize}(module, () =>${eol}${indent}${unit}${call}${comma}${eol}${indent})${semi}`;
}

/** `useHotMemoize` when the file's envs use it (or, with no envs yet, when it imports it). */
function memoizeName(index: LegacyIndex): string | undefined {
  if (index.envDeclarations.length > 0) {
    const memoized = index.envDeclarations.filter(e => e.memoizedBy).length;
    if (memoized * 2 < index.envDeclarations.length) return undefined;
    return index.envDeclarations.find(e => e.memoizedBy)?.memoizedBy;
  }
  return index.hotMemoizeName;
}

function routeText(router: string, id: string, alias: string, envVariable: string, style: CodeStyle, indent: string, unit: string, trailingComma: boolean): string {
  const semi = style.semicolons ? ';' : '';
  const path = stringLiteral(`/${id}`, style.quote);
  const oneLine = `${router}.use(${path}, await ${alias}(${envVariable}))${semi}`;
  if (columns(indent + oneLine) <= PRINT_WIDTH) return oneLine;
  const eol = style.eol;
  const inner = indent + unit;
  return `${router}.use(${eol}${inner}${path},${eol}${inner}await ${alias}(${envVariable})${trailingComma ? ',' : ''}${eol}${indent})${semi}`;
}

function isVisibleFrom(env: EnvDeclaration, index: LegacyIndex): boolean {
  return env.container === index.router.container || env.container.type === 'Program';
}

/** The plugin's mount: by its path first, else by a call to the plugin's import. */
function findPluginRoute(index: LegacyIndex, id: string, alias: string | undefined): CallExpression | undefined {
  const routes = findPluginRoutes(index, id, alias);
  return (routes.find(r => r.path === `/${id}`) ?? routes[0])?.call;
}
