/** Saving a report of the checked page, listing and deleting reports, and the endpoint they go to. */
import { buildReport } from '../build-report.js';
import { checkEndpoint } from '../endpoint.js';
import type { Handlers, ReportOptions } from '../messages.js';
import type { Report } from '../report.js';
import type { HandlerDeps } from './deps.js';
import type { TabAnalyses } from './tab-analyses.js';

type ReportHandlers = Pick<
  Handlers,
  | 'saveReport' | 'listReports' | 'deleteReport' | 'getEndpoint' | 'setEndpoint' | 'retryPendingReports'
  | 'sendSavedReports' | 'nextReportRetry' | 'getReportOptions' | 'setReportOptions'
>;

export function createReportHandlers(deps: HandlerDeps, analyses: TabAnalyses): ReportHandlers {
  return {
    async saveReport(tabId: number, comment: string): Promise<Report> {
      const entry = await analyses.get(tabId);
      if (entry === null) throw new Error('Check the page before reporting it.');
      const report = buildReport(entry.analysis, {
        id: deps.uuid(),
        createdAt: deps.now(),
        textSha256: entry.textSha256,
        extensionVersion: deps.api.runtime.getManifest().version,
        comment,
        keepFullUrl: await deps.reports.keepsFullUrl(),
      });
      return deps.reports.save(report);
    },

    listReports: () => deps.reports.list(),

    deleteReport: (id: string) => deps.reports.delete(id),

    getEndpoint: () => deps.reports.endpoint(),

    async setEndpoint(url: string | null) {
      if (url === null || url.trim() === '') {
        await deps.reports.setEndpoint(null);
        return { ok: true as const, endpoint: null };
      }
      const checked = checkEndpoint(url);
      if (!checked.ok) return checked;
      await deps.reports.setEndpoint(checked.url);
      await deps.reports.retryPending();
      return { ok: true as const, endpoint: checked.url };
    },

    retryPendingReports: () => deps.reports.retryPending(),

    sendSavedReports: () => deps.reports.sendSaved(),

    nextReportRetry: () => deps.reports.nextRetry(),

    async getReportOptions() {
      return { keepFullUrl: await deps.reports.keepsFullUrl() };
    },

    async setReportOptions(options: ReportOptions) {
      await deps.reports.setKeepsFullUrl(options.keepFullUrl === true);
      return { keepFullUrl: options.keepFullUrl === true };
    },
  };
}
