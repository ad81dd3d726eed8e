/**
 * One run of following: for each source that is due, find its feeds (once a week), read them
 * conditionally, pick the items not seen before (or changed since), fetch and extract those
 * article pages up to the run's cap, and update every source's status. Returns the articles
 * found; the caller adds them to its corpus (see mergeFollowed). No DOM global, no Node API:
 * the fetch and the reading of feeds and pages (a document parser, the extraction) are injected.
 */
import { bodyText, looksLikeWebPage } from './body-text.js';
import { discoverFeeds, FEED_ACCEPT } from './discover-feeds.js';
import { newSourceState, type FollowState, type ItemRecord, type SourceState } from './follow-state.js';
import { millisOf } from './instant.js';
import { itemKey } from './item-key.js';
import type { PageReader } from './page-reader.js';
import type { PoliteFetcher, Validators } from './polite-fetcher.js';
import { afterFailure, afterSuccess, isDue } from './source-status.js';
import { isFeedError, type FeedItem, type FeedKind } from './types.js';

/** What the extraction found on an article page. */
export interface PageArticle {
  readonly title: string;
  /** The article text as the corpus stores it (headline first). */
  readonly text: string;
  /** Publication date or instant from the page's metadata; null when it gives none. */
  readonly published: string | null;
  /** The address the page gives itself (canonical link), null when none. */
  readonly url: string | null;
  readonly siteName: string | null;
}

/** Extracts the article from a page's text; `{ error }` when the page holds none. */
export type ReadArticle = (html: string, url: string) => PageArticle | { error: string };

export interface FollowDeps {
  readonly fetcher: PoliteFetcher;
  /** Feeds and article pages are read through it (see page-reader.ts). */
  readonly reader: PageReader;
  readonly now: () => number;
}

export interface FollowLimits {
  /** Article pages fetched per run, all sources together. */
  readonly maxNewArticles: number;
  /** Items older than this (by their feed date) are not fetched. */
  readonly maxAgeDays: number;
  /** Feeds are looked for again after this long. */
  readonly rediscoverAfterDays?: number;
  /** Sitemaps read from one sitemap index per run. */
  readonly sitemapsPerIndex?: number;
  /** Fetches of one article page before it is given up. */
  readonly maxAttempts?: number;
}

/** An article found in this run, not yet in the corpus. */
export interface FetchedArticle {
  /** The address the corpus records: the page's canonical address when it is on the same site, else where it was fetched. */
  readonly url: string;
  readonly title: string;
  readonly outlet: string | null;
  /** The feed's publication instant, else the page's date; null when neither gives one. */
  readonly published: string | null;
  readonly text: string;
  readonly source: string;
  readonly fetchedAt: string;
}

/** What happened to one source in a run. */
export interface SourceRunReport {
  readonly source: string;
  /** Set when the source was not fetched: it is waiting out a backoff. */
  readonly waitingUntil: string | null;
  readonly feedsRead: number;
  readonly feedsUnchanged: number;
  readonly newItems: number;
  readonly articles: number;
  readonly notArticles: number;
  /** Pages fetched that date themselves before the age limit (their feed gave no date). */
  readonly tooOld: number;
  /** Failures in words: feeds, discovery, article pages. */
  readonly errors: readonly string[];
  /** Items a feed lists at addresses that are not followed (not https), with the reason: not the source's failure. */
  readonly skipped: readonly string[];
}

export interface FollowRunResult {
  readonly state: FollowState;
  readonly articles: readonly FetchedArticle[];
  readonly reports: readonly SourceRunReport[];
  /** Items left for a later run because of the per-run cap. */
  readonly deferred: number;
}

interface Candidate {
  readonly item: FeedItem;
  readonly kind: FeedKind;
  readonly key: string;
  readonly source: string;
}

const DAY_MS = 86_400_000;
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

export async function runFollow(sources: readonly string[], state: FollowState, deps: FollowDeps, limits: FollowLimits): Promise<FollowRunResult> {
  const now = deps.now();
  const nowIso = new Date(now).toISOString();
  const cutoff = now - limits.maxAgeDays * DAY_MS;
  // Only the sources followed now: one taken off the list leaves no state behind.
  const sourceStates: Record<string, SourceState> = {};
  const items: Record<string, ItemRecord> = { ...state.items };
  const reports = new Map<string, MutableReport>();
  const queues: Candidate[][] = [];

  for (const source of sources) {
    const report = emptyReport(source);
    reports.set(source, report);
    let current = state.sources[source] ?? newSourceState();
    if (!isDue(current.status, now)) {
      report.waitingUntil = current.status.nextTryAt;
      sourceStates[source] = current;
      continue;
    }
    const stale = current.discoveredAt === null || now - Date.parse(current.discoveredAt) > (limits.rediscoverAfterDays ?? 7) * DAY_MS;
    if (current.feeds.length === 0 || stale) {
      const found = await discoverFeeds(source, deps.fetcher, deps.reader);
      if ('error' in found) {
        report.errors.push(found.error);
        sourceStates[source] = { ...current, status: afterFailure(current.status, found.error, now, found.retryAfterMs) };
        continue;
      }
      current = { ...current, feeds: found.feeds, discoveredAt: nowIso };
    }
    const read = await readFeeds(current, deps, limits.sitemapsPerIndex ?? 2, report);
    current = { ...current, validators: read.validators };
    const firstError = report.errors[0];
    sourceStates[source] = read.anyRead
      ? { ...current, status: { ...afterSuccess(current.status, now), lastError: firstError ?? null } }
      : { ...current, status: afterFailure(current.status, firstError ?? 'no feed could be read', now, read.retryAfterMs) };
    const queue: Candidate[] = [];
    const queued = new Set<string>();
    const listed = [...read.items, ...leftFromEarlierRuns(items, source)];
    for (const { item, kind } of listed) {
      const key = itemKey(item.url);
      if (queued.has(key) || !wanted(item, kind, items[key], cutoff, limits.maxAttempts ?? 3)) continue;
      queued.add(key);
      queue.push({ item, kind, key, source });
    }
    queue.sort((a, b) => itemTime(b.item) - itemTime(a.item));
    report.newItems = queue.length;
    queues.push(queue);
  }

  // Round robin across sources, newest first within each: one busy source cannot take the whole cap.
  const articles: FetchedArticle[] = [];
  let fetched = 0;
  let deferred = 0;
  for (let round = 0; queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) {
      const candidate = queue[round];
      if (!candidate) continue;
      if (fetched >= limits.maxNewArticles) {
        deferred++;
        const previous = items[candidate.key];
        items[candidate.key] = {
          url: candidate.item.url, firstSeen: previous?.firstSeen ?? nowIso, version: previous?.version ?? null,
          outcome: previous?.outcome ?? 'pending', attempts: previous?.attempts ?? 0, note: previous?.note ?? null,
          queued: { source: candidate.source, kind: candidate.kind, item: candidate.item },
        };
        continue;
      }
      fetched++;
      const report = reports.get(candidate.source)!;
      const result = await fetchArticle(candidate, deps, nowIso);
      const previous = items[candidate.key];
      const version = candidate.item.updated ?? candidate.item.published;
      const firstSeen = previous?.firstSeen ?? nowIso;
      if ('article' in result && result.article.published !== null && millisOf(result.article.published) < cutoff) {
        report.tooOld++;
        items[candidate.key] = { url: candidate.item.url, firstSeen, version, outcome: 'too-old', attempts: 0, note: `published ${result.article.published}` };
      } else if ('article' in result) {
        articles.push(result.article);
        report.articles++;
        items[candidate.key] = { url: candidate.item.url, firstSeen, version, outcome: 'article', attempts: 0, note: null };
      } else if (result.retry) {
        report.errors.push(`${candidate.item.url}: ${result.note}`);
        items[candidate.key] = {
          url: candidate.item.url, firstSeen, version: previous?.version ?? null, outcome: 'failed', attempts: (previous?.attempts ?? 0) + 1,
          note: result.note, queued: { source: candidate.source, kind: candidate.kind, item: candidate.item },
        };
      } else {
        report.notArticles++;
        items[candidate.key] = { url: candidate.item.url, firstSeen, version, outcome: 'not-an-article', attempts: 0, note: result.note };
      }
    }
  }
  return {
    state: { ...state, sources: sourceStates, items: pruneItems(items, cutoff - limits.maxAgeDays * DAY_MS) },
    articles,
    reports: sources.map((s) => freeze(reports.get(s)!)),
    deferred,
  };
}

/** Items of `source` an earlier run left to fetch: its feed may not list them again (or answer 304). */
function leftFromEarlierRuns(items: Record<string, ItemRecord>, source: string): Array<{ item: FeedItem; kind: FeedKind }> {
  const left: Array<{ item: FeedItem; kind: FeedKind }> = [];
  for (const record of Object.values(items)) {
    if (record.queued?.source === source) left.push({ item: record.queued.item, kind: record.queued.kind });
  }
  return left;
}

/** Whether a listed item is worth fetching: new, changed since it was fetched, or failed fewer than `maxAttempts` times. */
function wanted(item: FeedItem, kind: FeedKind, record: ItemRecord | undefined, cutoff: number, maxAttempts: number): boolean {
  const date = item.published ?? item.updated;
  if (date !== null && millisOf(date) < cutoff) return false;
  // A plain sitemap lists every page of a site, archives and section pages included: only recently changed ones.
  if (kind === 'sitemap' && date === null) return false;
  if (!record) return true;
  if (record.outcome === 'failed') return record.attempts < maxAttempts;
  if (record.queued) return true;
  if (record.outcome !== 'article') return false;
  const version = item.updated ?? item.published;
  return version !== null && record.version !== null && millisOf(version) > millisOf(record.version);
}

interface FeedRead {
  readonly items: Array<{ item: FeedItem; kind: FeedKind }>;
  readonly validators: Record<string, Validators>;
  readonly anyRead: boolean;
  readonly retryAfterMs: number | null;
}

async function readFeeds(source: SourceState, deps: FollowDeps, sitemapsPerIndex: number, report: MutableReport): Promise<FeedRead> {
  const validators: Record<string, Validators> = { ...source.validators };
  const found: Array<{ item: FeedItem; kind: FeedKind }> = [];
  let anyRead = false;
  let retryAfterMs: number | null = null;
  const pending = [...source.feeds];
  const visited = new Set<string>();
  while (pending.length > 0) {
    const feedUrl = pending.shift()!;
    if (visited.has(feedUrl)) continue;
    visited.add(feedUrl);
    const outcome = await deps.fetcher.get(feedUrl, validators[feedUrl] ?? {}, FEED_ACCEPT);
    if (outcome.kind === 'failed') {
      report.errors.push(`${feedUrl}: ${outcome.message}`);
      retryAfterMs = Math.max(retryAfterMs ?? 0, outcome.retryAfterMs ?? 0) || null;
      continue;
    }
    anyRead = true;
    if (outcome.kind === 'not-modified') {
      report.feedsUnchanged++;
      continue;
    }
    const decoded = bodyText(outcome.bytes, outcome.contentType);
    const feed = 'error' in decoded
      ? { error: decoded.error }
      : await deps.reader.parseFeed({ text: decoded.text, url: outcome.url, contentType: outcome.contentType });
    if (isFeedError(feed)) {
      report.errors.push(`${feedUrl}: ${feed.error}`);
      // The validators of a body that could not be read are not kept: the next run asks for it whole.
      delete validators[feedUrl];
      continue;
    }
    validators[feedUrl] = outcome.validators;
    report.feedsRead++;
    for (const item of feed.items) found.push({ item, kind: feed.kind });
    for (const message of feed.refused) report.skipped.push(`${feedUrl}: ${message}`);
    pending.push(...feed.sitemaps.slice(0, sitemapsPerIndex));
  }
  return { items: found, validators, anyRead, retryAfterMs };
}

type ArticleResult = { article: FetchedArticle } | { note: string; retry: boolean };

async function fetchArticle(candidate: Candidate, deps: FollowDeps, fetchedAt: string): Promise<ArticleResult> {
  const { item } = candidate;
  const outcome = await deps.fetcher.get(item.url, {}, PAGE_ACCEPT);
  if (outcome.kind === 'failed') {
    // A page that is gone or refused will not come back; a server error or timeout may pass.
    const permanent = outcome.status !== null && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429;
    return { note: outcome.message, retry: !permanent };
  }
  if (outcome.kind === 'not-modified') return { note: 'the server answered 304 to an unconditional request', retry: true };
  const decoded = bodyText(outcome.bytes, outcome.contentType);
  if ('error' in decoded) return { note: decoded.error, retry: false };
  if (!looksLikeWebPage(outcome.contentType, decoded.text)) {
    return { note: `not a web page (${outcome.contentType ?? 'no content type'})`, retry: false };
  }
  let page: PageArticle | { error: string };
  try {
    page = await deps.reader.readArticle(decoded.text, outcome.url);
  } catch (error) {
    // One page that breaks the extraction must not cost the run the other sources' articles.
    return { note: `the extraction failed on the page (${(error as Error).message ?? String(error)})`, retry: false };
  }
  if ('error' in page) return { note: page.error, retry: false };
  return {
    article: {
      url: sameSite(page.url, outcome.url) ? page.url! : outcome.url,
      title: page.title || item.title || outcome.url,
      outlet: page.siteName ?? item.outlet ?? new URL(outcome.url).hostname.replace(/^www\./, ''),
      published: item.published ?? page.published,
      text: page.text,
      source: candidate.source,
      fetchedAt,
    },
  };
}

/** A page's canonical address is trusted only on its own site: a page cannot claim another site's article. */
function sameSite(canonical: string | null, fetchedFrom: string): boolean {
  if (!canonical) return false;
  try {
    const a = new URL(canonical);
    const b = new URL(fetchedFrom);
    return a.protocol === b.protocol && a.host.replace(/^www\./, '') === b.host.replace(/^www\./, '');
  } catch {
    return false;
  }
}

function itemTime(item: FeedItem): number {
  const date = item.published ?? item.updated;
  return date === null ? 0 : millisOf(date);
}

/**
 * Items first seen more than twice the retention window ago are forgotten: by then their feeds have
 * dropped them, or their dates keep them from being fetched again.
 */
function pruneItems(items: Record<string, ItemRecord>, cutoff: number): Record<string, ItemRecord> {
  const kept: Record<string, ItemRecord> = {};
  for (const [key, record] of Object.entries(items)) {
    if (millisOf(record.firstSeen) >= cutoff) kept[key] = record;
  }
  return kept;
}

interface MutableReport {
  source: string;
  waitingUntil: string | null;
  feedsRead: number;
  feedsUnchanged: number;
  newItems: number;
  articles: number;
  notArticles: number;
  tooOld: number;
  errors: string[];
  skipped: string[];
}

function emptyReport(source: string): MutableReport {
  return { source, waitingUntil: null, feedsRead: 0, feedsUnchanged: 0, newItems: 0, articles: 0, notArticles: 0, tooOld: 0, errors: [], skipped: [] };
}

function freeze(report: MutableReport): SourceRunReport {
  return { ...report, errors: [...report.errors], skipped: [...report.skipped] };
}
