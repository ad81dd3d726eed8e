/** The one-sentence explanation of a verdict's score. */
import type { Analysis } from '../src/extension/analysis.js';
import { counted, formatCount, percent } from './format.js';

/** How a page took its text: the kind of passages that make up most of what it took. */
export type CopyManner = 'word-for-word' | 'reworded' | 'mixed';

/** Share of the derived words one kind must reach to name the whole copy after it. */
const DOMINANT_KIND = 0.75;

export function copyManner(analysis: Analysis): CopyManner {
  const close = analysis.derived.verbatim + analysis.derived['near-verbatim'];
  const reworded = analysis.derived.paraphrase;
  const total = close + reworded;
  if (total > 0 && close >= DOMINANT_KIND * total) return 'word-for-word';
  if (total > 0 && reworded >= DOMINANT_KIND * total) return 'reworded';
  return 'mixed';
}

const COPY_CONCLUSIONS: Record<CopyManner, string> = {
  'word-for-word': 'so the page is most likely copied word for word from the likely original',
  reworded: 'so the page is most likely a rewrite of the likely original',
  mixed: 'so the page most likely takes the likely original’s text, partly copied word for word and partly reworded',
};

/** The words the figures refer to: the whole page, or the part the engine checked of a longer one. */
function checkedWords(analysis: Analysis): string {
  const { words, truncatedFrom } = analysis.page;
  return truncatedFrom != null
    ? `the first ${formatCount(words)} of this page’s ${counted(truncatedFrom, 'word')}`
    : `this page’s ${counted(words, 'word')}`;
}

/** For a page past the word limit, the sentence that says the rest was not looked at; '' otherwise. */
function uncheckedNote(analysis: Analysis): string {
  const { words, truncatedFrom } = analysis.page;
  return truncatedFrom != null ? ` Only the first ${formatCount(words)} of its ${counted(truncatedFrom, 'word')} were checked.` : '';
}

export function explainVerdict(analysis: Analysis): string {
  if (analysis.listing) {
    // the stories it lists are its text: matches with their articles say nothing about this page's origin
    return `A listing is no article: it neither copies the ${counted(analysis.listing.stories, 'story', 'stories')} it lists nor is their source. Firsthand never counts a listing as a source of another article.`;
  }
  const notes = [explainScore(analysis), wireNote(analysis), directionNote(analysis)].filter(Boolean);
  return notes.join(' ');
}

/** A wire story is licensed copy with many carriers: name the wire, and never a carrier as its author. */
function wireNote(analysis: Analysis): string {
  const wire = analysis.wire;
  if (!wire) return '';
  const first = wire.firstSeen !== null && wire.firstSeen === analysis.likelyOriginal?.id ? ' The article named above is where its text was first seen, not its author.' : '';
  if (wire.name === null) {
    return `${counted(wire.carriers, 'other outlet')} carry this page’s text, and no credit names its author: syndicated copy (a wire story or a newspaper group’s), or copies of one article.${first}`;
  }
  return `This page carries ${wire.name} copy (credited syndication); ${counted(wire.carriers, 'other carrier')} known.${first}`;
}

/**
 * What besides dates decided the direction to the article the verdict names (a credit line, a
 * canonical link, a declared source, a link, an excerpt), so the reader can check it.
 */
function directionNote(analysis: Analysis): string {
  const named = analysis.likelyOriginal?.id ?? analysis.sameText?.id;
  const source = analysis.sources.find((s) => s.id === named);
  const found = (source?.evidence ?? []).filter((e) => e.kind !== 'dates' || e.says === 'unknown-order');
  return found.length === 0 ? '' : `Why: ${found.map((e) => e.detail).join('; ')}.`;
}

function explainScore(analysis: Analysis): string {
  const words = analysis.page.words;
  const close = analysis.derived.verbatim + analysis.derived['near-verbatim'];
  const reworded = analysis.derived.paraphrase;
  const share = (n: number): string => `${words > 0 ? percent(n / words) : 0}%`;
  const earlier = analysis.sources.filter((s) => s.relation !== 'copy').length;
  switch (analysis.status) {
    case 'copy':
    case 'partial': {
      const from = earlier <= 1 ? 'an earlier article' : `${earlier} earlier articles`;
      const rest = analysis.status === 'copy' ? COPY_CONCLUSIONS[copyManner(analysis)] : 'the rest is the page’s own';
      return `${percent(analysis.overlap)}% of ${checkedWords(analysis)} match passages from ${from} (${share(close)} word for word, ${share(reworded)} reworded); ${rest}.`;
    }
    case 'same-text':
      return explainSameText(analysis);
    case 'original': {
      const copies = analysis.sources.filter((s) => s.relation === 'copy').length;
      const said = copies === 0
        ? `This page is in the corpus and no earlier article among the ${counted(analysis.corpusArticles, 'known article')} covers it.`
        : `This page is in the corpus, no earlier article covers it, and ${laterReuse(copies)}.`;
      return said + uncheckedNote(analysis);
    }
    case 'no-match':
      return explainNoEarlierSource(analysis);
  }
}

/**
 * No earlier article covers the page, but later or same-day articles may share
 * its text: saying that nothing matches would contradict the list below it.
 */
function explainNoEarlierSource(analysis: Analysis): string {
  const known = counted(analysis.corpusArticles, 'article');
  const later = analysis.sources.filter((s) => s.relation === 'copy').length;
  const sameDay = analysis.sources.filter((s) => s.relation === 'unknown-order');
  const reused = later === 0 ? '' : `; ${laterReuse(later)}`;
  if (sameDay.length > 0) {
    const most = Math.max(...sameDay.map((s) => s.coverage));
    const where = sameDay.length === 1 ? 'is also in an article' : `is also in one of ${sameDay.length} articles`;
    return `${percent(most)}% of this page ${where} published the same day or undated, so Firsthand cannot tell which came first, or whether this page is that article${reused}. None of the ${known} it knows is earlier.${uncheckedNote(analysis)}`;
  }
  if (later > 0) {
    return `No earlier article among the ${known} Firsthand knows covers this page, and ${laterReuse(later)}: this page may be their original.${uncheckedNote(analysis)}`;
  }
  const { words, truncatedFrom } = analysis.page;
  if (truncatedFrom != null) {
    // Text copied past the limit would not have been seen: "nothing matches" would claim more than was checked.
    return `None of ${checkedWords(analysis)} match the ${known} Firsthand knows, and the other ${counted(truncatedFrom - words, 'word')} were not checked; a copy there would not show.`;
  }
  return `None of this page’s passages match the ${known} Firsthand knows; that does not prove it is original, only that its source is not in the corpus.`;
}

/** Most of the page is in an article of unknown order: say so, with its share, and never guess a direction. */
function explainSameText(analysis: Analysis): string {
  const same = analysis.sources.find((s) => s.id === analysis.sameText?.id) ?? analysis.sources[0];
  const share = same ? `${percent(same.coverage)}%` : 'Most';
  // the evidence (same day, undated, a date only the page claims, no address to tell them apart) follows in "Why:"
  return `${share} of this page is the same text as that article; which came first cannot be told from what Firsthand knows, so neither is called the original or the copy.`;
}

function laterReuse(n: number): string {
  return `${counted(n, 'later article')} ${n === 1 ? 'reuses' : 'reuse'} its text`;
}
