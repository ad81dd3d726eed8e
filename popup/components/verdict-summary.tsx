/** The verdict at a glance: headline, likely original or copies, overlap with a bar. */
import type { Analysis } from '../../src/extension/analysis.js';
import { copyManner, type CopyManner } from '../explain.js';
import { counted, formatCount, percent } from '../format.js';
import { ArticleLine } from './article-line.js';

const HEADLINES: Record<Exclude<Analysis['status'], 'copy'>, string> = {
  partial: 'Partly borrowed',
  'same-text': 'Same text as another article',
  original: 'This page is the original',
  'no-match': 'No known source',
};

/** A copy's headline says how it was copied, by the kinds of passages found. */
const COPY_HEADLINES: Record<CopyManner, string> = {
  'word-for-word': 'Copied word for word from an earlier article',
  reworded: 'Reworded from an earlier article',
  mixed: 'Copied and reworded from an earlier article',
};

export function VerdictSummary({ analysis }: { analysis: Analysis }) {
  if (analysis.listing) return <ListingSummary analysis={analysis} stories={analysis.listing.stories} />;
  const shows = analysis.status === 'copy' || analysis.status === 'partial';
  const copies = analysis.sources.filter((s) => s.relation === 'copy');
  const overlap = percent(analysis.overlap);
  return (
    <section class={`summary status-${analysis.status}`} aria-labelledby="verdict-headline">
      <h1 id="verdict-headline" class="headline" data-testid="verdict" data-status={analysis.status}>
        {analysis.status === 'copy' ? COPY_HEADLINES[copyManner(analysis)] : HEADLINES[analysis.status]}
      </h1>
      {shows && analysis.likelyOriginal !== null && (
        <p class="likely-original" data-testid="likely-original">
          <span class="label">{analysis.wire?.firstSeen === analysis.likelyOriginal.id ? `${analysis.wire.name ?? 'Syndicated'} copy, first seen at: ` : 'Likely original: '}</span>
          <ArticleLine article={analysis.likelyOriginal} />
        </p>
      )}
      {analysis.status === 'same-text' && analysis.sameText && (
        <p class="likely-original" data-testid="same-text">
          <span class="label">Same text as: </span>
          <ArticleLine article={analysis.sameText} />
          <span class="label"> · which came first cannot be told</span>
        </p>
      )}
      {analysis.status === 'original' && (
        <p class="copies">{copies.length === 0 ? 'No copies found in the corpus.' : `${counted(copies.length, 'copy', 'copies')} found.`}</p>
      )}
      {analysis.status === 'no-match' && (
        <p class="copies">
          Checked against {counted(analysis.corpusArticles, 'article')}.
          {copies.length > 0 && ` ${counted(copies.length, 'later copy', 'later copies')} found.`}
        </p>
      )}
      {shows && (
        <div class="overlap-row" data-testid="overlap-row">
          <span class="overlap" data-testid="overlap">{`${overlap}%`}</span>
          <span class="overlap-caption">
            {analysis.page.truncatedFrom != null ? ` of the first ${formatCount(analysis.page.words)} words is borrowed` : ' of the page is borrowed'}
          </span>
          <div
            class="overlap-bar"
            data-testid="overlap-bar"
            role="meter"
            aria-label="Share of the page borrowed"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={overlap}
          >
            <div class="overlap-fill" style={{ width: `${overlap}%` }} />
          </div>
        </div>
      )}
    </section>
  );
}

/** A listing (an aggregator, a section front, a digest) is no article: say what it is, not whom it copied. */
function ListingSummary({ analysis, stories }: { analysis: Analysis; stories: number }) {
  return (
    <section class={`summary status-${analysis.status} listing`} aria-labelledby="verdict-headline">
      <h1 id="verdict-headline" class="headline" data-testid="verdict" data-status={analysis.status} data-listing={stories}>
        {`This page lists ${counted(stories, 'article')}`}
      </h1>
      <p class="copies" data-testid="listing">
        Headlines and opening lines of other articles: open one of them to check where it came from.
      </p>
    </section>
  );
}
