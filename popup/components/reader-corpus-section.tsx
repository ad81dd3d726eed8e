/**
 * The options page's "Your corpus": how many articles it holds and where they came from,
 * "Remember what I read" (off until the reader turns it on), and clearing.
 */
import type { ArticleOrigin, ReaderCorpusView } from '../../src/extension/messages.js';
import { plural } from '../format.js';

export interface ReaderCorpusPort {
  setRememberReading(on: boolean): Promise<ReaderCorpusView>;
  clearReaderArticles(origins?: ArticleOrigin[]): Promise<number>;
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
          : `${plural(view.articles, 'article')}: ${view.byOrigin.followed} from followed sources, ${view.byOrigin.read} you read, ${view.byOrigin.added} you added.`}
      </p>
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
