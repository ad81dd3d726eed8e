/**
 * A text spinner as content farms use them: swaps a share of the words for
 * synonyms (WordNet's, so a synonym lexicon can undo them; a random word where
 * the word has none), rotates the clauses of multi-clause sentences, and
 * shuffles sentences within each paragraph. Names and numbers are kept, as
 * spinners keep them.
 */
import { createRng, shuffled } from './prng.js';
import type { ArticleDraft, NewsGenerator, Sentence } from './news-generator.js';

export interface SpinStats {
  /** Words the spinner was allowed to touch (not names or numbers). */
  readonly eligible: number;
  readonly synonymSwaps: number;
  readonly randomSwaps: number;
  /** Sentences whose clauses were rotated. */
  readonly rotatedSentences: number;
}

export interface SpunDraft {
  readonly draft: ArticleDraft;
  readonly stats: SpinStats;
}

const KEEP = /^[A-Z0-9]/;

/**
 * Spins `draft` with `rate` ∈ [0, 1] of its eligible words replaced.
 * Deterministic in `seed`.
 */
export function spinDraft(generator: NewsGenerator, draft: ArticleDraft, rate: number, seed: number): SpunDraft {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`spin rate must be in [0, 1], got ${rate}`);
  const rng = createRng(seed);
  const { synonyms } = generator.vocabulary;
  let eligible = 0;
  let synonymSwaps = 0;
  let randomSwaps = 0;
  let rotatedSentences = 0;

  const paragraphs = draft.paragraphs.map((paragraph) => {
    const spun = paragraph.map((sentence): Sentence => {
      let clauses = sentence.clauses.map((clause) =>
        clause.map((word) => {
          if (KEEP.test(word)) return word;
          eligible++;
          if (!rng.chance(rate)) return word;
          const options = synonyms.get(word);
          if (options !== undefined) {
            synonymSwaps++;
            return rng.pick(options);
          }
          randomSwaps++;
          let other = generator.zipfWord(rng);
          while (other === word) other = generator.zipfWord(rng);
          return other;
        }),
      );
      if (clauses.length > 1) {
        const shift = rng.int(1, clauses.length - 1);
        clauses = [...clauses.slice(shift), ...clauses.slice(0, shift)];
        rotatedSentences++;
      }
      return { clauses, speaker: sentence.speaker };
    });
    return shuffled(rng, spun);
  });
  return { draft: { title: draft.title, paragraphs }, stats: { eligible, synonymSwaps, randomSwaps, rotatedSentences } };
}
