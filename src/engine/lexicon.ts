/**
 * Synonyms for alignment: which terms a rewrite may swap for one another
 * ("speaks"/"talks", "severe"/"harsh"). Derived at build time from WordNet 3.1
 * (see src/build/build-lexicon.ts) into a compact binary table.
 *
 * Contract used by the aligner: `related(a, b)` is symmetric, false for unknown
 * terms, and true for a === b only when the term is known.
 */
export interface Lexicon {
  /** Number of terms the lexicon knows. */
  readonly size: number;
  /** True when terms `a` and `b` (outputs of `termOf`) share a synonym class. */
  related(a: string, b: string): boolean;
}

/** A lexicon that knows no synonyms: alignment then relies on exact terms only. */
export const EMPTY_LEXICON: Lexicon = { size: 0, related: () => false };
