/**
 * Following news sources from the extension: the list the reader keeps in the options page, the
 * host permissions each needs, the alarm that runs every 30 minutes while one is followed, and a
 * run: src/follow's runFollow (discovery, conditional requests, per-site pauses, a cap, backoff)
 * over the worker's fetch, a browser's DOMParser for the feeds and the content script's own
 * extraction for the article pages (see `reader`), its articles added through the reader's corpus.
 */
import { bodyText } from '../../follow/body-text.js';
import { discoverFeeds, FEED_ACCEPT } from '../../follow/discover-feeds.js';
import { EMPTY_FOLLOW_STATE, newSourceState, parseFollowState, type FollowState } from '../../follow/follow-state.js';
import { followableAddress } from '../../follow/address-policy.js';
import { runFollow } from '../../follow/follow-run.js';
import type { PageReader } from '../../follow/page-reader.js';
import { PoliteFetcher } from '../../follow/polite-fetcher.js';
import { credited, type SourceStatus } from '../../follow/source-status.js';
import { isFeedError } from '../../follow/types.js';
import { originPattern } from '../origin-pattern.js';
import type { StorageArea } from '../storage-area.js';
import type { ReaderCorpus } from './reader-corpus.js';

/** The alarm that runs following; it exists only while a source is followed. */
export const FOLLOW_ALARM = 'firsthand-follow';
export const FOLLOW_PERIOD_MINUTES = 30;
/** Article pages fetched per run, all sources together; the rest wait for the next run. */
export const MAX_ARTICLES_PER_RUN = 30;
/** Items older than this by their feed's date are not fetched. */
export const MAX_AGE_DAYS = 90;
const STATE_KEY = 'follow';

/** A followed source as the options page shows it. */
export interface FollowedSource {
  /** The site or feed address the reader gave. */
  readonly address: string;
  readonly feeds: readonly string[];
  /** Host permission patterns asked for it (feed and article origins). */
  readonly origins: readonly string[];
  readonly addedAt: string;
  readonly status: SourceStatus;
}

/** The answer to following an address. */
export type FollowAnswer =
  | { readonly ok: true; readonly source: FollowedSource }
  /** More sites than the one asked for: the feed or its articles live there. Ask for all of `origins` and try again. */
  | { readonly ok: false; readonly needs: readonly string[]; readonly feeds: readonly string[]; readonly message: string }
  | { readonly ok: false; readonly error: string };

export interface FollowRunSummary {
  readonly sources: number;
  readonly added: number;
  readonly replaced: number;
  readonly deferred: number;
  readonly errors: number;
}

/** The slices of the browser the following needs (browser.permissions and browser.alarms). */
export interface FollowBrowser {
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  alarms: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<unknown>;
  };
}

export interface FollowDeps {
  browser: FollowBrowser;
  storage: StorageArea;
  fetch: typeof fetch;
  readerCorpus: ReaderCorpus;
  /**
   * Reads feeds and article pages with a browser's DOMParser and the content script's extraction:
   * in Chrome the offscreen document's (the worker has no DOM), in Firefox the event page's own.
   */
  reader: PageReader;
  now(): Date;
  /** Origins still needed by something else (the report endpoint): never released. */
  keptOrigins(): Promise<string[]>;
  /** Pause between two requests to one site, ms (tests shorten it). */
  perSiteIntervalMs?: number;
  /** A request's time limit, body included, ms. */
  timeoutMs?: number;
}

interface Stored {
  readonly sources: ReadonlyArray<{ address: string; origins: string[]; addedAt: string }>;
  readonly state: FollowState;
}


export interface FollowedSources {
  list(): Promise<FollowedSource[]>;
  /** Finds the address's feeds (its own origin must be granted); follows it when every origin it needs is. */
  follow(address: string): Promise<FollowAnswer>;
  /** Stops following; releases the host permissions no other source (nor the endpoint) needs. */
  unfollow(address: string): Promise<void>;
  /** One run of following (the alarm's work, or the reader's "Fetch now"). */
  run(): Promise<FollowRunSummary>;
  /** Creates or clears the alarm to match the list (at worker start). */
  syncAlarm(): Promise<void>;
}

export function followedSources(deps: FollowDeps): FollowedSources {
  const fetcher = (): PoliteFetcher =>
    new PoliteFetcher({ fetch: permittedFetch(deps), perSiteIntervalMs: deps.perSiteIntervalMs ?? 1_000, redirects: 'after', ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) });

  async function load(): Promise<Stored> {
    const raw = (await deps.storage.get(STATE_KEY))[STATE_KEY] as { sources?: Stored['sources']; state?: unknown } | undefined;
    if (!raw || !Array.isArray(raw.sources)) return { sources: [], state: EMPTY_FOLLOW_STATE };
    const state = raw.state === undefined ? EMPTY_FOLLOW_STATE : parseFollowState(JSON.stringify(raw.state));
    return { sources: raw.sources, state: 'error' in state ? EMPTY_FOLLOW_STATE : state };
  }
  const save = (stored: Stored): Promise<void> => deps.storage.set({ [STATE_KEY]: stored });

  // A run and a change to the list must not interleave: each reads and writes the whole state.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function syncAlarm(count: number): Promise<void> {
    if (count === 0) {
      await deps.browser.alarms.clear(FOLLOW_ALARM);
    } else if ((await deps.browser.alarms.get(FOLLOW_ALARM)) === undefined) {
      // The first run soon after the first source is added, then every half hour.
      await Promise.resolve(deps.browser.alarms.create(FOLLOW_ALARM, { delayInMinutes: 1, periodInMinutes: FOLLOW_PERIOD_MINUTES }));
    }
  }

  const view = (stored: Stored) => (s: Stored['sources'][number]): FollowedSource => {
    const state = stored.state.sources[s.address] ?? newSourceState();
    return { address: s.address, feeds: state.feeds, origins: s.origins, addedAt: s.addedAt, status: state.status };
  };

  return {
    async list() {
      const stored = await load();
      return stored.sources.map(view(stored));
    },

    async follow(address) {
      const checked = followableAddress(address);
      if ('error' in checked) return { ok: false, error: checked.error };
      const url = checked.url;
      if (!(await deps.browser.permissions.contains({ origins: [originPattern(url)] }))) {
        return { ok: false, error: `Firsthand may not read ${new URL(url).host}: the browser's request for access was refused or dismissed.` };
      }
      const found = await feedsAndOrigins(url, fetcher(), deps.reader);
      if ('error' in found) return { ok: false, error: found.error };
      const missing: string[] = [];
      for (const origin of found.origins) {
        if (!(await deps.browser.permissions.contains({ origins: [origin] }))) missing.push(origin);
      }
      if (missing.length > 0) {
        const hosts = missing.map((o) => o.replace(/^\w+:\/\/|\/\*$/g, '')).join(', ');
        return { ok: false, needs: found.origins, feeds: found.feeds, message: `Its feed or articles are also on ${hosts}: allow Firsthand to read ${missing.length === 1 ? 'it' : 'them'} too.` };
      }
      return serial(async () => {
        const stored = await load();
        const others = stored.sources.filter((s) => s.address !== url);
        const entry = { address: url, origins: found.origins, addedAt: deps.now().toISOString() };
        const state: FollowState = {
          ...stored.state,
          sources: { ...stored.state.sources, [url]: stored.state.sources[url] ?? { ...newSourceState(), feeds: found.feeds, discoveredAt: deps.now().toISOString() } },
        };
        const next = { sources: [...others, entry], state };
        await save(next);
        await syncAlarm(next.sources.length);
        return { ok: true, source: view(next)(entry) };
      });
    },

    unfollow: (address) =>
      serial(async () => {
        const stored = await load();
        const gone = stored.sources.find((s) => s.address === address);
        if (gone === undefined) return;
        const sources = stored.sources.filter((s) => s !== gone);
        const { [address]: _dropped, ...kept } = stored.state.sources;
        await save({ sources, state: { ...stored.state, sources: kept } });
        await syncAlarm(sources.length);
        const stillNeeded = new Set([...sources.flatMap((s) => s.origins), ...(await deps.keptOrigins())]);
        const release = gone.origins.filter((o) => !stillNeeded.has(o));
        if (release.length > 0) await deps.browser.permissions.remove({ origins: release }).catch(() => false);
      }),

    run: () =>
      serial(async () => {
        const stored = await load();
        const addresses = stored.sources.map((s) => s.address);
        if (addresses.length === 0) return { sources: 0, added: 0, replaced: 0, deferred: 0, errors: 0 };
        const now = deps.now().getTime();
        const result = await runFollow(addresses, stored.state, { fetcher: fetcher(), reader: deps.reader, now: () => now }, {
          maxNewArticles: MAX_ARTICLES_PER_RUN, maxAgeDays: MAX_AGE_DAYS,
        });
        const outcome = await deps.readerCorpus.add(
          result.articles.map((a) => ({ url: a.url, title: a.title, outlet: a.outlet, published: a.published, text: a.text, origin: 'followed' as const })),
        );
        // Credit each source with what the corpus took of it (a copy already stored under another address is not its article).
        const sourcesState = { ...result.state.sources };
        // An article page that failed is the source's last error too: the reader sees it beside the source, not in a log.
        for (const report of result.reports) {
          const current = sourcesState[report.source];
          if (current && current.status.lastError === null && report.waitingUntil === null && report.errors.length > 0) {
            sourcesState[report.source] = { ...current, status: { ...current.status, lastError: report.errors[report.errors.length - 1]! } };
          }
        }
        result.articles.forEach((article, i) => {
          const current = sourcesState[article.source];
          if (current && outcome.outcomes[i] === 'added') sourcesState[article.source] = { ...current, status: credited(current.status, 1) };
        });
        // A source removed while this run fetched is not brought back.
        const latest = await load();
        const still = new Set(latest.sources.map((s) => s.address));
        for (const address of Object.keys(sourcesState)) if (!still.has(address)) delete sourcesState[address];
        await save({ sources: latest.sources, state: { ...result.state, sources: sourcesState } });
        return {
          sources: addresses.length, added: outcome.added, replaced: outcome.replaced, deferred: result.deferred,
          errors: result.reports.filter((r) => r.errors.length > 0).length,
        };
      }),

    async syncAlarm() {
      await syncAlarm((await load()).sources.length);
    },
  };
}

/**
 * The worker's fetch, refused in words before the browser does for a site the reader has not
 * allowed (the browser's own refusal reads as a network error).
 */
function permittedFetch(deps: FollowDeps): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!(await deps.browser.permissions.contains({ origins: [originPattern(url)] }))) {
      throw new Error(`Firsthand has no permission to read ${new URL(url).host}; remove the source and follow it again to allow it`);
    }
    return deps.fetch(input, init);
  }) as typeof fetch;
}

/** A source's feeds and the origins of the feeds and of the articles they list now. */
async function feedsAndOrigins(address: string, fetcher: PoliteFetcher, reader: PageReader): Promise<{ feeds: string[]; origins: string[] } | { error: string }> {
  const found = await discoverFeeds(address, fetcher, reader);
  if ('error' in found) return { error: found.error };
  const origins = new Set<string>([originPattern(address)]);
  const pending = [...found.feeds];
  for (let read = 0; pending.length > 0 && read < 4; read++) {
    const feedUrl = pending.shift()!;
    origins.add(originPattern(feedUrl));
    const outcome = await fetcher.get(feedUrl, {}, FEED_ACCEPT);
    if (outcome.kind !== 'body') continue;
    origins.add(originPattern(outcome.url));
    const decoded = bodyText(outcome.bytes, outcome.contentType);
    if ('error' in decoded) continue;
    const feed = await reader.parseFeed({ text: decoded.text, url: outcome.url, contentType: outcome.contentType });
    if (isFeedError(feed)) continue;
    for (const item of feed.items) origins.add(originPattern(item.url));
    pending.push(...feed.sitemaps.slice(0, 2));
  }
  return { feeds: [...found.feeds], origins: [...origins] };
}
