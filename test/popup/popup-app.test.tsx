// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { AnalysisOutcome } from '../../src/extension/analysis.js';
import { MOCK_ORIGINAL, mockAnalysis, mockReport } from '../../popup/mock.js';
import { PopupApp } from '../../popup/popup-app.js';
import { PopupRoot } from '../../popup/popup-root.js';
import type { PopupActions, PopupPort, PopupState } from '../../popup/popup-state.js';
import { renderContainer } from '../helpers/render-container.js';

const mounted = renderContainer();

const noActions: PopupActions = { toggleHighlight() {}, saveReport() {}, openReports() {}, openOptions() {} };
const verdict = (analysis = mockAnalysis()): PopupState => ({
  phase: 'verdict',
  analysis,
  highlight: 'off',
  highlightNote: null,
  report: { step: 'idle' },
  evidence: 'shown',
});
const show = (state: PopupState, actions = noActions): void => {
  act(() => render(<PopupApp state={state} actions={actions} />, mounted.element));
};
const $ = (selector: string) => mounted.element.querySelector(selector);
const $$ = (selector: string) => [...mounted.element.querySelectorAll(selector)];

test('loading', () => {
  show({ phase: 'loading' });
  expect($('#app')!.getAttribute('data-state')).toBe('loading');
  expect($('[data-testid=verdict]')).toBeNull();
});

describe('errors carry their code and a sentence', () => {
  test.each(['forbidden-page', 'no-article', 'failed'] as const)('%s', (code) => {
    show({ phase: 'error', error: { code, message: `Because ${code}.` } });
    expect($('#app')!.getAttribute('data-state')).toBe('error');
    const error = $('[data-testid=error]')!;
    expect(error.getAttribute('data-code')).toBe(code);
    expect(error.textContent).toContain(`Because ${code}.`);
    // Only a failed check is an alert; a page that cannot be checked is a notice.
    expect(error.getAttribute('role')).toBe(code === 'failed' ? 'alert' : 'status');
  });
});

test('a copy names its likely original with a link, the overlap and a bar, sources and passages', () => {
  show(verdict());
  expect($('#app')!.getAttribute('data-state')).toBe('verdict');
  expect($('[data-testid=verdict]')!.getAttribute('data-status')).toBe('copy');
  expect($('[data-testid=overlap]')!.textContent).toBe('97%');
  expect($('[data-testid=overlap-bar]')!.getAttribute('aria-valuenow')).toBe('97');
  const original = $('[data-testid=likely-original]')!;
  expect(original.textContent).toBe('Likely original: Biden speaks to Ukraine’s president amid Russia tensions — Al Jazeera, Dec 9, 2021');
  expect(original.querySelector('a')!.getAttribute('href')).toBe(MOCK_ORIGINAL.url);
  const source = $('[data-testid=source]')!;
  expect(source.getAttribute('data-id')).toBe(MOCK_ORIGINAL.id);
  expect(source.getAttribute('data-relation')).toBe('source');
  expect(source.textContent).toContain('97% of this page');
  expect($$('[data-testid=passage]').map((p) => p.getAttribute('data-kind'))).toEqual(['paraphrase', 'verbatim', 'quote']);
  const [paraphrase] = $$('[data-testid=passage]');
  expect(paraphrase!.querySelector('[data-testid=passage-page]')!.textContent).toBe(MOCK_ORIGINAL.passages[0]!.pageText);
  expect(paraphrase!.querySelector('[data-testid=passage-source]')!.textContent).toBe(MOCK_ORIGINAL.passages[0]!.sourceText);
  // Reworded words are marked apart from shared ones: "talked" vs "spoken".
  expect(paraphrase!.querySelector('[data-testid=passage-page] .w-reworded')!.textContent).toContain('talked');
  expect($$('[data-testid=passage-page] .w-shared').length).toBeGreaterThan(0);
  expect($('[data-testid=explanation]')!.textContent).toMatch(/^97% of this page’s 420 words match passages from an earlier article/);
  expect($('[data-testid=highlight-toggle]')!.getAttribute('aria-pressed')).toBe('false');
  expect($('[data-testid=report]')).not.toBeNull();
});

test('the original says so and lists its copies, with no overlap figure', () => {
  const copy = { ...MOCK_ORIGINAL, id: '001_x', title: 'Spun copy', relation: 'copy' as const };
  show(verdict(mockAnalysis({ status: 'original', overlap: 0, sources: [copy] })));
  expect($('[data-testid=verdict]')!.textContent).toBe('This page is the original');
  expect($('[data-testid=overlap]')).toBeNull();
  expect($('[data-testid=likely-original]')).toBeNull();
  expect(mounted.element.textContent).toContain('1 copy found.');
  expect($('[data-testid=source]')!.getAttribute('data-relation')).toBe('copy');
  expect($('[data-testid=report]')).toBeNull();
});

test('no match says no known source and offers no highlight', () => {
  show(verdict(mockAnalysis({ status: 'no-match', overlap: 0, likelyOriginal: null, sources: [] })));
  expect($('[data-testid=verdict]')!.textContent).toBe('No known source');
  expect($('[data-testid=highlight-toggle]')).toBeNull();
  expect($('[data-testid=explanation]')!.textContent).toContain('5 articles');
});

describe('no earlier source, but the page’s text is elsewhere in the corpus', () => {
  test('a later copy: the page may be its original, not "nothing matches"', () => {
    const copy = { ...MOCK_ORIGINAL, id: '001_x', title: 'Spun copy', relation: 'copy' as const, coverage: 0.9 };
    show(verdict(mockAnalysis({ status: 'no-match', overlap: 0, likelyOriginal: null, sources: [copy] })));
    expect($('[data-testid=verdict]')!.textContent).toBe('No known source');
    expect(mounted.element.textContent).toContain('1 later copy found.');
    const explanation = $('[data-testid=explanation]')!.textContent!;
    expect(explanation).toContain('1 later article reuses its text');
    expect(explanation).not.toContain('None of this page’s passages match');
  });

  test('a same-day article with all of its text: which came first is not known', () => {
    const sameDay = { ...MOCK_ORIGINAL, relation: 'unknown-order' as const, coverage: 1 };
    show(verdict(mockAnalysis({ status: 'no-match', overlap: 0, likelyOriginal: null, sources: [sameDay] })));
    const explanation = $('[data-testid=explanation]')!.textContent!;
    expect(explanation).toContain('100% of this page is also in an article published the same day or undated');
    expect(explanation).toContain('cannot tell which came first');
    expect(explanation).not.toContain('None of this page’s passages match');
  });

  test('the same text as an article of unknown order is said plainly, never original or no match', () => {
    const same = {
      ...MOCK_ORIGINAL, relation: 'unknown-order' as const, coverage: 0.93,
      evidence: [{ kind: 'dates' as const, says: 'unknown-order' as const, detail: 'page 2021-12-09T16:00:00Z, article 2021-12-09' }],
    };
    show(verdict(mockAnalysis({ status: 'same-text', overlap: 0, likelyOriginal: null, sameText: same, sources: [same] })));
    expect($('[data-testid=verdict]')!.textContent).toBe('Same text as another article');
    expect($('[data-testid=same-text]')!.textContent).toContain(same.title);
    expect($('[data-testid=same-text]')!.textContent).toContain('which came first cannot be told');
    const explanation = $('[data-testid=explanation]')!.textContent!;
    expect(explanation).toContain('93% of this page is the same text as that article');
    expect(explanation).toContain('which came first cannot be told');
    expect(explanation).toContain('Why: page 2021-12-09T16:00:00Z, article 2021-12-09.');
  });

  test('a wire copy names the wire, and the first carrier only as where its text was first seen', () => {
    const carrier = { ...MOCK_ORIGINAL, relation: 'source' as const, coverage: 1 };
    show(verdict(mockAnalysis({ status: 'copy', likelyOriginal: carrier, sources: [carrier], wire: { name: 'Associated Press', carriers: 3, firstSeen: carrier.id } })));
    expect($('[data-testid=likely-original]')!.textContent).toContain('Associated Press copy, first seen at:');
    const explanation = $('[data-testid=explanation]')!.textContent!;
    expect(explanation).toContain('This page carries Associated Press copy (credited syndication); 3 other carriers known.');
    expect(explanation).toContain('where its text was first seen, not its author');
  });

  test('a text several outlets carry, none credited, is syndicated copy with no author named', () => {
    const carrier = { ...MOCK_ORIGINAL, relation: 'source' as const, coverage: 1 };
    show(verdict(mockAnalysis({ status: 'copy', likelyOriginal: carrier, sources: [carrier], wire: { name: null, carriers: 4, firstSeen: carrier.id } })));
    expect($('[data-testid=likely-original]')!.textContent).toContain('Syndicated copy, first seen at:');
    expect($('[data-testid=likely-original]')!.textContent).not.toContain('null');
    const explanation = $('[data-testid=explanation]')!.textContent!;
    expect(explanation).toContain('4 other outlets carry this page’s text, and no credit names its author');
    expect(explanation).toContain('where its text was first seen, not its author');
  });

  test('the evidence that set the direction is named in the explanation', () => {
    const credited = {
      ...MOCK_ORIGINAL, relation: 'source' as const, coverage: 0.97,
      evidence: [
        { kind: 'credit' as const, says: 'source' as const, detail: 'the page credits it: "Source: Al Jazeera"' },
        { kind: 'dates' as const, says: 'unknown-order' as const, detail: 'page 2021-12-09, article 2021-12-09' },
      ],
    };
    show(verdict(mockAnalysis({ status: 'copy', likelyOriginal: credited, sources: [credited] })));
    expect($('[data-testid=explanation]')!.textContent).toContain('Why: the page credits it: "Source: Al Jazeera"; page 2021-12-09, article 2021-12-09.');
  });
});

test('page text is rendered as text, never as HTML', () => {
  const hostile = '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>';
  const source = {
    ...MOCK_ORIGINAL,
    title: '<b>bold</b> title',
    url: 'javascript:alert(1)',
    passages: [{ kind: 'verbatim' as const, pageText: hostile, sourceText: hostile, page: [0, hostile.length] as const, similarity: 1 }],
  };
  show(verdict(mockAnalysis({ sources: [source], likelyOriginal: source, page: { title: hostile, extractor: 'text', words: 9 } })));
  expect(mounted.element.querySelector('img, script, b')).toBeNull();
  expect($('[data-testid=passage-page]')!.textContent).toBe(hostile);
  // A javascript: address is shown as text, not as a link.
  expect($('[data-testid=likely-original] a')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
});

describe('PopupRoot drives the state through the port', () => {
  function mockPort(outcome: AnalysisOutcome) {
    return {
      analyze: vi.fn(async () => outcome),
      highlight: vi.fn(async (on: boolean) => ({ marks: on ? 3 : 0 })),
      saveReport: vi.fn(async (comment: string) => mockReport({ comment, delivery: { status: 'pending-retry', attempts: 1, lastError: 'down', sentAt: null } })),
      openReports: vi.fn(),
      openOptions: vi.fn(),
    } satisfies PopupPort;
  }
  const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

  test('verdict, highlight on and off, report with a comment', async () => {
    const port = mockPort({ ok: true, analysis: mockAnalysis() });
    act(() => render(<PopupRoot port={port} />, mounted.element));
    expect($('#app')!.getAttribute('data-state')).toBe('loading');
    await settle();
    expect($('#app')!.getAttribute('data-state')).toBe('verdict');

    const toggle = $('[data-testid=highlight-toggle]') as HTMLButtonElement;
    act(() => toggle.click());
    await settle();
    expect(port.highlight).toHaveBeenLastCalledWith(true);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    act(() => toggle.click());
    await settle();
    expect(port.highlight).toHaveBeenLastCalledWith(false);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    const textarea = mounted.element.querySelector('textarea')!;
    act(() => {
      textarea.value = 'same story, new words';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => ($('[data-testid=report]') as HTMLButtonElement).click());
    await settle();
    expect(port.saveReport).toHaveBeenCalledWith('same story, new words');
    expect($('[data-testid=report-saved]')!.textContent).toMatch(/saved; it will be sent/);
    expect(($('[data-testid=report]') as HTMLButtonElement).disabled).toBe(true);
  });

  test('the verdict comes first, its passages one frame later, and each step is announced', async () => {
    const port = mockPort({ ok: true, analysis: mockAnalysis() });
    const milestones: string[] = [];
    act(() => render(<PopupRoot port={port} onMilestone={(m) => milestones.push(m)} />, mounted.element));
    await act(async () => void (await port.analyze.mock.results[0]!.value));
    expect($('#app')!.getAttribute('data-state')).toBe('verdict');
    expect($('#app')!.getAttribute('data-evidence')).toBe('pending');
    expect($('#app')!.getAttribute('aria-busy')).toBe('true');
    expect($('[data-testid=verdict]')!.getAttribute('data-status')).toBe('copy');
    expect($('[data-testid=overlap]')!.textContent).toBe('97%');
    expect($$('[data-testid=passage]')).toHaveLength(0);
    expect(milestones).toEqual(['settled']);

    await act(async () => void (await new Promise((r) => setTimeout(r, 150))));
    expect($('#app')!.getAttribute('data-evidence')).toBe('shown');
    expect($('#app')!.getAttribute('aria-busy')).toBe('false');
    expect($$('[data-testid=passage]')).toHaveLength(3);
    expect(milestones).toEqual(['settled', 'evidence']);
  });

  test("the passages wait until what was waiting for the verdict's frame has run (the verdict's paint mark first)", async () => {
    // Frames by hand: the popup page marks a milestone painted with a frame, then a task (popup-page.tsx).
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    // Timers by hand too: the popup's fallback for a page that gets no frame (100 ms) must not fire on a slow machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const port = mockPort({ ok: true, analysis: mockAnalysis() });
      const order: string[] = [];
      const onMilestone = (m: string) => {
        order.push(m);
        requestAnimationFrame(() => setTimeout(() => order.push(`${m}-painted`), 0));
      };
      act(() => render(<PopupRoot port={port} onMilestone={onMilestone} />, mounted.element));
      await act(async () => void (await port.analyze.mock.results[0]!.value));
      expect(order).toEqual(['settled']);
      // The frame that shows the verdict, outside act(): Preact renders a state change in a microtask then, as in the popup.
      for (const callback of frames.splice(0)) callback(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(order).toEqual(['settled', 'settled-painted', 'evidence']);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  test('a rejected analysis becomes a failed error, not a blank popup', async () => {
    const port = mockPort({ ok: true, analysis: mockAnalysis() });
    port.analyze.mockRejectedValueOnce(new Error('The background did not answer "analyzeTab".'));
    act(() => render(<PopupRoot port={port} />, mounted.element));
    await settle();
    expect($('[data-testid=error]')!.getAttribute('data-code')).toBe('failed');
    expect($('[data-testid=error]')!.textContent).toContain('did not answer');
  });
});
