import type { Sentence } from './segment.js';
import { TokenFlag, type TokenStream } from './tokenize.js';

/**
 * The figures of each sentence, by their significant digits: "40,000",
 * "40K" and "40 000" are one figure ("4"), as "1.5 million" and "1,500,000"
 * are ("15"). Copies keep their figures, spinners and paraphrasers too,
 * even when they write them another way.
 */
export function sentenceFigures(text: string, tokens: TokenStream, sentences: readonly Sentence[]): ReadonlyArray<ReadonlySet<string>> {
  const { starts, ends, flags } = tokens;
  return sentences.map((s) => {
    const figures = new Set<string>();
    for (let t = s.firstToken; t < s.endToken; t++) {
      if (!(flags[t]! & TokenFlag.Number)) continue;
      for (const figure of figuresOf(text.slice(starts[t], ends[t]))) figures.add(figure);
    }
    return figures;
  });
}

/**
 * "1,2" (a list, as in "i = 1,2") is two figures, "1,312.8" one: commas that
 * do not group thousands separate numbers.
 */
export function figuresOf(token: string): string[] {
  const parts = token.split(',');
  const grouped = parts.slice(1).every((p) => /^\d{3}(?!\d)/.test(p));
  return (grouped ? [token] : parts).map(significantDigits).filter((d) => d.length > 0);
}

function significantDigits(term: string): string {
  return term.replace(/\D+/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

/**
 * Two sentences of one form whose figures all differ ("the average household
 * size was 2.08…" of one town and of another; one quarter's results and the
 * next's) report different facts: a template, not a rewrite. Decided only
 * when the sentence with fewer figures has at least two, so one updated
 * count or one date does not undo a paraphrase.
 */
export function figuresDisagree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [few, many] = a.size <= b.size ? [a, b] : [b, a];
  if (few.size < MIN_FIGURES) return false;
  for (const f of few) if (many.has(f)) return false;
  return true;
}

const MIN_FIGURES = 2;
