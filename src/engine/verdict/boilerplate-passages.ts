/**
 * Passages drawn from a source's recorded boilerplate (recurring-boilerplate.ts) are no evidence of
 * reuse: a subscription box shared by a chain's sites is not one site copying another.
 */
import type { SourceAlignment } from '../align/align.js';
import type { Span } from '../types.js';

/** A passage whose source side lies at least this much inside boilerplate is dropped. */
const INSIDE = 0.5;

export function withoutBoilerplate(alignment: SourceAlignment, boilerplate: readonly Span[]): SourceAlignment {
  if (boilerplate.length === 0) return alignment;
  const passages = alignment.passages.filter((p) => overlapOf(p.source, boilerplate) < INSIDE * (p.source[1] - p.source[0]));
  return passages.length === alignment.passages.length ? alignment : { ...alignment, passages };
}

/** Characters of `span` inside the (ordered, disjoint) `spans`. */
function overlapOf([start, end]: Span, spans: readonly Span[]): number {
  let inside = 0;
  for (const [s, e] of spans) {
    if (s >= end) break;
    inside += Math.max(0, Math.min(end, e) - Math.max(start, s));
  }
  return inside;
}
