import { encodeCorpus, type SegmentStats } from './corpus-file.js';
import { articleAnchors } from './anchors.js';
import { articleFingerprints, contentTermCounts, distinctSorted, signatureHash } from './fingerprint.js';
import { DEFAULT_INDEX_PARAMS, type IndexParams } from './params.js';
import { recurringBoilerplate } from './recurring-boilerplate.js';
import { segmentSentences } from '../text/segment.js';
import { sortPostings } from './sort-postings.js';
import { tokenize } from '../text/tokenize.js';
import type { ArticleInput } from '../types.js';

const utf8 = new TextEncoder();

/**
 * The rest of a growing corpus as a new segment sees it: how many articles it holds and in how
 * many of them each content term occurs (by signatureHash). A corpus built at once has none.
 */
export interface CorpusBackground {
  readonly articles: number;
  documentFrequency(termHash: number): number;
}

export const EMPTY_BACKGROUND: CorpusBackground = { articles: 0, documentFrequency: () => 0 };

/**
 * Builds a corpus file from articles: fingerprints for retrieval, plus each
 * article's text and metadata for alignment. Ids must be unique.
 *
 * Two passes over the texts: the first counts in how many articles each term
 * occurs, so the second can pick each article's most distinctive terms.
 */
export function buildCorpusIndex(articles: readonly ArticleInput[], params: Partial<IndexParams> = {}): Uint8Array {
  return buildSegment(articles, { ...DEFAULT_INDEX_PARAMS, ...params }, EMPTY_BACKGROUND);
}

/**
 * Builds one segment of a growing corpus (see growing-corpus.ts): distinctive terms and sentence
 * anchors are chosen with the document frequencies of the whole corpus (`background` plus these
 * articles), and the file records these articles' own frequencies and the hashes its boilerplate
 * cut dropped, so later segments and merges can add them up. With no background this is
 * buildCorpusIndex, byte for byte.
 */
export function buildSegment(articles: readonly ArticleInput[], p: IndexParams, background: CorpusBackground): Uint8Array {
  const ids = new Set<string>();
  for (const a of articles) {
    if (ids.has(a.id)) throw new Error(`duplicate article id: ${a.id}`);
    ids.add(a.id);
  }

  const ownFrequency = new Map<string, number>();
  for (const article of articles) {
    for (const term of contentTermCounts(tokenize(article.text)).keys()) {
      ownFrequency.set(term, (ownFrequency.get(term) ?? 0) + 1);
    }
  }
  const backgroundFrequency = new Map<string, number>();
  const documentFrequency = (term: string): number => {
    const own = ownFrequency.get(term) ?? 0;
    if (background.articles === 0) return own;
    let other = backgroundFrequency.get(term);
    if (other === undefined) backgroundFrequency.set(term, (other = background.documentFrequency(signatureHash(term))));
    return own + other;
  };
  const corpusArticles = articles.length + background.articles;

  const boilerplate = recurringBoilerplate(articles.map((a) => a.text));
  const hashParts: Uint32Array[] = [];
  const docParts: Uint32Array[] = [];
  const metas: Uint8Array[] = [];
  const texts: Uint8Array[] = [];
  articles.forEach((article, doc) => {
    const tokens = tokenize(article.text);
    const fingerprints = articleFingerprints(tokens, p);
    const signature = distinctiveTerms(contentTermCounts(tokens), documentFrequency, corpusArticles, p.signatureTerms).map(signatureHash);
    const anchors = articleAnchors(tokens, segmentSentences(tokens), p.anchorPairs, (term) => documentFrequency(term) || 1);
    const all = distinctSorted(Uint32Array.from([...fingerprints, ...signature, ...anchors]));
    hashParts.push(all);
    docParts.push(new Uint32Array(all.length).fill(doc));
    metas.push(utf8.encode(JSON.stringify(metaOf(article, boilerplate[doc]!))));
    texts.push(utf8.encode(article.text));
  });

  const sorted = sortPostings(concat(hashParts), concat(docParts));
  const kept = dropCommonHashes(sorted.hashes, sorted.docs, p.maxDocFrequency);
  const stats: SegmentStats = { ...frequencyTable(ownFrequency), commonHashes: kept.commonHashes, commonCounts: kept.commonCounts };
  return encodeCorpus({ params: p, hashes: kept.hashes, docs: kept.docs, metas, texts, stats });
}

/** What the store keeps of an article besides its text; `firstSeen` only where a growing corpus recorded it. */
function metaOf(article: ArticleInput, boilerplate: readonly unknown[]): object {
  const meta = {
    id: article.id, title: article.title, outlet: article.outlet, published: article.published, url: article.url,
    // written only when found, so a corpus without any reads as older builds wrote it
    ...(boilerplate.length > 0 ? { boilerplate } : {}),
  };
  return article.firstSeen ? { ...meta, firstSeen: article.firstSeen } : meta;
}

/** The own document frequencies by term hash, ascending; terms whose hashes collide are counted together. */
function frequencyTable(frequency: ReadonlyMap<string, number>): { dfHashes: Uint32Array; dfCounts: Uint32Array } {
  const byHash = new Map<number, number>();
  for (const [term, count] of frequency) {
    const hash = signatureHash(term);
    byHash.set(hash, (byHash.get(hash) ?? 0) + count);
  }
  const dfHashes = Uint32Array.from(byHash.keys()).sort();
  const dfCounts = new Uint32Array(dfHashes.length);
  for (let i = 0; i < dfHashes.length; i++) dfCounts[i] = byHash.get(dfHashes[i]!)!;
  return { dfHashes, dfCounts };
}

/** The `count` terms with the highest tf·idf; ties broken by the term itself so builds are reproducible. */
function distinctiveTerms(counts: Map<string, number>, df: (term: string) => number, articles: number, count: number): string[] {
  const scored: Array<[string, number]> = [];
  for (const [term, tf] of counts) scored.push([term, (1 + Math.log(tf)) * Math.log((articles + 1) / (df(term) || 1))]);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, count).map(([term]) => term);
}

/**
 * Drops every posting of a hash found in more than `maxDocFrequency` articles (boilerplate), and
 * keeps which hashes were dropped and how many articles held each.
 */
function dropCommonHashes(hashes: Uint32Array, docs: Uint32Array, maxDocFrequency: number) {
  const keepHashes = new Uint32Array(hashes.length);
  const keepDocs = new Uint32Array(docs.length);
  const commonHashes: number[] = [];
  const commonCounts: number[] = [];
  let w = 0;
  for (let i = 0; i < hashes.length; ) {
    let j = i;
    while (j < hashes.length && hashes[j] === hashes[i]) j++;
    if (j - i <= maxDocFrequency) {
      for (let x = i; x < j; x++) {
        keepHashes[w] = hashes[x]!;
        keepDocs[w++] = docs[x]!;
      }
    } else {
      commonHashes.push(hashes[i]!);
      commonCounts.push(j - i);
    }
    i = j;
  }
  return {
    hashes: keepHashes.slice(0, w), docs: keepDocs.slice(0, w),
    commonHashes: Uint32Array.from(commonHashes), commonCounts: Uint32Array.from(commonCounts),
  };
}

function concat(parts: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
