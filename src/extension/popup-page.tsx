/**
 * Entry of popup.html: finds the tab to check (`?tabId=N` when opened as a
 * tab, as the tests do; else the active tab) and backs the popup's port with
 * background messages.
 */
import { render } from 'preact';
import { PopupRoot } from '../../popup/popup-root.js';
import type { PopupPort } from '../../popup/popup-state.js';
import { browser } from './browser.js';
import { createSender, type Message } from './messages.js';

const send = createSender((message: Message) => browser.runtime.sendMessage(message));

async function targetTab(): Promise<{ id: number; url?: string }> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return tab?.url === undefined ? { id: fromQuery } : { id: fromQuery, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No tab to check.');
  return tab.url === undefined ? { id: tab.id } : { id: tab.id, url: tab.url };
}

const tab = targetTab();

const port: PopupPort = {
  async analyze() {
    const { id, url } = await tab;
    return url === undefined ? send('analyzeTab', id) : send('analyzeTab', id, url);
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
};

render(<PopupRoot port={port} />, document.body);
