/**
 * A text spinner as content farms use them: swaps a share of the words —
 * content words for synonyms (WordNet's, so a synonym lexicon can undo them;
 * a random content word where the word has none), function words for other
 * function words ("the" → "a") — rotates the clauses of multi-clause sentences, and
 * shuffles sentences within each paragraph. Names and numbers are kept, as
 * spinners keep them.
 */
import { createRng, shuffled } from './prng.js';
import type { ArticleDraft, NewsGenerator, Sentence } from './news-generator.js';

export interface SpinStats {
  /** Words the spinner was allowed to touch (not names or numbers). */
  readonly eligible: number;
  readonly synonymSwaps: number;
  /** Content words without a synonym, replaced by a random content word. */
  readonly randomSwaps: number;
  /** Function words replaced by another function word. */
  readonly functionSwaps: number;
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
  let functionSwaps = 0;
  const { words, contentStart } = generator.vocabulary;
  const isFunctionWord = new Set(words.slice(0, contentStart));
  // The commonest function words, so a swap looks like a plausible rewrite.
  const functionChoices = words.slice(0, Math.min(contentStart, 40));
  let rotatedSentences = 0;

  const paragraphs = draft.paragraphs.map((paragraph) => {
    const spun = paragraph.map((sentence): Sentence => {
      let clauses = sentence.clauses.map((clause) =>
        clause.map((word) => {
          if (KEEP.test(word)) return word;
          eligible++;
          if (!rng.chance(rate)) return word;
          if (isFunctionWord.has(word)) {
            functionSwaps++;
            let other = rng.pick(functionChoices);
            while (other === word) other = rng.pick(functionChoices);
            return other;
          }
          const options = synonyms.get(word);
          if (options !== undefined) {
            synonymSwaps++;
            return rng.pick(options);
          }
          randomSwaps++;
          let other = generator.zipfWord(rng);
          while (other === word || isFunctionWord.has(other)) other = generator.zipfWord(rng);
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
  return { draft: { title: draft.title, paragraphs }, stats: { eligible, synonymSwaps, randomSwaps, functionSwaps, rotatedSentences } };
}
