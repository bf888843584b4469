/**
 * Undoes `package-json-dependency`: removes a dependency and the line it
 * stands on (and the comma before it when it was the last one). The default
 * export is a jscodeshift transform (`--package=<name>`).
 */
import { applyChanges } from './lib/changes';
import { WireError } from './lib/errors';
import { planDependencyRemoval } from './package-json-dependency';

export default function transformer(
  file: { path?: string; source: string },
  _api?: unknown,
  options: { package?: string } = {},
): string {
  if (!options.package) throw new WireError('package-json-dependency-remove: pass --package=<name>');
  const plan = planDependencyRemoval(file.source, file.path ?? 'package.json', [String(options.package)]);
  return applyChanges(file.source, plan.changes);
}
