/**
 * "Did you mean": the names closest to a mistyped plugin id or package name,
 * by edit distance (insertions, deletions, substitutions and swaps of two
 * neighbours), among what the repository has.
 */

/** Optimal-string-alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** The candidates within a sixth of the word's length (at least 2 edits) of it, closest first, at most three. */
export function closestNames(word: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(word.length / 6));
  return [...new Set(candidates)]
    .filter(candidate => candidate !== word)
    .map(candidate => ({ candidate, distance: editDistance(word, candidate) }))
    .filter(({ distance }) => distance <= limit)
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

/** `did you mean carmen?` (or `carmen or dora?`), or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const close = closestNames(word, candidates);
  if (!close.length) return '';
  return `did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close[close.length - 1]}`}?`;
}
