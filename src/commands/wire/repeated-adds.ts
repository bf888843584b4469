/**
 * The same module added twice to a new backend (`backend.add(import('x'))`
 * on two lines): the backend registers its plugin or module twice and stops
 * at start ("Plugin 'x' is already registered"). Wiring the package takes
 * the later adds out, as it takes out an add that feature discovery repeats.
 */
import type { TextChange } from '../../../transforms/lib/changes';
import type { Statement } from '@babel/types';
import { lineOf, paragraphRemovalRange } from '../../../transforms/lib/text';
import { addRefersTo, BackendAdd, NewBackend } from '../../../transforms/analysis/new-backend';
import { exclusiveAdds } from '../../../transforms/analysis/exclusive-adds';

/** Each add of `packageName` that repeats an earlier add of the same module in a start that runs both. */
export function repeatedAdds(backend: NewBackend | undefined, packageName: string): BackendAdd[] {
  const adds = (backend?.adds ?? []).filter(add => add.selfContained && add.statement && add.modules.length === 1 && addRefersTo(add, packageName));
  return adds.filter((add, i) => adds.slice(0, i).some(earlier => earlier.modules[0] === add.modules[0] && !exclusiveAdds(earlier, add)));
}

/** The edits that take the repeats out, and the warning that says so; `registers` names what the start registers twice (`plugin 'catalog'`). */
export function planRepeatedAddRemoval(source: string, file: string, backend: NewBackend | undefined, packageName: string, registers: string): { changes: TextChange[]; warnings: string[] } {
  const repeats = repeatedAdds(backend, packageName);
  if (!repeats.length) return { changes: [], warnings: [] };
  const lines = repeats.map(add => lineOf(source, add.call.start ?? 0));
  return {
    changes: repeats.map(add => {
      const statement = add.statement as Statement;
      return { ...paragraphRemovalRange(source, statement.start ?? 0, statement.end ?? 0, { leadingComments: true }), text: '' };
    }),
    warnings: [
      `${file}:${lines.join(',')}: ${packageName} was added more than once, which fails the start (${registers} is already registered): the later add${repeats.length > 1 ? 's are' : ' is'} taken out`,
    ],
  };
}
