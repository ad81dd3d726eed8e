import { describe, expect, test } from 'vitest';
import { memoryReportRows, ReportNotStored } from '../../src/extension/report-rows.js';
import { ReportStore } from '../../src/extension/report-store.js';
import { memoryStorageArea } from '../../src/extension/storage-area.js';
import { mockReport } from '../../popup/mock.js';

/** An endpoint that can be taken down and brought back, recording what reached it. */
function fakeEndpoint() {
  const received: unknown[] = [];
  let mode: 'down' | 'error' | 'up' = 'up';
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'error') return new Response('nope', { status: 503, statusText: 'Service Unavailable' });
    received.push(JSON.parse(String(init?.body)));
    return new Response(null, { status: 201 });
  }) as typeof globalThis.fetch;
  return { fetch, received, set: (m: typeof mode) => void (mode = m) };
}

function setup() {
  const area = memoryStorageArea();
  const rows = memoryReportRows();
  const endpoint = fakeEndpoint();
  const store = new ReportStore({ rows, area, fetch: endpoint.fetch, now: () => new Date('2026-05-04T12:00:00Z') });
  return { area, rows, endpoint, store };
}

test('without an endpoint a report is saved locally and nothing is sent', async () => {
  const { store, endpoint, area, rows } = setup();
  const saved = await store.save(mockReport());
  expect(saved.delivery.status).toBe('saved');
  expect(endpoint.received).toHaveLength(0);
  expect([...rows.items.keys()]).toEqual([saved.id]);
  expect(area.items.size).toBe(0);
});

test('a sent report is marked sent and the endpoint gets the whole report as JSON, without the browser\'s delivery bookkeeping', async () => {
  const { store, endpoint } = setup();
  await store.setEndpoint('https://reports.example.org/in');
  const saved = await store.save(mockReport({ comment: 'clearly spun' }));
  expect(saved.delivery).toMatchObject({ status: 'sent', attempts: 1, sentAt: '2026-05-04T12:00:00.000Z' });
  const { delivery: _kept, ...body } = mockReport({ comment: 'clearly spun' });
  expect(endpoint.received).toEqual([body]);
  expect((await store.list())[0]!.delivery.status).toBe('sent');
});

describe('a failed send is kept and retried, never lost', () => {
  test.each(['down', 'error'] as const)('endpoint %s, then back up', async (mode) => {
    const { store, endpoint } = setup();
    await store.setEndpoint('http://127.0.0.1:9/reports');
    endpoint.set(mode);
    const saved = await store.save(mockReport());
    expect(saved.delivery.status).toBe('pending-retry');
    expect(saved.delivery.lastError).toMatch(mode === 'down' ? /^could not reach the endpoint/ : /refused it \(it answered 503 Service Unavailable\)/);
    expect(await store.list()).toHaveLength(1);

    // Still down: the retry keeps it and counts the attempt.
    expect(await store.retryPending()).toEqual({ sent: 0, pending: 1 });
    expect((await store.list())[0]!.delivery).toMatchObject({ status: 'pending-retry', attempts: 2 });

    endpoint.set('up');
    expect(await store.retryPending()).toEqual({ sent: 1, pending: 0 });
    const [after] = await store.list();
    expect(after!.delivery).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(endpoint.received).toHaveLength(1);
    expect((endpoint.received[0] as { id: string }).id).toBe(saved.id);

    // Nothing left to send: a further retry sends nothing twice.
    expect(await store.retryPending()).toEqual({ sent: 0, pending: 0 });
    expect(endpoint.received).toHaveLength(1);
  });
});

test('a report saved while no endpoint was set is not sent later without being asked, and is sent when the reader asks', async () => {
  const { store, endpoint } = setup();
  await store.save(mockReport({ id: 'before' }));
  await expect(store.sendSaved()).rejects.toThrow(/Set an endpoint first/);
  await store.setEndpoint('https://reports.example.org/in');
  await store.retryPending();
  expect(endpoint.received).toHaveLength(0);

  endpoint.set('down');
  expect(await store.sendSaved()).toEqual({ sent: 0, pending: 1 });
  expect((await store.list())[0]!.delivery.status).toBe('pending-retry');
  endpoint.set('up');
  expect(await store.retryPending()).toEqual({ sent: 1, pending: 0 });
  expect(endpoint.received.map((r) => (r as { id: string }).id)).toEqual(['before']);
});

test('a report deleted while its send is in flight stays deleted', async () => {
  const area = memoryStorageArea();
  let release: () => void = () => undefined;
  const slow = (() =>
    new Promise<Response>((resolve) => {
      release = () => resolve(new Response(null, { status: 200 }));
    })) as unknown as typeof fetch;
  const store = new ReportStore({ rows: memoryReportRows(), area, fetch: slow, now: () => new Date() });
  await store.setEndpoint('https://reports.example.org/in');
  const saving = store.save(mockReport());
  await new Promise((r) => setTimeout(r, 0));
  await store.delete(mockReport().id);
  release();
  await saving;
  expect(await store.list()).toEqual([]);
});

test('list is newest first and skips records it does not understand without deleting them', async () => {
  const { store, area } = setup();
  await store.save(mockReport({ id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }));
  await store.save(mockReport({ id: 'new', createdAt: '2026-03-01T00:00:00.000Z' }));
  await area.set({ 'report:future': { v: 99, id: 'future', createdAt: '2027-01-01T00:00:00.000Z', delivery: {} } });
  expect((await store.list()).map((r) => r.id)).toEqual(['new', 'old']);
  expect(area.items.has('report:future')).toBe(true);
  await store.delete('old');
  expect((await store.list()).map((r) => r.id)).toEqual(['new']);
});

describe('periodic retries (the background alarm) run only while a report waits for an endpoint', () => {
  function withRetries() {
    const area = memoryStorageArea();
    const endpoint = fakeEndpoint();
    const log: string[] = [];
    let wanted = false;
    const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
      log.push('send');
      return endpoint.fetch(url, init);
    }) as typeof globalThis.fetch;
    const store = new ReportStore({
      rows: memoryReportRows(), area, fetch, now: () => new Date('2026-05-04T12:00:00Z'),
      retries: async (needed) => {
        log.push(needed ? 'retries on' : 'retries off');
        wanted = needed;
      },
    });
    return { store, endpoint, log, wanted: () => wanted };
  }

  test('asked for before a send starts (a worker stopped mid-send keeps its retry), stopped once the report is sent', async () => {
    const { store, endpoint, log, wanted } = withRetries();
    await store.setEndpoint('https://reports.example.org/in');
    log.length = 0;
    endpoint.set('down');
    await store.save(mockReport());
    expect(log.slice(0, 2)).toEqual(['retries on', 'send']);
    expect(wanted()).toBe(true);
    endpoint.set('up');
    expect(await store.retryPending()).toEqual({ sent: 1, pending: 0 });
    expect(wanted()).toBe(false);
  });

  test('none without an endpoint, none after a sent report, and none once the waiting report is deleted or the endpoint cleared', async () => {
    const { store, endpoint, wanted } = withRetries();
    await store.save(mockReport({ id: 'kept-locally' }));
    expect(wanted()).toBe(false);
    await store.setEndpoint('https://reports.example.org/in');
    await store.save(mockReport({ id: 'sent' }));
    expect(wanted()).toBe(false);

    endpoint.set('down');
    await store.save(mockReport({ id: 'waiting' }));
    expect(wanted()).toBe(true);
    await store.delete('waiting');
    expect(wanted()).toBe(false);

    await store.save(mockReport({ id: 'waiting-again' }));
    expect(wanted()).toBe(true);
    await store.setEndpoint(null);
    expect(wanted()).toBe(false);
    // The report still waits: setting an endpoint again asks for retries again.
    await store.setEndpoint('https://reports.example.org/in');
    expect(wanted()).toBe(true);
    expect(await store.pendingCount()).toBe(1);
  });
});

describe('only a 2xx from the configured endpoint counts as sent (15.12)', () => {
  /** Node's fetch with redirect: 'manual' hands back the 3xx itself; a browser hands back an opaque redirect (status 0). */
  test.each([
    ['302 to a GET elsewhere', () => new Response(null, { status: 302, headers: { location: 'https://reports.example.org/thanks' } })],
    ['307 to another origin', () => new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/steal' } })],
    ['an opaque redirect (browser)', () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' }) as Response],
  ])('%s: not followed, kept waiting, with the reason in words', async (_name, answer) => {
    const inits: RequestInit[] = [];
    const fetch = (async (_u: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init!);
      return answer();
    }) as typeof globalThis.fetch;
    const store = new ReportStore({ rows: memoryReportRows(), area: memoryStorageArea(), fetch, now: () => new Date('2026-05-04T12:00:00Z') });
    await store.setEndpoint('https://reports.example.org/in');
    const saved = await store.save(mockReport());
    expect(inits[0]!.redirect).toBe('manual');
    expect(saved.delivery.status).toBe('pending-retry');
    expect(saved.delivery.lastError).toMatch(/redirect/);
    expect(saved.delivery.lastError).toMatch(/only to the address you set/);
  });

  test('a 2xx whose response came from another address (a followed redirect) is not counted as sent', async () => {
    const fetch = (async () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'url', { value: 'https://elsewhere.example/in' });
      Object.defineProperty(response, 'redirected', { value: true });
      return response;
    }) as typeof globalThis.fetch;
    const store = new ReportStore({ rows: memoryReportRows(), area: memoryStorageArea(), fetch, now: () => new Date('2026-05-04T12:00:00Z') });
    await store.setEndpoint('https://reports.example.org/in');
    const saved = await store.save(mockReport());
    expect(saved.delivery.status).toBe('pending-retry');
    expect(saved.delivery.lastError).toMatch(/redirect/);
  });
});

/** A report as version 0.1.0 kept it in storage.local (format 1: whole passage texts, no offsets). */
function version1Report(id: string, pageText = 'US President Joe Biden has talked with his Ukrainian counterpart.') {
  return {
    v: 1,
    id,
    createdAt: '2026-04-01T08:00:00.000Z',
    pageUrl: 'https://farm.example/story?utm_source=x#top',
    pageTitle: 'Biden talks with Ukrainian President',
    status: 'copy',
    overlap: 0.9,
    likelyOriginal: { id: '000', title: 'Biden speaks', outlet: 'Al Jazeera', published: '2021-12-09', url: 'https://aljazeera.example/000' },
    passages: [{ kind: 'paraphrase', sourceId: '000', pageText, sourceText: 'US President Joe Biden has spoken with his Ukrainian counterpart.' }],
    textSha256: 'b'.repeat(64),
    extensionVersion: '0.1.0',
    comment: 'old one',
    delivery: { status: 'pending-retry', attempts: 3, lastError: 'Failed to fetch', sentAt: null },
  };
}

describe('reports kept in storage.local by earlier versions (15.13)', () => {
  test('are moved to the report rows as format 2, bounded, and removed from storage.local; unknown records stay', async () => {
    const { store, area, rows } = setup();
    const long = 'word '.repeat(400); // 2,000 characters: over the excerpt cap
    await area.set({
      'report:a': version1Report('a'),
      'report:b': version1Report('b', long),
      'report:future': { v: 99, id: 'future', createdAt: '2027-01-01T00:00:00.000Z', delivery: {} },
      'settings:endpoint': 'https://reports.example.org/in',
    });
    const listed = await store.list();
    expect(listed.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect([...area.items.keys()].sort()).toEqual(['report:future', 'settings:endpoint']);
    expect([...rows.items.keys()].sort()).toEqual(['a', 'b']);
    const a = listed.find((r) => r.id === 'a')!;
    expect(a).toMatchObject({
      formatVersion: 2,
      pageUrl: 'https://farm.example/story?utm_source=x#top', // as it was sent: not rewritten after the fact
      pageWords: null,
      sources: [{ id: '000', title: 'Biden speaks', outlet: 'Al Jazeera' }],
      passagesTotal: 1,
      comment: 'old one',
      delivery: { status: 'pending-retry', attempts: 3 },
    });
    expect(a.passages[0]).toEqual({
      kind: 'paraphrase',
      sourceId: '000',
      similarity: null,
      page: { start: null, end: null, text: 'US President Joe Biden has talked with his Ukrainian counterpart.', cut: false },
      source: { start: null, end: null, text: 'US President Joe Biden has spoken with his Ukrainian counterpart.', cut: false },
    });
    const b = listed.find((r) => r.id === 'b')!;
    expect(b.passages[0]!.page).toMatchObject({ cut: true });
    expect(b.passages[0]!.page.text).toBe(long.slice(0, 500));
  });

  test('a migrated waiting report is still sent, and a migration the rows refuse leaves storage.local as it was', async () => {
    const { store, area, endpoint } = setup();
    await area.set({ 'report:a': version1Report('a'), 'settings:endpoint': 'https://reports.example.org/in' });
    expect(await store.retryPending()).toEqual({ sent: 1, pending: 0 });
    expect((endpoint.received[0] as { formatVersion: number; id: string })).toMatchObject({ formatVersion: 2, id: 'a' });

    const refusing = memoryReportRows();
    refusing.put = async () => {
      throw new ReportNotStored(new DOMException('quota', 'QuotaExceededError'));
    };
    const legacy = memoryStorageArea({ 'report:a': version1Report('a') });
    const stuck = new ReportStore({ rows: refusing, area: legacy, fetch: endpoint.fetch, now: () => new Date() });
    await expect(stuck.list()).rejects.toThrow(/refused to store the report \(its storage is full\)/);
    expect(legacy.items.has('report:a')).toBe(true);
  });
});

test('a report the browser refuses to store is not sent and the reader is told why (15.13)', async () => {
  const { area, endpoint } = setup();
  const rows = memoryReportRows();
  rows.put = async () => {
    throw new ReportNotStored(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  };
  let retrying = false;
  const store = new ReportStore({ rows, area, fetch: endpoint.fetch, now: () => new Date(), retries: async (on) => void (retrying = on) });
  await store.setEndpoint('https://reports.example.org/in');
  await expect(store.save(mockReport())).rejects.toThrow(
    'The browser refused to store the report (its storage is full). Free some disk space, or delete old reports, and try again.',
  );
  expect(endpoint.received).toHaveLength(0);
  expect(retrying).toBe(false); // no alarm left running for a report that is not there
});
