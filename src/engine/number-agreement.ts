import type { PreparedText } from './prepared-text.js';
import type { Sentence } from './segment.js';
import { TokenFlag } from './tokenize.js';
import type { Span } from './types.js';

/**
 * The figures of each sentence, by their significant digits: "40,000",
 * "40K" and "40 000" are one figure ("4"), as "1.5 million" and "1,500,000"
 * are ("15"). Copies keep their figures, spinners and paraphrasers too,
 * even when they write them another way.
 */
export function sentenceFigures(text: PreparedText): ReadonlyArray<ReadonlySet<string>> {
  const { starts, ends, flags } = text.tokens;
  return text.sentences.map((s) => {
    const figures = new Set<string>();
    for (let t = s.firstToken; t < s.endToken; t++) {
      if (!(flags[t]! & TokenFlag.Number)) continue;
      for (const figure of figuresOf(text.text.slice(starts[t], ends[t]))) figures.add(figure);
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

export function significantDigits(term: string): string {
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

/**
 * Whether the page and the source are two fillings of one template (two
 * companies' earnings briefs, two days' market wraps): every page sentence
 * that shares words with the source and states figures states other figures
 * than the source sentences it shares them with, and there are at least
 * MIN_TEMPLATE_SENTENCES such sentences. A copy that updates a figure or two
 * keeps the rest (dates, counts, sums), so one agreeing sentence is enough to
 * keep the alignment.
 */
export function isTemplateSibling(
  page: PreparedText, source: PreparedText, passages: readonly { page: Span; source: Span }[],
  pageFigures: ReadonlyArray<ReadonlySet<string>>, sourceFigures: ReadonlyArray<ReadonlySet<string>>,
): boolean {
  const pairedSource = new Map<number, Set<number>>();
  for (const p of passages) {
    const sourceSentences = sentencesOver(source.sentences, p.source);
    for (const i of sentencesOver(page.sentences, p.page)) {
      let set = pairedSource.get(i);
      if (!set) pairedSource.set(i, (set = new Set()));
      for (const j of sourceSentences) set.add(j);
    }
  }
  let disagreeing = 0;
  for (const [i, sourceSentences] of pairedSource) {
    const mine = pageFigures[i]!;
    if (mine.size === 0) continue;
    let theirs = 0;
    for (const j of sourceSentences) {
      theirs += sourceFigures[j]!.size;
      for (const f of sourceFigures[j]!) if (mine.has(f)) return false;
    }
    if (theirs > 0) disagreeing++;
  }
  return disagreeing >= MIN_TEMPLATE_SENTENCES;
}

const MIN_TEMPLATE_SENTENCES = 3;

/** Indexes of the sentences overlapping `span`. */
function sentencesOver(sentences: readonly Sentence[], span: Span): number[] {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.end <= span[0]) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < sentences.length && sentences[i]!.start < span[1]; i++) out.push(i);
  return out;
}
