/** The options page: followed sources, the reader's own corpus, imported corpora and the report endpoint. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { endpointHost, type EndpointSaved } from '../src/extension/endpoint-settings.js';
import type { CorpusEntry, ReaderCorpusView, ReportOptions } from '../src/extension/messages.js';
import { FollowSources, type FollowPort } from './components/follow-sources.js';
import { ReaderCorpusSection, type ReaderCorpusPort } from './components/reader-corpus-section.js';
import { ReportContents } from './components/report-contents.js';
import { plural } from './format.js';

export type { EndpointSaved };

export interface OptionsPort extends FollowPort, ReaderCorpusPort {
  getReaderCorpus(): Promise<ReaderCorpusView>;
  listCorpora(): Promise<CorpusEntry[]>;
  importCorpus(file: File): Promise<CorpusEntry>;
  removeCorpus(id: string): Promise<void>;
  getEndpoint(): Promise<string | null>;
  /** Must be called straight from the click: it may ask the browser for the endpoint's host permission. */
  saveEndpoint(url: string): Promise<EndpointSaved>;
  /** Whether the browser has granted access to the endpoint's origin. */
  endpointPermission(url: string): Promise<boolean>;
  /** Reports kept only here because no endpoint was set when they were made. */
  savedReportCount(): Promise<number>;
  /** Send those now (they then wait and are retried like any other). */
  sendSavedReports(): Promise<{ sent: number; pending: number }>;
  getReportOptions(): Promise<ReportOptions>;
  setReportOptions(options: ReportOptions): Promise<ReportOptions>;
}

const notGranted = (endpoint: string): string =>
  `Saved, but the browser did not grant access to ${endpointHost(endpoint)} (its request was dismissed or refused). ` +
  'Reports reach it only if it accepts requests from this extension (CORS); press Save to be asked again.';


const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function OptionsApp({ port }: { port: OptionsPort }) {
  const [corpora, setCorpora] = useState<CorpusEntry[] | null>(null);
  const [corpusNote, setCorpusNote] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [endpointNote, setEndpointNote] = useState('');
  /** The endpoint as stored (the field may hold something else being typed). */
  const [storedEndpoint, setStoredEndpoint] = useState<string | null>(null);
  const [savedCount, setSavedCount] = useState(0);
  const [reportOptions, setReportOptions] = useState<ReportOptions | null>(null);
  const [busy, setBusy] = useState(false);
  const [reader, setReader] = useState<ReaderCorpusView | null>(null);
  const [readerNote, setReaderNote] = useState('');
  const refreshReader = (): Promise<void> => port.getReaderCorpus().then(setReader, () => undefined);
  const readerChanged = (note: string): void => {
    setReaderNote(note);
    void refreshReader();
    void refresh();
  };

  const countSaved = (): Promise<void> => port.savedReportCount().then(setSavedCount, () => undefined);

  const refresh = (): Promise<void> =>
    port.listCorpora().then(setCorpora, (error: unknown) => setCorpusNote(`Could not list corpora: ${messageOf(error)}`));

  // The stored endpoint arrives after the page shows (the background may be waking up):
  // it must not overwrite what the reader has typed meanwhile.
  const typed = useRef(false);
  useEffect(() => {
    void refresh();
    void refreshReader();
    port.getEndpoint().then(
      (url) => {
        if (!typed.current) setEndpoint(url ?? '');
        setStoredEndpoint(url);
        if (url !== null) {
          port.endpointPermission(url).then(
            (granted) => {
              if (!granted) {
                setEndpointNote(
                  `The endpoint is set, but the browser has not granted access to ${endpointHost(url)}. ` +
                    'Reports reach it only if it accepts requests from this extension (CORS); press Save to ask for access.',
                );
              }
            },
            () => undefined,
          );
        }
      },
      () => undefined,
    );
    void countSaved();
    port.getReportOptions().then(setReportOptions, () => undefined);
  }, [port]);

  const onImport = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    setBusy(true);
    setCorpusNote(`Importing ${file.name}…`);
    try {
      const entry = await port.importCorpus(file);
      setCorpusNote(`Imported ${entry.name}: ${plural(entry.articles, 'article')}.`);
      await refresh();
    } catch (error) {
      setCorpusNote(messageOf(error));
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  const onRemove = async (entry: CorpusEntry): Promise<void> => {
    try {
      await port.removeCorpus(entry.id);
      setCorpusNote(`Removed ${entry.name}.`);
      await refresh();
    } catch (error) {
      setCorpusNote(messageOf(error));
    }
  };

  const onSaveEndpoint = (event: Event): void => {
    event.preventDefault();
    setEndpointNote('Saving…');
    port.saveEndpoint(endpoint).then(
      (saved) => {
        if (!saved.ok) return setEndpointNote(saved.message);
        const stored = saved.endpoint;
        setEndpoint(stored ?? '');
        setStoredEndpoint(stored);
        void countSaved();
        if (stored === null) return setEndpointNote('Endpoint cleared: reports are kept in this browser only.');
        // Nothing is promised until the reader has answered the browser's request.
        setEndpointNote(`Saved. Waiting for your answer to the browser's request for access to ${endpointHost(stored)}…`);
        saved.permission.then(
          (permission) => setEndpointNote(permission === 'denied' ? notGranted(stored) : 'Saved. New reports are also sent there.'),
          () => setEndpointNote(notGranted(stored)),
        );
      },
      (error: unknown) => setEndpointNote(messageOf(error)),
    );
  };

  const onSendSaved = (): void => {
    setEndpointNote('Sending…');
    port.sendSavedReports().then(
      (r) => {
        setEndpointNote(r.pending === 0 ? `${plural(r.sent, 'report')} sent.` : `${plural(r.sent, 'report')} sent; ${r.pending} waiting, tried again every minute (see Your reports).`);
        void countSaved();
      },
      (error: unknown) => setEndpointNote(messageOf(error)),
    );
  };

  const onKeepFullUrl = (keepFullUrl: boolean): void => {
    port.setReportOptions({ keepFullUrl }).then(setReportOptions, () => undefined);
  };

  return (
    <div id="app" class="page" data-state={corpora === null ? 'loading' : 'ready'}>
      <h1>Firsthand options</h1>
      <FollowSources port={port} onCorpusChanged={() => readerChanged('')} />
      <ReaderCorpusSection view={reader} port={port} onChanged={readerChanged} note={readerNote} />
      <section aria-labelledby="corpora-heading">
        <h2 id="corpora-heading">Corpora</h2>
        <p>
          Checks compare pages with every corpus listed here. Import a corpus file made with{' '}
          <code>firsthand build-corpus</code>; it stays in this browser.
        </p>
        <ul class="corpus-list">
          {(corpora ?? []).map((entry) => (
            <li key={entry.id} class="corpus" data-testid="corpus" data-id={entry.id}>
              <span class="corpus-name">{entry.name}</span>
              <span class="corpus-count"> — {plural(entry.articles, 'article')}</span>
              {entry.damaged !== undefined && <span class="corpus-damaged" data-testid="corpus-damaged"> — {entry.damaged}</span>}
              {!entry.bundled && (
                <button
                  type="button"
                  class="link"
                  data-testid="corpus-remove"
                  aria-label={`Remove ${entry.name}`}
                  onClick={() => void onRemove(entry)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
        <label class="file">
          <span>Import a corpus (.fhc)</span>
          <input type="file" accept=".fhc" data-testid="corpus-import" disabled={busy} onChange={(e) => void onImport(e)} />
        </label>
        <p class="note" role="status" data-testid="corpus-note">{corpusNote}</p>
      </section>
      <section aria-labelledby="endpoint-heading">
        <h2 id="endpoint-heading">Report endpoint</h2>
        <p>
          Reports are always saved in this browser. Set an HTTPS address to also send each one there as JSON (plain http
          only for 127.0.0.1). Leave it empty to send nothing.
        </p>
        <form class="endpoint" onSubmit={onSaveEndpoint}>
          <label>
            <span>Endpoint</span>
            <input
              type="url"
              data-testid="endpoint"
              placeholder="https://reports.example.org/firsthand"
              value={endpoint}
              onInput={(e) => {
                typed.current = true;
                setEndpoint((e.currentTarget as HTMLInputElement).value);
              }}
            />
          </label>
          <button type="submit" data-testid="endpoint-save">
            Save
          </button>
        </form>
        <p class="note" role="status" data-testid="endpoint-note">{endpointNote}</p>
        {storedEndpoint !== null && savedCount > 0 && (
          <p class="saved-offer" data-testid="saved-offer">
            {`${plural(savedCount, 'report')} made before the endpoint was set ${savedCount === 1 ? 'is' : 'are'} kept only in this browser. `}
            <button type="button" data-testid="send-saved" onClick={onSendSaved}>
              Send {savedCount === 1 ? 'it' : 'them'} to the endpoint
            </button>
          </p>
        )}
      </section>
      <ReportContents options={reportOptions} onKeepFullUrl={onKeepFullUrl} />
      <p>
        <a href="reports.html">Your reports</a>
      </p>
    </div>
  );
}
