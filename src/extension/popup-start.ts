/**
 * Entry of popup-start.js, the first script of popup.html (in its <head>, before the
 * stylesheet): it asks the background for the verdict before popup.js — Preact, the
 * components, webextension-polyfill — is even fetched, so the check runs while the
 * popup boots. It stays tiny, which is why it talks to the browser's own promise API
 * (`browser` in Firefox, `chrome` in Chrome ≥ 99) instead of loading the polyfill.
 * popup.js takes the check over through FIRST_CHECK_GLOBAL.
 * Performance marks (`firsthand:*`) let benchmarks see where the popup's time goes.
 */
import type { AnalysisOutcome } from './analysis.js';
import { createSender, type Message } from './messages.js';

/** Where popup-start.js leaves the check it started for popup.js. */
export const FIRST_CHECK_GLOBAL = '__firsthandFirstCheck';

export interface PopupTab {
  id: number;
  url?: string;
}

export interface FirstCheck {
  tab: Promise<PopupTab>;
  outcome: Promise<AnalysisOutcome>;
}

/** The few promise-returning calls the start needs; both browsers' native APIs have them. */
export interface StartApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    get(tabId: number): Promise<{ url?: string }>;
    query(query: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
  };
}

/** The tab to check: `?tabId=N` when the popup is opened as a tab (as the tests do), else the active tab. */
export async function targetTab(api: StartApi, search: string): Promise<PopupTab> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await api.tabs.get(fromQuery).catch(() => null);
    return tab?.url === undefined ? { id: fromQuery } : { id: fromQuery, url: tab.url };
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No tab to check.');
  return tab.url === undefined ? { id: tab.id } : { id: tab.id, url: tab.url };
}

/** Ask the background to check `tab`. */
export async function analyzeTab(api: StartApi, tab: Promise<PopupTab>): Promise<AnalysisOutcome> {
  const send = createSender((message: Message) => api.runtime.sendMessage(message));
  const { id, url } = await tab;
  performance.mark('firsthand:ask');
  const outcome = await (url === undefined ? send('analyzeTab', id) : send('analyzeTab', id, url));
  performance.mark('firsthand:answer');
  return outcome;
}

/** Start the check; called once, by popup-start-entry.ts. */
export function startFirstCheck(api: StartApi, search: string): FirstCheck {
  const tab = targetTab(api, search);
  const outcome = analyzeTab(api, tab);
  // Until popup.js takes them over, a rejection is not "unhandled".
  tab.catch(() => undefined);
  outcome.catch(() => undefined);
  return { tab, outcome };
}
