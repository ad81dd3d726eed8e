/**
 * Checking a tab: extract its article, attribute it against the loaded corpora, cache the verdict
 * and set the badge. A toolbar click starts the check while the browser opens the popup, and the
 * popup's analyzeTab picks it up.
 */
import type { ExtractedArticle } from '../../extract/types.js';
import type { Analysis, AnalysisOutcome, AnalysisTimings } from '../analysis.js';
import type { PageExtraction } from '../content-api.js';
import { classifyForbiddenPage, forbiddenPageMessage } from '../forbidden-page.js';
import type { Handlers } from '../messages.js';
import type { CheckEngine } from './check-engine.js';
import type { HandlerDeps } from './deps.js';
import { fileAccess, injectAndExtract, setBadge } from './page-scripting.js';
import type { TabAnalyses } from './tab-analyses.js';

/** How long a check started by a click waits for its popup to ask for it, ms; older ones are redone. */
export const EARLY_CHECK_TTL_MS = 10_000;

/** Handlers the background calls itself, on browser events; no page can send them. */
export interface BackgroundOnly {
  checkOnClick(tabId: number, url?: string): void;
  forgetTab(tabId: number): Promise<void>;
}

export type CheckHandlers = Pick<Handlers, 'analyzeTab' | 'getCachedAnalysis'> & BackgroundOnly;

/** Called with each article a check has given its verdict on ("Remember what I read"); its failures never reach the check. */
export type AfterCheck = (url: string, article: ExtractedArticle) => Promise<void>;

export function createCheckHandlers(deps: HandlerDeps, checkEngine: CheckEngine, analyses: TabAnalyses, afterCheck?: AfterCheck): CheckHandlers {
  const { api } = deps;

  /** Extract, attribute, cache and badge one tab: the work behind analyzeTab. */
  async function check(tabId: number, url: string | undefined): Promise<AnalysisOutcome> {
    const started = performance.now();
    const timings: AnalysisTimings = {
      startedAt: performance.timeOrigin + started,
      inject: 0, extract: 0, read: 0, corpora: 0, texts: 0, attribute: 0, other: 0,
    };
    let lapStart = started;
    /** Milliseconds since the previous lap. */
    const lap = (): number => {
      const now = performance.now();
      const ms = now - lapStart;
      lapStart = now;
      return ms;
    };
    // Load the corpora while the page is being read: on a fresh worker the two take similar time.
    checkEngine.warm();
    // The tab's last verdict is looked up while the page is read, off the click's path. A cache that
    // cannot be read is an empty one: the check goes on without it.
    const previousLookup = analyses.get(tabId).catch(() => null);
    let address = url;
    if (address === undefined) {
      try {
        address = (await api.tabs.get(tabId)).url;
      } catch {
        return { ok: false, error: { code: 'failed', message: 'That tab is gone. Open an article and try again.' } };
      }
    }
    if (address !== undefined) {
      const forbidden = classifyForbiddenPage(address, address.startsWith('file:') ? await fileAccess(api) : false);
      if (forbidden !== null) {
        await setBadge(api, tabId, null);
        return { ok: false, error: { code: 'forbidden-page', message: forbiddenPageMessage(forbidden) } };
      }
    }

    let extraction: PageExtraction;
    try {
      timings.other += lap();
      extraction = await injectAndExtract(api, tabId);
      // One call injects and reads: the page timed its reading, the rest of the call is the injection's.
      const call = lap();
      timings.read = extraction.readMs;
      timings.extract = Math.min(extraction.readMs, call);
      timings.inject = call - timings.extract;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Without a known address the browser withheld even the URL: the page is one it shields.
      if (address === undefined || /cannot be scripted|cannot access a|chrome:\/\/|about:|extensions gallery/i.test(reason)) {
        await setBadge(api, tabId, null);
        return { ok: false, error: { code: 'forbidden-page', message: forbiddenPageMessage({ what: 'this page' }) } };
      }
      return { ok: false, error: { code: 'failed', message: `Firsthand could not read this page (${reason}). Reload it and try again.` } };
    }
    if ('error' in extraction) {
      await setBadge(api, tabId, null);
      return { ok: false, error: { code: 'no-article', message: extraction.error.message || 'No article found on this page.' } };
    }

    const { article } = extraction;
    try {
      const [textSha256, previous] = await Promise.all([deps.sha256(article.text), previousLookup]);
      const same = previous !== null && previous.url === extraction.url && previous.textSha256 === textSha256;
      timings.other += lap();
      const answer = await checkEngine.analyze({
        article, url: extraction.url, startedAt: timings.startedAt, ...(same ? { unchangedSince: previous.corpora } : {}),
      });
      lap();
      Object.assign(timings, { corpora: answer.timings.corpora, texts: answer.timings.texts, attribute: answer.timings.attribute });
      timings.other += answer.timings.other;
      if (answer.analysis === null) {
        void setBadge(api, tabId, previous!.analysis);
        return { ok: true, analysis: previous!.analysis };
      }
      const { analysis } = answer;
      // What the engine's side did not account for (messages to and from it) counts as other.
      timings.other = performance.now() - started - (timings.inject + timings.extract + timings.corpora + timings.texts + timings.attribute);
      analysis.timings = roundTimings(timings);
      analysis.elapsedMs = Math.round(performance.now() - started);
      analyses.set(tabId, { url: extraction.url, textSha256, corpora: answer.corpora, analysis });
      // The badge is not part of the answer: the popup need not wait for it.
      void setBadge(api, tabId, analysis);
      afterCheck?.(extraction.url, article).catch(() => undefined);
      return { ok: true, analysis };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'failed', message: `The check failed: ${reason}` } };
    }
  }

  /** Checks a toolbar click started before the popup asked for them (see checkOnClick), by tab. */
  const earlyChecks = new Map<number, { at: number; outcome: Promise<AnalysisOutcome> }>();

  return {
    analyzeTab(tabId: number, url?: string): Promise<AnalysisOutcome> {
      const early = earlyChecks.get(tabId);
      earlyChecks.delete(tabId);
      if (early === undefined || performance.now() - early.at >= EARLY_CHECK_TTL_MS) return check(tabId, url);
      // The early check is only a head start: if it failed (say, the page was not yet readable), check again.
      return early.outcome.then((outcome) => (outcome.ok || outcome.error.code !== 'failed' ? outcome : check(tabId, url)));
    },

    async getCachedAnalysis(tabId: number): Promise<Analysis | null> {
      return (await analyses.get(tabId))?.analysis ?? null;
    },

    /**
     * Start checking a tab the moment its toolbar button is clicked, while the browser is still
     * opening the popup; the popup's analyzeTab then gets this check (not a message: called from
     * action.onClicked, see background-wiring.ts).
     */
    checkOnClick(tabId: number, url?: string): void {
      const outcome = check(tabId, url);
      earlyChecks.set(tabId, { at: performance.now(), outcome });
    },

    /** Drop a closed tab's cache entry (not a message: called from tabs.onRemoved). */
    async forgetTab(tabId: number): Promise<void> {
      earlyChecks.delete(tabId);
      await analyses.forget(tabId);
    },
  };
}

/** Timings to 0.1 ms: finer is noise, and they travel to the popup as JSON. */
function roundTimings(timings: AnalysisTimings): AnalysisTimings {
  const out = { ...timings };
  for (const key of Object.keys(out) as (keyof AnalysisTimings)[]) out[key] = Math.round(out[key] * 10) / 10;
  return out;
}
