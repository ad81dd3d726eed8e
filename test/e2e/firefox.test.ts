/**
 * The Firefox build in Debian's Firefox ESR over WebDriver BiDi: the add-on installs, its
 * popup renders a verdict for a news page served from 127.0.0.1, and a corpus imported in
 * its options page is used in checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { OWN_CORPUS_ARTICLE, OWN_CORPUS_FOLDER, OWN_CORPUS_PAGE, PAGES } from './support/fixture-pages.js';
import { FirefoxSession, settledFirefoxPopup } from './support/firefox.js';
import { firefoxGate, requireBuild, requireExecutable } from './support/gate.js';
import { ARTIFACTS_DIR, CLI_FILE, E2E_FIXTURES_DIR, FIREFOX_EXT_DIR, FIREFOX_TEST_EXT_DIR } from './support/paths.js';
import { pollFor } from './support/poll.js';
import { seedId, seedTitle } from './support/seeds.js';

const gate = firefoxGate();

describe.skipIf(gate.skip)('Firefox ESR: the add-on installs and its popup gives a verdict', () => {
  let session: FirefoxSession;
  let server: FixtureServer;

  beforeAll(async () => {
    const executablePath = requireExecutable(gate);
    const extensionDir = requireBuild(FIREFOX_TEST_EXT_DIR, 'The Firefox test build');
    server = await startFixtureServer();
    session = await FirefoxSession.launch(executablePath, extensionDir);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('tests the shipped build: the test build differs only by its 127.0.0.1 host permission', () => {
    const shipped = requireBuild(FIREFOX_EXT_DIR, 'The Firefox build');
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(files(FIREFOX_TEST_EXT_DIR)).toEqual(files(shipped));
    for (const file of files(shipped).filter((name) => name !== 'manifest.json')) {
      expect(readFileSync(path.join(FIREFOX_TEST_EXT_DIR, file)).equals(readFileSync(path.join(shipped, file))), file).toBe(true);
    }
    const manifest = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const { host_permissions: testHosts, ...testRest } = manifest(FIREFOX_TEST_EXT_DIR);
    const shippedManifest = manifest(shipped);
    expect(testHosts).toEqual(['http://127.0.0.1/*']);
    expect(shippedManifest.host_permissions).toBeUndefined();
    expect(shippedManifest.content_scripts).toBeUndefined();
    expect(testRest).toEqual(shippedManifest);
  });

  it('names 000 as the likely original of its spun copy', async () => {
    const url = server.page(PAGES.spunCopyOf000);
    await session.openPage(url);
    const options = await session.openExtensionPage('options.html');
    const tabId = await session.tabIdOf(options, url);

    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    const snapshot = await settledFirefoxPopup(popup);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
    expect(snapshot.status).toBe('copy');
    expect(snapshot.overlapPercent ?? 0).toBeGreaterThanOrEqual(90);
    expect(snapshot.likelyOriginalText).toContain(seedTitle('000'));
    expect(snapshot.sources.map((source) => source.id)).toContain(seedId('000'));
    expect(snapshot.passages.length).toBeGreaterThan(0);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await popup.setViewport({ width: 400, height: 600 });
    await popup.screenshot({ path: path.join(ARTIFACTS_DIR, 'firefox-popup.png') as `${string}.png`, fullPage: true });
  });

  it('imports a corpus in the options page (kept in IndexedDB as index and text pieces) and uses it in checks', async () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-firefox-corpus-'));
    try {
      const corpusFile = path.join(workDir, 'own.fhc');
      execFileSync(process.execPath, [CLI_FILE, 'build-corpus', path.join(E2E_FIXTURES_DIR, OWN_CORPUS_FOLDER), '--out', corpusFile], { stdio: 'pipe' });
      const options = await session.openExtensionPage('options.html');
      const rows = (): Promise<string[]> => options.$$eval('[data-testid=corpus]', (found) => found.map((row) => row.textContent ?? ''));
      const before = await pollFor(async () => ((await rows()).length > 0 ? rows() : undefined), { what: 'the corpus list' });
      const input = (await options.$('[data-testid=corpus-import]')) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error('no corpus import input on the options page');
      await input.uploadFile(corpusFile);
      await pollFor(async () => ((await rows()).length === before.length + 1 ? true : undefined), { what: 'the imported corpus to be listed' });

      const url = server.e2e(OWN_CORPUS_PAGE);
      await session.openPage(url);
      const tabId = await session.tabIdOf(options, url);
      const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
      const snapshot = await settledFirefoxPopup(popup);
      expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
      expect(snapshot.status).toBe('copy');
      expect(snapshot.sources.some((source) => (source.id ?? '').includes(OWN_CORPUS_ARTICLE))).toBe(true);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  it('says a page with no article has none', async () => {
    const url = server.page(PAGES.noArticle);
    await session.openPage(url);
    const options = await session.openExtensionPage('options.html');
    const tabId = await session.tabIdOf(options, url);
    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    const snapshot = await settledFirefoxPopup(popup);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('error');
    expect(snapshot.errorCode).toBe('no-article');
  });
});
