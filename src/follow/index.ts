/**
 * Following news sources: feed parsing, discovery, polite fetching, a run, and merging its
 * articles into a corpus. No DOM global and no Node API: hosts inject fetch and a document
 * parser (the CLI uses linkedom, see linkedom-documents.ts), so the extension's worker can reuse it.
 */
export { followableAddress, isFollowable, type AddressVerdict } from './address-policy.js';
export { parseFeedInstant, dayOf, millisOf } from './instant.js';
export { parseFeed, type FeedBody } from './parse-feed.js';
export { feedLinksInPage, sitemapsInRobots, conventionalSitemaps } from './discover.js';
export { discoverFeeds } from './discover-feeds.js';
export { PoliteFetcher, type FetchOutcome, type PoliteFetcherOptions, type Validators } from './polite-fetcher.js';
export { backoffMs, type SourceStatus } from './source-status.js';
export { EMPTY_FOLLOW_STATE, parseFollowState, type FollowState, type FollowedArticleRecord, type ItemRecord, type SourceState } from './follow-state.js';
export { runFollow, type FetchedArticle, type FollowDeps, type FollowLimits, type FollowRunResult, type PageArticle, type ReadArticle, type SourceRunReport } from './follow-run.js';
export { mergeFollowed, retentionDue, textKey, type MergeResult, type RetentionLimits } from './followed-corpus.js';
export { isFeedError, type FeedError, type FeedItem, type FeedKind, type ParsedFeed, type ParseDocument } from './types.js';
