/**
 * Entry of options.html: the options page's port over background messages, the corpus
 * store and the permissions API.
 */
import { render } from 'preact';
import { OptionsApp, type OptionsPort } from './options-app.js';
import { browser } from '../src/extension/browser.js';
import { engineCorpusReader, importCorpusFile, type CorpusFileSource } from '../src/extension/corpus-import.js';
import { indexedDbCorpusStore } from '../src/extension/corpus-store.js';
import { checkEndpoint } from '../src/extension/endpoint.js';
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
  async saveEndpoint(url) {
    if (url.trim() === '') {
      const cleared = await send('setEndpoint', null);
      return cleared.ok ? { ok: true, endpoint: null, permission: Promise.resolve('not-needed') } : cleared;
    }
    const checked = checkEndpoint(url);
    if (!checked.ok) return checked;
    // Ask first and synchronously: browsers only show the prompt inside the click's user gesture.
    const granted = browser.permissions
      .request({ origins: [checked.originPattern] })
      .then(
        (yes): 'granted' | 'denied' => (yes ? 'granted' : 'denied'),
        (): 'denied' => 'denied',
      );
    const saved = await send('setEndpoint', checked.url);
    if (!saved.ok) return saved;
    // A new grant lets waiting reports through now rather than at the next alarm.
    void granted.then((answer) => (answer === 'granted' ? send('retryPendingReports') : undefined)).catch(() => undefined);
    return { ok: true, endpoint: saved.endpoint, permission: granted };
  },
};

render(<OptionsApp port={port} />, document.body);
