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
