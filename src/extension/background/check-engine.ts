/**
 * The engine's side of a check: the lexicon and corpora loaded, a page attributed against them and
 * what the popup shows built from the verdict. Behind this seam so it can live where it stays warm:
 * Chrome stops an idle service worker after 30 s, and a fresh worker pays for loading every corpus
 * and compiling the engine again on the reader's click; an offscreen document outlives the worker
 * (offscreen-check-engine.ts). Firefox's event page and the tests run it in place (localCheckEngine).
 * Everything that crosses the seam is JSON-safe: Chrome serialises extension messages as JSON.
 */
import type { ExtractedArticle } from '../../extract/types.js';
import type { Analysis } from '../analysis.js';
import type { CorpusEntry } from '../messages.js';

/** A corpus as the checks see it: listed, and why it cannot be used when it cannot. */
export interface CheckedCorpus {
  entry: CorpusEntry;
  unreadable?: string;
}

export interface AnalyzeRequest {
  /** The extracted article (its text is checked with the headline first, as the CLI does). */
  article: ExtractedArticle;
  /** The tab's address at extraction time: the page's identity. */
  url: string;
  /** When the check started, ms since the epoch (elapsedMs counts from it). */
  startedAt: number;
  /**
   * The corpora key of the tab's cached verdict for this same address and text: when the corpora
   * are still those, nothing is attributed and `analysis` comes back null.
   */
  unchangedSince?: string;
}

export interface AnalyzeAnswer {
  /** Which corpora answered (their ids in order): a cached verdict stays good while this does. */
  corpora: string;
  /** Null when `unchangedSince` matched `corpora`. */
  analysis: Analysis | null;
  /** Where the time went, ms: waiting for the corpora, reading candidates' texts, the engine, building the view. */
  timings: { corpora: number; texts: number; attribute: number; other: number };
}

export interface CheckEngine {
  /** A check is coming: start loading the lexicon and corpora now. Never rejects. */
  warm(): void;
  /** The bundled corpus first, then the imported ones, oldest first. */
  corpora(): Promise<CheckedCorpus[]>;
  /** The corpus store changed (an import, a removal, the reader's corpus): read the imported corpora afresh. */
  forgetImported(): Promise<void>;
  analyze(request: AnalyzeRequest): Promise<AnalyzeAnswer>;
}
