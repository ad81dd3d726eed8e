/** The reports page: every saved report, delete, export, retry. */
import { useEffect, useState } from 'preact/hooks';
import type { Report } from '../src/extension/report.js';
import { reportsToCsv, reportsToJson } from '../src/extension/report-export.js';
import { deliveryInWords } from './delivery-words.js';
import { downloadText } from './download.js';
import { formatDate, percent, plural, safeHref } from './format.js';

export interface ReportsPort {
  listReports(): Promise<Report[]>;
  deleteReport(id: string): Promise<void>;
  retryPendingReports(): Promise<{ sent: number; pending: number }>;
  /** When waiting reports are tried next (ISO date-time), or null when no retry is planned. */
  nextReportRetry(): Promise<string | null>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function ReportsApp({ port, now = () => new Date() }: { port: ReportsPort; now?: () => Date }) {
  const [reports, setReports] = useState<Report[] | null>(null);
  const [nextTry, setNextTry] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const refresh = (): Promise<void> =>
    Promise.all([port.listReports(), port.nextReportRetry().catch(() => null)]).then(
      ([listed, next]) => {
        setNextTry(next);
        setReports(listed);
      },
      (e: unknown) => setNote(messageOf(e)),
    );
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
      {list.length > 0 && (
        <table class="reports-table">
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Reported</th>
              <th scope="col" class="num">Borrowed</th>
              <th scope="col">Likely original</th>
              <th scope="col">Delivery</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((report) => {
              const href = safeHref(report.pageUrl);
              const label = report.pageTitle || report.pageUrl;
              const delivery = deliveryInWords(report.delivery, nextTry, now());
              const original = report.likelyOriginal;
              return (
                <tr key={report.id} data-testid="report-row" data-id={report.id}>
                  <td class="report-page">
                    {href === null ? label : <a href={href} target="_blank" rel="noopener noreferrer">{label}</a>}
                    {report.comment !== '' && <p class="report-comment">{report.comment}</p>}
                  </td>
                  <td class="report-date">{formatDate(report.createdAt) ?? report.createdAt}</td>
                  <td class="num">{`${percent(report.overlap)}%`}</td>
                  <td>{original === null ? '—' : original.outlet === null ? original.title : `${original.title} (${original.outlet})`}</td>
                  <td>
                    <span class={`status status-${report.delivery.status}`} data-testid="report-status" data-status={report.delivery.status}>
                      {delivery.status}
                    </span>
                    {delivery.reason !== null && <p class="report-error" data-testid="report-error">{delivery.reason}</p>}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      data-testid="report-delete"
                      aria-label={`Delete the report on ${label}`}
                      onClick={() => port.deleteReport(report.id).then(refresh, (e: unknown) => setNote(messageOf(e)))}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
