/**
 * A report of a suspected copy, as kept in storage.local and sent to the
 * user's endpoint. Plain JSON data.
 *
 * Format history: v1 is the first format. A future v2 must migrate v1
 * records in `readReport` rather than drop them: reports are never lost.
 */
import type { PassageKind, Status } from '../engine/index.js';
import type { ArticleView } from './analysis.js';

export const REPORT_FORMAT = 1;

/**
 * Where a report is in its life:
 * - `saved`: kept locally; no endpoint was set when it was made;
 * - `sent`: the endpoint accepted it (2xx);
 * - `pending-retry`: an endpoint is set but has not accepted it yet; retried on alarms and at startup.
 */
export type DeliveryStatus = 'saved' | 'sent' | 'pending-retry';

export interface ReportPassage {
  kind: PassageKind | 'quote';
  /** Corpus id of the source the passage matches. */
  sourceId: string;
  pageText: string;
  sourceText: string;
}

export interface Report {
  v: typeof REPORT_FORMAT;
  /** Random UUID; endpoints can deduplicate retries on it. */
  id: string;
  /** ISO date-time the reader pressed "Report". */
  createdAt: string;
  pageUrl: string;
  pageTitle: string;
  status: Status;
  /** Share of the page derived from earlier sources ∈ [0, 1]. */
  overlap: number;
  likelyOriginal: ArticleView | null;
  passages: ReportPassage[];
  /** Lowercase hex SHA-256 of the extracted page text (UTF-8), so a receiver can tell two reports of one text apart from two texts. */
  textSha256: string;
  extensionVersion: string;
  /** The reader's note; '' when none. */
  comment: string;
  delivery: {
    status: DeliveryStatus;
    /** Sends tried so far. */
    attempts: number;
    /** Why the last send failed, null after a success or before any try. */
    lastError: string | null;
    /** ISO date-time of the accepted send. */
    sentAt: string | null;
  };
}

/** Accept a stored record as a report, or null when it is not one we understand. */
export function readReport(value: unknown): Report | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<Report>;
  if (record.v !== REPORT_FORMAT || typeof record.id !== 'string' || typeof record.createdAt !== 'string') return null;
  if (typeof record.delivery !== 'object' || record.delivery === null) return null;
  return record as Report;
}
