/**
 * The mentor directory's search rules: which words of a search box count, and
 * how mentors are ordered. Pure; the database matches the words (full text).
 */

/** Longest search text accepted (characters). */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Characters that mean something in a PostgreSQL tsquery (`& | ! ( ) : * < >`,
 * quotes, backslash), whitespace and control characters: they separate words
 * and are never passed on, so no input can make a malformed query. `<` and `>`
 * would otherwise spell the phrase operator `<->`; control characters include
 * NUL, which PostgreSQL text cannot hold.
 */
const SEPARATORS = /[\s&|!():*<>'"\\\p{C}]+/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The words of a search text, each to be matched as a prefix. Pieces with no
 * letter or digit (`-`, `+++`) are dropped: they would match nothing and only
 * make PostgreSQL warn. An empty list means "no search".
 */
export function searchWords(text: string): string[] {
  return text
    .slice(0, MAX_SEARCH_LENGTH)
    .split(SEPARATORS)
    .filter((word) => HAS_WORD_CHARACTER.test(word))
    .map((word) => word.toLowerCase());
}

export type RankedMentor = {
  userId: string;
  name: string;
  /** Full-text relevance; 0 for every mentor when there is no search. */
  rank: number;
  reputation: {
    /** approved ÷ decided, 0–1; null before any booking was decided. */
    approvalRate: number | null;
    medianResponseMinutes: number | null;
  };
};

/** Nulls (nothing to go on yet) after every known figure. */
function compareKnown(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

const byName = new Intl.Collator('en').compare;

/**
 * Directory order: more relevant first; among equally relevant mentors the
 * better responder (higher approval rate, then shorter median response time);
 * then by name, and by id so the order never depends on the input's.
 */
export function compareMentors(a: RankedMentor, b: RankedMentor): number {
  return (
    b.rank - a.rank ||
    compareKnown(a.reputation.approvalRate, b.reputation.approvalRate, -1) ||
    compareKnown(a.reputation.medianResponseMinutes, b.reputation.medianResponseMinutes, 1) ||
    byName(a.name, b.name) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}
