import type { Sentence } from '../text/segment.js';
import { TokenFlag, type TokenStream } from '../text/tokenize.js';

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
 * Two sentences of one form that state different figures ("the average
 * household size was 2.08…" of one town and of another; one quarter's results
 * and the next's) report different facts: a template, not a rewrite. The
 * template's own figures ("for every 100 females", "from 18 to 24") are the
 * same in every filling, so what decides is that each side states at least two
 * figures the other does not: one updated count or one date does not undo a
 * paraphrase, and a sentence that only drops or adds figures is not refilled.
 */
export function figuresDisagree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return figuresMissingFrom(a, b) >= MIN_FIGURES && figuresMissingFrom(b, a) >= MIN_FIGURES;
}

/** How many of `figures` are not in `other`. */
export function figuresMissingFrom(figures: ReadonlySet<string>, other: ReadonlySet<string>): number {
  let missing = 0;
  for (const f of figures) if (!other.has(f)) missing++;
  return missing;
}

const MIN_FIGURES = 2;
