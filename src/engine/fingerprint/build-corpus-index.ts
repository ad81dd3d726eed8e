import { encodeCorpus } from './corpus-file.js';
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
 * Builds a corpus file from articles: fingerprints for retrieval, plus each
 * article's text and metadata for alignment. Ids must be unique.
 *
 * Two passes over the texts: the first counts in how many articles each term
 * occurs, so the second can pick each article's most distinctive terms.
 */
export function buildCorpusIndex(articles: readonly ArticleInput[], params: Partial<IndexParams> = {}): Uint8Array {
  const p: IndexParams = { ...DEFAULT_INDEX_PARAMS, ...params };
  const ids = new Set<string>();
  for (const a of articles) {
    if (ids.has(a.id)) throw new Error(`duplicate article id: ${a.id}`);
    ids.add(a.id);
  }

  const documentFrequency = new Map<string, number>();
  for (const article of articles) {
    for (const term of contentTermCounts(tokenize(article.text)).keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }

  const boilerplate = recurringBoilerplate(articles.map((a) => a.text));
  const hashParts: Uint32Array[] = [];
  const docParts: Uint32Array[] = [];
  const metas: Uint8Array[] = [];
  const texts: Uint8Array[] = [];
  articles.forEach((article, doc) => {
    const tokens = tokenize(article.text);
    const fingerprints = articleFingerprints(tokens, p);
    const signature = distinctiveTerms(contentTermCounts(tokens), documentFrequency, articles.length, p.signatureTerms).map(signatureHash);
    const anchors = articleAnchors(tokens, segmentSentences(tokens), p.anchorPairs, (term) => documentFrequency.get(term) ?? 1);
    const all = distinctSorted(Uint32Array.from([...fingerprints, ...signature, ...anchors]));
    hashParts.push(all);
    docParts.push(new Uint32Array(all.length).fill(doc));
    metas.push(utf8.encode(JSON.stringify({
      id: article.id, title: article.title, outlet: article.outlet, published: article.published, url: article.url,
      // written only when found, so a corpus without any reads as older builds wrote it
      ...(boilerplate[doc]!.length > 0 ? { boilerplate: boilerplate[doc] } : {}),
    })));
    texts.push(utf8.encode(article.text));
  });

  const sorted = sortPostings(concat(hashParts), concat(docParts));
  const kept = dropCommonHashes(sorted.hashes, sorted.docs, p.maxDocFrequency);
  return encodeCorpus({ params: p, hashes: kept.hashes, docs: kept.docs, metas, texts });
}

/** The `count` terms with the highest tf·idf; ties broken by the term itself so builds are reproducible. */
function distinctiveTerms(counts: Map<string, number>, df: Map<string, number>, articles: number, count: number): string[] {
  const scored: Array<[string, number]> = [];
  for (const [term, tf] of counts) scored.push([term, (1 + Math.log(tf)) * Math.log((articles + 1) / (df.get(term) ?? 1))]);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, count).map(([term]) => term);
}

/** Drops every posting of a hash found in more than `maxDocFrequency` articles (boilerplate). */
function dropCommonHashes(hashes: Uint32Array, docs: Uint32Array, maxDocFrequency: number): { hashes: Uint32Array; docs: Uint32Array } {
  const keepHashes = new Uint32Array(hashes.length);
  const keepDocs = new Uint32Array(docs.length);
  let w = 0;
  for (let i = 0; i < hashes.length; ) {
    let j = i;
    while (j < hashes.length && hashes[j] === hashes[i]) j++;
    if (j - i <= maxDocFrequency) {
      for (let x = i; x < j; x++) {
        keepHashes[w] = hashes[x]!;
        keepDocs[w++] = docs[x]!;
      }
    }
    i = j;
  }
  return { hashes: keepHashes.slice(0, w), docs: keepDocs.slice(0, w) };
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
