/**
 * Comments of the legacy index.ts that the migration does not carry: the new
 * index.ts is printed anew, and a comment beside wiring it no longer has
 * (`// apiRouter.use('/scaffolder', ...)` left commented out, a note on a
 * plugin) would otherwise go unseen. create-app's own comments and tool
 * directives are not named.
 */
import type { FileTree } from '../../commit/tree';

/** create-app's comments in the legacy index.ts, which mean nothing once it is gone. */
const TEMPLATE_COMMENTS = [/Add backends ABOVE this line/, /Note that this is an EXAMPLE Backstage backend/];
/** Comments addressed to tools (linters, prettier, TypeScript, coverage), not to readers. */
const DIRECTIVE = /^\s*(?:eslint|prettier-ignore|@ts-|istanbul|c8 |tslint)/;

interface IndexComment {
  readonly type: 'CommentLine' | 'CommentBlock';
  readonly value: string;
  readonly loc?: { readonly start: { readonly line: number } } | null;
}

/**
 * A warning naming the lines of the comments found in none of the files the
 * migration writes (`generated`, the new index.ts), or undefined.
 */
export function droppedComments(comments: readonly IndexComment[], display: string, newIndex: string, tree: FileTree, generated: readonly string[]): string | undefined {
  // Compared with whitespace runs as one space: a carried comment is dedented with its statement.
  const flat = (text: string): string => text.replace(/\s+/g, ' ');
  const written = [newIndex, ...generated.map(file => tree.read(file) ?? '')].map(flat);
  const lines: number[] = [];
  for (const comment of comments) {
    const text = comment.value.trim();
    if (!text || DIRECTIVE.test(text) || TEMPLATE_COMMENTS.some(template => template.test(text))) continue;
    // Carried with its statement, or moved into a generated module: the whole comment is there as written.
    const whole = flat(comment.type === 'CommentLine' ? `//${comment.value}` : `/*${comment.value}*/`).trim();
    if (written.some(file => file.includes(whole))) continue;
    if (comment.loc) lines.push(comment.loc.start.line);
  }
  if (!lines.length) return undefined;
  const which = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
  return `${display}: ${lines.length === 1 ? 'a comment is' : `${lines.length} comments are`} not carried into the new index.ts (${which}): ${lines.length === 1 ? 'it' : 'they'} stood beside legacy wiring the new backend does not have; copy what you need by hand`;
}
