/**
 * A report of a suspected copy, as kept in the browser and sent to the reader's endpoint. Plain
 * JSON data, described for receivers by src/extension/report.schema.json (keep the two in step: a unit
 * test validates built reports against the schema).
 *
 * A report is self-contained: a reviewer sees each matched passage side by side (an excerpt of
 * the page and of the source, with their offsets) and the sources' title, outlet, address and
 * date, without the page. It is bounded: at most MAX_REPORT_PASSAGES passages and
 * MAX_EXCERPT_CHARS characters an excerpt, so a long page's report stays under ~150 KB.
 *
 * Format history: 1 (`v: 1`) carried whole passage texts and no offsets; 2 (`formatVersion: 2`)
 * is this one. Stored format-1 reports are migrated by `readReport`, never dropped.
 */
import type { PassageKind, Status } from '../engine/index.js';
import type { ArticleView } from './analysis.js';

export const REPORT_FORMAT_VERSION = 2;
/** Passages a report carries at most; `passagesTotal` says how many the check found. */
export const MAX_REPORT_PASSAGES = 100;
/** Characters of one side of a passage a report carries at most. */
export const MAX_EXCERPT_CHARS = 500;
/** Characters of a title (page or source) a report carries at most. */
export const MAX_TITLE_CHARS = 500;
/** Characters of an address a report carries at most. */
export const MAX_URL_CHARS = 4096;

/**
 * Where a report is in its life:
 * - `saved`: kept locally; no endpoint was set when it was made (sent only if the reader asks);
 * - `sent`: the endpoint accepted it (2xx, not redirected);
 * - `pending-retry`: an endpoint is set but has not accepted it yet; retried on alarms and at startup.
 */
export type DeliveryStatus = 'saved' | 'sent' | 'pending-retry';

/** One side of a matched passage. */
export interface ReportExcerpt {
  /**
   * Span of the passage in its text, UTF-16 offsets, end exclusive. Page offsets count in the checked
   * text (the headline, a blank line, then the article body); null in reports migrated from format 1.
   */
  start: number | null;
  end: number | null;
  /** The passage's text, its first MAX_EXCERPT_CHARS characters at most. */
  text: string;
  /** True when `text` is shorter than the passage (cut at MAX_EXCERPT_CHARS). */
  cut: boolean;
}

export interface ReportPassage {
  kind: PassageKind | 'quote';
  /** Corpus id of the source the passage matches; listed in `sources`. */
  sourceId: string;
  /** Similarity of the two sides ∈ [0, 1]; null in reports migrated from format 1. */
  similarity: number | null;
  page: ReportExcerpt;
  source: ReportExcerpt;
}

export interface ReportBody {
  formatVersion: typeof REPORT_FORMAT_VERSION;
  /** Random UUID; endpoints can deduplicate retries on it. */
  id: string;
  /** ISO date-time the reader pressed "Report". */
  createdAt: string;
  /** The page's address, without its fragment and tracking parameters unless the reader chose to keep them. */
  pageUrl: string;
  pageTitle: string;
  /** Words of the checked text; null in reports migrated from format 1. */
  pageWords: number | null;
  /** Lowercase hex SHA-256 of the extracted article body (UTF-8), so a receiver can tell two reports of one text apart from two texts. */
  textSha256: string;
  status: Status;
  /** Share of the page derived from earlier sources ∈ [0, 1]. */
  overlap: number;
  likelyOriginal: ArticleView | null;
  /** Every source a passage refers to (format-1 reports kept only the likely original's details). */
  sources: ArticleView[];
  passages: ReportPassage[];
  /** Passages the check found; more than `passages.length` when some were left out to bound the report. */
  passagesTotal: number;
  limits: { maxPassages: number; maxExcerptChars: number };
  extensionVersion: string;
  /** The reader's note; '' when none. */
  comment: string;
}

export interface Delivery {
  status: DeliveryStatus;
  /** Sends tried so far. */
  attempts: number;
  /** Why the last send failed, in words; null after a success or before any try. */
  lastError: string | null;
  /** ISO date-time of the accepted send. */
  sentAt: string | null;
}

/** A report as the browser keeps it: the body, and how its delivery went (never sent to the endpoint). */
export interface Report extends ReportBody {
  delivery: Delivery;
}

/** What is POSTed to the endpoint: the report without the browser's own bookkeeping. */
export function reportBody(report: Report): ReportBody {
  const { delivery: _delivery, ...body } = report;
  return body;
}

/** At most `max` characters of `text`, never splitting a surrogate pair. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

/** One side of a passage, its text bounded. */
export function excerpt(text: string, span: readonly [number, number] | null): ReportExcerpt {
  const kept = bounded(text, MAX_EXCERPT_CHARS);
  return { start: span?.[0] ?? null, end: span?.[1] ?? null, text: kept, cut: kept.length < text.length };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Accept a stored record as a report (migrating format 1), or null when it is not one we understand. */
export function readReport(value: unknown): Report | null {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.createdAt !== 'string') return null;
  if (!isObject(value.delivery)) return null;
  if (value.formatVersion === REPORT_FORMAT_VERSION) return value as unknown as Report;
  if (value.v === 1) return migrateVersion1(value as unknown as ReportVersion1);
  return null;
}

/** Format 1, as version 0.1.0 stored it. */
interface ReportVersion1 {
  v: 1;
  id: string;
  createdAt: string;
  pageUrl: string;
  pageTitle: string;
  status: Status;
  overlap: number;
  likelyOriginal: ArticleView | null;
  passages: { kind: PassageKind | 'quote'; sourceId: string; pageText: string; sourceText: string }[];
  textSha256: string;
  extensionVersion: string;
  comment: string;
  delivery: Delivery;
}

/** Format 1 as format 2: texts bounded, offsets and similarities unknown, the address as it was. */
function migrateVersion1(old: ReportVersion1): Report {
  const passages = Array.isArray(old.passages) ? old.passages : [];
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    id: old.id,
    createdAt: old.createdAt,
    pageUrl: bounded(String(old.pageUrl ?? ''), MAX_URL_CHARS),
    pageTitle: bounded(String(old.pageTitle ?? ''), MAX_TITLE_CHARS),
    pageWords: null,
    textSha256: old.textSha256,
    status: old.status,
    overlap: old.overlap,
    likelyOriginal: old.likelyOriginal ?? null,
    sources: old.likelyOriginal ? [old.likelyOriginal] : [],
    passages: passages.slice(0, MAX_REPORT_PASSAGES).map((p) => ({
      kind: p.kind,
      sourceId: p.sourceId,
      similarity: null,
      page: excerpt(String(p.pageText ?? ''), null),
      source: excerpt(String(p.sourceText ?? ''), null),
    })),
    passagesTotal: passages.length,
    limits: { maxPassages: MAX_REPORT_PASSAGES, maxExcerptChars: MAX_EXCERPT_CHARS },
    extensionVersion: old.extensionVersion,
    comment: old.comment ?? '',
    delivery: old.delivery,
  };
}
