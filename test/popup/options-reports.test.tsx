// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { CorpusEntry } from '../../src/extension/messages.js';
import { mockReport } from '../../popup/mock.js';
import { OptionsApp, type OptionsPort } from '../../popup/options-app.js';
import { ReportsApp, type ReportsPort } from '../../popup/reports-app.js';
import { renderContainer } from '../helpers/render-container.js';

const mounted = renderContainer();
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const $ = (s: string) => mounted.element.querySelector(s);
const $$ = (s: string) => [...mounted.element.querySelectorAll(s)];

/** The report parts of an options port, for tests about corpora. */
const reportParts = () => ({
  endpointPermission: vi.fn(async () => true),
  savedReportCount: vi.fn(async () => 0),
  sendSavedReports: vi.fn(async () => ({ sent: 0, pending: 0 })),
  getReportOptions: vi.fn(async () => ({ keepFullUrl: false })),
  setReportOptions: vi.fn(async (o: { keepFullUrl: boolean }) => o),
  // Following and the reader's own corpus: empty here (see options-follow.test.tsx).
  listFollowedSources: vi.fn(async () => []),
  followSource: vi.fn(async () => ({ ok: false as const, error: 'not in this test' })),
  unfollowSource: vi.fn(async () => undefined),
  followNow: vi.fn(async () => ({ sources: 0, added: 0, replaced: 0, deferred: 0, errors: 0 })),
  getReaderCorpus: vi.fn(async () => emptyReaderCorpus(false)),
  setRememberReading: vi.fn(async (on: boolean) => emptyReaderCorpus(on)),
  clearReaderArticles: vi.fn(async () => 0),
  setReaderRetention: vi.fn(async () => emptyReaderCorpus(false)),
});

function emptyReaderCorpus(rememberReading: boolean) {
  return { articles: 0, byOrigin: { followed: 0, read: 0, added: 0 }, bytes: 0, retention: { maxAgeDays: 90, maxMegabytes: 200 }, rememberReading };
}

const typeEndpoint = (url: string) => {
  const input = $('[data-testid=endpoint]') as HTMLInputElement;
  act(() => {
    input.value = url;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

test('options: corpora with counts, remove for imported ones only, endpoint saved through the port', async () => {
  let corpora: CorpusEntry[] = [
    { id: 'bundled', name: 'Bundled seeds', articles: 5, bundled: true, importedAt: null },
    { id: 'c1', name: 'newsroom.fhc', articles: 1200, bundled: false, importedAt: '2026-05-01T00:00:00Z' },
  ];
  const port = {
    ...reportParts(),
    listCorpora: vi.fn(async () => corpora),
    importCorpus: vi.fn(),
    removeCorpus: vi.fn(async (id: string) => void (corpora = corpora.filter((c) => c.id !== id))),
    getEndpoint: vi.fn(async () => null),
    saveEndpoint: vi.fn(async (url: string) => ({ ok: true as const, endpoint: url, permission: Promise.resolve('denied' as const) })),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, mounted.element));
  await settle();
  const rows = $$('[data-testid=corpus]');
  expect(rows.map((r) => r.textContent)).toEqual(['Bundled seeds — 5 articles', 'newsroom.fhc — 1200 articlesRemove']);
  expect(rows[0]!.querySelector('[data-testid=corpus-remove]')).toBeNull();
  expect(($('[data-testid=corpus-import]') as HTMLInputElement).accept).toBe('.fhc');

  act(() => (rows[1]!.querySelector('[data-testid=corpus-remove]') as HTMLButtonElement).click());
  await settle();
  expect(port.removeCorpus).toHaveBeenCalledWith('c1');
  expect($$('[data-testid=corpus]')).toHaveLength(1);

  const input = $('[data-testid=endpoint]') as HTMLInputElement;
  act(() => {
    input.value = 'https://reports.example.org/in';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => ($('[data-testid=endpoint-save]') as HTMLButtonElement).click());
  await settle();
  expect(port.saveEndpoint).toHaveBeenCalledWith('https://reports.example.org/in');
  expect($('[data-testid=endpoint-note]')!.textContent).toMatch(/did not grant access to reports\.example\.org/);
  expect(mounted.element.querySelector('a[href="reports.html"]')).not.toBeNull();
});

test('options: a corpus a check found damaged says so on its row', async () => {
  const damaged = '1 article damaged and left out of checks (corrupt corpus: text of article 0 is damaged). Import the corpus again to repair it.';
  const port = {
    ...reportParts(),
    listCorpora: vi.fn(async (): Promise<CorpusEntry[]> => [
      { id: 'bundled', name: 'Bundled seeds', articles: 5, bundled: true, importedAt: null },
      { id: 'c1', name: 'newsroom.fhc', articles: 1200, bundled: false, importedAt: '2026-05-01T00:00:00Z', damaged },
    ]),
    importCorpus: vi.fn(),
    removeCorpus: vi.fn(),
    getEndpoint: vi.fn(async () => null),
    saveEndpoint: vi.fn(),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, mounted.element));
  await settle();
  const rows = $$('[data-testid=corpus]');
  expect(rows[0]!.querySelector('[data-testid=corpus-damaged]')).toBeNull();
  expect(rows[1]!.querySelector('[data-testid=corpus-damaged]')!.textContent).toBe(` — ${damaged}`);
});

test('options: an endpoint typed before the stored one has loaded is kept and saved', async () => {
  let answerStored: (url: string | null) => void = () => undefined;
  const port = {
    ...reportParts(),
    listCorpora: vi.fn(async () => []),
    importCorpus: vi.fn(),
    removeCorpus: vi.fn(),
    getEndpoint: vi.fn(() => new Promise<string | null>((resolve) => (answerStored = resolve))),
    saveEndpoint: vi.fn(async (url: string) => ({ ok: true as const, endpoint: url, permission: Promise.resolve('granted' as const) })),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, mounted.element));
  const input = $('[data-testid=endpoint]') as HTMLInputElement;
  act(() => {
    input.value = 'https://reports.example.org/in';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  answerStored(null);
  await settle();
  expect(input.value).toBe('https://reports.example.org/in');
  act(() => ($('[data-testid=endpoint-save]') as HTMLButtonElement).click());
  await settle();
  expect(port.saveEndpoint).toHaveBeenCalledWith('https://reports.example.org/in');
  expect($('[data-testid=endpoint-note]')!.textContent).toMatch(/^Saved/);
});

test('reports: a table row per report, its delivery in words (no codes, no raw errors), delete through the port, exports enabled', async () => {
  let reports = [
    mockReport({ id: 'a', pageTitle: '<img src=x onerror=alert(1)>', delivery: { status: 'pending-retry', attempts: 2, lastError: 'Failed to fetch', sentAt: null } }),
    mockReport({ id: 'b', delivery: { status: 'sent', attempts: 1, lastError: null, sentAt: '2026-05-04T00:00:00Z' } }),
    mockReport({ id: 'c', comment: 'spun', delivery: { status: 'saved', attempts: 0, lastError: null, sentAt: null } }),
    mockReport({ id: 'd', delivery: { status: 'pending-retry', attempts: 1, lastError: 'the endpoint answered 503 Service Unavailable', sentAt: null } }),
  ];
  const now = new Date('2026-05-04T12:00:00Z');
  const port = {
    listReports: vi.fn(async () => reports),
    deleteReport: vi.fn(async (id: string) => void (reports = reports.filter((r) => r.id !== id))),
    retryPendingReports: vi.fn(async () => ({ sent: 1, pending: 0 })),
    nextReportRetry: vi.fn(async () => '2026-05-04T12:00:45.000Z'),
  } satisfies ReportsPort;
  act(() => render(<ReportsApp port={port} now={() => now} />, mounted.element));
  await settle();
  expect($$('[data-testid=report-row]')).toHaveLength(4);
  expect($$('[data-testid=report-status]').map((s) => s.textContent)).toEqual([
    'waiting to be sent; next try in 1 minute',
    'sent May 4, 2026',
    'saved on this computer',
    'waiting to be sent; next try in 1 minute',
  ]);
  expect($$('[data-testid=report-error]').map((s) => s.textContent)).toEqual([
    'Last try: could not reach the endpoint (it is down, the address is wrong, or it does not allow requests from this extension).',
    'Last try: the endpoint refused it (it answered 503 Service Unavailable).',
  ]);
  expect(mounted.element.textContent).not.toMatch(/pending-retry|Failed to fetch/);
  // Aligned: one table, every row with a cell under every heading.
  const headings = $$('table.reports-table thead th');
  expect(headings.map((h) => h.textContent)).toEqual(['Page', 'Reported', 'Borrowed', 'Likely original', 'Delivery', 'Actions']);
  for (const row of $$('[data-testid=report-row]')) expect(row.tagName === 'TR' && row.children.length).toBe(headings.length);
  expect(mounted.element.querySelector('img')).toBeNull();
  expect(($('[data-testid=export-csv]') as HTMLButtonElement).disabled).toBe(false);

  act(() => ($$('[data-testid=report-delete]')[0] as HTMLButtonElement).click());
  await settle();
  expect(port.deleteReport).toHaveBeenCalledWith('a');
  expect($$('[data-testid=report-row]')).toHaveLength(3);
});

test('reports: a waiting report with no retry planned says no endpoint is set', async () => {
  const port = {
    listReports: vi.fn(async () => [mockReport({ delivery: { status: 'pending-retry', attempts: 0, lastError: null, sentAt: null } })]),
    deleteReport: vi.fn(),
    retryPendingReports: vi.fn(),
    nextReportRetry: vi.fn(async () => null),
  } satisfies ReportsPort;
  act(() => render(<ReportsApp port={port} />, mounted.element));
  await settle();
  expect($('[data-testid=report-status]')!.textContent).toBe('waiting to be sent; no endpoint is set');
  expect($('[data-testid=report-error]')).toBeNull();
});

test('options: an import the port refuses shows its reason, adds no row and frees the file input', async () => {
  const corpora: CorpusEntry[] = [{ id: 'bundled', name: 'Bundled seeds', articles: 5, bundled: true, importedAt: null }];
  const port = {
    ...reportParts(),
    listCorpora: vi.fn(async () => corpora),
    importCorpus: vi.fn(async (file: File) => {
      throw new Error(`${file.name} is not a Firsthand corpus (bad magic). Make one with "firsthand build-corpus".`);
    }),
    removeCorpus: vi.fn(),
    getEndpoint: vi.fn(async () => null),
    saveEndpoint: vi.fn(),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, mounted.element));
  await settle();
  const input = $('[data-testid=corpus-import]') as HTMLInputElement;
  const file = new File(['hello, not a corpus'], 'notes.fhc');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
  expect(port.importCorpus).toHaveBeenCalledWith(file);
  expect($('[data-testid=corpus-note]')!.textContent).toBe(
    'notes.fhc is not a Firsthand corpus (bad magic). Make one with "firsthand build-corpus".',
  );
  expect($$('[data-testid=corpus]')).toHaveLength(1);
  expect(input.disabled).toBe(false);
});

describe('options: the report endpoint and what a report holds (13.9, 15.14)', () => {
  function endpointPort(permission: Promise<'granted' | 'denied'>, saved = 0) {
    let savedCount = saved;
    return {
      ...reportParts(),
      savedReportCount: vi.fn(async () => savedCount),
      sendSavedReports: vi.fn(async () => {
        const sent = savedCount;
        savedCount = 0;
        return { sent, pending: 0 };
      }),
      listCorpora: vi.fn(async () => []),
      importCorpus: vi.fn(),
      removeCorpus: vi.fn(),
      getEndpoint: vi.fn(async () => null),
      saveEndpoint: vi.fn(async (url: string) => ({ ok: true as const, endpoint: url, permission })),
    } satisfies OptionsPort;
  }

  test('while the browser\'s permission request is unanswered, nothing is promised; a dismissed one is said so; a granted one says reports go there', async () => {
    let answer: (a: 'granted' | 'denied') => void = () => undefined;
    const port = endpointPort(new Promise((resolve) => (answer = resolve)));
    act(() => render(<OptionsApp port={port} />, mounted.element));
    await settle();
    typeEndpoint('https://reports.example.org/in');
    act(() => ($('[data-testid=endpoint-save]') as HTMLButtonElement).click());
    await settle();
    const note = () => $('[data-testid=endpoint-note]')!.textContent ?? '';
    expect(note()).not.toMatch(/sent there/);
    expect(note()).toMatch(/Waiting for your answer .* access to reports\.example\.org/);
    answer('denied');
    await settle();
    expect(note()).toMatch(/^Saved, but the browser did not grant access to reports\.example\.org \(its request was dismissed or refused\)/);
    expect(note()).not.toMatch(/sent there/);

    const granting = endpointPort(Promise.resolve('granted'));
    render(null, mounted.element);
    act(() => render(<OptionsApp port={granting} />, mounted.element));
    await settle();
    typeEndpoint('https://reports.example.org/in');
    act(() => ($('[data-testid=endpoint-save]') as HTMLButtonElement).click());
    await settle();
    expect(note()).toBe('Saved. New reports are also sent there.');
  });

  test('an endpoint set earlier whose access was since withdrawn is said so when the page opens', async () => {
    const port = { ...endpointPort(Promise.resolve('granted')), getEndpoint: vi.fn(async () => 'https://reports.example.org/in'), endpointPermission: vi.fn(async () => false) };
    act(() => render(<OptionsApp port={port} />, mounted.element));
    await settle();
    expect(port.endpointPermission).toHaveBeenCalledWith('https://reports.example.org/in');
    expect($('[data-testid=endpoint-note]')!.textContent).toMatch(/^The endpoint is set, but the browser has not granted access to reports\.example\.org\. .*press Save to ask for access/);
  });

  test('reports saved before the endpoint was set are offered for sending once it is set, and sent on request', async () => {
    const port = endpointPort(Promise.resolve('granted'), 2);
    act(() => render(<OptionsApp port={port} />, mounted.element));
    await settle();
    expect($('[data-testid=saved-offer]')).toBeNull(); // no endpoint yet: nothing to send them to
    typeEndpoint('https://reports.example.org/in');
    act(() => ($('[data-testid=endpoint-save]') as HTMLButtonElement).click());
    await settle();
    expect($('[data-testid=saved-offer]')!.textContent).toMatch(/^2 reports made before the endpoint was set are kept only in this browser/);
    act(() => ($('[data-testid=send-saved]') as HTMLButtonElement).click());
    await settle();
    expect(port.sendSavedReports).toHaveBeenCalledTimes(1);
    expect($('[data-testid=endpoint-note]')!.textContent).toBe('2 reports sent.');
    expect($('[data-testid=saved-offer]')).toBeNull();
  });

  test('the page says what a report contains, and the full-address option is saved through the port', async () => {
    const port = endpointPort(Promise.resolve('granted'));
    act(() => render(<OptionsApp port={port} />, mounted.element));
    await settle();
    const contents = $('.report-contents')!.textContent!;
    expect(contents).toMatch(/up to 100 matched passages, each as up to 500 characters of the page and of the source/);
    expect(contents).toMatch(/SHA-256 fingerprint of its text \(not the text\)/);
    const box = $('[data-testid=keep-full-url]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    act(() => box.click());
    await settle();
    expect(port.setReportOptions).toHaveBeenCalledWith({ keepFullUrl: true });
    expect(box.checked).toBe(true);
  });
});
