/**
 * The Firefox build in Debian's Firefox ESR over WebDriver BiDi: the add-on installs and
 * its popup renders a verdict for a news page served from 127.0.0.1.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { PAGES } from './support/fixture-pages.js';
import { FirefoxSession, settledFirefoxPopup } from './support/firefox.js';
import { firefoxGate, requireBuild, requireExecutable } from './support/gate.js';
import { ARTIFACTS_DIR, FIREFOX_EXT_DIR, FIREFOX_TEST_EXT_DIR } from './support/paths.js';
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
