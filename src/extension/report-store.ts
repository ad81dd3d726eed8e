/**
 * Reports live in storage.local, one key per report (`report:<id>`), so saving
 * one never rewrites the others. A report is written before any send is tried,
 * and a failed send leaves it `pending-retry`: reports are never lost.
 */
import { readReport, type Report } from './report.js';
import { describeSendError, judgeResponse, SEND_TIMEOUT_SECONDS } from './send-outcome.js';
import type { StorageArea } from './storage-area.js';

const REPORT_PREFIX = 'report:';
const ENDPOINT_KEY = 'settings:endpoint';

/** How long one POST may take before it counts as failed, milliseconds. */
export const SEND_TIMEOUT_MS = SEND_TIMEOUT_SECONDS * 1000;

export interface ReportStoreDeps {
  /** storage.local or an in-memory area. */
  area: StorageArea;
  /** The fetch to POST with; injected so tests can fail it. */
  fetch: typeof fetch;
  now: () => Date;
  /**
   * Asks for periodic retries (true) or stops them (false): the background's alarm. Asked for
   * before a send starts, so a worker stopped mid-send still has its retry, and stopped once no
   * report waits for an endpoint, so an idle extension is not woken every minute for nothing.
   */
  retries?: (needed: boolean) => Promise<void>;
}

export class ReportStore {
  /** Ids being sent by this worker, so an alarm firing mid-send does not POST twice. */
  private readonly sending = new Set<string>();

  constructor(private readonly deps: ReportStoreDeps) {}

  /** The configured endpoint, or null. */
  async endpoint(): Promise<string | null> {
    const stored = (await this.deps.area.get(ENDPOINT_KEY))[ENDPOINT_KEY];
    return typeof stored === 'string' && stored !== '' ? stored : null;
  }

  /** Set (a checked address) or clear (null) the endpoint. */
  async setEndpoint(url: string | null): Promise<void> {
    if (url === null) await this.deps.area.remove(ENDPOINT_KEY);
    else await this.deps.area.set({ [ENDPOINT_KEY]: url });
    await this.syncRetries();
  }

  /**
   * Keep a new report, then try to send it when an endpoint is set.
   * The report is stored as `pending-retry` before the send starts, so a
   * worker stopped mid-send still retries it later.
   */
  async save(report: Report): Promise<Report> {
    const endpoint = await this.endpoint();
    const kept: Report = {
      ...report,
      delivery: { status: endpoint === null ? 'saved' : 'pending-retry', attempts: 0, lastError: null, sentAt: null },
    };
    if (endpoint === null) {
      await this.put(kept);
      return kept;
    }
    await this.deps.retries?.(true);
    await this.put(kept);
    const sent = await this.send(kept, endpoint);
    await this.syncRetries();
    return sent;
  }

  /** Reports that wait to be sent (to the endpoint, once there is one). */
  async pendingCount(): Promise<number> {
    return (await this.list()).filter((r) => r.delivery.status === 'pending-retry').length;
  }

  /**
   * Retries wanted exactly while a report waits and an endpoint is set. A report saved while this
   * looks is not left without its retry: after stopping them it looks once more.
   */
  async syncRetries(): Promise<void> {
    const retries = this.deps.retries;
    if (!retries) return;
    const needed = async (): Promise<boolean> => (await this.endpoint()) !== null && (await this.pendingCount()) > 0;
    if (await needed()) return retries(true);
    await retries(false);
    if (await needed()) await retries(true);
  }

  /** Every report, newest first. Records in a format we do not know are skipped, not deleted. */
  async list(): Promise<Report[]> {
    const all = await this.deps.area.get(null);
    const reports: Report[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(REPORT_PREFIX)) continue;
      const report = readReport(value);
      if (report !== null) reports.push(report);
    }
    return reports.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  async delete(id: string): Promise<void> {
    await this.deps.area.remove(REPORT_PREFIX + id);
    await this.syncRetries();
  }

  /** Try every `pending-retry` report again. Returns how many went through and how many still wait. */
  async retryPending(): Promise<{ sent: number; pending: number }> {
    const endpoint = await this.endpoint();
    const waiting = (await this.list()).filter((r) => r.delivery.status === 'pending-retry');
    if (endpoint === null) {
      await this.syncRetries();
      return { sent: 0, pending: waiting.length };
    }
    let sent = 0;
    // Oldest first, one at a time: an endpoint coming back up is not flooded.
    for (const report of waiting.reverse()) {
      if ((await this.send(report, endpoint)).delivery.status === 'sent') sent++;
    }
    await this.syncRetries();
    return { sent, pending: waiting.length - sent };
  }

  private async send(report: Report, endpoint: string): Promise<Report> {
    if (this.sending.has(report.id)) return report;
    this.sending.add(report.id);
    try {
      const attempts = report.delivery.attempts + 1;
      let updated: Report;
      try {
        const response = await this.deps.fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(report),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
          credentials: 'omit',
          // Never followed: see send-outcome.ts.
          redirect: 'manual',
        });
        const outcome = judgeResponse(response, endpoint);
        updated = outcome.delivered
          ? { ...report, delivery: { status: 'sent', attempts, lastError: null, sentAt: this.deps.now().toISOString() } }
          : { ...report, delivery: { status: 'pending-retry', attempts, lastError: outcome.reason, sentAt: null } };
      } catch (error) {
        updated = { ...report, delivery: { status: 'pending-retry', attempts, lastError: describeSendError(error), sentAt: null } };
      }
      // The reader may have deleted the report while it was in flight; do not bring it back.
      if (REPORT_PREFIX + report.id in (await this.deps.area.get(REPORT_PREFIX + report.id))) await this.put(updated);
      return updated;
    } finally {
      this.sending.delete(report.id);
    }
  }

  private async put(report: Report): Promise<void> {
    await this.deps.area.set({ [REPORT_PREFIX + report.id]: report });
  }
}
