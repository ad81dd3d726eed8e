/**
 * The background's single handler map. Everything it touches comes in through
 * `BackgroundDeps`, so tests drive it with a fake browser, a fake engine and
 * in-memory stores; src/extension/background.ts wires the real ones.
 */
import { pageText } from '../extract/page-text.js';
import type { Analysis, AnalysisOutcome, AnalysisTimings } from './analysis.js';
import { badgeFor } from './badge.js';
import { buildAnalysis } from './build-analysis.js';
import { CONTENT_GLOBAL, type ContentApi, type HighlightMark, type PageExtraction } from './content-api.js';
import type { CorpusStore } from './corpus-store.js';
import { checkEndpoint } from './endpoint.js';
import type { CorpusHandle, EnginePort } from './engine-port.js';
import type { ExtensionApi } from './extension-api.js';
import { classifyForbiddenPage, forbiddenPageMessage } from './forbidden-page.js';
import type { CorpusEntry, Handlers } from './messages.js';
import { REPORT_FORMAT, type Report } from './report.js';
import type { ReportStore } from './report-store.js';
import type { StorageArea } from './storage-area.js';
import { StoredTexts } from './stored-texts.js';
import type { ArticleMeta, PageInput } from '../engine/index.js';

/** The content script file, relative to the extension root. */
export const CONTENT_SCRIPT = 'content.js';
/** Bundled data, relative to the extension root. */
export const BUNDLED_CORPUS = 'data/seeds.fhc';
export const BUNDLED_LEXICON = 'data/lexicon.bin';
/** How long a check started by a click waits for its popup to ask for it, ms; older ones are redone. */
export const EARLY_CHECK_TTL_MS = 10_000;
/** Longest report comment kept, characters. */
export const MAX_COMMENT = 2000;

export interface BackgroundDeps {
  api: ExtensionApi;
  engine: EnginePort;
  /** Reads a file shipped in the extension (fetch of runtime.getURL in the browser). */
  readAsset(path: string): Promise<Uint8Array>;
  corpusStore: CorpusStore;
  reports: ReportStore;
  /** Per-tab verdict cache: storage.session where the browser has it. */
  cache: StorageArea;
  now(): Date;
  uuid(): string;
  sha256(text: string): Promise<string>;
}

/** What is cached per tab: the latest analysis and what identifies the text it was made from. */
interface CachedAnalysis {
  url: string;
  textSha256: string;
  /** Ids of the corpora checked: importing or removing one makes the entry stale. */
  corpora: string;
  analysis: Analysis;
}

interface LoadedCorpus {
  entry: CorpusEntry;
  corpus: CorpusHandle;
  /** An imported corpus's texts, read from the store for each check's candidates (the bundled one is whole in memory). */
  texts?: StoredTexts;
  /** Why a stored corpus could not be loaded (it is then checked as empty). */
  unreadable?: string;
}

interface LoadedCorpora {
  /** The bundled corpus first, then the imported ones, oldest first. */
  entries: LoadedCorpus[];
  lexicon: unknown;
}

interface BaseData {
  bundled: LoadedCorpus;
  lexicon: unknown;
}

const cacheKey = (tabId: number): string => `analysis:${tabId}`;

/** Handlers the background calls itself, on browser events; no page can send them. */
export interface BackgroundOnly {
  checkOnClick(tabId: number, url?: string): void;
  forgetTab(tabId: number): Promise<void>;
}

export function createHandlers(deps: BackgroundDeps): Handlers & BackgroundOnly {
  const { api, engine } = deps;
  let base: Promise<BaseData> | null = null;
  let imported: Promise<LoadedCorpora['entries']> | null = null;

  /** Forget a failed load so the next check tries again rather than repeating the failure. */
  const retryable = <T>(load: () => Promise<T>, reset: () => void): Promise<T> =>
    load().catch((error: unknown) => {
      reset();
      throw error;
    });

  /**
   * Corpora and lexicon. The bundled corpus and the lexicon load once per worker start; the imported
   * corpora again after an import or removal, without re-reading the bundled data.
   */
  const corpora = async (): Promise<LoadedCorpora> => {
    base ??= retryable(loadBase, () => (base = null));
    imported ??= retryable(loadImported, () => (imported = null));
    const [{ bundled, lexicon }, entries] = await Promise.all([base, imported]);
    return { entries: [bundled, ...entries], lexicon };
  };

  async function loadBase(): Promise<BaseData> {
    const [corpusBytes, lexiconBytes] = await Promise.all([deps.readAsset(BUNDLED_CORPUS), deps.readAsset(BUNDLED_LEXICON)]);
    const bundled = engine.loadCorpus(corpusBytes);
    return {
      bundled: { entry: { id: 'bundled', name: 'Bundled seeds', articles: bundled.size, bundled: true, importedAt: null }, corpus: bundled },
      lexicon: engine.loadLexicon(lexiconBytes),
    };
  }

  async function loadImported(): Promise<LoadedCorpora['entries']> {
    const entries: LoadedCorpora['entries'] = [];
    for (const row of await deps.corpusStore.all()) {
      try {
        const texts = new StoredTexts(deps.corpusStore, row.id, row.textBytes);
        const corpus = engine.loadCorpusHead(row.head, texts);
        entries.push({
          entry: { id: row.id, name: row.name, articles: corpus.size, bundled: false, importedAt: row.importedAt },
          corpus,
          texts,
        });
      } catch (error) {
        // A stored corpus that no longer loads (say, written by an older format) must not block checks with the others.
        entries.push({
          entry: { id: row.id, name: `${row.name} (unreadable)`, articles: 0, bundled: false, importedAt: row.importedAt },
          corpus: { size: 0, meta: () => { throw new RangeError('empty corpus'); }, textRange: () => { throw new RangeError('empty corpus'); } },
          unreadable: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return entries;
  }

  async function inject(tabId: number): Promise<void> {
    await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  }

  /** Run one ContentApi method in the page. The function is serialised, so it may only use its arguments. */
  async function callContent<R>(tabId: number, func: (global: string, ...rest: never[]) => R, args: unknown[] = []): Promise<R> {
    const [first] = await api.scripting.executeScript({ target: { tabId }, func, args: [CONTENT_GLOBAL, ...args] });
    if (first === undefined) throw new Error('The page did not answer.');
    if (first.error !== undefined && first.error !== null) {
      throw new Error(first.error instanceof Error ? first.error.message : String((first.error as { message?: unknown }).message ?? first.error));
    }
    return first.result as R;
  }

  async function setBadge(tabId: number, analysis: Analysis | null): Promise<void> {
    const badge = analysis === null ? { text: '', color: '#5f6368' } : badgeFor(analysis.status, analysis.overlap);
    try {
      await api.action.setBadgeText({ tabId, text: badge.text });
      await api.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    } catch {
      // The tab closed meanwhile; there is no badge to set.
    }
  }

  /** This worker's verdicts by tab; `deps.cache` keeps them for the next worker. */
  const remembered = new Map<number, CachedAnalysis>();

  async function cached(tabId: number): Promise<CachedAnalysis | null> {
    const known = remembered.get(tabId);
    if (known !== undefined) return known;
    const entry = (await deps.cache.get(cacheKey(tabId)))[cacheKey(tabId)] as CachedAnalysis | undefined;
    return entry ?? null;
  }

  function remember(tabId: number, entry: CachedAnalysis): void {
    remembered.set(tabId, entry);
    // Written after the answer: reports and highlights read the in-memory copy meanwhile.
    deps.cache.set({ [cacheKey(tabId)]: entry }).catch(() => undefined);
  }

  async function fileAccess(): Promise<boolean> {
    try {
      return (await api.extension?.isAllowedFileSchemeAccess?.()) ?? false;
    } catch {
      return false;
    }
  }

  function lookupIn(loaded: LoadedCorpora) {
    return (id: string): ArticleMeta | null => {
      for (const { corpus } of loaded.entries) {
        for (let i = 0; i < corpus.size; i++) {
          const meta = corpus.meta(i);
          if (meta.id === id) return meta;
        }
      }
      return null;
    };
  }

  /** The corpora a check runs against: a stored corpus that no longer loads is listed (as unreadable) but has nothing to offer. */
  const usableCorpora = (loaded: LoadedCorpora): LoadedCorpus[] => loaded.entries.filter((e) => e.unreadable === undefined);

  /**
   * Reads from the corpus store the texts of the imported articles the check will align. An
   * imported corpus whose texts can no longer be read (a piece lost from the browser's storage)
   * is marked unreadable, as one whose index does not load, and the check goes on without it;
   * its candidates are then looked for again, since the others may now offer more.
   */
  async function readCandidateTexts(page: PageInput, loaded: LoadedCorpora): Promise<void> {
    for (;;) {
      const usable = usableCorpora(loaded);
      const stored = usable.filter((e) => e.texts !== undefined);
      if (stored.length === 0) return;
      const wanted = engine.candidateArticles(page, usable.map((e) => e.corpus), { lexicon: loaded.lexicon });
      const failed: Array<[LoadedCorpus, string]> = [];
      await Promise.all(
        stored.map((e) =>
          e.texts!
            .load(wanted.filter((c) => c.corpus === e.corpus).map((c) => e.corpus.textRange(c.doc)))
            .catch((error: unknown) => void failed.push([e, error instanceof Error ? error.message : String(error)])),
        ),
      );
      if (failed.length === 0) return;
      for (const [e, reason] of failed) {
        e.unreadable = reason;
        e.entry = { ...e.entry, name: `${e.entry.name} (unreadable)`, articles: 0 };
      }
    }
  }

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
    corpora().catch(() => undefined);
    let address = url;
    if (address === undefined) {
      try {
        address = (await api.tabs.get(tabId)).url;
      } catch {
        return { ok: false, error: { code: 'failed', message: 'That tab is gone. Open an article and try again.' } };
      }
    }
    if (address !== undefined) {
      const forbidden = classifyForbiddenPage(address, address.startsWith('file:') ? await fileAccess() : false);
      if (forbidden !== null) {
        await setBadge(tabId, null);
        return { ok: false, error: { code: 'forbidden-page', message: forbiddenPageMessage(forbidden) } };
      }
    }

    let extraction: PageExtraction;
    try {
      timings.other += lap();
      await inject(tabId);
      timings.inject = lap();
      extraction = await callContent(tabId, (global: string) =>
        (globalThis as unknown as Record<string, ContentApi>)[global]!.extract(),
      );
      timings.extract = lap();
      timings.read = extraction.readMs;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Without a known address the browser withheld even the URL: the page is one it shields.
      if (address === undefined || /cannot be scripted|cannot access a|chrome:\/\/|about:|extensions gallery/i.test(reason)) {
        await setBadge(tabId, null);
        return {
          ok: false,
          error: { code: 'forbidden-page', message: 'Firsthand cannot read this page: the browser does not let extensions look inside it.' },
        };
      }
      return { ok: false, error: { code: 'failed', message: `Firsthand could not read this page (${reason}). Reload it and try again.` } };
    }
    if ('error' in extraction) {
      await setBadge(tabId, null);
      return { ok: false, error: { code: 'no-article', message: extraction.error.message || 'No article found on this page.' } };
    }

    const { article } = extraction;
    const textSha256 = await deps.sha256(article.text);
    try {
      timings.other += lap();
      const loaded = await corpora();
      timings.corpora = lap();
      const corporaKey = loaded.entries.map((e) => e.entry.id).join(' ');
      const previous = await cached(tabId);
      if (
        previous !== null &&
        previous.url === extraction.url &&
        previous.textSha256 === textSha256 &&
        previous.corpora === corporaKey
      ) {
        void setBadge(tabId, previous.analysis);
        return { ok: true, analysis: previous.analysis };
      }
      // Headline first, exactly as the CLI checks a page (see extract/page-text.ts)
      const checked = { ...article, text: pageText(article) };
      // The page's canonical address when it states one: a mirror or a local copy of an article is still that article.
      const page = { text: checked.text, published: article.published, url: article.url ?? extraction.url };
      timings.other += lap();
      await readCandidateTexts(page, loaded);
      timings.texts = lap();
      const verdict = engine.attribute(page, usableCorpora(loaded).map((e) => e.corpus), { lexicon: loaded.lexicon });
      timings.attribute = lap();
      const analysis = buildAnalysis(verdict, {
        article: checked,
        url: extraction.url,
        corpusArticles: loaded.entries.reduce((sum, e) => sum + e.entry.articles, 0),
        elapsedMs: Math.round(performance.now() - started),
        lookup: lookupIn(loaded),
      });
      timings.other += lap();
      analysis.timings = roundTimings(timings);
      analysis.elapsedMs = Math.round(performance.now() - started);
      remember(tabId, { url: extraction.url, textSha256, corpora: corporaKey, analysis });
      // The badge is not part of the answer: the popup need not wait for it.
      void setBadge(tabId, analysis);
      return { ok: true, analysis };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'failed', message: `The check failed: ${reason}` } };
    }
  }

  /** Checks a toolbar click started before the popup asked for them (see checkOnClick), by tab. */
  const earlyChecks = new Map<number, { at: number; outcome: Promise<AnalysisOutcome> }>();

  const handlers = {
    analyzeTab(tabId: number, url?: string): Promise<AnalysisOutcome> {
      const early = earlyChecks.get(tabId);
      earlyChecks.delete(tabId);
      if (early === undefined || performance.now() - early.at >= EARLY_CHECK_TTL_MS) return check(tabId, url);
      // The early check is only a head start: if it failed (say, the page was not yet readable), check again.
      return early.outcome.then((outcome) => (outcome.ok || outcome.error.code !== 'failed' ? outcome : check(tabId, url)));
    },

    async getCachedAnalysis(tabId: number): Promise<Analysis | null> {
      return (await cached(tabId))?.analysis ?? null;
    },

    async highlight(tabId: number, on: boolean): Promise<{ marks: number }> {
      await inject(tabId); // idempotent; the page may have been reloaded since the check
      if (!on) {
        await callContent(tabId, (global: string) => (globalThis as unknown as Record<string, ContentApi>)[global]!.clearHighlights());
        return { marks: 0 };
      }
      const entry = await cached(tabId);
      if (entry === null) throw new Error('Check the page first.');
      const marks = highlightMarks(entry.analysis);
      const placed = await callContent(
        tabId,
        (global: string, wanted: never) => (globalThis as unknown as Record<string, ContentApi>)[global]!.highlight(wanted as HighlightMark[]),
        [marks],
      );
      return { marks: placed };
    },

    async saveReport(tabId: number, comment: string): Promise<Report> {
      const entry = await cached(tabId);
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
        extensionVersion: api.runtime.getManifest().version,
        comment: String(comment).slice(0, MAX_COMMENT),
        delivery: { status: 'saved', attempts: 0, lastError: null, sentAt: null },
      };
      return deps.reports.save(report);
    },

    listReports: () => deps.reports.list(),

    deleteReport: (id: string) => deps.reports.delete(id),

    async importCorpus(id: string): Promise<CorpusEntry> {
      imported = null; // the options page has just written it to the store
      const found = (await corpora()).entries.find((e) => e.entry.id === id);
      if (found !== undefined && found.unreadable === undefined) return found.entry;
      // The page takes a corpus the checks cannot use out of the store; read the store afresh next time.
      imported = null;
      throw new Error(found === undefined ? 'The imported corpus is not in the store.' : found.unreadable);
    },

    async listCorpora(): Promise<CorpusEntry[]> {
      return (await corpora()).entries.map((e) => e.entry);
    },

    async removeCorpus(id: string): Promise<void> {
      if (id === 'bundled') throw new Error('The bundled corpus cannot be removed.');
      await deps.corpusStore.remove(id);
      imported = null;
    },

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

    /**
     * Start checking a tab the moment its toolbar button is clicked, while the browser is still
     * opening the popup; the popup's analyzeTab then gets this check (not a message: called from
     * action.onClicked, see background.ts).
     */
    checkOnClick(tabId: number, url?: string): void {
      const outcome = check(tabId, url);
      earlyChecks.set(tabId, { at: performance.now(), outcome });
    },

    /** Drop a closed tab's cache entry (not a message: called from tabs.onRemoved). */
    async forgetTab(tabId: number): Promise<void> {
      remembered.delete(tabId);
      earlyChecks.delete(tabId);
      await deps.cache.remove(cacheKey(tabId));
    },
  } satisfies Handlers & BackgroundOnly;
  return handlers;
}

/** Timings to 0.1 ms: finer is noise, and they travel to the popup as JSON. */
function roundTimings(timings: AnalysisTimings): AnalysisTimings {
  const out = { ...timings };
  for (const key of Object.keys(out) as (keyof AnalysisTimings)[]) out[key] = Math.round(out[key] * 10) / 10;
  return out;
}

/** One mark per distinct page stretch across all sources, in page order. */
export function highlightMarks(analysis: Analysis): HighlightMark[] {
  const seen = new Set<string>();
  const marks: { start: number; mark: HighlightMark }[] = [];
  for (const source of analysis.sources) {
    for (const passage of source.passages) {
      const key = `${passage.page[0]}:${passage.page[1]}`;
      if (seen.has(key) || passage.pageText.trim() === '') continue;
      seen.add(key);
      marks.push({ start: passage.page[0], mark: { text: passage.pageText, kind: passage.kind } });
    }
  }
  return marks.sort((a, b) => a.start - b.start).map((m) => m.mark);
}
