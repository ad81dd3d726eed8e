/** Every overlapping article with its share of the page, and its passages. */
import type { SourceView } from '../../src/extension/analysis.js';
import { percent } from '../format.js';
import { ArticleLine } from './article-line.js';
import { PassageItem } from './passage-item.js';

const RELATIONS: Record<SourceView['relation'], string> = {
  source: 'earlier',
  copy: 'later copy',
  'unknown-order': 'which came first unknown',
};

export function SourceList({ sources }: { sources: readonly SourceView[] }) {
  if (sources.length === 0) return null;
  return (
    <section class="sources" aria-label="Matching articles">
      <ul class="source-list">
        {sources.map((source) => (
          <li key={source.id} class="source" data-testid="source" data-id={source.id} data-relation={source.relation}>
            <p class="source-head">
              <span class="share">{`${percent(source.coverage)}% of this page`}</span>
              <span class="relation"> · {RELATIONS[source.relation]}</span>
            </p>
            <p class="source-article">
              <ArticleLine article={source} />
            </p>
            {source.passages.length > 0 && (
              <ol class="passage-list" aria-label={`Passages shared with ${source.title || source.id}`}>
                {source.passages.map((passage) => (
                  <PassageItem key={`${passage.page[0]}-${passage.kind}`} passage={passage} />
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
