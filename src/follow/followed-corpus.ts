/**
 * Adding a run's articles to the articles a corpus already holds: one copy per address (an
 * updated article replaces its older version and keeps its first-seen time) and one per text
 * (the same story at a second address, as syndication or a scraper would have it, is not
 * stored twice), then retention by age and count over the articles following added. Articles
 * the corpus held before it was followed are never removed by retention.
 */
import type { ArticleInput } from '../engine/index.js';
import type { FetchedArticle } from './follow-run.js';
import type { FollowedArticleRecord, FollowState } from './follow-state.js';
import { dayOf, millisOf } from './instant.js';
import { itemKey } from './item-key.js';
import { shortHash } from './short-hash.js';

export interface RetentionLimits {
  readonly maxAgeDays: number;
  /** At most this many followed articles are kept (the newest); null for no limit. */
  readonly maxArticles: number | null;
}

export interface MergeResult {
  readonly articles: readonly ArticleInput[];
  readonly state: FollowState;
  readonly added: number;
  readonly replaced: number;
  readonly duplicates: number;
  readonly expired: number;
  /** Articles added per followed source. */
  readonly addedBySource: ReadonlyMap<string, number>;
}

const DAY_MS = 86_400_000;

export function mergeFollowed(stored: readonly ArticleInput[], fetched: readonly FetchedArticle[], state: FollowState, now: number, limits: RetentionLimits): MergeResult {
  const articles = [...stored];
  const records: Record<string, FollowedArticleRecord> = { ...state.articles };
  const byAddress = new Map<string, number>();
  const byText = new Map<string, number>();
  const ids = new Set<string>();
  articles.forEach((article, i) => {
    const key = article.url === null ? null : itemKey(article.url);
    if (key !== null) byAddress.set(key, i);
    byText.set(textKey(article.text), i);
    ids.add(article.id);
  });
  let added = 0;
  let replaced = 0;
  let duplicates = 0;
  const addedBySource = new Map<string, number>();
  for (const article of fetched) {
    const key = itemKey(article.url);
    const text = textKey(article.text);
    const sameAddress = byAddress.get(key);
    const sameText = byText.get(text);
    if (sameText !== undefined && sameText !== sameAddress) {
      duplicates++;
      continue;
    }
    if (sameAddress !== undefined) {
      const old = articles[sameAddress]!;
      if (textKey(old.text) === text && old.title === article.title) continue;
      byText.delete(textKey(old.text));
      articles[sameAddress] = toCorpusArticle(article, old.id);
      byText.set(text, sameAddress);
      records[old.id] = { ...recordOf(article), firstSeen: records[old.id]?.firstSeen ?? article.fetchedAt };
      replaced++;
      continue;
    }
    const id = freshId(key, ids);
    ids.add(id);
    articles.push(toCorpusArticle(article, id));
    byAddress.set(key, articles.length - 1);
    byText.set(text, articles.length - 1);
    records[id] = recordOf(article);
    added++;
    addedBySource.set(article.source, (addedBySource.get(article.source) ?? 0) + 1);
  }
  const retained = retain(articles, records, now, limits);
  return {
    articles: retained.articles, state: { ...state, articles: retained.records },
    added, replaced, duplicates, expired: articles.length - retained.articles.length, addedBySource,
  };
}

function retain(articles: ArticleInput[], records: Record<string, FollowedArticleRecord>, now: number, limits: RetentionLimits): { articles: ArticleInput[]; records: Record<string, FollowedArticleRecord> } {
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  const age = (record: FollowedArticleRecord): number => millisOf(record.published ?? record.firstSeen);
  const followed = articles.filter((a) => records[a.id] !== undefined && age(records[a.id]!) >= cutoff);
  followed.sort((a, b) => age(records[b.id]!) - age(records[a.id]!) || (a.id < b.id ? -1 : 1));
  const keep = new Set((limits.maxArticles === null ? followed : followed.slice(0, limits.maxArticles)).map((a) => a.id));
  const kept = articles.filter((a) => records[a.id] === undefined || keep.has(a.id));
  const keptRecords: Record<string, FollowedArticleRecord> = {};
  for (const id of keep) keptRecords[id] = records[id]!;
  return { articles: kept, records: keptRecords };
}

function toCorpusArticle(article: FetchedArticle, id: string): ArticleInput {
  // The corpus format stores a publication day; the sidecar keeps the instant.
  return { id, title: article.title, outlet: article.outlet, published: article.published === null ? null : dayOf(article.published), url: article.url, text: article.text };
}

function recordOf(article: FetchedArticle): FollowedArticleRecord {
  return { url: article.url, firstSeen: article.fetchedAt, published: article.published, source: article.source };
}

/** The same words, whatever the spacing and case: a re-published or scraped copy at another address. */
export function textKey(text: string): string {
  return shortHash(text.replace(/\s+/g, ' ').trim().toLowerCase());
}

function freshId(key: string, taken: ReadonlySet<string>): string {
  const base = `follow-${shortHash(key)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Whether retention would remove a followed article now: the corpus must then be rewritten even without new articles. */
export function retentionDue(state: FollowState, now: number, limits: RetentionLimits): boolean {
  const records = Object.values(state.articles);
  if (limits.maxArticles !== null && records.length > limits.maxArticles) return true;
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  return records.some((record) => millisOf(record.published ?? record.firstSeen) < cutoff);
}
