/**
 * The background's single handler map: every request an extension page can make, and the two the
 * background makes of itself on browser events, in one place. Each concern lives in
 * src/extension/background/ beside what it uses: checking a tab, highlighting, reports, corpora.
 */
import { createCheckHandlers, type BackgroundOnly } from './background/check-handlers.js';
import { createCorpusHandlers } from './background/corpus-handlers.js';
import type { BackgroundDeps } from './background/deps.js';
import { createHighlightHandlers } from './background/highlight-handlers.js';
import { localCheckEngine } from './background/local-check-engine.js';
import { createReportHandlers } from './background/report-handlers.js';
import { tabAnalyses } from './background/tab-analyses.js';
import { followedSources } from './background/followed-sources.js';
import { createReaderHandlers, rememberChecked } from './background/reader-handlers.js';
import { readerCorpus } from './background/reader-corpus.js';
import { checkEndpoint } from './endpoint.js';
import type { Handlers } from './messages.js';

export type { BackgroundDeps } from './background/deps.js';
export type { BackgroundOnly } from './background/check-handlers.js';

export function createHandlers(deps: BackgroundDeps): Handlers & BackgroundOnly & { followRun: () => Promise<unknown>; followAlarm: () => Promise<void> } {
  const analyses = tabAnalyses(deps.cache);
  // Where checks run: the offscreen document's in Chrome (background.ts), which reads the reader's corpus itself
  // and is told of each change (a reload of its imported corpora too); else here, from this worker's reader corpus.
  const offscreen = deps.checkEngine;
  const reader = readerCorpus({
    store: deps.readerSegments, corpusStore: deps.corpusStore, settings: deps.settings, now: deps.now,
    ...(offscreen === undefined ? {} : { changed: () => void offscreen.forgetImported().catch(() => undefined) }),
  });
  const corpora = offscreen ?? localCheckEngine(deps, { segments: () => reader.segments() });
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
