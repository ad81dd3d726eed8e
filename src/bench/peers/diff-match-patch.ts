/**
 * diff-match-patch as the alignment stage only: each page against its true
 * source (retrieval assumed perfect), in word mode (each distinct word mapped
 * to one character, the documented line-mode trick applied to words); char
 * mode takes ~200 ms a pair here and is not worth running.
 */
import { createRequire } from 'node:module';
import { NewsGenerator } from '../news-generator.js';
import type { QueryPage } from '../query-pages.js';
import type { AlignmentResult } from '../results.js';

type Diff = [number, string];
interface DiffMatchPatch {
  Diff_Timeout: number;
  diff_main(a: string, b: string, checklines?: boolean): Diff[];
}
const DiffMatchPatchClass = createRequire(import.meta.url)('diff-match-patch') as new () => DiffMatchPatch;

/** Runs of at least this many equal words count as copied, as in perf-anchors.md. */
const MIN_RUN = 8;

function wordsToChars(a: string, b: string): [string, string] {
  const codes = new Map<string, string>();
  const encode = (text: string): string => {
    let out = '';
    for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      let c = codes.get(w);
      if (c === undefined) {
        // Skip the surrogate range so every word is one UTF-16 unit.
        const n = codes.size + 1;
        c = String.fromCharCode(n < 0xd800 ? n : n + 0x800);
        codes.set(w, c);
      }
      out += c;
    }
    return out;
  };
  return [encode(a), encode(b)];
}

export function alignWithDiffMatchPatch(generator: NewsGenerator, corpusSize: number, pages: readonly QueryPage[]): AlignmentResult[] {
  const dmp = new DiffMatchPatchClass();
  dmp.Diff_Timeout = 0;
  const out: AlignmentResult[] = [];
  for (const page of pages) {
    // An unrelated page is aligned against an arbitrary article, as a pipeline would after a false candidate.
    const sourceIndex = page.sourceIndex ?? out.length % corpusSize;
    const [p, s] = wordsToChars(page.text, generator.corpusArticle(sourceIndex).text);
    const t0 = performance.now();
    const diffs = dmp.diff_main(p, s, false);
    const ms = performance.now() - t0;
    let equal = 0;
    let inRuns = 0;
    for (const [op, chars] of diffs) {
      if (op !== 0) continue;
      equal += chars.length;
      if (chars.length >= MIN_RUN) inRuns += chars.length;
    }
    out.push({ kind: page.kind, ms, runShare: inRuns / Math.max(1, p.length), equalShare: equal / Math.max(1, p.length), copiedShare: page.copiedShare });
  }
  return out;
}
