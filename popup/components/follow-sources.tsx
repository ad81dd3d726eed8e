/**
 * The options page's "Follow news sources": add a site or feed address, see each source's
 * status (last fetched, articles added, last error in words), stop following one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FollowAnswer, FollowedSource, FollowRunSummary } from '../../src/extension/messages.js';
import { formatCount, plural } from '../format.js';

export interface FollowPort {
  listFollowedSources(): Promise<FollowedSource[]>;
  /** Must be called straight from the click: asks the browser for `origins` (by default the address's own site). */
  followSource(address: string, origins?: readonly string[]): Promise<FollowAnswer>;
  unfollowSource(address: string): Promise<void>;
  followNow(): Promise<FollowRunSummary>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const hostsOf = (origins: readonly string[]): string => origins.map((o) => o.replace(/^\w+:\/\/|\/\*$/g, '')).join(', ');

function when(iso: string | null): string {
  if (iso === null) return 'not fetched yet (the first run is within a minute of adding)';
  return `last fetched ${new Date(iso).toLocaleString()}`;
}

export function FollowSources({ port, onCorpusChanged }: { port: FollowPort; onCorpusChanged(): void }) {
  const [sources, setSources] = useState<FollowedSource[] | null>(null);
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  /** A source whose feed or articles live on more sites: the reader is asked for all of them with one click. */
  const [pending, setPending] = useState<{ address: string; needs: readonly string[]; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = (): Promise<void> => port.listFollowedSources().then(setSources, (error: unknown) => setNote(`Could not list the sources: ${messageOf(error)}`));
  useEffect(() => {
    void refresh();
  }, [port]);

  const answered = (asked: string) => (answer: FollowAnswer): void => {
    setBusy(false);
    if (answer.ok) {
      setPending(null);
      setAddress('');
      setNote(`Following ${answer.source.address}: ${plural(answer.source.feeds.length, 'feed')} found. New articles are fetched every 30 minutes.`);
      void refresh();
    } else if ('needs' in answer) {
      setPending({ address: asked, needs: answer.needs, message: answer.message });
      setNote('');
    } else {
      setNote(answer.error);
    }
  };

  const onFollow = (event: Event): void => {
    event.preventDefault();
    setBusy(true);
    setPending(null);
    setNote('Looking for its feeds…');
    // Called in the click's task: the browser's permission prompt needs it.
    port.followSource(address).then(answered(address), (error: unknown) => {
      setBusy(false);
      setNote(messageOf(error));
    });
  };

  const onAllow = (): void => {
    if (pending === null) return;
    setBusy(true);
    setNote('Looking for its feeds…');
    port.followSource(pending.address, pending.needs).then(answered(pending.address), (error: unknown) => {
      setBusy(false);
      setNote(messageOf(error));
    });
  };

  const onUnfollow = (source: FollowedSource): void => {
    port.unfollowSource(source.address).then(
      () => {
        setNote(`Stopped following ${source.address}; the articles it brought stay in your corpus.`);
        void refresh();
      },
      (error: unknown) => setNote(messageOf(error)),
    );
  };

  const onFetchNow = (): void => {
    setBusy(true);
    setNote('Fetching…');
    port.followNow().then(
      (run) => {
        setBusy(false);
        const parts = [`${plural(run.added, 'article')} added`];
        if (run.replaced) parts.push(`${run.replaced} updated`);
        if (run.deferred) parts.push(`${run.deferred} left for the next run`);
        if (run.errors) parts.push(`${plural(run.errors, 'source')} with errors (see below)`);
        setNote(`${parts.join(', ')}.`);
        void refresh();
        onCorpusChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setNote(messageOf(error));
      },
    );
  };

  return (
    <section aria-labelledby="follow-heading" data-testid="follow" data-state={sources === null ? 'loading' : 'ready'}>
      <h2 id="follow-heading">Follow news sources</h2>
      <p>
        Give a news site's address or its feed (RSS, Atom, JSON Feed or a news sitemap). Every 30 minutes Firsthand fetches its new
        articles into your corpus, in this browser. Only <code>https</code> addresses are followed. Your browser asks you to let
        Firsthand read the site (and the sites its articles are on); stopping to follow a site takes that access back.
      </p>
      <form class="endpoint" onSubmit={onFollow}>
        <label>
          <span>Site or feed</span>
          <input
            type="url"
            data-testid="follow-address"
            placeholder="https://news.example.org/"
            value={address}
            onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" data-testid="follow-add" disabled={busy || address.trim() === ''}>
          Follow
        </button>
      </form>
      {pending !== null && (
        <p class="saved-offer" data-testid="follow-needs">
          {pending.message}{' '}
          <button type="button" data-testid="follow-allow" disabled={busy} onClick={onAllow}>
            Allow {hostsOf(pending.needs)} and follow
          </button>
        </p>
      )}
      <p class="note" role="status" data-testid="follow-note">{note}</p>
      <ul class="corpus-list">
        {(sources ?? []).map((source) => (
          <li key={source.address} class="corpus" data-testid="followed-source" data-address={source.address}>
            <span class="corpus-name">{source.address}</span>
            <span class="corpus-count" data-testid="source-status">
              {' — '}
              {when(source.status.lastFetched)}, {formatCount(source.status.articlesAdded)} {source.status.articlesAdded === 1 ? 'article' : 'articles'} added
            </span>
            {source.status.lastError !== null && (
              <span class="corpus-damaged" data-testid="source-error">
                {' — '}last error: {source.status.lastError}
                {source.status.nextTryAt !== null && ` (tried again after ${new Date(source.status.nextTryAt).toLocaleString()})`}
              </span>
            )}
            <button type="button" class="link" data-testid="unfollow" aria-label={`Stop following ${source.address}`} onClick={() => onUnfollow(source)}>
              Stop following
            </button>
          </li>
        ))}
      </ul>
      {sources !== null && sources.length > 0 && (
        <button type="button" data-testid="follow-now" disabled={busy} onClick={onFetchNow}>
          Fetch new articles now
        </button>
      )}
    </section>
  );
}
