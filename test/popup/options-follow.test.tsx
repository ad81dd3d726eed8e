// @vitest-environment jsdom
/**
 * The options page's "Follow news sources" and "Your corpus", and the popup's "Add this page":
 * what the reader sees and which requests each click makes.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { FollowAnswer, FollowedSource, ReaderCorpusView, ReaderRetention } from '../../src/extension/messages.js';
import { followFromClick } from '../../src/extension/follow-settings.js';
import { FollowSources, type FollowPort } from '../../popup/components/follow-sources.js';
import { ReaderCorpusSection, type ReaderCorpusPort } from '../../popup/components/reader-corpus-section.js';
import { PopupApp } from '../../popup/popup-app.js';
import { mockAnalysis } from '../../popup/mock.js';
import { renderContainer } from '../helpers/render-container.js';

const mounted = renderContainer();
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const $ = (s: string) => mounted.element.querySelector(s) as HTMLElement | null;
const click = (s: string) => act(() => $(s)!.click());

const source = (over: Partial<FollowedSource['status']> = {}): FollowedSource => ({
  address: 'https://news.example/', feeds: ['https://news.example/rss.xml'], origins: ['https://news.example/*'], addedAt: '2026-12-03T10:00:00Z',
  status: { lastFetched: '2026-12-03T11:00:00Z', articlesAdded: 12, lastError: null, failures: 0, nextTryAt: null, ...over },
});

function followPort(answers: FollowAnswer[], sources: FollowedSource[] = []): FollowPort & { followSource: ReturnType<typeof vi.fn> } {
  return {
    listFollowedSources: vi.fn(async () => sources),
    followSource: vi.fn(async () => answers.shift()!),
    unfollowSource: vi.fn(async () => undefined),
    followNow: vi.fn(async () => ({ sources: 1, added: 3, replaced: 0, deferred: 0, errors: 0 })),
  };
}

describe('following a source in the options page', () => {
  test('each source shows when it was fetched, what it added and its last error in words', async () => {
    act(() => render(<FollowSources port={followPort([], [source({ lastError: 'https://news.example/rss.xml: the server failed (500)' })])} onCorpusChanged={() => {}} />, mounted.element));
    await settle();
    expect($('[data-testid=source-status]')!.textContent).toMatch(/last fetched .*, 12 articles added/);
    expect($('[data-testid=source-error]')!.textContent).toBe(' — last error: https://news.example/rss.xml: the server failed (500)');
  });

  test('a source on several sites: one more click asks for all of them, then it is followed', async () => {
    const port = followPort([
      { ok: false, needs: ['https://news.example/*', 'https://cdn.news.example/*'], feeds: [], message: 'Its feed or articles are also on cdn.news.example: allow Firsthand to read it too.' },
      { ok: true, source: source({ lastFetched: null, articlesAdded: 0 }) },
    ]);
    act(() => render(<FollowSources port={port} onCorpusChanged={() => {}} />, mounted.element));
    await settle();
    const input = $('[data-testid=follow-address]') as HTMLInputElement;
    act(() => {
      input.value = 'https://news.example/';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => ($('form') as HTMLFormElement).requestSubmit());
    await settle();
    expect(port.followSource).toHaveBeenLastCalledWith('https://news.example/');
    expect($('[data-testid=follow-needs]')!.textContent).toMatch(/also on cdn\.news\.example.*Allow news\.example, cdn\.news\.example and follow/);
    click('[data-testid=follow-allow]');
    await settle();
    expect(port.followSource).toHaveBeenLastCalledWith('https://news.example/', ['https://news.example/*', 'https://cdn.news.example/*']);
    expect($('[data-testid=follow-note]')!.textContent).toMatch(/^Following https:\/\/news\.example\/: 1 feed found/);
  });
});

describe('the permission request', () => {
  test('is made in the click\'s own task, before anything is fetched, for the address\'s site only', async () => {
    const order: string[] = [];
    const permissions = { request: vi.fn(async () => (order.push('request'), true)), contains: vi.fn(async () => true) };
    const answer = followFromClick({ permissions, follow: async () => (order.push('follow'), { ok: true, source: source() }) }, 'https://news.example/world/');
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://news.example/*'] });
    await answer;
    expect(order).toEqual(['request', 'follow']);
  });

  test('refused: nothing is followed, and the reader is told why', async () => {
    const follow = vi.fn();
    const answer = await followFromClick({ permissions: { request: async () => false, contains: async () => false }, follow }, 'https://news.example/');
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/did not give Firsthand access to news\.example/) });
    expect(follow).not.toHaveBeenCalled();
  });

  test('plain http is refused before the browser is asked anything', async () => {
    const request = vi.fn();
    const answer = await followFromClick({ permissions: { request, contains: vi.fn() }, follow: vi.fn() }, 'http://news.example/');
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/only https addresses are followed/) });
    expect(request).not.toHaveBeenCalled();
  });
});

describe('your corpus', () => {
  const view = (over: Partial<ReaderCorpusView> = {}): ReaderCorpusView => ({
    articles: 5, byOrigin: { followed: 3, read: 1, added: 1 }, bytes: 3 * 1024 * 1024 + 300 * 1024, retention: { maxAgeDays: 90, maxMegabytes: 200 }, rememberReading: false, ...over,
  });
  const port = (over: Partial<ReaderCorpusPort> = {}): ReaderCorpusPort => ({
    setRememberReading: vi.fn(async (on: boolean) => view({ rememberReading: on })), clearReaderArticles: vi.fn(async () => 2),
    setReaderRetention: vi.fn(async (retention: ReaderRetention) => view({ retention })), ...over,
  });

  test('"Remember what I read" is off until the reader turns it on; clearing what was read keeps the followed articles', async () => {
    const reader = port();
    const notes: string[] = [];
    act(() => render(<ReaderCorpusSection view={view()} port={reader} onChanged={(n) => notes.push(n)} note="" />, mounted.element));
    expect($('[data-testid=reader-count]')!.textContent).toBe('5 articles (3.3 MB): 3 from followed sources, 1 you read, 1 you added.');
    const box = $('[data-testid=remember-reading]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    act(() => box.click());
    await settle();
    expect(reader.setRememberReading).toHaveBeenCalledWith(true);
    click('[data-testid=clear-read]');
    await settle();
    expect(reader.clearReaderArticles).toHaveBeenCalledWith(['read', 'added']);
    expect(notes).toEqual(['Each article you check is now added to your corpus.', '2 articles you read or added removed.']);
  });
});

describe('retention of your corpus', () => {
  const view = (over: Partial<ReaderCorpusView> = {}): ReaderCorpusView => ({
    articles: 40, byOrigin: { followed: 40, read: 0, added: 0 }, bytes: 900 * 1024, retention: { maxAgeDays: 90, maxMegabytes: 200 }, rememberReading: false, ...over,
  });
  const type = (testId: string, value: string) =>
    act(() => {
      const input = $(`[data-testid=${testId}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

  test('shows the current limits beside the count and size, and applies the ones the reader sets', async () => {
    const setReaderRetention = vi.fn(async (retention: ReaderRetention) => view({ retention, articles: 31 }));
    const notes: string[] = [];
    const port = { setRememberReading: vi.fn(), clearReaderArticles: vi.fn(), setReaderRetention };
    act(() => render(<ReaderCorpusSection view={view()} port={port} onChanged={(n) => notes.push(n)} note="" />, mounted.element));
    expect($('[data-testid=reader-count]')!.textContent).toMatch(/^40 articles \(900 KB\)/);
    expect(($('[data-testid=retention-days]') as HTMLInputElement).value).toBe('90');
    expect(($('[data-testid=retention-megabytes]') as HTMLInputElement).value).toBe('200');
    type('retention-days', '30');
    type('retention-megabytes', '50');
    act(() => ($('[data-testid=retention]') as HTMLFormElement).requestSubmit());
    await settle();
    expect(setReaderRetention).toHaveBeenCalledWith({ maxAgeDays: 30, maxMegabytes: 50 });
    expect(notes).toEqual(['Kept for 30 days, at most 50 MB: 9 articles removed.']);
  });

  test('a limit the background refuses is told in its words', async () => {
    const setReaderRetention = vi.fn(async () => {
      throw new Error('Keep articles for a whole number of days from 1 to 3650.');
    });
    const notes: string[] = [];
    act(() => render(<ReaderCorpusSection view={view()} port={{ setRememberReading: vi.fn(), clearReaderArticles: vi.fn(), setReaderRetention }} onChanged={(n) => notes.push(n)} note="" />, mounted.element));
    type('retention-days', '2.5');
    // the browser's own check would stop a fractional day; the background's is the one that counts
    act(() => void $('[data-testid=retention]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(setReaderRetention).toHaveBeenCalledWith({ maxAgeDays: 2.5, maxMegabytes: 200 });
    expect(notes).toEqual(['Keep articles for a whole number of days from 1 to 3650.']);
  });
});

describe('the popup\'s "Add this page to my corpus"', () => {
  test('adds the page, and Undo removes it again', async () => {
    const keepPage = vi.fn(async () => ({ id: 'added-abc', outcome: 'added' as const, title: 'T' }));
    const forgetKeptPage = vi.fn(async () => 1);
    const actions = { toggleHighlight() {}, saveReport() {}, openReports() {}, openOptions() {}, keepPage, forgetKeptPage };
    const state = { phase: 'verdict' as const, analysis: mockAnalysis(), highlight: 'off' as const, highlightNote: null, report: { step: 'idle' as const }, evidence: 'shown' as const };
    act(() => render(<PopupApp state={state as never} actions={actions} />, mounted.element));
    click('[data-testid=keep-page]');
    await settle();
    expect($('[data-testid=keep-note]')!.textContent).toBe('Added to your corpus: a copy met later is matched against it. Undo');
    click('[data-testid=keep-undo]');
    await settle();
    expect(forgetKeptPage).toHaveBeenCalledWith('added-abc');
    expect($('[data-testid=keep-note]')!.textContent).toBe('Removed from your corpus.');
  });
});
