/**
 * The background's single handler map: every request an extension page can make, and the two the
 * background makes of itself on browser events, in one place. Each concern lives beside what it
 * uses in this folder: checking a tab, highlighting, reports, corpora, the reader's corpus.
 *
 * Where checks run is the caller's choice (CheckSeat), so that each browser's entry bundles only
 * its own: Chrome's service worker hands them to its offscreen document and never loads the
 * engine's attribution; Firefox's event page (and the tests) run them in place.
 */
import { checkEndpoint } from '../endpoint.js';
import type { Handlers } from '../messages.js';
import type { CheckEngine } from './check-engine.js';
import { createCheckHandlers, type BackgroundOnly } from './check-handlers.js';
import { createCorpusHandlers } from './corpus-handlers.js';
import type { HandlerDeps } from './deps.js';
import { followedSources } from './followed-sources.js';
import { createHighlightHandlers } from './highlight-handlers.js';
import type { ReaderSegmentsSource } from './local-check-engine.js';
import { readerCorpus } from './reader-corpus.js';
import { createReaderHandlers, rememberChecked } from './reader-handlers.js';
import { createReportHandlers } from './report-handlers.js';
import { tabAnalyses } from './tab-analyses.js';

export type CheckSeat =
  /** Chrome: the offscreen document's engine, which reads the reader's corpus itself and is told of each change. */
  | { offscreen: CheckEngine }
  /** Firefox's event page and the tests: an engine here, over this context's reader corpus. */
  | { here(reader: ReaderSegmentsSource): CheckEngine };

export type BackgroundHandlers = Handlers & BackgroundOnly & { followRun: () => Promise<unknown>; followAlarm: () => Promise<void> };

export function createHandlerMap(deps: HandlerDeps, seat: CheckSeat): BackgroundHandlers {
  const analyses = tabAnalyses(deps.cache);
  const offscreen = 'offscreen' in seat ? seat.offscreen : undefined;
  const reader = readerCorpus({
    store: deps.readerSegments, corpusStore: deps.corpusStore, settings: deps.settings, now: deps.now,
    ...(offscreen === undefined ? {} : { changed: () => void offscreen.forgetImported().catch(() => undefined) }),
  });
  const corpora = 'offscreen' in seat ? seat.offscreen : seat.here({ segments: () => reader.segments() });
  // The document only reads a committed list: one that version 1's records still wait to become is made here,
  // once (a list is committed even for an empty corpus), and the document told.
  if (offscreen !== undefined) {
    void deps.readerSegments.manifest()
      .then(async (list) => { if (list === null) { await reader.summary(); await offscreen.forgetImported(); } })
      .catch(() => undefined);
  }
  const sources = followedSources({
    ...deps.follow, storage: deps.settings, readerCorpus: reader, now: deps.now,
    async keptOrigins() {
      const endpoint = await deps.reports.endpoint();
      const checked = endpoint === null ? null : checkEndpoint(endpoint);
      return checked?.ok ? [checked.originPattern] : [];
    },
  });
  return {
    build: async () => deps.build ?? null,
    followRun: () => sources.run(),
    followAlarm: () => sources.syncAlarm(),
    ...createReaderHandlers(deps, reader, sources),
    ...createCheckHandlers(deps, corpora, analyses, rememberChecked(deps, reader)),
    ...createHighlightHandlers(deps, analyses),
    ...createReportHandlers(deps, analyses),
    ...createCorpusHandlers(deps, corpora, reader),
  };
}
