/**
 * Reporting a suspected copy, end to end: the report is saved before anything else,
 * survives closing and reopening the browser profile, exports as JSON and CSV, and
 * reaches the reader's endpoint once it comes back from being down.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumSession } from './support/chromium.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { PAGES } from './support/fixture-pages.js';
import { chromiumGate, requireBuild, requireExecutable } from './support/gate.js';
import { CHROME_EXT_DIR } from './support/paths.js';
import { pollFor } from './support/poll.js';
import { ReportSink } from './support/report-sink.js';
import { seedId, seedTitle } from './support/seeds.js';
import { parseCsv } from '../helpers/csv.js';
import { schemaErrors } from '../helpers/json-schema.js';

const reportSchema = JSON.parse(readFileSync(new URL('../../src/extension/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const gate = chromiumGate();

/** The reports page's rows: delivery code per row (data-status), polled fresh by reloading the page. */
async function reportStatuses(reports: Page): Promise<string[]> {
  await reports.reload();
  await reports.locator('#app[data-state=ready]').waitFor();
  const statuses = reports.locator('[data-testid=report-status]');
  return Promise.all((await statuses.all()).map(async (s) => (await s.getAttribute('data-status')) ?? ''));
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const saved = await file.path();
  return readFileSync(saved, 'utf8');
}

describe.skipIf(gate.skip)('Chromium: reporting a suspected copy', () => {
  let executablePath: string;
  let extensionDir: string;
  let server: FixtureServer;
  let sink: ReportSink;
  let profile: string;
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    executablePath = requireExecutable(gate);
    extensionDir = requireBuild(CHROME_EXT_DIR, 'The Chrome build');
    server = await startFixtureServer();
    sink = await ReportSink.reservePort(); // the endpoint starts down
    profile = mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-reports-'));
  });

  afterAll(async () => {
    await session?.close();
    await sink?.stop();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('keeps the report across a restart, exports it, and delivers it once the endpoint is back', async () => {
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { version: string };

    // The reader sets an endpoint that is down right now.
    const options = await session.observer();
    await options.locator('[data-testid=endpoint]').fill(sink.url);
    await options.click('[data-testid=endpoint-save]');
    await pollFor(async () => {
      const note = (await options.locator('[data-testid=endpoint-note]').textContent()) ?? '';
      return /^Saved/.test(note) ? note : undefined;
    }, { what: 'the endpoint to be saved' });

    // Reports the spun copy from the toolbar popup.
    const pageUrl = server.page(PAGES.spunCopyOf000);
    const tab = await session.openTab(pageUrl);
    const verdict = await session.checkWithToolbar(tab.page);
    expect(verdict.status, JSON.stringify(verdict)).toBe('copy');
    await session.clickInRealPopup('[data-testid=report]');
    await pollFor(async () => ((await session!.readRealPopup())?.reportSaved ? true : undefined), {
      what: '[data-testid=report-saved] in the popup',
    });

    // The retry alarm: there only while a report waits (an idle extension is not woken every minute).
    const retryAlarm = (page: Page): Promise<boolean> =>
      page.evaluate(async () => (await chrome.alarms.get('firsthand-retry-reports')) !== undefined);

    // Saved, and the failed first send left it waiting for a retry.
    const reports = await session.context.newPage();
    await reports.goto(session.extensionUrl('reports.html'));
    expect(await pollFor(async () => {
      const statuses = await reportStatuses(reports);
      return statuses.length === 1 && statuses[0] === 'pending-retry' ? statuses : undefined;
    }, { what: 'one report with status pending-retry' })).toEqual(['pending-retry']);
    expect(sink.received).toHaveLength(0);
    expect(await retryAlarm(reports)).toBe(true);
    // In words, not codes: the alarm's next run and why the send failed.
    expect(await reports.locator('[data-testid=report-status]').textContent()).toMatch(/^waiting to be sent; next try (in 1 minute|any moment now)$/);
    expect(await reports.locator('[data-testid=report-error]').textContent()).toMatch(/^Last try: could not reach the endpoint/);

    // Close the browser, reopen the same profile: the report is still there and still waiting.
    await session.close();
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const reopened = await session.context.newPage();
    await reopened.goto(session.extensionUrl('reports.html'));
    expect(await reportStatuses(reopened)).toEqual(['pending-retry']);
    expect(await reopened.locator('[data-testid=report-row]').first().textContent()).toContain(seedTitle('000'));

    // JSON export: the whole report.
    const exported = JSON.parse(await download(reopened, '[data-testid=export-json]')) as {
      reports: {
        formatVersion: number;
        pageUrl: string;
        pageTitle: string;
        status: string;
        overlap: number;
        likelyOriginal: { id: string; title: string } | null;
        passages: { kind: string; sourceId: string; page: { text: string; start: number }; source: { text: string } }[];
        textSha256: string;
        extensionVersion: string;
        createdAt: string;
        delivery: { status: string; attempts: number };
      }[];
    };
    expect(exported.reports).toHaveLength(1);
    const report = exported.reports[0]!;
    expect(report.pageUrl).toBe(pageUrl);
    expect(report.pageTitle).not.toBe('');
    expect(report.status).toBe('copy');
    expect(report.overlap).toBeGreaterThanOrEqual(0.9);
    expect(report.overlap).toBeLessThanOrEqual(1);
    expect(report.likelyOriginal?.id).toBe(seedId('000'));
    expect(report.passages.length).toBeGreaterThan(0);
    expect(report.formatVersion).toBe(2);
    expect(report.passages.some((p) => p.sourceId === seedId('000') && p.page.text !== '' && p.source.text !== '')).toBe(true);
    expect(schemaErrors(reportSchema, report)).toEqual([]);
    expect(report.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.extensionVersion).toBe(manifest.version);
    expect(Number.isNaN(Date.parse(report.createdAt))).toBe(false);
    expect(report.delivery.status).toBe('pending-retry');
    expect(report.delivery.attempts).toBeGreaterThanOrEqual(1);

    // CSV export: a header and one row that agrees with the JSON.
    const csv = parseCsv(await download(reopened, '[data-testid=export-csv]'));
    expect(csv).toHaveLength(2);
    const [header, row] = csv as [string[], string[]];
    expect(row).toHaveLength(header.length);
    const cell = (name: string): string => {
      const index = header.indexOf(name);
      expect(index, `CSV column ${name} in ${header.join(',')}`).toBeGreaterThanOrEqual(0);
      return row[index]!;
    };
    expect(cell('page_url')).toBe(pageUrl);
    expect(cell('text_sha256')).toBe(report.textSha256);
    expect(cell('original_title')).toBe(seedTitle('000'));
    expect(Number(cell('overlap_percent'))).toBe(Math.round(report.overlap * 100));
    expect(cell('delivery')).toBe('pending-retry');

    // The endpoint comes back; the waiting report is sent, and the server got the JSON.
    await sink.start();
    await reopened.click('[data-testid=retry]');
    await pollFor(async () => ((await reportStatuses(reopened))[0] === 'sent' ? true : undefined), {
      what: 'the report status to become sent',
    });
    await pollFor(async () => ((await retryAlarm(reopened)) ? undefined : true), { what: 'the retry alarm to be cleared once nothing waits' });
    // An alarm may race the button; endpoints deduplicate on the report id, so every delivery must be this report.
    expect(sink.received.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sink.received.map((r) => (r.body as { id?: unknown }).id)).size).toBe(1);
    const delivered = sink.received[0]!;
    expect(delivered.contentType ?? '').toMatch(/application\/json/);
    const body = delivered.body as typeof report;
    expect(body.pageUrl).toBe(pageUrl);
    expect(body.textSha256).toBe(report.textSha256);
    expect(body.likelyOriginal?.id).toBe(seedId('000'));
    expect(body.passages.length).toBe(report.passages.length);
    expect('delivery' in body).toBe(false);
    expect(schemaErrors(reportSchema, body)).toEqual([]);

    // Deleting removes it from the list.
    await reopened.click('[data-testid=report-delete]');
    await pollFor(async () => ((await reopened.locator('[data-testid=report-row]').count()) === 0 ? true : undefined), {
      what: 'the report row to disappear',
    });
  });
});

describe.skipIf(gate.skip)('Chromium: redirecting endpoints (15.12) and reports of version 0.1.0 (15.13)', () => {
  let executablePath: string;
  let extensionDir: string;
  let server: FixtureServer;
  let sink: ReportSink;
  /** Another origin (another port) the redirecting endpoint points at: it must receive nothing. */
  let elsewhere: ReportSink;
  let profile: string;
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    executablePath = requireExecutable(gate);
    extensionDir = requireBuild(CHROME_EXT_DIR, 'The Chrome build');
    server = await startFixtureServer();
    sink = await ReportSink.reservePort();
    elsewhere = await ReportSink.reservePort();
    await sink.start();
    await elsewhere.start();
    profile = mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-redirect-'));
  });

  afterAll(async () => {
    await session?.close();
    await sink?.stop();
    await elsewhere?.stop();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('302 and 307-to-another-origin leave the report waiting with the reason in words; only a 2xx marks it sent', async () => {
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    sink.answer = { redirect: 302, location: `http://127.0.0.1:${sink.port}/thanks` };

    const options = await session.observer();
    await options.locator('[data-testid=endpoint]').fill(sink.url);
    await options.click('[data-testid=endpoint-save]');
    await pollFor(async () => (/^Saved/.test((await options.locator('[data-testid=endpoint-note]').textContent()) ?? '') ? true : undefined), {
      what: 'the endpoint to be saved',
    });

    const tab = await session.openTab(server.page(PAGES.spunCopyOf000));
    const verdict = await session.checkWithToolbar(tab.page);
    expect(verdict.status, JSON.stringify(verdict)).toBe('copy');
    await session.clickInRealPopup('[data-testid=report]');
    await pollFor(async () => ((await session!.readRealPopup())?.reportSaved ? true : undefined), { what: 'the report to be saved' });

    const reports = await session.context.newPage();
    await reports.goto(session.extensionUrl('reports.html'));
    const waitingWithRedirect = async (): Promise<string | undefined> => {
      const statuses = await reportStatuses(reports);
      if (statuses.length !== 1 || statuses[0] !== 'pending-retry') return undefined;
      const error = (await reports.locator('[data-testid=report-error]').textContent()) ?? '';
      return /redirect/.test(error) ? error : undefined;
    };
    expect(await pollFor(waitingWithRedirect, { what: 'the report waiting after a 302' })).toMatch(/only to the address you set/);
    // The POST reached the endpoint once; the redirect was not followed (no GET of /thanks).
    expect(sink.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /reports']);

    // A 307 would re-POST the whole report to another origin.
    sink.answer = { redirect: 307, location: `${elsewhere.url}/steal` };
    await reports.click('[data-testid=retry]');
    await pollFor(async () => (sink.received.length === 2 ? true : undefined), { what: 'the retried POST' });
    expect(await pollFor(waitingWithRedirect, { what: 'the report still waiting after a 307' })).toMatch(/redirect/);
    expect(elsewhere.received).toEqual([]);

    sink.answer = { accept: true };
    await reports.click('[data-testid=retry]');
    await pollFor(async () => ((await reportStatuses(reports))[0] === 'sent' ? true : undefined), { what: 'the report to be sent' });
    expect(await reports.locator('[data-testid=report-status]').textContent()).toMatch(/^sent /);
    expect(elsewhere.received).toEqual([]);
    expect(sink.received.every((r) => r.method === 'POST' && r.path === '/reports')).toBe(true);
  });

  it('moves a report kept in storage.local by version 0.1.0 into IndexedDB when the browser starts again (15.13), and sends it from Options on request (13.9)', async () => {
    const legacy = {
      v: 1,
      id: 'legacy-1',
      createdAt: '2026-04-01T08:00:00.000Z',
      pageUrl: 'https://farm.example/story',
      pageTitle: 'A report from version 0.1.0',
      status: 'copy',
      overlap: 0.9,
      likelyOriginal: null,
      passages: [{ kind: 'verbatim', sourceId: seedId('000'), pageText: 'x'.repeat(2000), sourceText: 'x'.repeat(2000) }],
      textSha256: 'b'.repeat(64),
      extensionVersion: '0.1.0',
      comment: '',
      delivery: { status: 'saved', attempts: 0, lastError: null, sentAt: null },
    };
    session ??= await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const options = await session.observer();
    await options.evaluate(async (record) => chrome.storage.local.set({ 'report:legacy-1': record }), legacy);
    await session.close();
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const reports = await session.context.newPage();
    await reports.goto(session.extensionUrl('reports.html'));
    await pollFor(async () => ((await reports.locator('[data-testid=report-row][data-id=legacy-1]').count()) === 1 ? true : undefined), {
      what: 'the report of version 0.1.0 listed',
    });
    const row = reports.locator('[data-testid=report-row][data-id=legacy-1]');
    expect(await row.textContent()).toContain('A report from version 0.1.0');
    expect(await row.locator('[data-testid=report-status]').textContent()).toBe('saved on this computer');
    const left = await reports.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('report:')));
    expect(left).toEqual([]);
    const exported = JSON.parse(await download(reports, '[data-testid=export-json]')) as { reports: { id: string; passages: { page: { text: string; cut: boolean } }[] }[] };
    const migrated = exported.reports.find((r) => r.id === 'legacy-1')!;
    expect(migrated.passages[0]!.page).toMatchObject({ cut: true });
    expect(migrated.passages[0]!.page.text).toHaveLength(500);
    expect(schemaErrors(reportSchema, migrated)).toEqual([]);

    // It was saved while no endpoint was set: Options offers to send it, and it goes on request (13.9).
    sink.answer = { accept: true };
    const before = sink.received.length;
    const settings = await session.observer();
    await settings.reload();
    if (!(await settings.locator('[data-testid=endpoint]').inputValue())) {
      await settings.locator('[data-testid=endpoint]').fill(sink.url);
      await settings.click('[data-testid=endpoint-save]');
    }
    await settings.locator('[data-testid=saved-offer]').waitFor();
    expect(await settings.locator('[data-testid=saved-offer]').textContent()).toMatch(/^1 report made before the endpoint was set is kept only in this browser/);
    await settings.click('[data-testid=send-saved]');
    await pollFor(async () => ((await settings.locator('[data-testid=endpoint-note]').textContent()) === '1 report sent.' ? true : undefined), {
      what: 'the note that the saved report was sent',
    });
    const delivered = sink.received.slice(before).map((r) => r.body as { id: string; formatVersion: number });
    expect(delivered.map((b) => [b.id, b.formatVersion])).toEqual([['legacy-1', 2]]);
    expect(await settings.locator('[data-testid=saved-offer]').count()).toBe(0);
  });
});
