/**
 * The options page's "Your corpus": how many articles it holds, where they came from and how much
 * room they take, how long and how large it may grow (retention), "Remember what I read" (off
 * until the reader turns it on), and clearing.
 */
import { useEffect, useState } from 'preact/hooks';
import { RETENTION_LIMITS } from '../../src/extension/background/reader-retention.js';
import type { ArticleOrigin, ReaderCorpusView, ReaderRetention } from '../../src/extension/messages.js';
import { formatSize, plural } from '../format.js';

export interface ReaderCorpusPort {
  setRememberReading(on: boolean): Promise<ReaderCorpusView>;
  clearReaderArticles(origins?: ArticleOrigin[]): Promise<number>;
  setReaderRetention(retention: ReaderRetention): Promise<ReaderCorpusView>;
}

export function ReaderCorpusSection({ view, port, onChanged, note }: {
  view: ReaderCorpusView | null;
  port: ReaderCorpusPort;
  onChanged(note: string): void;
  note: string;
}) {
  const clear = (origins: ArticleOrigin[] | undefined, what: string): void => {
    port.clearReaderArticles(origins).then(
      (n) => onChanged(`${plural(n, 'article')} ${what} removed.`),
      (error: unknown) => onChanged(error instanceof Error ? error.message : String(error)),
    );
  };
  const kept = view === null ? 0 : view.byOrigin.read + view.byOrigin.added;
  return (
    <section aria-labelledby="reader-heading" data-testid="reader-corpus">
      <h2 id="reader-heading">Your corpus</h2>
      <p data-testid="reader-count">
        {view === null
          ? '…'
          : `${plural(view.articles, 'article')} (${formatSize(view.bytes)}): ${view.byOrigin.followed} from followed sources, ${view.byOrigin.read} you read, ${view.byOrigin.added} you added.`}
      </p>
      <RetentionForm view={view} port={port} onChanged={onChanged} />
      <label class="check">
        <input
          type="checkbox"
          data-testid="remember-reading"
          checked={view?.rememberReading ?? false}
          disabled={view === null}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            port.setRememberReading(on).then(
              () => onChanged(on ? 'Each article you check is now added to your corpus.' : 'Articles you check are no longer added.'),
              (error: unknown) => onChanged(error instanceof Error ? error.message : String(error)),
            );
          }}
        />
        <span>
          Remember what I read: add each article I check to my corpus (its text, title, outlet, date and address, kept in this
          browser), so a copy I meet later is matched against the original I saw.
        </span>
      </label>
      <p>
        <button type="button" data-testid="clear-read" disabled={kept === 0} onClick={() => clear(['read', 'added'], 'you read or added')}>
          Clear the articles I read or added
        </button>{' '}
        <button type="button" data-testid="clear-all" disabled={view === null || view.articles === 0} onClick={() => clear(undefined, 'in all')}>
          Clear my whole corpus
        </button>
      </p>
      <p class="note" role="status" data-testid="reader-note">{note}</p>
    </section>
  );
}

/** Retention: articles older than the days given, then the oldest past the size given, leave the corpus. */
function RetentionForm({ view, port, onChanged }: { view: ReaderCorpusView | null; port: ReaderCorpusPort; onChanged(note: string): void }) {
  const [days, setDays] = useState('');
  const [megabytes, setMegabytes] = useState('');
  useEffect(() => {
    if (view === null) return;
    setDays(String(view.retention.maxAgeDays));
    setMegabytes(String(view.retention.maxMegabytes));
  }, [view?.retention.maxAgeDays, view?.retention.maxMegabytes]);
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const before = view?.articles ?? 0;
    port.setReaderRetention({ maxAgeDays: Number(days), maxMegabytes: Number(megabytes) }).then(
      (after) => {
        const removed = before - after.articles;
        onChanged(`Kept for ${plural(after.retention.maxAgeDays, 'day')}, at most ${after.retention.maxMegabytes} MB${removed > 0 ? `: ${plural(removed, 'article')} removed` : ''}.`);
      },
      (error: unknown) => onChanged(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <form class="retention" data-testid="retention" onSubmit={onSubmit}>
      <label>
        Keep articles for{' '}
        <input
          type="number" data-testid="retention-days" min={RETENTION_LIMITS.minDays} max={RETENTION_LIMITS.maxDays} step={1} required
          value={days} disabled={view === null} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
        />{' '}
        days
      </label>{' '}
      <label>
        and at most{' '}
        <input
          type="number" data-testid="retention-megabytes" min={RETENTION_LIMITS.minMegabytes} max={RETENTION_LIMITS.maxMegabytes} step={1} required
          value={megabytes} disabled={view === null} onInput={(e) => setMegabytes((e.currentTarget as HTMLInputElement).value)}
        />{' '}
        MB
      </label>{' '}
      <button type="submit" data-testid="retention-save" disabled={view === null}>
        Apply
      </button>
      <p class="note">Articles older than that leave your corpus, then the oldest until it fits the size.</p>
    </form>
  );
}
