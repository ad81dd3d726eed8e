/**
 * Puts PAN13's labelled passages back where they are. The XML offsets drift (the texts lost their
 * non-ASCII characters after labelling), by ~20 characters typically and by thousands at worst,
 * so each labelled passage is matched to a stretch the suspicious document really shares, in
 * order, with the labelled source: the shared segment nearest to the stated offsets on both sides.
 * Verbatim copies give long shared segments; a mangled word only opens a small gap, but one near
 * a passage's end stops its segment early, so a segment much shorter than stated is extended to
 * the stated length when the longer stretch is still nearly all in the source.
 */
import type { CharSpan } from '../span-overlap.js';
import { ngrams, sharedSegments, type SharedSegment, type WordSeq } from '../word-shingles.js';
import type { Pan13Feature } from './load-pan13.js';

/** A labelled passage with its stated and relocated spans. */
export interface RelocatedPassage {
  readonly feature: Pan13Feature;
  /** Span in the suspicious document, or null when no shared segment could be matched. */
  readonly page: CharSpan | null;
  readonly source: CharSpan | null;
}

export const RELOCATION_SEGMENTS = { n: 4, maxGap: 8, minWords: 8 } as const;

/**
 * Relocates the passages one source contributes to one suspicious document. Each passage takes
 * the unclaimed shared segment that minimises the drift of both start offsets, among segments at
 * least a third as long as stated; when two passages lie back to back (one segment), the segment
 * is cut at the stated boundary shifted by the observed drift.
 */
export function relocatePassages(
  susp: WordSeq,
  source: WordSeq,
  features: readonly Pan13Feature[],
): RelocatedPassage[] {
  const segments = sharedSegments(susp, source, RELOCATION_SEGMENTS);
  let sourceGrams: Set<string> | null = null;
  const inSource = (span: CharSpan): number => {
    sourceGrams ??= new Set(ngrams(source.words, RELOCATION_SEGMENTS.n));
    const words = susp.words.filter((_, i) => susp.starts[i]! >= span[0] && susp.ends[i]! <= span[1]);
    const grams = ngrams(words, RELOCATION_SEGMENTS.n);
    return grams.length === 0 ? 0 : grams.filter((g) => sourceGrams!.has(g)).length / grams.length;
  };
  const chosen = features.map((f) => nearestSegment(segments, f));
  return features.map((feature, i) => {
    const seg = chosen[i];
    if (!seg) return { feature, page: null, source: null };
    const sharing = features.filter((_, j) => chosen[j] === seg);
    if (sharing.length === 1) {
      const page = atLeastStated(seg.aChars, feature.thisLength, susp);
      if (page === seg.aChars || inSource(page) < EXTENDED_IN_SOURCE) return { feature, page: seg.aChars, source: seg.bChars };
      return { feature, page, source: atLeastStated(seg.bChars, feature.sourceLength, source) };
    }
    // back-to-back passages: keep this passage's share of the segment, located by the drift of the segment's start
    const first = sharing.reduce((a, b) => (a.thisOffset <= b.thisOffset ? a : b));
    const shift = seg.aChars[0] - first.thisOffset;
    const sourceShift = seg.bChars[0] - first.sourceOffset;
    const clip = (span: CharSpan, start: number, length: number): CharSpan => [
      Math.max(span[0], start),
      Math.min(span[1], start + length),
    ];
    return {
      feature,
      page: clip(seg.aChars, feature.thisOffset + shift, feature.thisLength),
      source: clip(seg.bChars, feature.sourceOffset + sourceShift, feature.sourceLength),
    };
  });
}

/** Stripped characters make a stated length a little long; a segment below this share of it ended early. */
const SHORT_SEGMENT = 0.9;
/** An extended passage must stay this much in the source (word 4-grams), or the segment stands as found. */
const EXTENDED_IN_SOURCE = 0.8;

function atLeastStated(span: CharSpan, stated: number, text: WordSeq): CharSpan {
  if (span[1] - span[0] >= SHORT_SEGMENT * stated) return span;
  return [span[0], Math.min(text.ends[text.ends.length - 1] ?? span[1], span[0] + stated)];
}

function nearestSegment(segments: readonly SharedSegment[], f: Pan13Feature): SharedSegment | undefined {
  let best: SharedSegment | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const seg of segments) {
    const length = seg.aChars[1] - seg.aChars[0];
    if (length * 3 < f.thisLength) continue;
    const cost = Math.abs(seg.aChars[0] - f.thisOffset) + Math.abs(seg.bChars[0] - f.sourceOffset);
    if (cost < bestCost) [best, bestCost] = [seg, cost];
  }
  return best;
}
