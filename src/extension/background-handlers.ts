/**
 * The background's single handler map: every request an extension page can make, and the two the
 * background makes of itself on browser events, in one place. Each concern lives in
 * src/extension/background/ beside what it uses: checking a tab, highlighting, reports, corpora.
 */
import { createCheckHandlers, type BackgroundOnly } from './background/check-handlers.js';
import { createCorpusHandlers } from './background/corpus-handlers.js';
import type { BackgroundDeps } from './background/deps.js';
import { createHighlightHandlers } from './background/highlight-handlers.js';
import { corporaLoader } from './background/loaded-corpora.js';
import { createReportHandlers } from './background/report-handlers.js';
import { tabAnalyses } from './background/tab-analyses.js';
import type { Handlers } from './messages.js';

export type { BackgroundDeps } from './background/deps.js';
export type { BackgroundOnly } from './background/check-handlers.js';

export function createHandlers(deps: BackgroundDeps): Handlers & BackgroundOnly {
  const corpora = corporaLoader(deps);
  const analyses = tabAnalyses(deps.cache);
  return {
    ...createCheckHandlers(deps, corpora, analyses),
    ...createHighlightHandlers(deps, analyses),
    ...createReportHandlers(deps, analyses),
    ...createCorpusHandlers(deps, corpora),
  } satisfies Handlers & BackgroundOnly;
}
