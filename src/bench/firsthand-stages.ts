/**
 * Where a Firsthand query spends its time: text preparation (tokenize + terms),
 * retrieval (candidate lookup), and per-candidate article decode + preparation +
 * alignment. Uses engine internals on purpose (they are not public API), so it
 * reports nothing rather than failing when they move.
 */
import type { Corpus, Lexicon } from '../engine/index.js';
import { prepareText } from '../engine/align/prepared-text.js';
import { findCandidates } from '../engine/retrieve/candidates.js';
import { alignSource } from '../engine/align/align.js';
import { TermMatcher } from '../engine/align/sentence-similarity.js';
import { TermIds } from '../engine/text/term-ids.js';
import type { QueryPage } from './query-pages.js';
import { median } from './stats.js';

export interface StageTimes {
  readonly pages: number;
  /** Median per page (ms). */
  readonly preparePageMs: number;
  readonly retrievalMs: number;
  readonly candidates: number;
  /** Median per page over all its candidates (ms). */
  readonly decodeMs: number;
  readonly prepareSourcesMs: number;
  readonly alignMs: number;
}

export function measureStages(corpus: Corpus, pages: readonly QueryPage[], lexicon: Lexicon): StageTimes | { error: string } {
  try {
    const prep: number[] = [], retr: number[] = [], cand: number[] = [], dec: number[] = [], prepSrc: number[] = [], align: number[] = [];
    for (const page of pages) {
      const ids = new TermIds();
      const matcher = new TermMatcher(lexicon, ids);
      const t0 = performance.now();
      const prepared = prepareText(page.text, ids);
      const t1 = performance.now();
      const candidates = findCandidates(prepared.tokens, prepared.sentences, [corpus]);
      const t2 = performance.now();
      let d = 0, p = 0, a = 0;
      for (const c of candidates) {
        const s0 = performance.now();
        const article = c.corpus.article(c.doc);
        const s1 = performance.now();
        const source = prepareText(article.text, ids);
        const s2 = performance.now();
        alignSource(prepared, source, matcher);
        const s3 = performance.now();
        d += s1 - s0;
        p += s2 - s1;
        a += s3 - s2;
      }
      prep.push(t1 - t0);
      retr.push(t2 - t1);
      cand.push(candidates.length);
      dec.push(d);
      prepSrc.push(p);
      align.push(a);
    }
    return {
      pages: pages.length,
      preparePageMs: median(prep), retrievalMs: median(retr), candidates: median(cand),
      decodeMs: median(dec), prepareSourcesMs: median(prepSrc), alignMs: median(align),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
