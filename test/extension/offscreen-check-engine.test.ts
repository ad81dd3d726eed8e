/**
 * Chrome's checks in the offscreen document: the service worker's client (offscreenCheckEngine)
 * over a fake chrome.offscreen whose messages are serialised as JSON, as Chrome does, and answered
 * by the same code the document's engine worker runs (answerEngineMessage over localCheckEngine),
 * with the real engine on the seeds corpus.
 */
import { describe, expect, test } from 'vitest';
import type { CheckEngine } from '../../src/extension/background/check-engine.js';
import { localCheckEngine } from '../../src/extension/background/local-check-engine.js';
import {
  offscreenCheckEngine, offscreenDocument, offscreenPageReader, READER_REQUESTS, type EngineMessage, type OffscreenBrowser,
} from '../../src/extension/background/offscreen-check-engine.js';
import { jsdomPageReader } from './support/dom-reader.js';
import { bytesSource, engineCorpusReader, importCorpusFile } from '../../src/extension/corpus-import.js';
import { memoryCorpusStore, type CorpusStore } from '../../src/extension/corpus-store.js';
import { answerEngineMessage } from '../../src/extension/engine-host.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import type { ExtractedArticle } from '../../src/extract/types.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { buildCorpusIndex } from '../../src/engine/index.js';
import { lexiconBytes, newsPageHtml, pageDom, seed, seedsCorpusBytes, testEngine } from './support/seed-pages.js';

const pageReader = jsdomPageReader;

const assets = async (path: string): Promise<Uint8Array> => {
  if (path === 'data/seeds.fhc') return seedsCorpusBytes;
  if (path === 'data/lexicon.bin') return lexiconBytes();
  throw new Error(`unexpected asset ${path}`);
};

/** The offscreen document as Chrome keeps it: one at most, its engine answering JSON messages. */
function fakeChrome(corpusStore: CorpusStore, options: { refuse?: string } = {}) {
  let document: CheckEngine | null = null;
  const log = { created: 0, messages: [] as string[] };
  const browser: OffscreenBrowser = {
    offscreen: {
      async hasDocument() {
        return document !== null;
      },
      async createDocument({ url, reasons }) {
        if (options.refuse !== undefined) throw new Error(options.refuse);
        if (document !== null) throw new Error('Only a single offscreen document may be created.');
        expect(url).toBe('offscreen.html');
        expect(reasons).toEqual(['WORKERS', 'DOM_PARSER']);
        log.created++;
        document = localCheckEngine({ engine: testEngine, readAsset: assets, corpusStore });
      },
    },
    async sendMessage(message: EngineMessage) {
      log.messages.push(message.name);
      if (document === null) return undefined; // no receiving end
      const sent = JSON.parse(JSON.stringify(message)) as EngineMessage;
      if ((READER_REQUESTS as readonly string[]).includes(sent.name)) {
        // What offscreen.ts does on the document's own thread, with its DOMParser.
        const [a, b] = sent.args as [never, never];
        const value = sent.name === 'parseFeed' ? await pageReader.parseFeed(a) : sent.name === 'feedLinks' ? await pageReader.feedLinks(a, b) : await pageReader.readArticle(a, b);
        return JSON.parse(JSON.stringify({ ok: true, value })) as unknown;
      }
      const reply = await answerEngineMessage(document, sent);
      return JSON.parse(JSON.stringify(reply)) as unknown;
    },
  };
  return { browser, log, closeDocument: () => void (document = null) };
}

function articleOf(html: string, url: string): ExtractedArticle {
  const extracted = extractArticle(pageDom(html, url).window.document);
  if (isExtractionFailure(extracted)) throw new Error(extracted.error.message);
  return extracted;
}

const spunCopy = articleOf(newsPageHtml(seed('001'), 'Autoblog'), 'https://farm.example/biden');
const withoutClock = <T extends { analysis: unknown }>(answer: T) => ({ ...answer, analysis: { ...(answer.analysis as object), elapsedMs: 0 } });

describe('checks in the offscreen document', () => {
  test('give the same verdict as a check run in the worker, and keep one document for many checks', async () => {
    const store = memoryCorpusStore();
    const chrome = fakeChrome(store);
    const fallbacks: string[] = [];
    const remote = offscreenCheckEngine(offscreenDocument(chrome.browser), () => (fallbacks.push('local'), localCheckEngine({ engine: testEngine, readAsset: assets, corpusStore: store })));
    const local = localCheckEngine({ engine: testEngine, readAsset: assets, corpusStore: store });
    const request = { article: spunCopy, url: 'https://farm.example/biden', startedAt: Date.now() };

    const there = await remote.analyze(request);
    const here = await local.analyze(request);
    expect(there.analysis?.status).toBe(here.analysis?.status);
    expect(withoutClock(there).analysis).toEqual(withoutClock(here).analysis);
    expect(there.corpora).toBe('bundled');
    expect(there.analysis!.likelyOriginal?.id ?? there.analysis!.sameText?.id).toMatch(/^00[01]_/);

    // A second check, and a fresh service worker's client (the old one slept): the same document answers.
    await remote.analyze(request);
    const woken = offscreenCheckEngine(offscreenDocument(chrome.browser), () => (fallbacks.push('local'), local));
    expect((await woken.analyze({ ...request, unchangedSince: 'bundled' })).analysis).toBeNull();
    expect(chrome.log.created).toBe(1);
    expect(fallbacks).toEqual([]);
  });

  test('an import reaches the document: its corpus list and its checks use the new corpus', async () => {
    const store = memoryCorpusStore();
    const chrome = fakeChrome(store);
    const remote = offscreenCheckEngine(offscreenDocument(chrome.browser), () => { throw new Error('no fallback expected'); });
    expect((await remote.corpora()).map((c) => c.entry.id)).toEqual(['bundled']);
    const original = seed('000');
    const file = buildCorpusIndex([{ ...original, id: 'imported-000' }]);
    await importCorpusFile(
      { store, reader: engineCorpusReader, uuid: () => 'mine', now: () => new Date('2026-05-04T12:00:00Z'), announce: async (id) => {
        await remote.forgetImported();
        return (await remote.corpora()).find((c) => c.entry.id === id)!.entry;
      } },
      'mine.fhc',
      bytesSource(file),
    );
    expect((await remote.corpora()).map((c) => c.entry.id)).toEqual(['bundled', 'mine']);
    const answer = await remote.analyze({ article: spunCopy, url: 'https://farm.example/biden', startedAt: Date.now() });
    expect(answer.corpora).toBe('bundled mine');
    expect(answer.analysis!.sources.map((s) => s.id)).toContain('imported-000');
  });

  test('a document that went away is made again on the next check', async () => {
    const chrome = fakeChrome(memoryCorpusStore());
    const remote = offscreenCheckEngine(offscreenDocument(chrome.browser), () => { throw new Error('no fallback expected'); });
    await remote.corpora();
    chrome.closeDocument();
    await expect(remote.corpora()).rejects.toThrow(/did not answer/);
    expect((await remote.corpora()).map((c) => c.entry.id)).toEqual(['bundled']);
    expect(chrome.log.created).toBe(2);
  });

  test('when Chrome refuses the document, checks run in the worker', async () => {
    const store = memoryCorpusStore();
    const chrome = fakeChrome(store, { refuse: 'The "offscreen" permission is missing.' });
    let fallbacks = 0;
    const remote = offscreenCheckEngine(offscreenDocument(chrome.browser), () => (fallbacks++, localCheckEngine({ engine: testEngine, readAsset: assets, corpusStore: store })));
    const answer = await remote.analyze({ article: spunCopy, url: 'https://farm.example/biden', startedAt: Date.now() });
    expect(answer.analysis!.page.words).toBeGreaterThan(100);
    await remote.corpora();
    expect(fallbacks).toBe(1);
    expect(chrome.log.messages).toEqual([]);
  });

  test("without a fallback (Chrome's service worker, which bundles no engine), a refused document fails checks with the reason", async () => {
    const chrome = fakeChrome(memoryCorpusStore(), { refuse: 'The "offscreen" permission is missing.' });
    const remote = offscreenCheckEngine(offscreenDocument(chrome.browser));
    await expect(remote.analyze({ article: spunCopy, url: 'https://farm.example/biden', startedAt: Date.now() })).rejects.toThrow(/would not open the document/);
    await expect(remote.corpora()).rejects.toThrow(/would not open the document/);
    remote.warm(); // never rejects
    expect(chrome.log.messages).toEqual([]);
  });

  test("following's pages are read in the document, as they would be in place", async () => {
    const chrome = fakeChrome(memoryCorpusStore());
    const reader = offscreenPageReader(offscreenDocument(chrome.browser));
    const html = newsPageHtml(seed('000'), 'The Daily Example');
    const there = await reader.readArticle(html, 'https://news.example/a');
    expect(there).toEqual(await pageReader.readArticle(html, 'https://news.example/a'));
    expect('text' in there && there.text).toContain(seed('000').text.slice(0, 60).split('\n')[0]);
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title><item><title>A</title><link>https://news.example/a</link><pubDate>Mon, 04 May 2026 10:00:00 GMT</pubDate></item></channel></rss>';
    const feed = await reader.parseFeed({ text: rss, url: 'https://news.example/rss.xml', contentType: 'application/rss+xml' });
    expect('items' in feed && feed.items.map((i) => i.url)).toEqual(['https://news.example/a']);
    expect(chrome.log.messages).toEqual(['readArticle', 'parseFeed']);
  });

  test('without the document, following says why it cannot read rather than reading nothing', async () => {
    const chrome = fakeChrome(memoryCorpusStore(), { refuse: 'no' });
    const reader = offscreenPageReader(offscreenDocument(chrome.browser));
    await expect(reader.readArticle('<p>x</p>', 'https://news.example/a')).rejects.toThrow(/would not open the document/);
  });
});
