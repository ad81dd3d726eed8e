/** Every overlapping article with its share of the page, and its passages. */
import { useState } from 'preact/hooks';
import type { SourceView } from '../../src/extension/analysis.js';
import { percent } from '../format.js';
import { ArticleLine } from './article-line.js';
import { PassageItem } from './passage-item.js';

const RELATIONS: Record<SourceView['relation'], string> = {
  source: 'earlier',
  copy: 'later copy',
  'unknown-order': 'which came first unknown',
};

/** Passages shown per article before "Show all": a copied page can have dozens, screens of them. */
export const FIRST_PASSAGES = 3;

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
            {source.passages.length > 0 && <PassageList source={source} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The first few passages, the rest behind a button. The rest are rendered hidden rather than
 * left out, so the popup's document still holds every passage (hidden ones cost no layout).
 */
function PassageList({ source }: { source: SourceView }) {
  const [expanded, setExpanded] = useState(false);
  const collapsed = !expanded && source.passages.length > FIRST_PASSAGES;
  const listId = `passages-${source.id}`;
  return (
    <>
      <ol id={listId} class="passage-list" aria-label={`Passages shared with ${source.title || source.id}`}>
        {source.passages.map((passage, i) => (
          <PassageItem key={`${passage.page[0]}-${passage.kind}`} passage={passage} hidden={collapsed && i >= FIRST_PASSAGES} />
        ))}
      </ol>
      {collapsed && (
        <button
          type="button"
          class="link show-all"
          data-testid="show-all-passages"
          aria-expanded="false"
          aria-controls={listId}
          onClick={() => setExpanded(true)}
        >
          {`Show all ${source.passages.length} passages`}
        </button>
      )}
    </>
  );
}
