/** Arithmetic on half-open `[start, end)` character spans, as the passage scorers need it. */
export type CharSpan = readonly [start: number, end: number];

export function spanLength(span: CharSpan): number {
  return Math.max(0, span[1] - span[0]);
}

/** Characters the two spans share. */
export function overlapLength(a: CharSpan, b: CharSpan): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Sorted, disjoint spans covering exactly what the input spans cover. */
export function unionOfSpans(spans: readonly CharSpan[]): CharSpan[] {
  const sorted = spans.filter((s) => s[1] > s[0]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Characters of `span` that fall inside any of `others` (overlaps among `others` counted once). */
export function coveredLength(span: CharSpan, others: readonly CharSpan[]): number {
  let total = 0;
  for (const other of unionOfSpans(others)) total += overlapLength(span, other);
  return total;
}

/** Share of `words` (word spans) that overlap any of `spans`, as the engine counts coverage; 0 with no words. */
export function shareOfWordsIn(words: readonly CharSpan[], spans: readonly CharSpan[]): number {
  if (words.length === 0) return 0;
  return words.filter((w) => spans.some((s) => overlapLength(w, s) > 0)).length / words.length;
}

/** Spans of the whitespace-separated words of `text`. */
export function wordSpansOf(text: string): CharSpan[] {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
}
