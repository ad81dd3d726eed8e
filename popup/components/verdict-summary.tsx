/** The verdict at a glance: headline, likely original or copies, overlap with a bar. */
import type { Analysis } from '../../src/extension/analysis.js';
import { percent, plural } from '../format.js';
import { ArticleLine } from './article-line.js';

const HEADLINES: Record<Analysis['status'], string> = {
  copy: 'Copied from an earlier article',
  partial: 'Partly borrowed',
  'same-text': 'Same text as another article',
  original: 'This page is the original',
  'no-match': 'No known source',
};

export function VerdictSummary({ analysis }: { analysis: Analysis }) {
  const shows = analysis.status === 'copy' || analysis.status === 'partial';
  const copies = analysis.sources.filter((s) => s.relation === 'copy');
  const overlap = percent(analysis.overlap);
  return (
    <section class={`summary status-${analysis.status}`} aria-labelledby="verdict-headline">
      <h1 id="verdict-headline" class="headline" data-testid="verdict" data-status={analysis.status}>
        {HEADLINES[analysis.status]}
      </h1>
      {shows && analysis.likelyOriginal !== null && (
        <p class="likely-original" data-testid="likely-original">
          <span class="label">{analysis.wire?.firstSeen === analysis.likelyOriginal.id ? `${analysis.wire.name} copy, first seen at: ` : 'Likely original: '}</span>
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
        <p class="copies">{copies.length === 0 ? 'No copies found in the corpus.' : `${plural(copies.length, 'copy', 'copies')} found.`}</p>
      )}
      {analysis.status === 'no-match' && (
        <p class="copies">
          Checked against {plural(analysis.corpusArticles, 'article')}.
          {copies.length > 0 && ` ${plural(copies.length, 'later copy', 'later copies')} found.`}
        </p>
      )}
      {shows && (
        <div class="overlap-row">
          <span class="overlap" data-testid="overlap">{`${overlap}%`}</span>
          <span class="overlap-caption"> of the page is borrowed</span>
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
