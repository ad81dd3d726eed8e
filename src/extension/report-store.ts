/**
 * Reports live in IndexedDB (report-rows.ts), one row per report; the endpoint and the report
 * options in storage.local. A report is written before any send is tried, and a failed send
 * leaves it `pending-retry`: reports are never lost. Reports kept in storage.local by earlier
 * versions (`report:<id>`, format 1) are moved to IndexedDB on first use, each one removed from
 * storage.local only once its row is on disk.
 */
import { readReport, reportBody, type Report } from './report.js';
import type { ReportRows } from './report-rows.js';
import { describeSendError, judgeResponse, SEND_TIMEOUT_SECONDS } from './send-outcome.js';
import type { StorageArea } from './storage-area.js';

/** Keys of reports stored in storage.local by versions before IndexedDB. */
const LEGACY_REPORT_PREFIX = 'report:';
const ENDPOINT_KEY = 'settings:endpoint';
const FULL_URL_KEY = 'settings:report-full-url';

/** How long one POST may take before it counts as failed, milliseconds. */
export const SEND_TIMEOUT_MS = SEND_TIMEOUT_SECONDS * 1000;

export interface ReportStoreDeps {
  /** storage.local or an in-memory area: settings, and reports left there by earlier versions. */
  area: StorageArea;
  /** Where reports are kept: IndexedDB, or in-memory rows. */
  rows: ReportRows;
  /** The fetch to POST with; injected so tests can fail it. */
  fetch: typeof fetch;
  now: () => Date;
  /**
   * Asks for periodic retries (true) or stops them (false): the background's alarm. Asked for
   * before a send starts, so a worker stopped mid-send still has its retry, and stopped once no
   * report waits for an endpoint, so an idle extension is not woken every minute for nothing.
   */
  retries?: (needed: boolean) => Promise<void>;
  /** When the next periodic retry runs (ms since the epoch), or null when none is planned: the alarm's schedule. */
  nextRetryAt?: () => Promise<number | null>;
}

export class ReportStore {
  /** Ids being sent by this worker, so an alarm firing mid-send does not POST twice. */
  private readonly sending = new Set<string>();

  /** Reports of earlier versions moved out of storage.local, once per store. */
  private migrated: Promise<void> | null = null;

  constructor(private readonly deps: ReportStoreDeps) {}

  /** Whether reports carry the page's full address (fragment and tracking parameters included). */
  async keepsFullUrl(): Promise<boolean> {
    return (await this.deps.area.get(FULL_URL_KEY))[FULL_URL_KEY] === true;
  }

  async setKeepsFullUrl(keep: boolean): Promise<void> {
    if (keep) await this.deps.area.set({ [FULL_URL_KEY]: true });
    else await this.deps.area.remove(FULL_URL_KEY);
  }

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
    // A new report is kept even when older ones could not be moved yet (list() says why).
    await this.migrate().catch(() => undefined);
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
    try {
      await this.put(kept);
    } catch (error) {
      await this.syncRetries().catch(() => undefined); // the retry asked for above has nothing to retry
      throw error;
    }
    const sent = await this.send(kept, endpoint);
    await this.syncRetries();
    return sent;
  }

  /** When waiting reports are tried next, ISO date-time; null when no retry is planned. */
  async nextRetry(): Promise<string | null> {
    const at = (await this.deps.nextRetryAt?.()) ?? null;
    return at === null ? null : new Date(at).toISOString();
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
    await this.migrate();
    const reports: Report[] = [];
    for (const row of await this.deps.rows.all()) {
      const report = readReport(row);
      if (report !== null) reports.push(report);
    }
    return reports.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  async delete(id: string): Promise<void> {
    await this.migrate();
    await this.deps.rows.delete(id);
    await this.syncRetries();
  }

  /**
   * Send the reports saved while no endpoint was set: the reader asked (Options offers it once an
   * endpoint is set). They wait and are retried like any other from then on.
   */
  async sendSaved(): Promise<{ sent: number; pending: number }> {
    if ((await this.endpoint()) === null) throw new Error('Set an endpoint first.');
    for (const report of await this.list()) {
      if (report.delivery.status !== 'saved') continue;
      await this.put({ ...report, delivery: { ...report.delivery, status: 'pending-retry' } });
    }
    await this.deps.retries?.(true);
    return this.retryPending();
  }

  /** Move reports of earlier versions from storage.local into the rows; unknown records stay where they are. */
  private migrate(): Promise<void> {
    this.migrated ??= (async () => {
      const all = await this.deps.area.get(null);
      for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith(LEGACY_REPORT_PREFIX)) continue;
        const report = readReport(value);
        if (report === null) continue;
        if ((await this.deps.rows.get(report.id)) === undefined) await this.deps.rows.put(report);
        await this.deps.area.remove(key);
      }
    })().catch((error: unknown) => {
      this.migrated = null; // tried again next time; nothing was removed that is not in the rows
      throw error;
    });
    return this.migrated;
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
          body: JSON.stringify(reportBody(report)),
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
      try {
        if ((await this.deps.rows.get(report.id)) !== undefined) await this.put(updated);
      } catch {
        // The row keeps its earlier state: a sent report is sent again later, and endpoints deduplicate on its id.
      }
      return updated;
    } finally {
      this.sending.delete(report.id);
    }
  }

  private async put(report: Report): Promise<void> {
    await this.deps.rows.put(report);
  }
}
