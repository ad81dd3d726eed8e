import { sentenceFigures } from './number-agreement.js';
import { markAttributionFrames } from '../text/attribution.js';
import { findBlockQuoteSpans } from '../text/block-quotes.js';
import { findEmbeddedPostSpans } from '../text/embedded-posts.js';
import { findQuotedSpans, segmentSentences, type Sentence } from '../text/segment.js';
import { findSingleQuotedSpans } from '../text/single-quotes.js';
import type { AlignedText } from './sentence-similarity.js';
import type { TermIds } from '../text/term-ids.js';
import { tokenize, type TokenStream } from '../text/tokenize.js';
import { hasUnspacedScript } from '../text/tokenize-chars.js';
import { isOnlyAsides } from '../text/asides.js';
import { isTimestamp } from '../text/timestamps.js';

/** A text cut up once for alignment: tokens, sentences, quoted speech and words. */
export interface PreparedText {
  readonly text: string;
  readonly tokens: TokenStream;
  readonly sentences: readonly Sentence[];
  /** Figures stated in each sentence (see number-agreement.ts). */
  readonly figures: ReadonlyArray<ReadonlySet<string>>;
  /** Sentence index of each token. */
  readonly sentenceOfToken: Int32Array;
  /** 1 where a token lies inside quoted speech: between quote marks, or in an embedded social post. */
  readonly quoted: Uint8Array;
  /** 1 where a token is the attribution frame of a quotation ("said X in a statement"; see attribution.ts). */
  readonly framed: Uint8Array;
  /** 1 for each sentence that is a site's template by its shape, never aligned: a timestamp (timestamps.ts), a bracketed credit (asides.ts). */
  readonly furniture: Uint8Array;
  readonly aligned: AlignedText;
  /** Words (see `wordSpans`): the unit coverage is counted in. */
  readonly words: WordSpans;
}

/** Half-open spans of the words of a text. */
export interface WordSpans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Longest sentence, in tokens, worth reading as a timestamp (a cheap bound before the word test). */
const MAX_TIMESTAMP_TOKENS = 24;

/** Tokenizes and segments `text`, numbering its terms with the check's `ids`. */
export function prepareText(text: string, ids: TermIds): PreparedText {
  const tokens = tokenize(text);
  const sentences = segmentSentences(tokens);
  const sentenceOfToken = new Int32Array(tokens.terms.length);
  sentences.forEach((s, i) => sentenceOfToken.fill(i, s.firstToken, s.endToken));
  const quoted = new Uint8Array(tokens.terms.length);
  for (const spans of [findQuotedSpans(text), findSingleQuotedSpans(text), findEmbeddedPostSpans(text), findBlockQuoteSpans(text)]) {
    let t = 0;
    for (const [start, end] of spans) {
      while (t < tokens.starts.length && tokens.starts[t]! < start) t++;
      while (t < tokens.starts.length && tokens.ends[t]! <= end) quoted[t++] = 1;
    }
  }
  const framed = markAttributionFrames(tokens, sentences, quoted);
  const furniture = new Uint8Array(sentences.length);
  sentences.forEach((s, i) => {
    const short = s.endToken - s.firstToken <= MAX_TIMESTAMP_TOKENS;
    if ((short && isTimestamp(text.slice(s.start, s.end))) || isOnlyAsides(text, s.start, s.end)) furniture[i] = 1;
  });
  return {
    text, tokens, sentences, sentenceOfToken, quoted, framed, furniture,
    figures: sentenceFigures(text, tokens, sentences),
    aligned: { termIds: ids.idsOf(tokens.terms), flags: tokens.flags, quoted },
    words: wordSpans(text, tokens),
  };
}

/**
 * Spans of the words of `text`: its whitespace-separated words (Python's
 * str.split(), the unit of the labelled datasets), except that a stretch of
 * Chinese, Japanese, Thai, Lao, Khmer or Myanmar, which puts no spaces between
 * words, counts its tokens: a copied paragraph of Chinese is then a hundred
 * words, not one. `tokens`, when the caller has them, are `text`'s, so that
 * such text is not segmented twice.
 */
export function wordSpans(text: string, tokens?: TokenStream): WordSpans {
  // Typed arrays grown by doubling, not number arrays copied into typed ones at the end: V8 dropped
  // the optimised scan at that copy on every call, and a long page's check scans 110,000 words.
  let starts = new Int32Array(Math.min(1024, text.length + 1));
  let ends = new Int32Array(starts.length);
  let count = 0;
  const push = (start: number, end: number): void => {
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      const grownEnds = new Int32Array(count * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  };
  const pushTokens = (stream: TokenStream, from: number, to: number, offset: number): void => {
    for (let i = from; i < to; i++) push(offset + stream.starts[i]!, offset + stream.ends[i]!);
  };
  const cut = hasUnspacedScript(text) ? (tokens ?? tokenize(text)) : null;
  let t = 0;
  // A character scan rather than matchAll(/\S+/g): a match object per word cost a tenth of a long page's check.
  for (let at = 0; at < text.length; ) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= text.length) break;
    const start = at;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    const end = at;
    if (cut === null || !hasUnspacedScript(text, start, end)) {
      push(start, end);
      continue;
    }
    while (t < cut.ends.length && cut.ends[t]! <= start) t++;
    let u = t;
    while (u < cut.starts.length && cut.starts[u]! < end) u++;
    if (u > t && (cut.starts[t]! < start || cut.ends[u - 1]! > end)) {
      // A token joined across a line break ("ไทย-\n1,000") does not fit the word: cut the word on its own.
      const own = tokenize(text.slice(start, end));
      pushTokens(own, 0, own.starts.length, start);
    } else {
      pushTokens(cut, t, u, 0);
    }
  }
  return { starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/** Whether a UTF-16 code unit is whitespace as JavaScript's `\s` has it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
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
