/**
 * Every request an extension page can make of the background, in one place.
 * The background registers exactly one implementation of `Handlers`;
 * pages call it through `createSender`. Arguments and answers are JSON-safe
 * (Chrome serialises messages as JSON) and small: Chrome refuses messages over 64 MiB,
 * so corpus files never travel in one (see corpus-import.ts).
 */
import type { Analysis, AnalysisOutcome } from './analysis.js';
import type { FollowAnswer, FollowedSource, FollowRunSummary } from './background/followed-sources.js';
import type { ArticleOrigin, ReaderCorpusSummary } from './background/reader-corpus.js';
import type { ReaderRetention } from './background/reader-retention.js';
import type { Report } from './report.js';

export type { FollowAnswer, FollowedSource, FollowRunSummary, ArticleOrigin, ReaderCorpusSummary, ReaderRetention };

/** The reader's own corpus as the options page shows it. */
export interface ReaderCorpusView extends ReaderCorpusSummary {
  /** "Remember what I read": each checked article is added (off unless the reader turned it on). */
  rememberReading: boolean;
}

/** The answer to "Add this page to my corpus". */
export interface PageKept {
  /** The id it is stored under (to undo); null when its text is already stored under another address. */
  id: string | null;
  outcome: 'added' | 'replaced' | 'unchanged';
  title: string;
}

/** A corpus the checks use. */
export interface CorpusEntry {
  /** `bundled` for the seeds corpus shipped with the extension, else a random id. */
  id: string;
  /** File name it was imported from, or "Bundled seeds". */
  name: string;
  /** Articles in the corpus. */
  articles: number;
  /** The bundled corpus cannot be removed. */
  bundled: boolean;
  /** ISO date-time of the import; null for the bundled corpus. */
  importedAt: string | null;
  /** Set when a check found articles whose stored text is damaged: what was set aside, and why. */
  damaged?: string;
}

/** What the reader chose about reports. */
export interface ReportOptions {
  /** Send the page's full address, fragment and tracking parameters included (default: cut to what identifies the article). */
  keepFullUrl: boolean;
}

/** The answer to `setEndpoint`. */
export type EndpointUpdate = { ok: true; endpoint: string | null } | { ok: false; message: string };

export interface Handlers {
  /**
   * Extract the article in tab `tabId`, attribute it, cache the verdict for the
   * tab + address and set the badge. `url` is the tab's address when the caller
   * knows it (lets forbidden pages be refused without trying to inject).
   */
  analyzeTab(tabId: number, url?: string): Promise<AnalysisOutcome>;
  /** The cached analysis for a tab (its latest address), or null. */
  getCachedAnalysis(tabId: number): Promise<Analysis | null>;
  /** Mark (on) or unmark (off) the cached analysis' passages in the page. Answers how many marks the page now holds. */
  highlight(tabId: number, on: boolean): Promise<{ marks: number }>;
  /** Report the cached analysis of a tab as a suspected copy. Saved before any send. */
  saveReport(tabId: number, comment: string): Promise<Report>;
  /** Every report, newest first. */
  listReports(): Promise<Report[]>;
  deleteReport(id: string): Promise<void>;
  /**
   * Start using corpus `id`, which the options page has just checked and written to the
   * corpus store (IndexedDB, shared by the extension's pages and its background). Answers
   * its entry; throws when it is not in the store or does not load.
   */
  importCorpus(id: string): Promise<CorpusEntry>;
  /** The bundled corpus first, then the imported ones, oldest first. */
  listCorpora(): Promise<CorpusEntry[]>;
  removeCorpus(id: string): Promise<void>;
  getEndpoint(): Promise<string | null>;
  /** Set (checked: https, or http on 127.0.0.1) or clear (null) the report endpoint; retries waiting reports when set. */
  setEndpoint(url: string | null): Promise<EndpointUpdate>;
  /** Send reports that wait for the endpoint again. */
  retryPendingReports(): Promise<{ sent: number; pending: number }>;
  /** Send the reports saved while no endpoint was set (the reader asked); throws without an endpoint. */
  sendSavedReports(): Promise<{ sent: number; pending: number }>;
  /** When waiting reports are tried next (ISO date-time), or null when no retry is planned. */
  nextReportRetry(): Promise<string | null>;
  getReportOptions(): Promise<ReportOptions>;
  setReportOptions(options: ReportOptions): Promise<ReportOptions>;
  /** Followed sources with their status (last fetched, articles added, last error). */
  listFollowedSources(): Promise<FollowedSource[]>;
  /** Follow a site or feed address, once the options page holds the permission for its origin (see FollowAnswer). */
  followSource(address: string): Promise<FollowAnswer>;
  /** Stop following; its host permissions are released unless something else needs them. */
  unfollowSource(address: string): Promise<void>;
  /** A run of following now, as the alarm makes every 30 minutes. */
  followNow(): Promise<FollowRunSummary>;
  getReaderCorpus(): Promise<ReaderCorpusView>;
  setRememberReading(on: boolean): Promise<ReaderCorpusView>;
  /** Stores how long and how large the reader's corpus may grow, and applies it at once; rejects limits out of bounds, saying why. */
  setReaderRetention(retention: ReaderRetention): Promise<ReaderCorpusView>;
  /** Removes the reader's articles of these origins (all when none is given); answers how many. */
  clearReaderArticles(origins?: ArticleOrigin[]): Promise<number>;
  /** Extracts the article in tab `tabId` (as a check does) and adds it to the reader's corpus. */
  keepPage(tabId: number): Promise<PageKept>;
  /** Undoes keepPage: removes that article; answers how many were removed (0 or 1). */
  forgetKeptPage(id: string): Promise<number>;
  /** Which build of the background answers (version + build time, FIRSTHAND_BUILD); null when built without one. */
  build(): Promise<string | null>;
}

export type HandlerName = keyof Handlers;

/** A request on the wire. */
export interface Message<K extends HandlerName = HandlerName> {
  /** Marks our messages among anything else on the runtime channel. */
  firsthand: 1;
  name: K;
  args: Parameters<Handlers[K]>;
}

/** An answer on the wire: errors travel as their message, since Error objects do not survive serialisation. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Message>;
  return m.firsthand === 1 && typeof m.name === 'string' && Array.isArray(m.args);
}

/** The typed caller: `send('analyzeTab', tabId)`. */
export type Sender = <K extends HandlerName>(name: K, ...args: Parameters<Handlers[K]>) => Promise<Awaited<ReturnType<Handlers[K]>>>;

/** Build `send` over a runtime.sendMessage-like function. Rejects with the background's error message. */
export function createSender(sendMessage: (message: Message) => Promise<unknown>): Sender {
  return async (name, ...args) => {
    const reply = (await sendMessage({ firsthand: 1, name, args } as Message)) as Reply | undefined;
    if (reply === undefined || reply === null) throw new Error(`The background did not answer "${name}".`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as never;
  };
}

/**
 * Answer one message with the handler map (a plain object). Unknown names and thrown errors
 * become `{ok: false}` replies instead of a silent `undefined`.
 */
export async function dispatch(handlers: Handlers, message: Message): Promise<Reply> {
  // Own keys only: `toString` or `constructor` are not requests.
  if (!Object.hasOwn(handlers, message.name)) return { ok: false, error: `Unknown request "${message.name}".` };
  const handler = handlers[message.name] as (...args: unknown[]) => Promise<unknown>;
  if (typeof handler !== 'function') return { ok: false, error: `Unknown request "${message.name}".` };
  try {
    return { ok: true, value: await handler.apply(handlers, message.args) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
