import type { PageKept } from '../src/extension/messages.js';
/**
 * The popup as plain data (what it shows) and the actions a reader can take.
 * <PopupApp state actions/> renders any state; usePopup drives the state
 * through a PopupPort (messages in the extension, a mock in tests and screenshots).
 */
import type { Analysis, AnalysisError, AnalysisOutcome } from '../src/extension/analysis.js';
import type { DeliveryStatus, Report } from '../src/extension/report.js';

export type ReportState =
  | { step: 'idle' }
  | { step: 'saving' }
  | { step: 'saved'; delivery: DeliveryStatus }
  | { step: 'failed'; message: string };

export type PopupState =
  | { phase: 'loading' }
  | { phase: 'error'; error: AnalysisError }
  | {
      phase: 'verdict';
      analysis: Analysis;
      /** Whether the page shows our marks; `busy` while the page is being changed. */
      highlight: 'off' | 'on' | 'busy';
      /** Why the last highlight request failed, or how many marks it placed when it placed none. */
      highlightNote: string | null;
      report: ReportState;
      /**
       * The sources and their passages: `pending` for the first frame, which shows the verdict
       * alone (status, likely original, overlap); `shown` from the next, once that is on screen.
       */
      evidence: 'pending' | 'shown';
    };

/** What the reader can do in the popup. */
export interface PopupActions {
  toggleHighlight(): void;
  saveReport(comment: string): void;
  openReports(): void;
  openOptions(): void;
  /** "Add this page to my corpus"; absent where the popup cannot (previews). */
  keepPage?(): Promise<PageKept>;
  /** Undoes keepPage. */
  forgetKeptPage?(id: string): Promise<number>;
}

/** How the popup reaches the page and the background. */
export interface PopupPort {
  analyze(): Promise<AnalysisOutcome>;
  highlight(on: boolean): Promise<{ marks: number }>;
  saveReport(comment: string): Promise<Report>;
  openReports(): void;
  openOptions(): void;
  keepPage?(): Promise<PageKept>;
  forgetKeptPage?(id: string): Promise<number>;
}
