import { figuresMissingFrom } from './number-agreement.js';
import { wordAt, type PreparedText } from './prepared-text.js';
import type { Span } from '../types.js';

/**
 * Whether the page and the source are two fillings of one template (two
 * companies' earnings briefs, two towns' census paragraphs): every page
 * sentence that shares words with the source and states figures puts other
 * figures in the template's slots (it states one the source sentences do not,
 * and they state one it does not, whatever constants of the template they
 * share), and there are at least MIN_TEMPLATE_SENTENCES such sentences. A
 * copy that updates a figure or two keeps the rest (dates, counts, sums), so
 * one sentence whose figures all stand in the source keeps the alignment.
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
  let refilled = 0;
  for (const [i, sourceSentences] of pairedSource) {
    const mine = page.figures[i]!;
    if (mine.size === 0) continue;
    const theirs = new Set<string>();
    for (const j of sourceSentences) for (const f of source.figures[j]!) theirs.add(f);
    if (theirs.size === 0) continue;
    if (figuresMissingFrom(mine, theirs) === 0 || figuresMissingFrom(theirs, mine) === 0) return false;
    refilled++;
  }
  return refilled >= MIN_TEMPLATE_SENTENCES;
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
