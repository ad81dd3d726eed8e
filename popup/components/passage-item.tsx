/** One matched passage, page side next to source side, words marked as shared or reworded. */
import type { PassageView } from '../../src/extension/analysis.js';
import { markWords } from '../mark-words.js';

const KIND_LABELS: Record<PassageView['kind'], string> = {
  verbatim: 'Word for word',
  'near-verbatim': 'Nearly word for word',
  paraphrase: 'Reworded',
  quote: 'Shared quote (not counted)',
};

function MarkedText({ text, other, testid }: { text: string; other: string; testid: string }) {
  return (
    <blockquote class="passage-text" data-testid={testid}>
      {markWords(text, other).map((run, i) =>
        run.mark === 'plain' ? run.text : <span key={i} class={`w-${run.mark}`}>{run.text}</span>,
      )}
    </blockquote>
  );
}

export function PassageItem({ passage, hidden = false }: { passage: PassageView; hidden?: boolean }) {
  return (
    <li class={`passage kind-${passage.kind}`} data-testid="passage" data-kind={passage.kind} hidden={hidden}>
      <p class="passage-kind">{KIND_LABELS[passage.kind]}</p>
      <div class="passage-sides">
        <figure class="side">
          <figcaption>This page</figcaption>
          <MarkedText text={passage.pageText} other={passage.sourceText} testid="passage-page" />
        </figure>
        <figure class="side">
          <figcaption>Source</figcaption>
          {passage.sourceText === '' ? (
            <blockquote class="passage-text missing" data-testid="passage-source">(source text unavailable)</blockquote>
          ) : (
            <MarkedText text={passage.sourceText} other={passage.pageText} testid="passage-source" />
          )}
        </figure>
      </div>
    </li>
  );
}
