/** What a bench child is asked to do and what it answers (plain JSON across the IPC channel). */
import type { QueryKind } from './query-pages.js';
import type { RunnerSizes } from './runner.js';

export const RUNNER_KINDS = [
  'firsthand', 'bloom-filters', 'minhash', 'dolos', 'simhash', 'string-similarity', 'diff-match-patch', 'limit',
] as const;
export type RunnerKind = (typeof RUNNER_KINDS)[number];

export interface ChildJob {
  readonly runner: RunnerKind;
  readonly size: number;
  readonly seed: number;
  /** Query pages per kind. */
  readonly perKind: number;
  /** Timed repetitions of each page (after one untimed run); the page's time is their median. */
  readonly repeats: number;
}

export interface PageResult {
  readonly kind: QueryKind;
  readonly words: number;
  readonly copiedShare: number;
  readonly sourceIndex: number | null;
  readonly top: number | null;
  readonly score: number;
  readonly status?: string | undefined;
  readonly coverage?: number | undefined;
  /** Median time of the repetitions (ms). */
  readonly ms: number;
}

export interface AlignmentResult {
  readonly kind: QueryKind;
  /** diff_main time (ms), words mapped to characters. */
  readonly ms: number;
  /** Share of page words in equal runs of ≥ 8 words. */
  readonly runShare: number;
  /** Share of page words in any EQUAL diff segment. */
  readonly equalShare: number;
  readonly copiedShare: number;
}

export interface LimitResult {
  /** Fused charCode scan over the corpus texts (MB/s of UTF-16 characters as bytes of UTF-8). */
  readonly fusedScanMBps: number;
  /** Engine tokenize() over the same corpus texts (MB/s), when exported. */
  readonly tokenizeMBps: number | null;
  /** Median time for one ~1,000-word page: fused scan / engine tokenize (ms). */
  readonly fusedScanPageMs: number;
  readonly tokenizePageMs: number | null;
  readonly pageBytes: number;
  readonly corpusBytes: number;
}

export interface ChildResult {
  readonly job: ChildJob;
  readonly status: 'ok' | 'skipped' | 'failed';
  readonly name: string;
  readonly note?: string | undefined;
  readonly buildMs?: number;
  readonly loadMs?: number | undefined;
  readonly readAndLoadMs?: number | undefined;
  /** The CLI's loader: the file's head read and loaded, the texts read per candidate later. */
  readonly headLoadMs?: number | undefined;
  readonly indexHeapBytes?: number;
  readonly afterQueriesHeapBytes?: number;
  readonly peakHeapBytes?: number;
  readonly peakRssBytes?: number;
  readonly sizes?: RunnerSizes;
  readonly pages?: readonly PageResult[];
  readonly alignment?: readonly AlignmentResult[];
  readonly limit?: LimitResult;
  readonly extra?: Record<string, unknown> | undefined;
}
