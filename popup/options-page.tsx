/**
 * Entry of options.html: the options page's port over background messages, the corpus
 * store and the permissions API (endpoint-settings.ts).
 */
import { render } from 'preact';
import { OptionsApp, type OptionsPort } from './options-app.js';
import { browser } from '../src/extension/browser.js';
import { engineCorpusReader, importCorpusFile, type CorpusFileSource } from '../src/extension/corpus-import.js';
import { indexedDbCorpusStore } from '../src/extension/corpus-store.js';
import { endpointReachable, saveEndpoint } from '../src/extension/endpoint-settings.js';
import { followFromClick } from '../src/extension/follow-settings.js';
import { createSender, type Message } from '../src/extension/messages.js';

const send = createSender((message: Message) => browser.runtime.sendMessage(message));
const corpusStore = indexedDbCorpusStore();

const port: OptionsPort = {
  listCorpora: () => send('listCorpora'),
  importCorpus(file) {
    // Read by slices: the texts of a big corpus are stored a few MiB at a time, never all in memory.
    const source: CorpusFileSource = {
      size: file.size,
      read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
    };
    return importCorpusFile(
      { store: corpusStore, reader: engineCorpusReader, uuid: () => crypto.randomUUID(), now: () => new Date(), announce: (id) => send('importCorpus', id) },
      file.name,
      source,
    );
  },
  removeCorpus: (id) => send('removeCorpus', id),
  getEndpoint: () => send('getEndpoint'),
  saveEndpoint: (url) =>
    saveEndpoint(
      {
        permissions: browser.permissions,
        setEndpoint: (endpoint) => send('setEndpoint', endpoint),
        retryPending: () => send('retryPendingReports'),
      },
      url,
    ),
  endpointPermission: (url) => endpointReachable(browser.permissions, url),
  savedReportCount: async () => (await send('listReports')).filter((r) => r.delivery.status === 'saved').length,
  sendSavedReports: () => send('sendSavedReports'),
  getReportOptions: () => send('getReportOptions'),
  setReportOptions: (options) => send('setReportOptions', options),
  listFollowedSources: () => send('listFollowedSources'),
  followSource: (address, origins) => followFromClick({ permissions: browser.permissions, follow: (url) => send('followSource', url) }, address, origins),
  unfollowSource: (address) => send('unfollowSource', address),
  followNow: () => send('followNow'),
  getReaderCorpus: () => send('getReaderCorpus'),
  setRememberReading: (on) => send('setRememberReading', on),
  setReaderRetention: (retention) => send('setReaderRetention', retention),
  clearReaderArticles: (origins) => send('clearReaderArticles', origins),
};

render(<OptionsApp port={port} />, document.body);
