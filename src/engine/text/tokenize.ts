import { termOf } from './term.js';
import { STOP_TERMS } from './stop-terms.js';
import {
  ASCII_CLASSES, LETTER, NUMBER, SEGMENTED, UNSPACED, WORD, astralClass, bmpClass, classAt, classBefore, isPairAt, mayBeUnspaced, widthAt,
} from './tokenize-chars.js';
import { TokenCache, type TokenInfo } from './tokenize-cache.js';
import { forEachWord } from './word-segmenter.js';

/** Bits of `TokenStream.flags`. */
export const TokenFlag = {
  /** A function word ("the", "of"): weak evidence on its own. */
  Stop: 1,
  /** Starts with a digit: a number is strong evidence. */
  Number: 2,
  /** Typed with a capital first letter: names are strong evidence. */
  Capitalized: 4,
} as const;

/**
 * A text cut into tokens. Token i is `text.slice(starts[i], ends[i])` and
 * compares as `terms[i]`. Spans are half-open UTF-16 offsets into `text`.
 */
export interface TokenStream {
  readonly text: string;
  readonly terms: readonly string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
}

/*
 * One token: letters, digits and marks, joined across inner apostrophes
 * (Russia’s, don't), hyphens (build-up, and "escal-\nate" broken at a line end),
 * soft hyphens, and digit-group separators (94,000). Dotted initialisms
 * (U.S., U.K.) are one token.
 *
 * The rules are those of this regex (with the `u` flag, so it reads code
 * points, not UTF-16 units), scanned for globally:
 *
 *   (?:\p{L}\.){2,}(?!\p{L})
 *   | [\p{L}\p{N}\p{M}]+(?:(?:['’\u02BC]|[-\u2010\u2011]\n?|\u00AD)[\p{L}\p{N}\p{M}]+|(?<=\p{N})[.,]\p{N}+)*
 *
 * The scanner below is that regex written out by hand over `charCodeAt`, with
 * ASCII read from a table and other characters classified once by the same
 * Unicode properties (tokenize-chars.ts). It must cut exactly where the regex
 * does; test/engine/text/tokenize-equivalence.test.ts holds it to a verbatim copy
 * of the regex version. Consequences of the regex that the scanner keeps:
 * - a token can start only at a letter, digit or mark, and the next search
 *   starts where a token ended, so "1,000abc" is "1,000" then "abc" and
 *   "U.S.5" is "U.S." then "5";
 * - the initialism branch is tried first and wins even where the other
 *   branch would match more ("U.S.-based" is "U.S.", "based");
 * - each repetition of the joined part is greedy and never needs to give
 *   back: nothing follows it in the pattern.
 *
 * A token of scripts written without spaces is then cut further: Han, Hiragana
 * and Katakana into characters, Thai, Lao, Khmer and Myanmar into dictionary
 * words (word-segmenter.ts); the rest of such a token stays whole between them.
 */

const APOSTROPHE = 0x27; // '
const RIGHT_QUOTE = 0x2019; // ’
const MODIFIER_APOSTROPHE = 0x2bc; // ʼ
const SOFT_HYPHEN = 0xad;
const HYPHEN = 0x2d; // -
const UNICODE_HYPHEN = 0x2010;
const NON_BREAKING_HYPHEN = 0x2011;
const LINE_FEED = 0x0a;
const FULL_STOP = 0x2e;
const COMMA = 0x2c;
/** Set while scanning a token when `mayBeUnspaced` holds for one of its code units. */
let tokenIsWide = false;

/** End of the maximal run, from `i`, of code points whose class has a bit of `mask`. */
function runEnd(text: string, i: number, mask: number): number {
  const n = text.length;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      if ((ASCII_CLASSES[unit]! & mask) === 0) break;
      i++;
      continue;
    }
    const pair = isPairAt(text, i);
    if (((pair ? astralClass(text.codePointAt(i)!) : bmpClass(unit)) & mask) === 0) break;
    if (mayBeUnspaced(unit)) tokenIsWide = true;
    i += pair ? 2 : 1;
  }
  return i;
}

/**
 * End of the last letter-dot chain found to fail (-1 when none, in this text): the scanner
 * calls initialismEnd again at each letter of that chain, and each such call would scan to
 * the same end and fail the same way, so "U.S.U.S.…x" would cost the square of its length.
 */
let failedChainEnd = -1;

/** `(?:\p{L}\.){2,}(?!\p{L})` at `start`: the end of a dotted initialism, or -1. */
function initialismEnd(text: string, start: number): number {
  // Inside a chain that failed: this start is one of its letters (tokens start at code point boundaries), same end, same failure.
  if (start < failedChainEnd) return -1;
  let i = start;
  let letters = 0;
  let wide = false;
  while (classAt(text, i) & LETTER) {
    const width = widthAt(text, i);
    if (text.charCodeAt(i + width) !== FULL_STOP) break;
    if (mayBeUnspaced(text.charCodeAt(i))) wide = true;
    i += width + 1;
    letters++;
  }
  // A letter after the last dot fails the lookahead; giving back a letter-dot pair cannot help, since a letter follows it.
  if (letters < 2 || classAt(text, i) & LETTER) {
    failedChainEnd = i;
    return -1;
  }
  if (wide) tokenIsWide = true;
  return i;
}

/** The word branch at `start`: a run of word characters and its joined continuations. */
function joinedWordEnd(text: string, start: number): number {
  const n = text.length;
  let i = runEnd(text, start, WORD);
  while (i < n) {
    const unit = text.charCodeAt(i);
    let next: number; // where the joined run of word characters would begin
    if (unit === APOSTROPHE || unit === RIGHT_QUOTE || unit === MODIFIER_APOSTROPHE || unit === SOFT_HYPHEN) {
      next = i + 1;
    } else if (unit === HYPHEN || unit === UNICODE_HYPHEN || unit === NON_BREAKING_HYPHEN) {
      // `\n?` would give the line feed back if no word character followed it, but the run cannot start at a line feed either.
      next = text.charCodeAt(i + 1) === LINE_FEED ? i + 2 : i + 1;
    } else if ((unit === FULL_STOP || unit === COMMA) && classBefore(text, i) & NUMBER && classAt(text, i + 1) & NUMBER) {
      // `(?<=\p{N})[.,]\p{N}+`: digits only after the separator, so "1.5x" ends before the x.
      i = runEnd(text, i + 1, NUMBER);
      continue;
    } else {
      break;
    }
    if ((classAt(text, next) & WORD) === 0) break;
    i = runEnd(text, next, WORD);
  }
  return i;
}

/** End of the token the regex matches at `start`, which holds a word character. Sets `tokenIsWide`. */
function tokenEnd(text: string, start: number): number {
  tokenIsWide = false;
  // Cheap pre-check: an initialism needs a dot right after its first letter.
  if (text.charCodeAt(start + 1) === FULL_STOP || isPairAt(text, start)) {
    const end = initialismEnd(text, start);
    if (end >= 0) return end;
  }
  return joinedWordEnd(text, start);
}

const POSSESSIVE = /['’\u02BC]s$/i;
const JOINERS = /['’\u02BC\u00AD\-\u2010\u2011\n.]/g;
const HAS_JOINER = /['’\u02BC\u00AD\-\u2010\u2011\n.]/;
const UPPER_START = /^\p{Lu}/u;
const DIGIT_START = /^\p{N}/u;

/** Term and flags of one token's text. Run once per distinct text (see `tokenCache`), so it favours plainness over speed. */
function describeToken(raw: string): TokenInfo {
  let word = raw;
  const first = raw.charCodeAt(0);
  const digitFirst = first >= 48 && first <= 57 ? true : first < 128 ? false : DIGIT_START.test(raw);
  if (digitFirst) {
    if (word.includes(',')) word = word.replace(/,/g, '');
  } else if (HAS_JOINER.test(word)) {
    word = word.replace(POSSESSIVE, '').replace(JOINERS, '');
  }
  const term = termOf(word);
  if (term.length === 0) return { term, flags: -1 };
  let flags = 0;
  if (STOP_TERMS.has(term)) flags |= TokenFlag.Stop;
  const termFirst = term.charCodeAt(0);
  if (termFirst >= 48 && termFirst <= 57 ? true : termFirst >= 128 && DIGIT_START.test(term)) flags |= TokenFlag.Number;
  if (first >= 65 && first <= 90 ? true : first >= 128 && UPPER_START.test(raw)) flags |= TokenFlag.Capitalized;
  return { term, flags };
}

/** Token text → term and flags, remembered (see tokenize-cache.ts for why a table of its own). */
const tokenCache = new TokenCache(describeToken);

/**
 * The stream being built. Offsets and flags go to scratch arrays reused from
 * call to call (grown when a text needs more), copied out at the end at their
 * exact length.
 */
let scratchStarts = new Int32Array(4096);
let scratchEnds = new Int32Array(4096);
let scratchFlags = new Uint8Array(4096);
let terms: string[] = [];
let count = 0;

function grow(): void {
  const size = scratchStarts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const flags = new Uint8Array(size);
  starts.set(scratchStarts);
  ends.set(scratchEnds);
  flags.set(scratchFlags);
  scratchStarts = starts;
  scratchEnds = ends;
  scratchFlags = flags;
}

/** Adds the token `text.slice(start, end)`, unless its term is empty. */
function pushToken(text: string, start: number, end: number): void {
  if (!tokenCache.find(text, start, end)) return;
  if (count === scratchStarts.length) grow();
  terms.push(tokenCache.term);
  scratchStarts[count] = start;
  scratchEnds[count] = end;
  scratchFlags[count] = tokenCache.flags;
  count++;
}

/**
 * Adds a token cut at its unspaced scripts: each Han, Hiragana or Katakana
 * character on its own, each run of Thai, Lao, Khmer or Myanmar as its
 * dictionary words, and the rest between them whole.
 */
function pushSplittingUnspaced(text: string, start: number, end: number): void {
  let last = start;
  for (let i = start; i < end; ) {
    const cls = classAt(text, i);
    if (cls & UNSPACED) {
      if (i > last) pushToken(text, last, i);
      const width = widthAt(text, i);
      pushToken(text, i, i + width);
      i = last = i + width;
    } else if (cls & SEGMENTED) {
      if (i > last) pushToken(text, last, i);
      let wordsEnd = i + 1; // these scripts are all in the BMP
      while (wordsEnd < end && classAt(text, wordsEnd) & SEGMENTED) wordsEnd++;
      forEachWord(text, i, wordsEnd, (from, to) => pushToken(text, from, to));
      i = last = wordsEnd;
    } else {
      i += widthAt(text, i);
    }
  }
  if (last < end) pushToken(text, last, end);
}

/** Cuts `text` into tokens and terms. Pure; linear in the text's length. */
export function tokenize(text: string): TokenStream {
  terms = [];
  count = 0;
  failedChainEnd = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    // Skip what cannot start a token, a code point at a time (as the `u`-flag search advances).
    if (unit < 128) {
      if ((ASCII_CLASSES[unit]! & WORD) === 0) {
        i++;
        continue;
      }
    } else {
      const pair = isPairAt(text, i);
      if (((pair ? astralClass(text.codePointAt(i)!) : bmpClass(unit)) & WORD) === 0) {
        i += pair ? 2 : 1;
        continue;
      }
    }
    const end = tokenEnd(text, i);
    if (tokenIsWide) pushSplittingUnspaced(text, i, end);
    else pushToken(text, i, end);
    i = end;
  }
  const stream: TokenStream = {
    text,
    terms,
    starts: scratchStarts.slice(0, count),
    ends: scratchEnds.slice(0, count),
    flags: scratchFlags.slice(0, count),
  };
  terms = [];
  return stream;
}
