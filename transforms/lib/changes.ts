/**
 * Positional text edits, in the spirit of Angular's schematics `Change`:
 * planners read a file with a parser and return edits against the original
 * text; nothing is printed from an AST, so every byte not covered by an edit
 * stays as it was.
 */
export interface TextChange {
  /** Offset in the original text where the replaced range starts. */
  readonly start: number;
  /** Offset where it ends (equal to `start` for a pure insertion). */
  readonly end: number;
  /** Text that replaces `[start, end)`. */
  readonly text: string;
}

export function insertAt(position: number, text: string): TextChange {
  return { start: position, end: position, text };
}

/**
 * Applies edits to `source`. Edits may not overlap; insertions at the same
 * offset are applied in the order given, so a planner that wires several
 * plugins can append their lines at one anchor and keep their order.
 */
export function applyChanges(source: string, changes: readonly TextChange[]): string {
  if (changes.length === 0) return source;
  const ordered = changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => a.change.start - b.change.start || a.change.end - b.change.end || a.index - b.index)
    .map(entry => entry.change);
  let out = '';
  let cursor = 0;
  for (const change of ordered) {
    if (change.start < cursor || change.end < change.start || change.end > source.length) {
      throw new Error(`overlapping or out-of-range text change at ${change.start}-${change.end}`);
    }
    out += source.slice(cursor, change.start) + change.text;
    cursor = change.end;
  }
  return out + source.slice(cursor);
}
