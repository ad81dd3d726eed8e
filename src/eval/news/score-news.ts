/**
 * Scores of the real-news table, for one method (the engine or the anchor) on one split.
 *
 * Articles: one row of each same-article group is scored (the lowest id), the others are the same
 * article. A republication (wire carrier, copy, rewrite) that has an earlier-scraped reuse partner
 * in its file is found when it is called `copy` or `partial` naming such a partner; originals and
 * independent reports are left alone when not called `copy`/`partial`. A reader's status is right
 * when it is what the reader should see: a wire carrier or copy with an earlier partner → `copy`,
 * a rewrite with one → `copy` or `partial`, naming a partner; a republication that is the first of
 * its text in the file, an original or an independent report → `original` or `no-match`; a
 * listing → anything but `copy`.
 *
 * Pairs: recall = labelled reuse pairs (original-and-copy, common-source) the method flags (pair
 * coverage ≥ FLAG_COVERAGE either way); precision per coverage band = labelled reuse (same-article
 * included: the text is shared) among the method's sampled flags in that band.
 */
import { ratio } from '../metrics.js';
import { labelledPairs, pairKey, REPUBLICATION_LABELS, REUSE_PAIR_LABELS, splitKey, type ArticleLabel, type NewsLabels, type PairLabelEntry } from './labels.js';
import type { NewsArticle } from './load-news.js';
import { FLAG_COVERAGE, type MethodRun } from './run-news.js';
import { COVERAGE_BANDS, bandLabel, bandOf } from './sample-pairs.js';

export interface Count {
  readonly hit: number;
  readonly total: number;
}

export interface NewsScore {
  readonly republications: Count;
  /** Republications that are the first carrier of their text in the file: nothing earlier to name. */
  readonly firstCarriers: number;
  readonly leftAlone: Count;
  readonly readerStatus: Count;
  readonly pairRecall: Count;
  /** Of the articles whose likely original is a labelled common-source partner, those presenting it as the author (no wire named). */
  readonly commonSourceAuthor: Count;
  /** Per band: labelled reuse among the sampled flags of this method, and the method's flags in it. */
  readonly bands: readonly { readonly band: string; readonly reuse: number; readonly sampled: number; readonly flags: number }[];
  readonly errors: number;
}

/** One file's inputs to the score. */
export interface FileOutcome {
  readonly articles: readonly NewsArticle[];
  readonly labels: NewsLabels;
  readonly run: MethodRun;
  /** The selection strata that sample this method's flags (`engine` or `anchor`). */
  readonly method: 'engine' | 'anchor';
}

const add = (a: Count, hit: boolean): Count => ({ hit: a.hit + (hit ? 1 : 0), total: a.total + 1 });
const ZERO: Count = { hit: 0, total: 0 };

export function isReuse(entry: PairLabelEntry | undefined): boolean {
  return entry !== undefined && REUSE_PAIR_LABELS.includes(entry.label);
}

/** Each article's labelled reuse partners (original-and-copy, common-source) scraped no later than it. */
export function earlierReusePartners(articles: ReadonlyArray<{ id: string; scrapeTime: string }>, labels: NewsLabels): Map<string, string[]> {
  const time = new Map(articles.map((a) => [a.id, Date.parse(a.scrapeTime)]));
  const partners = new Map<string, string[]>();
  for (const [key, entry] of labelledPairs(labels)) {
    if (entry.label !== 'original-and-copy' && entry.label !== 'common-source') continue;
    const [x, y] = splitKey(key);
    if (time.get(y)! <= time.get(x)!) partners.set(x, [...(partners.get(x) ?? []), y]);
    if (time.get(x)! <= time.get(y)!) partners.set(y, [...(partners.get(y) ?? []), x]);
  }
  return partners;
}

/** Rows after the first of each same-article group: one article scraped again, scored once. */
export function laterScrapes(labels: NewsLabels): Set<string> {
  return new Set(labels.sameArticle.flatMap((g) => [...g].sort((p, q) => Number(p) - Number(q)).slice(1)));
}

/** Whether a call is copy/partial naming one of the article's `earlier` partners: a republication found. */
export function namesEarlierPartner(call: { readonly status: string; readonly likelyOriginal: string | null }, earlier: readonly string[]): boolean {
  return (call.status === 'copy' || call.status === 'partial') && call.likelyOriginal !== null && earlier.includes(call.likelyOriginal);
}

/** Whether the call's likely original is a labelled common-source partner: shown as its author unless a wire is named. */
export function namesCommonSourcePartner(call: { readonly id: string; readonly likelyOriginal: string | null }, pairs: ReturnType<typeof labelledPairs>): boolean {
  return call.likelyOriginal !== null && pairs.get(pairKey(call.id, call.likelyOriginal))?.label === 'common-source';
}

/** Whether an article so labelled should be left alone (neither copy nor partial): an original or an independent report. */
export function expectsLeftAlone(label: ArticleLabel): boolean {
  return !REPUBLICATION_LABELS.includes(label) && label !== 'listing';
}

export function scoreNews(files: readonly FileOutcome[]): NewsScore {
  let republications = ZERO;
  let leftAlone = ZERO;
  let readerStatus = ZERO;
  let pairRecall = ZERO;
  let commonSourceAuthor = ZERO;
  let firstCarriers = 0;
  let errors = 0;
  const bands = COVERAGE_BANDS.map((b) => ({ band: bandLabel(b), reuse: 0, sampled: 0, flags: 0 }));
  for (const { articles, labels, run, method } of files) {
    const pairs = labelledPairs(labels);
    const earlierPartners = earlierReusePartners(articles, labels);
    const scoredOnce = laterScrapes(labels);
    for (const call of run.calls) {
      if (call.status === 'error') errors++;
      const label = labels.articles[call.id]?.label;
      if (!label || scoredOnce.has(call.id)) continue;
      if (namesCommonSourcePartner(call, pairs)) commonSourceAuthor = add(commonSourceAuthor, call.wire !== true);
      const earlier = earlierPartners.get(call.id) ?? [];
      const flagged = call.status === 'copy' || call.status === 'partial';
      const namesPartner = namesEarlierPartner(call, earlier);
      let right: boolean;
      if (REPUBLICATION_LABELS.includes(label) && earlier.length > 0) {
        republications = add(republications, namesPartner);
        right = namesPartner && (label === 'rewrite' || call.status === 'copy');
      } else if (label === 'listing') {
        right = call.status !== 'copy' && call.status !== 'error';
      } else {
        if (expectsLeftAlone(label)) leftAlone = add(leftAlone, !flagged && call.status !== 'error');
        else firstCarriers++;
        right = call.status === 'original' || call.status === 'no-match';
      }
      readerStatus = add(readerStatus, right);
    }
    for (const [key, entry] of pairs) {
      if (entry.label === 'original-and-copy' || entry.label === 'common-source') {
        pairRecall = add(pairRecall, (run.pairs.get(key) ?? 0) >= FLAG_COVERAGE);
      }
    }
    for (const coverage of run.pairs.values()) {
      const b = bandOf(coverage);
      if (b >= 0) bands[b]!.flags++;
    }
    // the frozen random sample of this method's flags, each counted in the band it falls in now
    // (the same band today; after an engine change, a sampled pair may move or stop being a flag)
    const sampled = new Set(labels.selection.strata.filter((s) => s.name.startsWith(`${method} `)).flatMap((s) => s.pairs));
    for (const key of sampled) {
      const b = bandOf(run.pairs.get(key) ?? 0);
      const entry = pairs.get(key);
      if (b < 0 || !entry) continue;
      bands[b]!.sampled++;
      if (isReuse(entry)) bands[b]!.reuse++;
    }
  }
  return { republications, firstCarriers, leftAlone, readerStatus, pairRecall, commonSourceAuthor, bands, errors };
}

/** Precision of a band's sample (NaN when nothing was sampled). */
export function bandPrecision(b: NewsScore['bands'][number]): number {
  return ratio(b.reuse, b.sampled);
}

export { pairKey };
