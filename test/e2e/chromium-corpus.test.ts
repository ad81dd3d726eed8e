/**
 * A newsroom's own corpus: built with `firsthand build-corpus`, imported in the options
 * page, it changes the verdict on a page it contains, survives a browser restart, and
 * stops counting once removed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumSession, type Tab } from './support/chromium.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { OWN_CORPUS_ARTICLE, OWN_CORPUS_FOLDER, OWN_CORPUS_PAGE } from './support/fixture-pages.js';
import { chromiumGate, requireBuild, requireExecutable } from './support/gate.js';
import { CHROME_EXT_DIR, CLI_FILE, E2E_FIXTURES_DIR } from './support/paths.js';
import { pollFor } from './support/poll.js';

const gate = chromiumGate();

/** The rows of the options page's corpus list: their text and how many there are. */
async function corpusRows(options: Page): Promise<string[]> {
  return options.locator('[data-testid=corpus]').allTextContents();
}

describe.skipIf(gate.skip)('Chromium: importing a corpus in the options page', () => {
  let executablePath: string;
  let extensionDir: string;
  let server: FixtureServer;
  let workDir: string;
  let corpusFile: string;
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    executablePath = requireExecutable(gate);
    extensionDir = requireBuild(CHROME_EXT_DIR, 'The Chrome build');
    if (!existsSync(CLI_FILE)) throw new Error(`[e2e] ${CLI_FILE} missing: run \`npm run build\` first`);
    workDir = mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-corpus-'));
    // A user's folder of articles, none of them in the bundled seeds, with its catalog (a dated article at its
    // address: the page served from 127.0.0.1 is then a later copy of it, not the same text of unknown order).
    const folder = path.join(workDir, 'articles');
    mkdirSync(folder);
    for (const file of readdirSync(path.join(E2E_FIXTURES_DIR, OWN_CORPUS_FOLDER))) {
      copyFileSync(path.join(E2E_FIXTURES_DIR, OWN_CORPUS_FOLDER, file), path.join(folder, file));
    }
    corpusFile = path.join(workDir, 'own.fhc');
    execFileSync(process.execPath, [CLI_FILE, 'build-corpus', folder, '--out', corpusFile], { stdio: 'pipe' });
    expect(statSync(corpusFile).size).toBeGreaterThan(0);
    server = await startFixtureServer();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function checkPage(active: ChromiumSession): Promise<{ tab: Tab; status: string | null; sources: string[] }> {
    const tab = await active.openTab(server.e2e(OWN_CORPUS_PAGE));
    const snapshot = await active.checkWithToolbar(tab.page);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
    return { tab, status: snapshot.status, sources: snapshot.sources.map((source) => source.id ?? '') };
  }

  it('turns "no known source" into a copy of the imported article, across a restart, and back after removal', async () => {
    const profile = path.join(workDir, 'profile');
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });

    // Before: the bundled corpus knows nothing of the harbour ferry.
    const before = await checkPage(session);
    expect(before.status).toBe('no-match');
    expect(before.sources).toEqual([]);

    const options = await session.observer(); // the options page
    const rowsBefore = await corpusRows(options);

    // A file that is not a corpus: the options page says so, and nothing is added.
    const notACorpus = path.join(workDir, 'notes.fhc');
    writeFileSync(notACorpus, 'These are my notes, not a corpus.\n');
    await options.locator('[data-testid=corpus-import]').setInputFiles(notACorpus);
    const refusal = await pollFor(async () => {
      const note = (await options.locator('[data-testid=corpus-note]').textContent()) ?? '';
      return /not a Firsthand corpus/.test(note) ? note : undefined;
    }, { what: 'the options page to refuse a file that is not a corpus' });
    expect(refusal).toMatch(/^notes\.fhc is not a Firsthand corpus \(.+\)\. Make one with "firsthand build-corpus"\.$/);
    expect(await corpusRows(options)).toEqual(rowsBefore);
    await options.locator('[data-testid=corpus-import]').setInputFiles(corpusFile);
    const rowsAfter = await pollFor(async () => {
      const rows = await corpusRows(options);
      return rows.length === rowsBefore.length + 1 ? rows : undefined;
    }, { what: 'a new corpus row in the options page' });
    const added = rowsAfter.find((row) => !rowsBefore.includes(row))!;
    expect(added).toMatch(/\b1\b[^\d]*article/i);

    // The same page, clicked again (no reload: a verdict cached before the import must not be reused).
    const snapshot = await session.checkWithToolbar(before.tab.page);
    expect(snapshot.state, JSON.stringify(snapshot)).toBe('verdict');
    expect(snapshot.status).toBe('copy');
    const source = snapshot.sources.find((s) => (s.id ?? '').includes(OWN_CORPUS_ARTICLE));
    expect(source, `sources: ${JSON.stringify(snapshot.sources)}`).toBeDefined();
    expect(source!.relation).toBe('source');
    expect(snapshot.overlapPercent ?? 0).toBeGreaterThanOrEqual(70);

    // Kept in IndexedDB: still in use after the browser restarts on the same profile.
    await session.close();
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const afterRestart = await checkPage(session);
    expect(afterRestart.status).toBe('copy');
    expect(afterRestart.sources.some((id) => id.includes(OWN_CORPUS_ARTICLE))).toBe(true);

    // Removed: the verdict falls back to the bundled corpus alone.
    const options2 = await session.observer();
    const rows = await pollFor(async () => {
      const found = await corpusRows(options2);
      return found.length === rowsAfter.length ? found : undefined;
    }, { what: 'the imported corpus to be listed after the restart' });
    const index = rows.findIndex((row) => row === added);
    expect(index, `rows: ${JSON.stringify(rows)}`).toBeGreaterThanOrEqual(0);
    await options2.locator('[data-testid=corpus]').nth(index).locator('[data-testid=corpus-remove]').click();
    await pollFor(async () => ((await corpusRows(options2)).length === rowsBefore.length ? true : undefined), {
      what: 'the corpus row to disappear',
    });
    const removed = await session.checkWithToolbar(afterRestart.tab.page);
    expect(removed.status).toBe('no-match');
  });
});
