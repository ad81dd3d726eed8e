/**
 * A followed source's health as a reader sees it (last fetched, articles added, last error in
 * words), and when to try it again: after each consecutive failure the wait doubles, from
 * 15 minutes up to a day, or longer when the site asked for it (Retry-After).
 */

export interface SourceStatus {
  /** When Firsthand last asked the source for its feeds (ISO instant), null before the first time. */
  readonly lastFetched: string | null;
  /** Articles this source has added to the corpus, all runs together. */
  readonly articlesAdded: number;
  /** What went wrong the last time, in words; null when the last run went well. */
  readonly lastError: string | null;
  /** Failures in a row: the backoff's exponent. */
  readonly failures: number;
  /** Not to be fetched before this instant; null when it may be fetched now. */
  readonly nextTryAt: string | null;
}

export const NEW_SOURCE_STATUS: SourceStatus = { lastFetched: null, articlesAdded: 0, lastError: null, failures: 0, nextTryAt: null };

export const FIRST_BACKOFF_MS = 15 * 60_000;
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;

/** How long to leave a source alone after its `failures`-th failure in a row. */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(failures - 1, 20));
}

export function isDue(status: SourceStatus, now: number): boolean {
  return status.nextTryAt === null || Date.parse(status.nextTryAt) <= now;
}

export function afterSuccess(status: SourceStatus, now: number): SourceStatus {
  return { ...status, lastFetched: new Date(now).toISOString(), lastError: null, failures: 0, nextTryAt: null };
}

export function afterFailure(status: SourceStatus, message: string, now: number, retryAfter: number | null = null): SourceStatus {
  const failures = status.failures + 1;
  const wait = Math.max(backoffMs(failures), retryAfter ?? 0);
  return { ...status, lastFetched: new Date(now).toISOString(), lastError: message, failures, nextTryAt: new Date(now + wait).toISOString() };
}

export function credited(status: SourceStatus, added: number): SourceStatus {
  return added === 0 ? status : { ...status, articlesAdded: status.articlesAdded + added };
}
