/**
 * What following remembers between runs, as plain JSON (a sidecar file beside the CLI's corpus;
 * extension storage later): each source's feeds, validators and status, each item seen and what
 * came of it, and each followed article's first-seen time.
 */
import type { Validators } from './polite-fetcher.js';
import type { FeedItem, FeedKind } from './types.js';
import { NEW_SOURCE_STATUS, type SourceStatus } from './source-status.js';

export const FOLLOW_STATE_VERSION = 1;

export interface SourceState {
  /** Feed addresses found for the source (empty until discovered). */
  readonly feeds: readonly string[];
  /** When the feeds were last looked for (ISO instant). */
  readonly discoveredAt: string | null;
  /** ETag / Last-Modified per feed address, for conditional requests. */
  readonly validators: Readonly<Record<string, Validators>>;
  readonly status: SourceStatus;
}

/**
 * `pending`: listed, not fetched yet (the run's cap was reached); `too-old`: its page dates it
 * before the age limit (its feed did not).
 */
export type ItemOutcome = 'article' | 'not-an-article' | 'too-old' | 'failed' | 'pending';

/** An article address a feed listed, keyed by its address key. */
export interface ItemRecord {
  readonly url: string;
  readonly firstSeen: string;
  /** The item's date (updated, else published) when it was last fetched: a later one means the article changed. */
  readonly version: string | null;
  readonly outcome: ItemOutcome;
  readonly attempts: number;
  /** Why, for outcomes other than `article`. */
  readonly note: string | null;
  /**
   * An item still to fetch (left by the cap, or failed and to be tried again): kept with what its
   * feed said, because the feed may answer 304 next time and list it no more.
   */
  readonly queued?: { readonly source: string; readonly kind: FeedKind; readonly item: FeedItem };
}

/** A corpus article that following added, keyed by its corpus id. */
export interface FollowedArticleRecord {
  readonly url: string;
  /** When this corpus first saw the article (ISO instant): a clock the page cannot set. */
  readonly firstSeen: string;
  /** The publication instant (or date) the feed or page gave; the corpus keeps its day. */
  readonly published: string | null;
  /** The followed source it came from. */
  readonly source: string;
}

export interface FollowState {
  readonly version: typeof FOLLOW_STATE_VERSION;
  readonly sources: Readonly<Record<string, SourceState>>;
  readonly items: Readonly<Record<string, ItemRecord>>;
  readonly articles: Readonly<Record<string, FollowedArticleRecord>>;
}

export const EMPTY_FOLLOW_STATE: FollowState = { version: FOLLOW_STATE_VERSION, sources: {}, items: {}, articles: {} };

export function newSourceState(): SourceState {
  return { feeds: [], discoveredAt: null, validators: {}, status: NEW_SOURCE_STATUS };
}

/**
 * Reads a saved state, refusing anything that is not one: a damaged sidecar must be noticed,
 * not silently replaced (it holds the first-seen times).
 */
export function parseFollowState(text: string): FollowState | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const v = value as Partial<FollowState> | null;
  if (!v || typeof v !== 'object' || v.version !== FOLLOW_STATE_VERSION) return { error: `not a follow state of version ${FOLLOW_STATE_VERSION}` };
  for (const part of ['sources', 'items', 'articles'] as const) {
    if (!v[part] || typeof v[part] !== 'object' || Array.isArray(v[part])) return { error: `its "${part}" is missing or not an object` };
  }
  return v as FollowState;
}
