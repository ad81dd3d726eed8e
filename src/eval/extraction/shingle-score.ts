/**
 * The article-extraction benchmark's metric (Zyte article-extraction-benchmark, see its SOURCE.md):
 * per page, 4-token shingle multisets of the truth and the prediction are compared; TP/FP/FN are
 * normalised by their sum so that long pages weigh no more than short ones; precision and recall
 * are macro means over the pages where they are defined; F1 = 2PR/(P+R).
 */

/** Unicode word runs, the JavaScript spelling of Python's `re.findall(r'\w+', text)` (unicode mode). */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Number of tokens in one shingle. */
export const SHINGLE_SIZE = 4;

export function benchmarkTokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/**
 * Shingles as upstream forms them: every run of `n` tokens, joined by a space; a text shorter than
 * `n` tokens yields one shingle of all its tokens; an empty text yields none.
 */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** One page's normalised counts; each in [0, 1] and summing to 1 unless both texts are empty. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function pageCounts(truth: string, prediction: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** True when the two texts have exactly the same token sequence (the benchmark's "accuracy"). */
export function exactMatch(truth: string, prediction: string): boolean {
  const a = benchmarkTokens(truth);
  const b = benchmarkTokens(prediction);
  return a.length === b.length && a.every((tok, i) => tok === b[i]);
}

/** Macro scores over a set of pages; all in [0, 1]. */
export interface ExtractionScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function scorePages(pairs: ReadonlyArray<{ truth: string; prediction: string }>): ExtractionScore {
  const precisions: number[] = [];
  const recalls: number[] = [];
  let exact = 0;
  for (const { truth, prediction } of pairs) {
    const { tp, fp, fn } = pageCounts(truth, prediction);
    if (tp + fp > 0) precisions.push(tp / (tp + fp));
    if (tp + fn > 0) recalls.push(tp / (tp + fn));
    if (exactMatch(truth, prediction)) exact++;
  }
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { pages: pairs.length, precision, recall, f1, accuracy: pairs.length ? exact / pairs.length : 0 };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
