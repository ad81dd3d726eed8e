/**
 * Entry of popup.html's main script: backs the popup's port with background messages.
 * The first check was already asked for by popup-start.js (see popup-start.ts); this
 * takes it over, or asks itself when that script did not run.
 */
import { render } from 'preact';
import { PopupRoot, type PopupMilestone } from './popup-root.js';
import type { PopupPort } from './popup-state.js';
import type { AnalysisOutcome } from '../src/extension/analysis.js';
import { browser } from '../src/extension/browser.js';
import { createSender, type Message } from '../src/extension/messages.js';
import { analyzeTab, FIRST_CHECK_GLOBAL, startFirstCheck, type FirstCheck, type StartApi } from '../src/extension/popup-start.js';

performance.mark('firsthand:ui');
const api = browser as unknown as StartApi;
const send = createSender((message: Message) => browser.runtime.sendMessage(message));
const first = ((globalThis as unknown as Record<string, FirstCheck | undefined>)[FIRST_CHECK_GLOBAL] ??
  startFirstCheck(api, location.search)) as FirstCheck;
const { tab } = first;
let pending: Promise<AnalysisOutcome> | null = first.outcome;

const port: PopupPort = {
  analyze() {
    const outcome = pending ?? analyzeTab(api, tab);
    pending = null; // a later call (a re-check) asks afresh
    return outcome;
  },
  async highlight(on) {
    return send('highlight', (await tab).id, on);
  },
  async saveReport(comment) {
    return send('saveReport', (await tab).id, comment);
  },
  openReports() {
    void browser.tabs.create({ url: browser.runtime.getURL('reports.html') }).then(() => window.close());
  },
  openOptions() {
    void browser.runtime.openOptionsPage().then(() => window.close());
  },
  async keepPage() {
    return send('keepPage', (await tab).id);
  },
  forgetKeptPage: (id) => send('forgetKeptPage', id),
};

/**
 * Marks `firsthand:<milestone>` when it is rendered and `firsthand:<milestone>-painted` once the
 * frame showing it has been painted (for benchmarks: the verdict first, then the passages).
 */
function mark(milestone: PopupMilestone): void {
  performance.mark(`firsthand:${milestone}`);
  requestAnimationFrame(() => setTimeout(() => performance.mark(`firsthand:${milestone}-painted`), 0));
}

render(<PopupRoot port={port} onMilestone={mark} />, document.body);
