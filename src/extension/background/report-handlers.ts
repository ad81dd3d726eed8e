/** Saving a report of the checked page, listing and deleting reports, and the endpoint they go to. */
import { checkEndpoint } from '../endpoint.js';
import type { Handlers } from '../messages.js';
import { REPORT_FORMAT, type Report } from '../report.js';
import type { BackgroundDeps } from './deps.js';
import type { TabAnalyses } from './tab-analyses.js';

/** Longest report comment kept, characters. */
export const MAX_COMMENT = 2000;

type ReportHandlers = Pick<Handlers, 'saveReport' | 'listReports' | 'deleteReport' | 'getEndpoint' | 'setEndpoint' | 'retryPendingReports'>;

export function createReportHandlers(deps: BackgroundDeps, analyses: TabAnalyses): ReportHandlers {
  return {
    async saveReport(tabId: number, comment: string): Promise<Report> {
      const entry = await analyses.get(tabId);
      if (entry === null) throw new Error('Check the page before reporting it.');
      const { analysis } = entry;
      const report: Report = {
        v: REPORT_FORMAT,
        id: deps.uuid(),
        createdAt: deps.now().toISOString(),
        pageUrl: analysis.url,
        pageTitle: analysis.page.title,
        status: analysis.status,
        overlap: analysis.overlap,
        likelyOriginal: analysis.likelyOriginal,
        passages: analysis.sources.flatMap((source) =>
          source.passages.map((p) => ({ kind: p.kind, sourceId: source.id, pageText: p.pageText, sourceText: p.sourceText })),
        ),
        textSha256: entry.textSha256,
        extensionVersion: deps.api.runtime.getManifest().version,
        comment: String(comment).slice(0, MAX_COMMENT),
        delivery: { status: 'saved', attempts: 0, lastError: null, sentAt: null },
      };
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
  };
}
