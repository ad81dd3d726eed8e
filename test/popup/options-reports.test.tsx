// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { CorpusEntry } from '../../src/extension/messages.js';
import { mockReport } from '../../popup/mock.js';
import { OptionsApp, type OptionsPort } from '../../popup/options-app.js';
import { ReportsApp, type ReportsPort } from '../../popup/reports-app.js';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const $ = (s: string) => container.querySelector(s);
const $$ = (s: string) => [...container.querySelectorAll(s)];

test('options: corpora with counts, remove for imported ones only, endpoint saved through the port', async () => {
  let corpora: CorpusEntry[] = [
    { id: 'bundled', name: 'Bundled seeds', articles: 5, bundled: true, importedAt: null },
    { id: 'c1', name: 'newsroom.fhc', articles: 1200, bundled: false, importedAt: '2026-05-01T00:00:00Z' },
  ];
  const port = {
    listCorpora: vi.fn(async () => corpora),
    importCorpus: vi.fn(),
    removeCorpus: vi.fn(async (id: string) => void (corpora = corpora.filter((c) => c.id !== id))),
    getEndpoint: vi.fn(async () => null),
    saveEndpoint: vi.fn(async (url: string) => ({ ok: true as const, endpoint: url, permission: Promise.resolve('denied' as const) })),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, container));
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
  expect($('[data-testid=endpoint-note]')!.textContent).toMatch(/did not grant access/);
  expect(container.querySelector('a[href="reports.html"]')).not.toBeNull();
});

test('options: a corpus a check found damaged says so on its row', async () => {
  const damaged = '1 article damaged and left out of checks (corrupt corpus: text of article 0 is damaged). Import the corpus again to repair it.';
  const port = {
    listCorpora: vi.fn(async (): Promise<CorpusEntry[]> => [
      { id: 'bundled', name: 'Bundled seeds', articles: 5, bundled: true, importedAt: null },
      { id: 'c1', name: 'newsroom.fhc', articles: 1200, bundled: false, importedAt: '2026-05-01T00:00:00Z', damaged },
    ]),
    importCorpus: vi.fn(),
    removeCorpus: vi.fn(),
    getEndpoint: vi.fn(async () => null),
    saveEndpoint: vi.fn(),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, container));
  await settle();
  const rows = $$('[data-testid=corpus]');
  expect(rows[0]!.querySelector('[data-testid=corpus-damaged]')).toBeNull();
  expect(rows[1]!.querySelector('[data-testid=corpus-damaged]')!.textContent).toBe(` — ${damaged}`);
});

test('options: an endpoint typed before the stored one has loaded is kept and saved', async () => {
  let answerStored: (url: string | null) => void = () => undefined;
  const port = {
    listCorpora: vi.fn(async () => []),
    importCorpus: vi.fn(),
    removeCorpus: vi.fn(),
    getEndpoint: vi.fn(() => new Promise<string | null>((resolve) => (answerStored = resolve))),
    saveEndpoint: vi.fn(async (url: string) => ({ ok: true as const, endpoint: url, permission: Promise.resolve('granted' as const) })),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, container));
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

test('reports: one row per report with its status, delete through the port, exports enabled', async () => {
  let reports = [
    mockReport({ id: 'a', pageTitle: '<img src=x onerror=alert(1)>', delivery: { status: 'pending-retry', attempts: 2, lastError: 'Failed to fetch', sentAt: null } }),
    mockReport({ id: 'b', delivery: { status: 'sent', attempts: 1, lastError: null, sentAt: '2026-05-04T00:00:00Z' } }),
  ];
  const port = {
    listReports: vi.fn(async () => reports),
    deleteReport: vi.fn(async (id: string) => void (reports = reports.filter((r) => r.id !== id))),
    retryPendingReports: vi.fn(async () => ({ sent: 1, pending: 0 })),
  } satisfies ReportsPort;
  act(() => render(<ReportsApp port={port} />, container));
  await settle();
  expect($$('[data-testid=report-row]')).toHaveLength(2);
  expect($$('[data-testid=report-status]').map((s) => s.textContent)).toEqual(['pending-retry', 'sent']);
  expect(container.querySelector('img')).toBeNull();
  expect(container.textContent).toContain('Last send failed: Failed to fetch');
  expect(($('[data-testid=export-csv]') as HTMLButtonElement).disabled).toBe(false);

  act(() => ($$('[data-testid=report-delete]')[0] as HTMLButtonElement).click());
  await settle();
  expect(port.deleteReport).toHaveBeenCalledWith('a');
  expect($$('[data-testid=report-row]')).toHaveLength(1);
});

test('options: an import the port refuses shows its reason, adds no row and frees the file input', async () => {
  const corpora: CorpusEntry[] = [{ id: 'bundled', name: 'Bundled seeds', articles: 5, bundled: true, importedAt: null }];
  const port = {
    listCorpora: vi.fn(async () => corpora),
    importCorpus: vi.fn(async (file: File) => {
      throw new Error(`${file.name} is not a Firsthand corpus (bad magic). Make one with "firsthand build-corpus".`);
    }),
    removeCorpus: vi.fn(),
    getEndpoint: vi.fn(async () => null),
    saveEndpoint: vi.fn(),
  } satisfies OptionsPort;
  act(() => render(<OptionsApp port={port} />, container));
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
