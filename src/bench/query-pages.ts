/**
 * The benchmark's query pages, one set per corpus size:
 * - `verbatim`: a corpus article copied whole;
 * - `spun`: a corpus article run through the spinner (30 % of words swapped, clauses and sentences reordered);
 * - `embedded`: three consecutive paragraphs of a corpus article inside ~800 words of new text;
 * - `unrelated`: a new article of ~1,000 words on nothing in the corpus;
 * - `paragraph`: one paragraph of a corpus article inside ~1,000 words of new text, as a page that
 *   lifts a passage does. Whole-document similarity barely moves for it, which is where a peer
 *   that ranks by resemblance starts to lose the source among unrelated articles.
 * Pages are dated after every corpus article, so corpus matches are earlier sources.
 */
import { mixSeed, createRng } from './prng.js';
import { countWords, renderArticle, renderParagraph, type NewsGenerator } from './news-generator.js';
import { spinDraft, type SpinStats } from './spin.js';
import type { Span } from '../engine/index.js';

export const QUERY_KINDS = ['verbatim', 'spun', 'embedded', 'unrelated', 'paragraph'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** The kinds whose pages are ~1,000 words of which most is not from the corpus: the goal's "1,000-word page". */
export function isLongPage(kind: QueryKind): boolean {
  return kind === 'embedded' || kind === 'unrelated' || kind === 'paragraph';
}

/** What the query pages claim to be; the engine's answer is checked against it. */
export interface QueryPage {
  readonly kind: QueryKind;
  readonly text: string;
  /** Corpus index of the true source, null for `unrelated`. */
  readonly sourceIndex: number | null;
  /** Page words (whitespace-separated). */
  readonly words: number;
  /** For `embedded` and `paragraph`: where the copied paragraphs sit in the page. */
  readonly copiedSpan: Span | null;
  /** Share of the page's words copied from the source (1 for verbatim, ~0.2 for embedded, ~0.07 for paragraph, 0 for unrelated). */
  readonly copiedShare: number;
  readonly spin: SpinStats | null;
}

export const PAGE_PUBLISHED = '2026-06-01';
export const SPIN_RATE = 0.3;
/** Words of new text around the copied paragraphs, so an embedded page is ~1,000 words. */
const EMBED_TARGET_WORDS = 1000;

const KIND_SALT: Readonly<Record<QueryKind, number>> = { verbatim: 0x0a, spun: 0x0b, embedded: 0x0c, unrelated: 0x0d, paragraph: 0x0e };

/** Builds `perKind` pages of every kind against the corpus of the first `corpusSize` articles. */
export function buildQueryPages(generator: NewsGenerator, corpusSize: number, perKind: number): QueryPage[] {
  const pages: QueryPage[] = [];
  for (const kind of QUERY_KINDS) {
    for (let j = 0; j < perKind; j++) pages.push(buildQueryPage(generator, corpusSize, kind, j));
  }
  return pages;
}

/** Page `j` of one kind; deterministic in (generator seed, corpus size, kind, j). */
export function buildQueryPage(generator: NewsGenerator, corpusSize: number, kind: QueryKind, j: number): QueryPage {
  const seed = mixSeed(generator.seed ^ (KIND_SALT[kind] << 24), corpusSize * 4096 + j);
  const rng = createRng(seed);
  const sourceIndex = rng.int(0, corpusSize - 1);
  switch (kind) {
    case 'verbatim': {
      const text = generator.corpusArticle(sourceIndex).text;
      return { kind, text, sourceIndex, words: countWords(text), copiedSpan: null, copiedShare: 1, spin: null };
    }
    case 'spun': {
      const spun = spinDraft(generator, generator.corpusDraft(sourceIndex), SPIN_RATE, mixSeed(seed, 1));
      const text = renderArticle(spun.draft);
      return { kind, text, sourceIndex, words: countWords(text), copiedSpan: null, copiedShare: 1, spin: spun.stats };
    }
    case 'embedded':
      return embedInNewText(generator, kind, seed, rng, sourceIndex, 3);
    case 'paragraph':
      return embedInNewText(generator, kind, seed, rng, sourceIndex, 1);
    case 'unrelated': {
      const text = renderArticle(generator.freshDraft(seed, { min: 950, max: 1050 + 36 }));
      return { kind, text, sourceIndex: null, words: countWords(text), copiedSpan: null, copiedShare: 0, spin: null };
    }
  }
}

/** `count` consecutive paragraphs of corpus article `sourceIndex` inside new text, ~1,000 words in all. */
function embedInNewText(
  generator: NewsGenerator, kind: QueryKind, seed: number, rng: ReturnType<typeof createRng>, sourceIndex: number, count: number,
): QueryPage {
  const source = generator.corpusDraft(sourceIndex);
  const first = rng.int(0, source.paragraphs.length - count);
  const copied = source.paragraphs.slice(first, first + count).map(renderParagraph).join('\n\n');
  const copiedWords = countWords(copied);
  const fresh = generator.freshDraft(seed, { min: EMBED_TARGET_WORDS - copiedWords, max: EMBED_TARGET_WORDS - copiedWords + 60 });
  const around = fresh.paragraphs.map(renderParagraph);
  // Inside the new text: at least one new paragraph before and one after.
  const at = rng.int(1, Math.max(1, around.length - 1));
  const before = around.slice(0, at).join('\n\n') + '\n\n';
  const after = '\n\n' + around.slice(at).join('\n\n');
  const text = before + copied + after;
  const words = countWords(text);
  return {
    kind, text, sourceIndex, words,
    copiedSpan: [before.length, before.length + copied.length],
    copiedShare: copiedWords / words,
    spin: null,
  };
}
