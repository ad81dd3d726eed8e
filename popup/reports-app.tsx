/** The reports page: every saved report, delete, export, retry. */
import { useEffect, useState } from 'preact/hooks';
import type { Report } from '../src/extension/report.js';
import { reportsToCsv, reportsToJson } from '../src/extension/report-export.js';
import { downloadText } from './download.js';
import { formatDate, percent, plural, safeHref } from './format.js';

export interface ReportsPort {
  listReports(): Promise<Report[]>;
  deleteReport(id: string): Promise<void>;
  retryPendingReports(): Promise<{ sent: number; pending: number }>;
}

const STATUS_LABELS: Record<Report['delivery']['status'], string> = {
  saved: 'saved',
  sent: 'sent',
  'pending-retry': 'pending-retry',
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function ReportsApp({ port, now = () => new Date() }: { port: ReportsPort; now?: () => Date }) {
  const [reports, setReports] = useState<Report[] | null>(null);
  const [note, setNote] = useState('');

  const refresh = (): Promise<void> => port.listReports().then(setReports, (e: unknown) => setNote(messageOf(e)));
  useEffect(() => {
    void refresh();
  }, [port]);

  const stamp = now().toISOString().slice(0, 10);
  const list = reports ?? [];
  const pending = list.filter((r) => r.delivery.status === 'pending-retry').length;

  return (
    <div id="app" class="page" data-state={reports === null ? 'loading' : 'ready'}>
      <h1>Your reports</h1>
      <p>Reports of suspected copies you made. They stay in this browser until you delete them.</p>
      <div class="toolbar">
        <button
          type="button"
          data-testid="export-json"
          disabled={list.length === 0}
          onClick={() => downloadText(document, `firsthand-reports-${stamp}.json`, 'application/json', reportsToJson(list, now()))}
        >
          Export JSON
        </button>
        <button
          type="button"
          data-testid="export-csv"
          disabled={list.length === 0}
          onClick={() => downloadText(document, `firsthand-reports-${stamp}.csv`, 'text/csv', reportsToCsv(list))}
        >
          Export CSV
        </button>
        {pending > 0 && (
          <button
            type="button"
            data-testid="retry"
            onClick={() =>
              port.retryPendingReports().then(
                (r) => {
                  setNote(`${plural(r.sent, 'report')} sent, ${r.pending} still waiting.`);
                  return refresh();
                },
                (e: unknown) => setNote(messageOf(e)),
              )
            }
          >
            Send waiting reports now
          </button>
        )}
      </div>
      <p class="note" role="status">{note}</p>
      {reports !== null && list.length === 0 && <p class="empty">No reports yet. Use “Report a suspected copy” in the popup.</p>}
      <ul class="report-list">
        {list.map((report) => {
          const href = safeHref(report.pageUrl);
          return (
            <li key={report.id} class="report-row" data-testid="report-row" data-id={report.id}>
              <p class="report-title">
                {href === null ? report.pageTitle || report.pageUrl : <a href={href} target="_blank" rel="noopener noreferrer">{report.pageTitle || report.pageUrl}</a>}
              </p>
              <p class="report-meta">
                {`${formatDate(report.createdAt) ?? report.createdAt} · ${percent(report.overlap)}% borrowed`}
                {report.likelyOriginal !== null && ` · likely original: ${report.likelyOriginal.title}`}
                {' · '}
                <span class={`status status-${report.delivery.status}`} data-testid="report-status">
                  {STATUS_LABELS[report.delivery.status]}
                </span>
              </p>
              {report.comment !== '' && <p class="report-comment">{report.comment}</p>}
              {report.delivery.lastError !== null && <p class="report-error">Last send failed: {report.delivery.lastError}</p>}
              <button
                type="button"
                class="link"
                data-testid="report-delete"
                aria-label={`Delete the report on ${report.pageTitle || report.pageUrl}`}
                onClick={() => port.deleteReport(report.id).then(refresh, (e: unknown) => setNote(messageOf(e)))}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
