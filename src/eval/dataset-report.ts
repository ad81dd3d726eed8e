/** What each dataset evaluation hands to the orchestrator. */
export interface DatasetReport {
  /** Heading of the dataset's section. */
  readonly title: string;
  /** Set when the dataset was not evaluated; says why. */
  readonly skipped?: string;
  /** Tables and notes for the README. */
  readonly markdown: string;
  /** Error analysis on the development part (for whoever tunes the engine; not README material). */
  readonly devErrors?: string;
  /** Every number in the tables, for dist/eval/eval.json. */
  readonly numbers?: unknown;
}

export function skippedReport(title: string, reason: string): DatasetReport {
  return { title, skipped: reason, markdown: `_Skipped: ${reason}._` };
}
