/**
 * What the backend's files import and depend on, for deciding whether a
 * dependency can go (unwiring the bridge) and what a run added: read from
 * text, since only module specifiers matter here.
 */
import * as fs from 'fs';
import * as path from 'path';

const escape = (module: string): string => module.replace(/[/.-]/g, '\\$&');

/** The planned package.json's dependency names, or undefined when it does not parse. */
function plannedDependencies(afterText: string): Record<string, unknown> | undefined {
  try {
    return (JSON.parse(afterText).dependencies ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The dependency names the planned package.json has and the original lacks. */
export function addedDependencyNames(before: Record<string, unknown>, afterText: string): string[] {
  const had = (before.dependencies ?? {}) as Record<string, unknown>;
  return Object.keys(plannedDependencies(afterText) ?? {}).filter(name => !(name in had));
}

/** The dependency names the original package.json has and the planned one lacks. */
export function removedDependencyNames(before: Record<string, unknown>, afterText: string): string[] {
  const after = plannedDependencies(afterText);
  return after ? Object.keys((before.dependencies ?? {}) as Record<string, unknown>).filter(name => !(name in after)) : [];
}

/** Whether TypeScript source imports `module` (or a subpath of it). */
export function importsModule(source: string, module: string): boolean {
  return new RegExp(`(from|import|import\\(|require\\()\\s*['"]${escape(module)}(/[^'"]*)?['"]`).test(source);
}

/**
 * The first source file under `<backendDir>/src` (`.ts`, `.tsx`, `.js`),
 * other than `except`, that names `module` in a string (an import, a
 * require, a `jest.mock`): what keeps a dependency the wiring added.
 */
export function backendFileNaming(backendDir: string, module: string, except: readonly string[]): string | undefined {
  return sourceFileNaming(backendDir, module, file => (except.includes(file) ? undefined : fs.readFileSync(file, 'utf8')));
}

/**
 * The first source file under `<packageDir>/src`, in name order, whose text
 * as `read` gives it (undefined: the file goes) names `module` in a string.
 */
export function sourceFileNaming(packageDir: string, module: string, read: (file: string) => string | undefined): string | undefined {
  const pattern = new RegExp(`['"]${escape(module)}(/[^'"]*)?['"]`);
  const visit = (dir: string): string | undefined => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    // In name order, so that the file a report names does not depend on the file system's order.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = entry.name === 'node_modules' ? undefined : visit(full);
        if (found) return found;
      } else if (/\.(ts|tsx|js|jsx)$/.test(entry.name) && pattern.test(read(full) ?? '')) {
        return full;
      }
    }
    return undefined;
  };
  return visit(path.join(packageDir, 'src'));
}
