import { wordAt, type PreparedText } from './prepared-text.js';
import type { Span } from './types.js';

/**
 * Whether the page and the source are two fillings of one template (two
 * companies' earnings briefs, two days' market wraps): every page sentence
 * that shares words with the source and states figures states other figures
 * than the source sentences it shares them with, and there are at least
 * MIN_TEMPLATE_SENTENCES such sentences. A copy that updates a figure or two
 * keeps the rest (dates, counts, sums), so one agreeing sentence is enough to
 * keep the alignment.
 */
export function isTemplateSibling(page: PreparedText, source: PreparedText, passages: readonly { page: Span; source: Span }[]): boolean {
  const pairedSource = new Map<number, Set<number>>();
  for (const p of passages) {
    const sourceSentences = sentencesOver(source, p.source);
    for (const i of sentencesOver(page, p.page)) {
      let set = pairedSource.get(i);
      if (!set) pairedSource.set(i, (set = new Set()));
      for (const j of sourceSentences) set.add(j);
    }
  }
  let disagreeing = 0;
  for (const [i, sourceSentences] of pairedSource) {
    const mine = page.figures[i]!;
    if (mine.size === 0) continue;
    let theirs = 0;
    for (const j of sourceSentences) {
      theirs += source.figures[j]!.size;
      for (const f of source.figures[j]!) if (mine.has(f)) return false;
    }
    if (theirs > 0) disagreeing++;
  }
  return disagreeing >= MIN_TEMPLATE_SENTENCES;
}

const MIN_TEMPLATE_SENTENCES = 3;

/** Indexes of the sentences whose tokens overlap `span`. */
function sentencesOver(text: PreparedText, span: Span): Set<number> {
  const found = new Set<number>();
  for (let t = wordAt(text.tokens, span[0]); t < text.tokens.starts.length && text.tokens.starts[t]! < span[1]; t++) {
    found.add(text.sentenceOfToken[t]!);
  }
  return found;
}
