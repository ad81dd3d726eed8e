/** Reports as files a reader can keep or hand on: JSON (everything) and CSV (one row per report). */
import type { Report } from './report.js';
import { percent } from './badge.js';

/** JSON export: every field of every report (src/extension/report.schema.json, with `delivery`), wrapped so the file says what it is. */
export function reportsToJson(reports: readonly Report[], exportedAt: Date): string {
  return JSON.stringify(
    { format: 'firsthand-reports', version: 1, exportedAt: exportedAt.toISOString(), reports },
    null,
    2,
  );
}

const CSV_COLUMNS: readonly [header: string, value: (r: Report) => string | number][] = [
  ['id', (r) => r.id],
  ['created_at', (r) => r.createdAt],
  ['page_url', (r) => r.pageUrl],
  ['page_title', (r) => r.pageTitle],
  ['status', (r) => r.status],
  ['overlap_percent', (r) => percent(r.overlap)],
  ['original_title', (r) => r.likelyOriginal?.title ?? ''],
  ['original_outlet', (r) => r.likelyOriginal?.outlet ?? ''],
  ['original_published', (r) => r.likelyOriginal?.published ?? ''],
  ['original_url', (r) => r.likelyOriginal?.url ?? ''],
  ['passages', (r) => r.passages.length],
  ['passages_total', (r) => r.passagesTotal],
  ['text_sha256', (r) => r.textSha256],
  ['extension_version', (r) => r.extensionVersion],
  ['comment', (r) => r.comment],
  ['delivery', (r) => r.delivery.status],
];

/**
 * CSV export (RFC 4180: comma-separated, CRLF rows, quoted fields with doubled quotes).
 * Page titles and comments come from strangers, so a cell that a spreadsheet
 * would run as a formula (leading = + - @ tab CR) is prefixed with an apostrophe.
 */
export function reportsToCsv(reports: readonly Report[]): string {
  const rows = [CSV_COLUMNS.map(([header]) => header)];
  for (const report of reports) rows.push(CSV_COLUMNS.map(([, value]) => csvCell(value(report))));
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}

/** One CSV cell, quoted when needed. Numbers are written as they are. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}
