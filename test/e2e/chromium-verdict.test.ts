/**
 * One click from the toolbar to a verdict, in Debian's Chromium with dist/chrome loaded
 * unpacked: what a reader sees in the real popup on realistic news pages served from 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumSession, settledPopupTab, type Tab } from './support/chromium.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { PAGES } from './support/fixture-pages.js';
import { OWN_CORPUS_ARTICLE } from './support/fixture-pages.js';
import { PROVENANCE_PAGES, provenanceRoutes, WIRE_CARRIER, wireCorpusFolder } from './support/provenance-pages.js';
import { chromiumGate, requireBuild, requireExecutable } from './support/gate.js';
import { ARTIFACTS_DIR, CHROME_EXT_DIR, CLI_FILE, REFRESH_README_SCREENSHOTS, SCREENSHOTS_DIR } from './support/paths.js';
import { pollFor } from './support/poll.js';
import type { PopupSnapshot } from './support/popup-snapshot.js';
import { labelledSentences, seedId, seedText, seedTitle, squash } from './support/seeds.js';

const gate = chromiumGate();

/** The page's visible text, whitespace collapsed: what passages must be cut from. */
async function visibleText(page: Page): Promise<string> {
  return squash(await page.evaluate(() => document.body.innerText));
}

/** Every `mark[data-firsthand]` on the page, with where it sits in the viewport. */
async function marksOn(page: Page): Promise<{ text: string; kind: string | null; top: number; bottom: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('mark[data-firsthand]')).map((mark) => {
      const box = mark.getBoundingClientRect();
      return { text: mark.textContent ?? '', kind: mark.getAttribute('data-firsthand'), top: box.top, bottom: box.bottom };
    }),
  );
}

function expectCopyOf000(snapshot: PopupSnapshot): void {
  expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
  expect(snapshot.status).toBe('copy');
  expect(snapshot.overlapPercent, `overlap text: ${snapshot.overlapText}`).not.toBeNull();
  expect(snapshot.overlapPercent!).toBeGreaterThanOrEqual(90);
  expect(snapshot.likelyOriginalText).toContain(seedTitle('000'));
  const source000 = snapshot.sources.find((source) => source.id === seedId('000'));
  expect(source000, `sources: ${JSON.stringify(snapshot.sources.map((s) => s.id))}`).toBeDefined();
  expect(source000!.relation).toBe('source');
}

describe.skipIf(gate.skip)('Chromium: the toolbar popup on news pages', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  let spunCopy: Tab;

  beforeAll(async () => {
    const executablePath = requireExecutable(gate);
    const extensionDir = requireBuild(CHROME_EXT_DIR, 'The Chrome build');
    server = await startFixtureServer(provenanceRoutes());
    session = await ChromiumSession.launch({ executablePath, extensionDir });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('names 000 as the likely original of its spun copy, with at least 90% overlap', async () => {
    spunCopy = await session.openTab(server.page(PAGES.spunCopyOf000));
    const snapshot = await session.checkWithToolbar(spunCopy.page);
    expectCopyOf000(snapshot);

    // The evidence: passages side by side, page side cut from this very page; a spun copy is mostly paraphrase.
    expect(snapshot.passages.length).toBeGreaterThan(0);
    const pageText = await visibleText(spunCopy.page);
    // Extraction drops furniture (a "by admin · Share this" line) between the headline and the story, so a
    // passage may join text the page shows apart: its words are the page's, in order, in at most three runs.
    for (const passage of snapshot.passages) {
      expect(passage.pageText.length).toBeGreaterThan(0);
      expect(runsWithin(pageText, passage.pageText), passage.pageText).toBeLessThanOrEqual(3);
    }
    // Source side cut from the article it is listed under (000, and 002 for the few sentences both carry).
    for (const passage of snapshot.passages.filter((p) => p.kind !== 'quote')) {
      expect(passage.sourceId).toMatch(/^\d{3}_/);
      // cut from the text the corpus stores, which lacks the file's captions: in order, in at most three runs
      expect(runsWithin(seedText(passage.sourceId!.slice(0, 3)), passage.sourceText), passage.sourceText).toBeLessThanOrEqual(3);
    }
    expect(snapshot.passages.some((p) => p.kind === 'paraphrase')).toBe(true);
    expect(snapshot.explanation ?? '').not.toBe('');
  });

  it('marks the matched passages on the page, scrolls to the first and removes the marks again', async () => {
    const { page } = spunCopy;
    const before = await page.evaluate(() => document.body.innerText);
    await session.clickAction(page);
    await session.settledRealPopup();
    await session.clickInRealPopup('[data-testid=highlight-toggle]');

    const marks = await pollFor(async () => {
      const found = await marksOn(page);
      return found.length > 0 ? found : undefined;
    }, { what: 'mark[data-firsthand] elements on the page' });
    expect((await session.readRealPopup())?.highlightPressed).toBe('true');

    // Every mark lies inside the sentences of 001 that the hand-made labels align with 000,
    // so nothing in the site's navigation, ads or footer is marked.
    const labelled = labelledSentences('001', '000');
    const allowed = squash((labelled ?? seedText('001').split('\n')).join(' '));
    if (labelled === null) console.warn('[e2e] ../shared absent: highlight checked against the whole text of seed 001');
    for (const mark of marks) {
      expect(['verbatim', 'near-verbatim', 'paraphrase', 'quote']).toContain(mark.kind);
      if (squash(mark.text) !== '') expect(allowed).toContain(squash(mark.text));
    }
    // With 90%+ of the page derived, most of the article is marked, not a token few words.
    const markedWords = marks.reduce((sum, mark) => sum + squash(mark.text).split(' ').filter(Boolean).length, 0);
    expect(markedWords).toBeGreaterThan(0.6 * squash(seedText('001')).split(' ').length);
    // Scrolled to the first mark (document order): it comes into the viewport.
    await pollFor(async () => {
      const [first] = await marksOn(page);
      const height = await page.evaluate(() => window.innerHeight);
      return first && first.bottom > 0 && first.top < height ? true : undefined;
    }, { what: 'the first mark to be scrolled into view' });

    await session.clickInRealPopup('[data-testid=highlight-toggle]');
    await pollFor(async () => ((await marksOn(page)).length === 0 ? true : undefined), { what: 'the marks to be removed' });
    expect(await page.evaluate(() => document.body.innerText)).toBe(before);
    expect((await session.readRealPopup())?.highlightPressed).toBe('false');
  });

  it('gives the same verdict when the click has to wake a stopped service worker (a reader idle for 30 s)', async () => {
    // A new address, so the answer cannot come from the verdict cache: the woken worker reads
    // the lexicon and corpus again, takes the click, opens the popup and runs the check.
    const { page } = spunCopy;
    await page.goto(`${server.page(PAGES.spunCopyOf000)}?after-idle=1`);
    await session.closeRealPopup();
    await session.stopServiceWorker();
    await page.bringToFront();
    await session.triggerAction(await session.tabTargetId(page));
    expectCopyOf000(await session.settledRealPopup());
  });

  it('says the page of 000 served at another site has 000’s text, not that it is 000, and lists the spun copy as a copy', async () => {
    // 000 has no address in the bundled catalog and its outlet, Al Jazeera, is not 127.0.0.1 (issue 17):
    // at aljazeera.com the page would be 000, the original
    const tab = await session.openTab(server.page(PAGES.original000));
    const snapshot = await session.checkWithToolbar(tab.page);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
    expect(snapshot.status).toBe('same-text');
    expect(snapshot.headline ?? '').toMatch(/same text/i);
    const copy = snapshot.sources.find((source) => source.id === seedId('001'));
    expect(copy, `sources: ${JSON.stringify(snapshot.sources.map((s) => s.id))}`).toBeDefined();
    expect(copy!.relation).toBe('copy');
    await tab.page.close();
  });

  it('tells the reader when a page has no article', async () => {
    const tab = await session.openTab(server.page(PAGES.noArticle));
    const snapshot = await session.checkWithToolbar(tab.page);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('error');
    expect(snapshot.errorCode).toBe('no-article');
    expect(snapshot.errorText ?? '').not.toBe('');
    await tab.page.close();
  });

  it('tells the reader when the browser forbids reading the page', async () => {
    for (const url of ['chrome://settings/', 'chrome://extensions/']) {
      const tab = await session.openTab(url);
      const snapshot = await session.checkWithToolbar(tab.page);
      expect(snapshot.state, `${url}: ${JSON.stringify(snapshot)}`).toBe('error');
      expect(snapshot.errorCode, url).toBe('forbidden-page');
      await tab.page.close();
    }
  });

  it('gives a verdict on a page that builds its article with JavaScript', async () => {
    const tab = await session.openTab(server.page(PAGES.jsArticle));
    // A reader clicks once the story is on screen; the served HTML had none of it.
    await tab.page.locator('article h1').waitFor();
    const snapshot = await session.checkWithToolbar(tab.page);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
    // The page has 000's text (000 has no address: at 127.0.0.1 it is not told to be 000), with the spun copy 001 listed as a copy of it.
    expect(snapshot.status).toBe('same-text');
    expect(snapshot.sources.find((source) => source.id === seedId('001'))?.relation).toBe('copy');
    await tab.page.close();
  });

  it('follows a single-page app to its second article after a history.pushState', async () => {
    const tab = await session.openTab(server.page(PAGES.spa));
    await tab.page.locator('article h1', { hasText: seedTitle('004') }).waitFor();
    const first = await session.checkWithToolbar(tab.page);
    expect(first.state, JSON.stringify(first)).toBe('verdict');
    // 004's text, at a site that is not its outlet's: the same text, nothing in the corpus copying it
    expect(first.status).toBe('same-text');
    expect(first.sources.map((source) => source.relation)).not.toContain('copy');

    await session.closeRealPopup();
    await tab.page.click('#next-story');
    await tab.page.waitForURL(/\?story=second$/);
    await tab.page.locator('article h1', { hasText: seedTitle('001').slice(0, 40) }).waitFor();
    const second = await session.checkWithToolbar(tab.page);
    expectCopyOf000(second);
    await tab.page.close();
  });

  it('renders the popup readably in light and dark mode (screenshots for the README)', async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // The toolbar click grants activeTab on the article tab; the popup then opens as a tab aimed at it.
    await session.clickAction(spunCopy.page);
    await session.settledRealPopup();
    const backgrounds: Record<string, number> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await session.openPopupTab(spunCopy.tabId, { colorScheme: scheme });
      expectCopyOf000(await settledPopupTab(popup));
      backgrounds[scheme] = await popup.evaluate(() => {
        // Relative luminance of the first non-transparent background from #app up.
        let el: Element | null = document.getElementById('app');
        while (el) {
          const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(el).backgroundColor);
          if (match && (match[4] === undefined || Number(match[4]) > 0)) {
            return (0.2126 * Number(match[1]) + 0.7152 * Number(match[2]) + 0.0722 * Number(match[3])) / 255;
          }
          el = el.parentElement;
        }
        return 1; // nothing painted: the browser's default white canvas
      });
      const file = path.join(ARTIFACTS_DIR, `popup-${scheme}.png`);
      await popup.screenshot({ path: file, fullPage: true });
      // A test run leaves the working tree as it was: the README's copies change only on `npm run screenshots`.
      if (REFRESH_README_SCREENSHOTS) {
        mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        copyFileSync(file, path.join(SCREENSHOTS_DIR, `popup-${scheme}.png`));
      }
      await popup.close();
    }
    expect(backgrounds.light).toBeGreaterThan(0.6);
    expect(backgrounds.dark).toBeLessThan(0.4);
  });

  /** Checks a built page from the toolbar and saves the popup (and, under `npm run screenshots`, the README's copy). */
  async function provenanceShot(pathname: string, name: string): Promise<PopupSnapshot> {
    const tab = await session.openTab(`${server.origin}${pathname}`);
    const snapshot = await session.checkWithToolbar(tab.page);
    const popup = await session.openPopupTab(tab.tabId, { colorScheme: 'light' });
    await settledPopupTab(popup);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `popup-${name}.png`);
    await popup.screenshot({ path: file, fullPage: true });
    if (REFRESH_README_SCREENSHOTS) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      copyFileSync(file, path.join(SCREENSHOTS_DIR, `popup-${name}.png`));
    }
    await popup.close();
    await session.closeRealPopup();
    await tab.page.close();
    return snapshot;
  }

  it('says the same text published the same day, order unknown, never original (screenshot for the README)', async () => {
    const snapshot = await provenanceShot(PROVENANCE_PAGES.sameDay, 'same-day');
    expect(snapshot.status, JSON.stringify(snapshot)).toBe('same-text');
    expect(snapshot.sources.find((s) => s.id === seedId('000'))?.relation).toBe('unknown-order');
  });

  it('with a corpus of dated articles at their addresses: a wire copy and a scraper (screenshots for the README)', async () => {
    // The seeds have no addresses, so a page with their words may be them; these two need articles that do.
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-wire-'));
    try {
      wireCorpusFolder(path.join(workDir, 'articles'));
      const corpusFile = path.join(workDir, 'wire.fhc');
      execFileSync(process.execPath, [CLI_FILE, 'build-corpus', path.join(workDir, 'articles'), '--out', corpusFile], { stdio: 'pipe' });
      const options = await session.observer();
      const rowsBefore = (await options.locator('[data-testid=corpus]').allTextContents()).length;
      await options.locator('[data-testid=corpus-import]').setInputFiles(corpusFile);
      await pollFor(async () => ((await options.locator('[data-testid=corpus]').allTextContents()).length === rowsBefore + 1 ? true : undefined), {
        what: 'the imported corpus in the options page',
      });

      const wire = await provenanceShot(PROVENANCE_PAGES.wireCopy, 'wire-copy');
      expect(wire.status, JSON.stringify(wire)).toBe('copy');
      expect(wire.likelyOriginalText).toContain('Associated Press copy, first seen at');
      expect(wire.likelyOriginalText).toContain(WIRE_CARRIER.title);
      expect(wire.explanation ?? '').toMatch(/carries Associated Press copy/);

      const scraper = await provenanceShot(PROVENANCE_PAGES.scraper, 'scraper');
      expect(scraper.status, JSON.stringify(scraper)).toBe('copy');
      expect(scraper.sources.find((s) => (s.id ?? '').includes(OWN_CORPUS_ARTICLE))?.relation).toBe('source');
      expect(scraper.likelyOriginalText).toContain('Harbour ferry service to resume');
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});

/**
 * How many runs of consecutive words of `text` cover `part` when read in order (each run as long as it
 * can be); Infinity when some word of `part` is not found after the previous run.
 */
function runsWithin(text: string, part: string): number {
  // a passage may end inside a word's punctuation ("said" of "said."): words are compared without it
  const wordsOf = (t: string) => t.split(/\s+/).map((w) => w.replace(/^\p{P}+|\p{P}+$/gu, '')).filter(Boolean);
  const words = wordsOf(text);
  const wanted = wordsOf(part);
  let from = 0;
  let runs = 0;
  for (let i = 0; i < wanted.length;) {
    let best = -1;
    let bestLength = 0;
    for (let at = from; at < words.length; at++) {
      let length = 0;
      while (i + length < wanted.length && words[at + length] === wanted[i + length]) length++;
      if (length > bestLength) [best, bestLength] = [at, length];
    }
    if (best < 0) return Infinity;
    runs++;
    i += bestLength;
    from = best + bestLength;
  }
  return runs;
}
