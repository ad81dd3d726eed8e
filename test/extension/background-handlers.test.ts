/**
 * The background's handler map driven by a fake browser: the real engine on
 * the seeds corpus, the real content script on jsdom pages, in-memory stores.
 * The fake executeScript re-creates injected functions from their source text,
 * as the browser does, so a function that leans on a closure fails here too.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import type { JSDOM } from 'jsdom';
import { createHandlers, type BackgroundDeps } from '../../src/extension/background-handlers.js';
import { BADGE_COLORS } from '../../src/extension/badge.js';
import { CONTENT_GLOBAL, type PageExtraction } from '../../src/extension/content-api.js';
import { installContentApi } from '../../src/extension/content-script.js';
import { bytesSource, engineCorpusReader, importCorpusFile } from '../../src/extension/corpus-import.js';
import { chunkCount, memoryCorpusStore, textReaderOf, type CorpusStore } from '../../src/extension/corpus-store.js';
import type { ExtensionApi, InjectionResult } from '../../src/extension/extension-api.js';
import { dispatch } from '../../src/extension/messages.js';
import { memoryReportRows } from '../../src/extension/report-rows.js';
import { reportBody } from '../../src/extension/report.js';
import { pageText } from '../../src/extract/page-text.js';
import { schemaErrors } from '../helpers/json-schema.js';

import { ReportStore } from '../../src/extension/report-store.js';
import { sha256Hex } from '../../src/extension/sha256.js';
import { memoryStorageArea, type StorageArea } from '../../src/extension/storage-area.js';
import { buildCorpusIndex, loadCorpus, splitCorpusFile } from '../../src/engine/index.js';
import { NewsGenerator } from '../../src/bench/news-generator.js';
import { loadVocabulary } from '../../src/bench/vocabulary.js';
import { indexedDbReaderSegments } from '../../src/extension/background/reader-segments.js';
import { fakeFollowBrowser } from './support/fake-follow-browser.js';
import { jsdomPageReader } from './support/dom-reader.js';
import { lexiconBytes, newsPageHtml, pageDom, seed, seedsCorpusBytes, testEngine } from './support/seed-pages.js';

const reportSchema = JSON.parse(readFileSync(new URL('../../src/extension/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const TAB = 7;

interface FakeTab {
  dom: JSDOM | null;
  /** What tabs.get reports; undefined models a tab the extension has no access to. */
  url: string | undefined;
  /** Error executeScript throws for this tab, as the browser does for shielded pages. */
  injectError?: string;
  /** What injecting a file gives back instead of running it: a script that threw, a page that did not answer. */
  scriptResults?: InjectionResult[];
}

/** The build id the fake's content scripts install the API with, as the real bundles do theirs. */
const CONTENT_BUILD = 'content-build';

function fakeBrowser(tab: FakeTab) {
  /** Every call into the page: the files injected, each call's; and how many functions were run. */
  const calls = { files: [] as string[][], funcs: 0, extractions: [] as PageExtraction[] };
  const badges = new Map<number, { text?: string; color?: string }>();
  const api: ExtensionApi = {
    tabs: {
      async get(tabId) {
        if (tabId !== TAB) throw new Error(`No tab with id: ${tabId}.`);
        return tab.url === undefined ? {} : { url: tab.url };
      },
    },
    scripting: {
      async executeScript(injection) {
        if (tab.injectError !== undefined) throw new Error(tab.injectError);
        const window = tab.dom!.window as unknown as Record<string, unknown>;
        if (injection.files !== undefined) {
          calls.files.push(injection.files);
          if (tab.scriptResults !== undefined) return tab.scriptResults;
          // Both scripts install the API as content.ts does; content-extract.js's value is then the page's extraction.
          const content = installContentApi(window, CONTENT_GLOBAL, tab.dom!.window.document, CONTENT_BUILD);
          if (injection.files.length === 1 && injection.files[0] === 'content.js') return [{ result: undefined }];
          if (injection.files.length === 1 && injection.files[0] === 'content-extract.js') {
            const extraction = content.extract();
            calls.extractions.push(extraction);
            return [{ result: extraction }];
          }
          throw new Error(`Could not load file: '${injection.files.join(', ')}'.`);
        }
        calls.funcs++;
        // Serialise and rebuild like the browser; run with the page window as globalThis.
        const rebuilt = new Function('globalThis', `return (${injection.func!.toString()})`)(window) as (...a: unknown[]) => unknown;
        try {
          return [{ result: rebuilt(...(injection.args ?? [])) }];
        } catch (error) {
          return [{ error }];
        }
      },
    },
    action: {
      async setBadgeText({ tabId, text }) {
        badges.set(tabId!, { ...badges.get(tabId!), text });
      },
      async setBadgeBackgroundColor({ tabId, color }) {
        badges.set(tabId!, { ...badges.get(tabId!), color });
      },
    },
    runtime: { getManifest: () => ({ version: '9.9.9' }) },
  };
  return { api, calls, badges };
}

function setup(
  tab: FakeTab,
  fetchImpl: typeof fetch = (async () => new Response(null, { status: 200 })) as typeof fetch,
  corpusStore: CorpusStore = memoryCorpusStore(),
  overrides: Partial<BackgroundDeps> = {},
) {
  const browser = fakeBrowser(tab);
  let attributeCalls = 0;
  const pagesChecked: Array<{ url?: string | null; canonical?: string | null }> = [];
  const local = memoryStorageArea();
  const reports = new ReportStore({ rows: memoryReportRows(), area: local, fetch: fetchImpl, now: () => new Date('2026-05-04T12:00:00Z') });
  let uuid = 0;
  const deps: BackgroundDeps = {
    api: browser.api,
    engine: {
      ...testEngine,
      attribute(...args) {
        attributeCalls++;
        pagesChecked.push(args[0]);
        return testEngine.attribute(...args);
      },
    },
    async readAsset(path) {
      if (path === 'data/seeds.fhc') return seedsCorpusBytes;
      if (path === 'data/lexicon.bin') return lexiconBytes();
      throw new Error(`unexpected asset ${path}`);
    },
    corpusStore,
    reports,
    cache: memoryStorageArea(),
    now: () => new Date('2026-05-04T12:00:00Z'),
    uuid: () => `id-${++uuid}`,
    sha256: sha256Hex,
    settings: local,
    readerSegments: indexedDbReaderSegments(new IDBFactory()),
    follow: { browser: fakeFollowBrowser(), fetch: fetchImpl, reader: jsdomPageReader },
    build: '9.9.9+test-build',
    ...overrides,
  };
  const handlers = createHandlers(deps);
  /** What the options page does: check and store the file itself, then name it to the background. */
  const importFile = (name: string, bytes: Uint8Array) =>
    importCorpusFile(
      { store: corpusStore, reader: engineCorpusReader, uuid: () => `import-${++uuid}`, now: deps.now, announce: (id) => handlers.importCorpus(id) },
      name,
      bytesSource(bytes),
    );
  return { handlers, browser, attributeCalls: () => attributeCalls, pagesChecked, local, reports, corpusStore, importFile };
}

const spunCopy = seed('001'); // the content farm's rewrite of 000
const original = seed('000');

test('the background says which build it runs (an update is seen to run the new script)', async () => {
  const { handlers } = setup({ dom: null, url: 'https://example.org/a' });
  expect(await dispatch(handlers, { firsthand: 1, name: 'build', args: [] })).toEqual({ ok: true, value: '9.9.9+test-build' });
});

describe('analyzeTab', () => {
  test('a spun copy names the original with its overlap, and the badge shows it', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy, 'Autoblog'), 'https://farm.example/biden'), url: 'https://farm.example/biden' };
    const { handlers, browser } = setup(tab);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { analysis } = outcome;
    expect(['copy', 'partial']).toContain(analysis.status);
    expect(analysis.likelyOriginal?.id).toBe(original.id);
    expect(analysis.likelyOriginal?.outlet).toBe('Al Jazeera');
    expect(analysis.page.extractor).toBe('readability');
    expect(analysis.url).toBe('https://farm.example/biden');
    expect(analysis.corpusArticles).toBe(5);
    // Both sides of every passage are cut from the real texts.
    const source = analysis.sources.find((s) => s.id === original.id)!;
    expect(source.passages.length).toBeGreaterThan(0);
    for (const p of source.passages) {
      expect(p.pageText.length).toBeGreaterThan(0);
      expect(original.text).toContain(p.sourceText);
    }
    const badge = browser.badges.get(TAB)!;
    expect(badge.text).toBe(`${Math.round(analysis.overlap * 100)}%`);
    expect(badge.color).toBe(BADGE_COLORS[analysis.status]);
    // The page was read in one call into it, whose value was the extraction: no second call to ask for it.
    expect(browser.calls.files).toEqual([['content-extract.js']]);
    expect(browser.calls.funcs).toBe(0);
    expect(browser.calls.extractions.map((e) => e.url)).toEqual(['https://farm.example/biden']);
  });

  test('the original says so, with ORIG on the badge', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(original, 'Al Jazeera'), 'https://aj.example/story'), url: 'https://aj.example/story' };
    const { handlers, browser } = setup(tab);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.status).toBe('original');
    expect(outcome.analysis.likelyOriginal?.id).toBe(original.id);
    expect(browser.badges.get(TAB)).toEqual({ text: 'ORIG', color: BADGE_COLORS.original });
  });

  test.each([
    ['chrome://settings/', undefined],
    ['https://chromewebstore.google.com/detail/x', undefined],
    ['about:addons', undefined],
    [undefined, 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.'],
    [undefined, 'Missing host permission for the tab'],
  ])('a shielded page (%s / %s) gets forbidden-page without an injection attempt when its address says so', async (url, injectError) => {
    const tab: FakeTab = { dom: null, url, ...(injectError === undefined ? {} : { injectError }) };
    const { handlers, browser } = setup(tab);
    const outcome = await handlers.analyzeTab(TAB);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden-page' } });
    // Every forbidden page, known by its address or only by the browser's refusal, tells the reader what to do.
    if (!outcome.ok) expect(outcome.error.message).toMatch(/Open a news article and try again\.$/);
    if (url !== undefined) expect(browser.calls.files.length + browser.calls.funcs).toBe(0);
    expect(browser.badges.get(TAB)?.text).toBe('');
  });

  test('a page without an article gets no-article', async () => {
    const html = '<!doctype html><html><head><title>Sign in</title></head><body><nav><a href="/">Home</a></nav><form><input name=u><button>Sign in</button></form></body></html>';
    const { handlers, browser } = setup({ dom: pageDom(html, 'https://news.example/login'), url: 'https://news.example/login' });
    expect(await handlers.analyzeTab(TAB)).toMatchObject({ ok: false, error: { code: 'no-article' } });
    expect(browser.badges.get(TAB)?.text).toBe('');
  });

  test.each([
    ['the script threw in the page', [{ error: new Error('document.body is null') }], /could not read this page \(document\.body is null\)/],
    ['no frame answered', [], /could not read this page \(The page did not answer\.\)/],
    // Chrome reports a script that threw as one without a value; so would a file not ending with the extraction.
    ['the script gave no value', [{ result: undefined }], /could not read this page \(The page did not answer\.\)/],
  ])('a page that could not be read (%s) gets failed, and is not checked', async (_, results, message) => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/e'), url: 'https://farm.example/e', scriptResults: results };
    const { handlers, browser, attributeCalls } = setup(tab);
    const outcome = await handlers.analyzeTab(TAB);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(message);
    expect(browser.calls.files).toEqual([['content-extract.js']]);
    expect(attributeCalls()).toBe(0);
  });

  test('looks the tab up in the verdict cache before the page is read, and hashes the text meanwhile', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/h'), url: 'https://farm.example/h' };
    const cache = memoryStorageArea();
    let lookedUp!: () => void;
    const cacheLookedUp = new Promise<void>((resolve) => (lookedUp = resolve));
    let pageReadsAtLookup = -1;
    const watchedCache: StorageArea = {
      ...cache,
      get(keys) {
        if (keys === `analysis:${TAB}`) {
          pageReadsAtLookup = browser.calls.files.length;
          lookedUp();
        }
        return cache.get(keys);
      },
    };
    // The hash ends only once the cache has been asked: were they in turn, the check would wait for itself.
    const sha256 = async (text: string): Promise<string> => {
      const waited = await Promise.race([cacheLookedUp.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000))]);
      if (!waited) throw new Error('the cache was not asked while the text was hashed');
      return sha256Hex(text);
    };
    const { handlers, browser } = setup(tab, undefined, undefined, { cache: watchedCache, sha256 });
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.likelyOriginal?.id).toBe(original.id);
    expect(pageReadsAtLookup).toBe(0);
  });

  test('a verdict cache that cannot be read is an empty one: the check goes on', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/k'), url: 'https://farm.example/k' };
    const cache = memoryStorageArea();
    const brokenCache: StorageArea = { ...cache, get: () => Promise.reject(new Error('storage is unavailable')) };
    const { handlers, attributeCalls } = setup(tab, undefined, undefined, { cache: brokenCache });
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.likelyOriginal?.id).toBe(original.id);
    expect(attributeCalls()).toBe(1);
  });

  test('a second check of the same page is served from the cache; a new address or new text is checked afresh', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://spa.example/one'), url: 'https://spa.example/one' };
    const ctx = setup(tab);
    const first = await ctx.handlers.analyzeTab(TAB);
    const again = await ctx.handlers.analyzeTab(TAB);
    expect(again).toEqual(first);
    expect(ctx.attributeCalls()).toBe(1);
    expect(await ctx.handlers.getCachedAnalysis(TAB)).toEqual(first.ok ? first.analysis : null);
    // The check's script, injected again, kept the API and the extraction it remembered: the page was not read twice.
    expect(ctx.browser.calls.extractions.map((e) => e.cached === true)).toEqual([false, true]);

    // An SPA swaps the article and pushes a new address without reloading.
    const { document, history } = tab.dom!.window;
    document.querySelector('article')!.innerHTML = new (tab.dom!.window.DOMParser)()
      .parseFromString(newsPageHtml(original), 'text/html')
      .querySelector('article')!.innerHTML;
    history.pushState({}, '', '/two');
    const afterNavigation = await ctx.handlers.analyzeTab(TAB);
    if (!afterNavigation.ok) throw new Error(afterNavigation.error.message);
    expect(afterNavigation.analysis.url).toBe('https://spa.example/two');
    // 000's words, but 000 has no address and its outlet (Al Jazeera) is not spa.example: the same text, not 000 itself
    expect(afterNavigation.analysis.status).toBe('same-text');
    expect(afterNavigation.analysis.sameText?.id).toBe(original.id);
    expect(ctx.attributeCalls()).toBe(2);
    expect(ctx.browser.calls.extractions.map((e) => e.cached === true)).toEqual([false, true, false]);
  });
});

describe('the address the page is checked under', () => {
  // Identical words at another address are a copy, not the article (engine/identity.ts), so the address matters.
  test('is the tab’s address when the page names none', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(original), 'https://mirror.example/biden?ref=x'), url: 'https://mirror.example/biden?ref=x' };
    const ctx = setup(tab);
    await ctx.handlers.analyzeTab(TAB);
    expect(ctx.pagesChecked.at(-1)?.url).toBe('https://mirror.example/biden?ref=x');
  });

  test('is the tab’s address even when the page names another; the canonical link goes along as what the page says of itself', async () => {
    const html = newsPageHtml(original).replace('</head>', '<link rel="canonical" href="/news/2021/12/9/biden-call"></head>');
    const tab: FakeTab = { dom: pageDom(html, 'https://www.aljazeera.example/amp/news/2021/12/9/biden-call'), url: 'https://www.aljazeera.example/amp/news/2021/12/9/biden-call' };
    const ctx = setup(tab);
    await ctx.handlers.analyzeTab(TAB);
    expect(ctx.pagesChecked.at(-1)?.url).toBe('https://www.aljazeera.example/amp/news/2021/12/9/biden-call');
    expect(ctx.pagesChecked.at(-1)?.canonical).toBe('https://www.aljazeera.example/news/2021/12/9/biden-call');
  });

  test('a scraper whose canonical link forges the original’s address is a copy of it, not the original', async () => {
    // Issue 17: the canonical outranked the tab's address as identity, so this page was `original`.
    const address = 'https://www.aljazeera.example/news/2021/12/9/biden-call';
    const html = newsPageHtml(original).replace('</head>', `<link rel="canonical" href="${address}"></head>`);
    const tab: FakeTab = { dom: pageDom(html, 'https://scraper.example/biden'), url: 'https://scraper.example/biden' };
    const { handlers, importFile } = setup(tab);
    await importFile('aljazeera.fhc', buildCorpusIndex([{ ...original, id: 'aj-biden-call', url: address }]));
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.status).toBe('copy');
    expect(outcome.analysis.likelyOriginal?.id).toBe('aj-biden-call');
    expect(outcome.analysis.sources.find((s) => s.id === 'aj-biden-call')?.evidence?.map((e) => e.kind)).toContain('canonical');
  });
});

describe('a check started by the toolbar click', () => {
  test('is under way before the popup asks, and is the answer the popup gets', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/c'), url: 'https://farm.example/c' };
    const ctx = setup(tab);
    ctx.handlers.checkOnClick(TAB, 'https://farm.example/c');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ctx.browser.calls.files).toHaveLength(1); // the page is being read already

    const outcome = await ctx.handlers.analyzeTab(TAB, 'https://farm.example/c');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.likelyOriginal?.id).toBe(original.id);
    expect(ctx.attributeCalls()).toBe(1);
    expect(ctx.browser.calls.files).toHaveLength(1);
    // Where the time went: every stage measured, together about the whole.
    const t = outcome.analysis.timings!;
    const stages = t.inject + t.extract + t.corpora + t.texts + t.attribute + t.other;
    expect(t.read).toBeGreaterThan(0);
    // One call injects and reads: the reading is the page's own timing, the rest of the call the injection.
    expect(t.extract).toBe(t.read);
    expect(t.inject).toBeGreaterThanOrEqual(0);
    expect(t.attribute).toBeGreaterThan(0);
    expect(Math.abs(stages - outcome.analysis.elapsedMs)).toBeLessThan(2);

    // Taken once: the next request reads the page again (and finds the verdict cached).
    expect(await ctx.handlers.analyzeTab(TAB, 'https://farm.example/c')).toEqual(outcome);
    expect(ctx.browser.calls.files).toHaveLength(2);
    expect(ctx.attributeCalls()).toBe(1);
  });

  test('that failed is not the answer: the popup’s request checks the page again', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/d'), url: 'https://farm.example/d' };
    const ctx = setup(tab);
    // As Chrome answers when the click's access to the page is not in place yet.
    tab.injectError = 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';
    ctx.handlers.checkOnClick(TAB, 'https://farm.example/d');
    await new Promise((resolve) => setTimeout(resolve, 0));
    delete tab.injectError;
    const outcome = await ctx.handlers.analyzeTab(TAB, 'https://farm.example/d');
    expect(outcome).toMatchObject({ ok: true, analysis: { likelyOriginal: { id: original.id } } });
  });
});

describe('highlight', () => {
  test('marks the passages in the page, then removes them', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/b'), url: 'https://farm.example/b' };
    const { handlers, browser } = setup(tab);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const doc = tab.dom!.window.document;
    const before = doc.body.textContent;
    const installedByCheck = (tab.dom!.window as unknown as Record<string, unknown>)[CONTENT_GLOBAL];
    const { marks } = await handlers.highlight(TAB, true);
    expect(marks).toBeGreaterThan(0);
    // Highlighting injects content.js, which keeps the API the check's script installed.
    expect(browser.calls.files).toEqual([['content-extract.js'], ['content.js']]);
    expect((tab.dom!.window as unknown as Record<string, unknown>)[CONTENT_GLOBAL]).toBe(installedByCheck);
    const placed = [...doc.querySelectorAll('mark[data-firsthand]')];
    expect(placed).toHaveLength(marks);
    const kinds = new Set(outcome.analysis.sources.flatMap((s) => s.passages.map((p) => p.kind)));
    for (const mark of placed) expect(kinds).toContain(mark.getAttribute('data-firsthand'));
    // Marked text is passage text, and the first passage's opening words are marked.
    const firstPassage = outcome.analysis.sources.flatMap((s) => s.passages).sort((a, b) => a.page[0] - b.page[0])[0]!;
    expect(placed[0]!.textContent!.replace(/\s+/g, ' ')).toBe(firstPassage.pageText.replace(/\s+/g, ' ').slice(0, placed[0]!.textContent!.replace(/\s+/g, ' ').length));
    expect(doc.body.textContent).toBe(before);

    expect(await handlers.highlight(TAB, false)).toEqual({ marks: 0 });
    expect(doc.querySelectorAll('mark').length).toBe(0);
    expect(doc.body.textContent).toBe(before);
  });
});

describe('reports', () => {
  test('a report holds the verdict, the passages and a hash of the extracted text; it is kept when the send fails and sent on retry', async () => {
    let up = false;
    const received: { id: string }[] = [];
    const fetchImpl = (async (_u: RequestInfo | URL, init?: RequestInit) => {
      if (!up) throw new TypeError('Failed to fetch');
      received.push(JSON.parse(String(init!.body)));
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/r'), url: 'https://farm.example/r' };
    const { handlers } = setup(tab, fetchImpl);
    await expect(handlers.saveReport(TAB, 'x')).rejects.toThrow(/Check the page/);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(await handlers.setEndpoint('http://example.org/in')).toMatchObject({ ok: false });
    expect(await handlers.setEndpoint('http://127.0.0.1:8765/in')).toEqual({ ok: true, endpoint: 'http://127.0.0.1:8765/in' });

    const report = await handlers.saveReport(TAB, 'spun copy of Al Jazeera');
    expect(report.delivery.status).toBe('pending-retry');
    expect(report).toMatchObject({
      pageUrl: 'https://farm.example/r',
      status: outcome.analysis.status,
      overlap: outcome.analysis.overlap,
      likelyOriginal: { id: original.id },
      extensionVersion: '9.9.9',
      comment: 'spun copy of Al Jazeera',
    });
    const extracted = (tab.dom!.window as unknown as Record<string, { extract(): { article: { title: string; text: string } } }>)[CONTENT_GLOBAL]!.extract();
    expect(report.textSha256).toBe(await sha256Hex(extracted.article.text));
    expect(report.passagesTotal).toBe(outcome.analysis.sources.reduce((n, s) => n + s.passages.length, 0));
    expect(report.passages.length).toBe(Math.min(report.passagesTotal, 100));
    // Self-contained: both sides of each passage, with offsets into the texts they were cut from.
    const checkedText = pageText(extracted.article);
    for (const p of report.passages) {
      expect(checkedText.slice(p.page.start!, p.page.end!).startsWith(p.page.text)).toBe(true);
      expect(p.source.end! - p.source.start!).toBeGreaterThanOrEqual(p.source.text.length);
      expect(p.source.text).not.toBe('');
      expect(report.sources.map((s) => s.id)).toContain(p.sourceId);
    }
    expect(schemaErrors(reportSchema, reportBody(report))).toEqual([]);

    expect(await handlers.listReports()).toHaveLength(1);
    up = true;
    expect(await handlers.retryPendingReports()).toEqual({ sent: 1, pending: 0 });
    expect(received.map((r) => r.id)).toEqual([report.id]);
    expect(schemaErrors(reportSchema, received[0])).toEqual([]);
    expect((await handlers.listReports())[0]!.delivery.status).toBe('sent');
    await handlers.deleteReport(report.id);
    expect(await handlers.listReports()).toEqual([]);
  });
});

describe('report options (15.14)', () => {
  test('a report carries the address without fragment and tracking parameters, unless the reader keeps the full one', async () => {
    const address = 'https://farm.example/r?id=7&utm_source=newsletter&fbclid=abc#comments';
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), address), url: address };
    const { handlers } = setup(tab);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(await handlers.getReportOptions()).toEqual({ keepFullUrl: false });
    expect((await handlers.saveReport(TAB, '')).pageUrl).toBe('https://farm.example/r?id=7');
    expect(await handlers.setReportOptions({ keepFullUrl: true })).toEqual({ keepFullUrl: true });
    expect((await handlers.saveReport(TAB, '')).pageUrl).toBe(address);
  });
});

describe('imported corpora', () => {
  const newsroomArticle = {
    id: 'newsroom-1',
    title: 'Harbour ferry service to resume after winter repairs',
    outlet: 'Coast Courier',
    published: '2025-03-02',
    url: 'https://coast.example/ferry',
    text: [
      'The harbour ferry between Northpoint and the island will resume on Monday after three months of winter repairs to its landing stages, the port authority said on Friday.',
      'Engineers replaced the rotten timber piles under both piers and fitted new ramps that let wheelchair users board without help, a change campaigners had sought for a decade.',
      'The authority said timetables would return to the summer pattern in April, with sailings every forty minutes at peak times and a late boat on Saturday evenings.',
      'Local traders, who said the closure cost them a fifth of their winter takings, welcomed the news but asked for compensation for the weeks the crossing was shut without notice.',
    ].join('\n\n'),
  };

  test('an imported corpus is listed with its count, used in checks, and removed again', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(newsroomArticle), 'https://coast.example/ferry'), url: 'https://coast.example/ferry' };
    const { handlers, importFile } = setup(tab);
    expect(await handlers.analyzeTab(TAB)).toMatchObject({ ok: true, analysis: { status: 'no-match' } });

    const entry = await importFile('newsroom.fhc', buildCorpusIndex([newsroomArticle]));
    expect(entry).toMatchObject({ name: 'newsroom.fhc', articles: 1, bundled: false });
    expect((await handlers.listCorpora()).map((c) => [c.name, c.articles])).toEqual([
      ['Bundled seeds', 5],
      ['newsroom.fhc', 1],
    ]);
    const withImport = await handlers.analyzeTab(TAB);
    expect(withImport).toMatchObject({ ok: true, analysis: { status: 'original', corpusArticles: 6 } });

    await handlers.removeCorpus(entry.id);
    expect(await handlers.listCorpora()).toHaveLength(1);
    await expect(handlers.removeCorpus('bundled')).rejects.toThrow(/cannot be removed/);
  });

  test('a woken worker reads an imported corpus\'s head, and from its texts only the chunks of the check\'s candidates', async () => {
    const archive = [...new NewsGenerator(loadVocabulary(), 7).corpus(300), newsroomArticle];
    const bytes = buildCorpusIndex(archive);
    const tab: FakeTab = { dom: pageDom(newsPageHtml(newsroomArticle), 'https://coast.example/ferry'), url: 'https://coast.example/ferry' };
    const store = memoryCorpusStore();
    const chunkReads: number[] = [];
    const readChunks = store.textChunks.bind(store);
    store.textChunks = async (id, chunks) => {
      chunkReads.push(...chunks);
      return readChunks(id, chunks);
    };
    const first = setup(tab, undefined, store);
    await first.importFile('archive.fhc', bytes);
    const [stored] = await store.all();
    expect(chunkCount(stored!.textBytes)).toBeGreaterThan(15);
    expect(stored!.head.length + stored!.textBytes).toBe(bytes.length);

    // A fresh background over the same store: Chrome's worker woken by a click after 30 s idle.
    const woken = setup(tab, undefined, store);
    const outcome = await woken.handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    // The page is the archive's article, at its own address (as in the test above, with the whole file).
    expect(outcome.analysis).toMatchObject({ status: 'original', corpusArticles: 5 + archive.length });
    expect(outcome.analysis.likelyOriginal?.id).toBe(newsroomArticle.id);
    // Only the candidates' chunks were read, each once.
    expect(chunkReads.length).toBeGreaterThan(0);
    expect(chunkReads.length).toBeLessThanOrEqual(4);
    expect(new Set(chunkReads).size).toBe(chunkReads.length);
    // Held in memory afterwards: the same page checked at another address reads nothing new.
    tab.url = 'https://mirror.example/ferry';
    tab.dom = pageDom(newsPageHtml(newsroomArticle), tab.url);
    const before = chunkReads.length;
    expect(await woken.handlers.analyzeTab(TAB)).toMatchObject({ ok: true, analysis: { status: 'copy' } });
    expect(chunkReads.length).toBe(before);
  });

  test('a stored corpus that no longer loads (an older format) is listed as unreadable and checks go on with the others', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/x'), url: 'https://farm.example/x' };
    const store = memoryCorpusStore();
    await store.put(
      { id: 'old', name: 'old.fhc', articles: 2, importedAt: '2026-01-01T00:00:00Z', head: new TextEncoder().encode('FHC0 not this format'), textBytes: 0 },
      textReaderOf(new Uint8Array(0)),
    );
    const { handlers } = setup(tab, undefined, store);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis).toMatchObject({ status: 'copy', likelyOriginal: { id: original.id } });
    expect((await handlers.listCorpora()).map((c) => c.name)).toEqual(['Bundled seeds', 'old.fhc (unreadable)']);
  });

  test.each([
    ['format 1, stored whole as the database of that time kept it', 'v1-synthetic.fhc', 'whole'],
    ['format 2, split into head and texts', 'v2-synthetic.fhc', 'split'],
  ])('a corpus imported under %s still loads (migrated where it must be), not listed as unreadable: its articles are found', async (_, fixture, kept) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/corpus/${fixture}`, import.meta.url)));
    const first = loadCorpus(bytes).article(0);
    const tab: FakeTab = { dom: pageDom(newsPageHtml(first), 'https://farm.example/y'), url: 'https://farm.example/y' };
    const store = memoryCorpusStore();
    if (kept === 'whole') {
      await store.put({ id: 'old', name: 'old.fhc', articles: 12, importedAt: '2026-01-01T00:00:00Z', head: bytes, textBytes: 0 }, textReaderOf(new Uint8Array(0)));
    } else {
      const { head, text } = splitCorpusFile(bytes);
      await store.put({ id: 'old', name: 'old.fhc', articles: 24, importedAt: '2026-01-01T00:00:00Z', head: head.slice(), textBytes: text.length }, textReaderOf(text));
    }
    const { handlers } = setup(tab, undefined, store);
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.sources.map((s) => s.id)).toContain(first.id);
    expect((await handlers.listCorpora()).map((c) => [c.name, c.articles])).toEqual([['Bundled seeds', 5], ['old.fhc', kept === 'whole' ? 12 : 24]]);
    // format 1 is rebuilt and stored anew; format 2 is read as it is
    expect((await store.all()).map((r) => r.id)).toEqual([kept === 'whole' ? 'old-migrated' : 'old']);
  });

  test('an imported corpus whose texts can no longer be read is marked unreadable and the check goes on with the others', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(newsroomArticle), 'https://mirror.example/ferry'), url: 'https://mirror.example/ferry' };
    const store = memoryCorpusStore();
    const readChunks = store.textChunks.bind(store);
    store.textChunks = async (id, chunks) => {
      if (id === 'import-1') throw new Error('piece 0 of the corpus\'s texts is missing from this browser\'s storage');
      return readChunks(id, chunks);
    };
    const { handlers, importFile } = setup(tab, undefined, store);
    // The same article in both: the first import's texts are lost, the second's are there.
    await importFile('lost.fhc', buildCorpusIndex([{ ...newsroomArticle, id: 'ferry-copy-in-lost' }]));
    await importFile('archive.fhc', buildCorpusIndex([newsroomArticle]));
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.status).toBe('copy');
    expect(outcome.analysis.likelyOriginal?.id).toBe(newsroomArticle.id);
    expect(outcome.analysis.sources.map((s) => s.id)).not.toContain('ferry-copy-in-lost');
    expect((await handlers.listCorpora()).map((c) => c.name)).toEqual(['Bundled seeds', 'lost.fhc (unreadable)', 'archive.fhc']);
  });

  test('an imported article whose stored text was damaged after import is set aside: the check goes on, the bundled answer stands, the corpus is marked damaged', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(spunCopy), 'https://farm.example/x'), url: 'https://farm.example/x' };
    const store = memoryCorpusStore();
    const readChunks = store.textChunks.bind(store);
    // One bit flipped in the browser's storage: the chunks of import-1 come back with it.
    store.textChunks = async (id, chunks) => {
      const read = await readChunks(id, chunks);
      if (id !== 'import-1') return read;
      return read.map((bytes, i) => (chunks[i] === 0 ? bytes.map((b, at) => (at === 40 ? b ^ 0x01 : b)) : bytes));
    };
    const { handlers, importFile } = setup(tab, undefined, store);
    // The original again, under another id, in the corpus that gets damaged: a candidate of the same page.
    await importFile('damaged.fhc', buildCorpusIndex([{ ...original, id: 'original-copy' }, newsroomArticle]));
    await importFile('archive.fhc', buildCorpusIndex([{ ...newsroomArticle, id: 'ferry-archive' }]));
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis).toMatchObject({ status: 'copy', likelyOriginal: { id: original.id } });
    expect(outcome.analysis.sources.map((s) => s.id)).not.toContain('original-copy');
    const listed = await handlers.listCorpora();
    expect(listed.map((c) => [c.name, c.damaged])).toEqual([
      ['Bundled seeds', undefined],
      ['damaged.fhc', expect.stringMatching(/^1 article damaged and left out of checks \(corrupt corpus: text of article 0 is damaged\)/)],
      ['archive.fhc', undefined],
    ]);
  });

  test('a file that is not a corpus is refused with a clear message and not stored', async () => {
    const { handlers, importFile, corpusStore } = setup({ dom: null, url: 'https://x.example/' });
    await expect(importFile('notes.fhc', new TextEncoder().encode('hello, not a corpus'))).rejects.toThrow(
      /notes\.fhc is not a Firsthand corpus/,
    );
    await expect(importFile('empty.fhc', new Uint8Array(0))).rejects.toThrow(/empty\.fhc is empty/);
    expect(await corpusStore.all()).toEqual([]);
    expect(await handlers.listCorpora()).toHaveLength(1);
  });

  test('the background refuses an id that is not in the store', async () => {
    const { handlers } = setup({ dom: null, url: 'https://x.example/' });
    await expect(handlers.importCorpus('no-such-id')).rejects.toThrow(/not in the store/);
  });

  test('a stored corpus that the background cannot load is taken out of the store again', async () => {
    const { handlers, corpusStore } = setup({ dom: null, url: 'https://x.example/' });
    // Passes the page's check (a fake loader) but not the background's real one.
    const importing = importCorpusFile(
      {
        store: corpusStore,
        reader: { headerBytes: 3, lengthsOf: () => ({ head: 3, text: 0 }), articlesIn: () => 3, textChecker: () => () => undefined },
        uuid: () => 'odd',
        now: () => new Date('2026-05-04T12:00:00Z'),
        announce: (id) => handlers.importCorpus(id),
      },
      'odd.fhc',
      bytesSource(new Uint8Array([1, 2, 3])),
    );
    await expect(importing).rejects.toThrow(/odd\.fhc was read but the checks could not start using it/);
    expect(await corpusStore.all()).toEqual([]);
    expect((await handlers.listCorpora()).map((c) => c.id)).toEqual(['bundled']);
  });
});

describe('the reader\'s own corpus: Remember what I read, Add this page', () => {
  const ferry = {
    title: 'Harbour ferry service to resume after winter repairs',
    text: [
      'The harbour ferry between Northpoint and the island will resume on Monday after three months of winter repairs to its landing stages, the port authority said on Friday.',
      'Engineers replaced the rotten timber piles under both piers and fitted new ramps that let wheelchair users board without help, a change campaigners had sought for a decade.',
      'The authority said timetables would return to the summer pattern in April, with sailings every forty minutes at peak times and a late boat on Saturday evenings.',
      'Local traders, who said the closure cost them a fifth of their winter takings, welcomed the news but asked for compensation for the weeks the crossing was shut without notice.',
    ].join('\n\n'),
  };
  const until = async (what: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 10));
  };

  test('off by default: a check stores nothing', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(ferry, 'Coast Courier'), 'https://coast.example/ferry'), url: 'https://coast.example/ferry' };
    const { handlers, corpusStore } = setup(tab);
    expect((await handlers.getReaderCorpus()).rememberReading).toBe(false);
    expect(await handlers.analyzeTab(TAB)).toMatchObject({ ok: true, analysis: { status: 'no-match' } });
    await new Promise((r) => setTimeout(r, 50));
    expect((await handlers.getReaderCorpus()).articles).toBe(0);
    expect(await corpusStore.all()).toEqual([]);
  });

  test('on: the checked article joins the corpus, and a copy met later is a copy of what the reader read', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(ferry, 'Coast Courier'), 'https://coast.example/ferry'), url: 'https://coast.example/ferry' };
    const { handlers } = setup(tab);
    await handlers.setRememberReading(true);
    await handlers.analyzeTab(TAB);
    await until(async () => (await handlers.getReaderCorpus()).articles === 1);
    expect(await handlers.getReaderCorpus()).toMatchObject({ articles: 1, byOrigin: { followed: 0, read: 1, added: 0 }, rememberReading: true, retention: { maxAgeDays: 90, maxMegabytes: 200 } });
    expect((await handlers.listCorpora()).map((c) => c.articles)).toEqual([5, 1]);
    tab.dom = pageDom(newsPageHtml(ferry, 'Scraper'), 'https://scraper.example/ferry');
    tab.url = 'https://scraper.example/ferry';
    const outcome = await handlers.analyzeTab(TAB);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.analysis.sources[0]).toMatchObject({ url: 'https://coast.example/ferry', outlet: 'coast.example' });
    expect(['copy', 'same-text']).toContain(outcome.analysis.status);
    // Undone: clearing what was read empties the corpus (the followed articles would stay).
    expect(await handlers.clearReaderArticles(['read', 'added'])).toBe(1);
    expect((await handlers.listCorpora()).map((c) => c.articles)).toEqual([5]);
  });

  test('Add this page stores it once; Undo removes it; removing "Your corpus" in the list clears it', async () => {
    const tab: FakeTab = { dom: pageDom(newsPageHtml(ferry, 'Coast Courier'), 'https://coast.example/ferry'), url: 'https://coast.example/ferry' };
    const { handlers } = setup(tab);
    const kept = await handlers.keepPage(TAB);
    expect(kept).toMatchObject({ outcome: 'added', title: ferry.title });
    expect(await handlers.keepPage(TAB)).toEqual({ ...kept, outcome: 'unchanged' });
    expect(await handlers.forgetKeptPage(kept.id!)).toBe(1);
    expect((await handlers.getReaderCorpus()).articles).toBe(0);
    await handlers.keepPage(TAB);
    const own = (await handlers.listCorpora()).find((c) => !c.bundled)!;
    await handlers.removeCorpus(own.id);
    expect((await handlers.getReaderCorpus()).articles).toBe(0);
    // "Clear my whole corpus" through the message channel: its missing argument arrives as null (JSON).
    await handlers.keepPage(TAB);
    expect(await dispatch(handlers, { firsthand: 1, name: 'clearReaderArticles', args: JSON.parse(JSON.stringify([undefined])) })).toEqual({ ok: true, value: 1 });
    expect((await handlers.listCorpora()).map((c) => c.id)).toEqual(['bundled']);
  });

  test('a verdict kept for a page is not reused once the reader\'s corpus has changed', async () => {
    const scraper = (): FakeTab['dom'] => pageDom(newsPageHtml(ferry, 'Scraper'), 'https://scraper.example/ferry');
    const tab: FakeTab = { dom: scraper(), url: 'https://scraper.example/ferry' };
    const { handlers } = setup(tab);
    expect(await handlers.analyzeTab(TAB)).toMatchObject({ ok: true, analysis: { status: 'no-match' } });
    tab.dom = pageDom(newsPageHtml(ferry, 'Coast Courier'), 'https://coast.example/ferry');
    tab.url = 'https://coast.example/ferry';
    await handlers.keepPage(TAB);
    tab.dom = scraper();
    tab.url = 'https://scraper.example/ferry';
    const again = await handlers.analyzeTab(TAB);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.analysis.sources[0]).toMatchObject({ url: 'https://coast.example/ferry' });
  });

  test('a page without an article is not added, and the reader is told why', async () => {
    const html = '<!doctype html><html><head><title>Sign in</title></head><body><form><input name=u><button>Sign in</button></form></body></html>';
    const { handlers } = setup({ dom: pageDom(html, 'https://news.example/login'), url: 'https://news.example/login' });
    await expect(handlers.keepPage(TAB)).rejects.toThrow(/No article found/);
    expect((await handlers.getReaderCorpus()).articles).toBe(0);
  });
});

describe('dispatch through the one handler map', () => {
  let handlers: ReturnType<typeof setup>['handlers'];
  beforeEach(() => {
    handlers = setup({ dom: null, url: 'chrome://newtab/' }).handlers;
  });

  test('a known request is answered', async () => {
    expect(await dispatch(handlers, { firsthand: 1, name: 'getEndpoint', args: [] })).toEqual({ ok: true, value: null });
  });

  test('a thrown error comes back as its message', async () => {
    expect(await dispatch(handlers, { firsthand: 1, name: 'removeCorpus', args: ['bundled'] })).toEqual({
      ok: false,
      error: 'The bundled corpus cannot be removed.',
    });
  });

  test.each(['toString', 'constructor', 'nope'])('"%s" is not a request', async (name) => {
    expect(await dispatch(handlers, { firsthand: 1, name: name as 'getEndpoint', args: [] })).toEqual({
      ok: false,
      error: `Unknown request "${name}".`,
    });
  });
});
