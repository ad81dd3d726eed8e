import { findQuotedSpans, segmentSentences, type Sentence } from './segment.js';
import type { AlignedText } from './sentence-similarity.js';
import type { TermIds } from './term-ids.js';
import { tokenize, type TokenStream } from './tokenize.js';
import { hasUnspacedScript } from './tokenize-chars.js';

/** A text cut up once for alignment: tokens, sentences, quoted speech and words. */
export interface PreparedText {
  readonly tokens: TokenStream;
  readonly sentences: readonly Sentence[];
  /** Sentence index of each token. */
  readonly sentenceOfToken: Int32Array;
  /** 1 where a token lies inside quoted speech. */
  readonly quoted: Uint8Array;
  readonly aligned: AlignedText;
  /** Words (see `wordSpans`): the unit coverage is counted in. */
  readonly words: WordSpans;
}

/** Half-open spans of the words of a text. */
export interface WordSpans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Tokenizes and segments `text`, numbering its terms with the check's `ids`. */
export function prepareText(text: string, ids: TermIds): PreparedText {
  const tokens = tokenize(text);
  const sentences = segmentSentences(tokens);
  const sentenceOfToken = new Int32Array(tokens.terms.length);
  sentences.forEach((s, i) => sentenceOfToken.fill(i, s.firstToken, s.endToken));
  const quoted = new Uint8Array(tokens.terms.length);
  let t = 0;
  for (const [start, end] of findQuotedSpans(text)) {
    while (t < tokens.starts.length && tokens.starts[t]! < start) t++;
    while (t < tokens.starts.length && tokens.ends[t]! <= end) quoted[t++] = 1;
  }
  return {
    tokens, sentences, sentenceOfToken, quoted,
    aligned: { termIds: ids.idsOf(tokens.terms), flags: tokens.flags, quoted },
    words: wordSpans(text),
  };
}

/**
 * Spans of the words of `text`: its whitespace-separated words (Python's
 * str.split(), the unit of the labelled datasets), except that a stretch of
 * Chinese, Japanese, Thai, Lao, Khmer or Myanmar, which puts no spaces between
 * words, counts its tokens: a copied paragraph of Chinese is then a hundred
 * words, not one.
 */
export function wordSpans(text: string): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const mixed = hasUnspacedScript(text);
  for (const m of text.matchAll(/\S+/g)) {
    if (mixed && hasUnspacedScript(text, m.index, m.index + m[0].length)) {
      const tokens = tokenize(m[0]);
      for (let t = 0; t < tokens.starts.length; t++) {
        starts.push(m.index + tokens.starts[t]!);
        ends.push(m.index + tokens.ends[t]!);
      }
      continue;
    }
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * Marks (1) each word that overlaps one of the spans. Spans need not be sorted.
 * Returns the marks so unions over several sources are a bitwise OR.
 */
export function markWords(words: WordSpans, spans: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const marks = new Uint8Array(words.starts.length);
  for (const [start, end] of spans) {
    for (let w = wordAt(words, start); w < words.starts.length && words.starts[w]! < end; w++) marks[w] = 1;
  }
  return marks;
}

/** Index of the word that contains, or else follows, character `offset` (the word count when none does). */
export function wordAt(words: WordSpans, offset: number): number {
  let lo = 0;
  let hi = words.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
