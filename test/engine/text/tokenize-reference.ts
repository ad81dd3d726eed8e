// Reference copy of src/engine/tokenize.ts as of commit 998de99, kept verbatim (only the import
// paths differ) so that the fast scanner can be checked against it forever. Used only by tests.
// One rule was added since, written here the plain way: Thai, Lao, Khmer and Myanmar are cut
// into dictionary words by Intl.Segmenter instead of into characters (or not at all).
//
// Word segmentation of Thai, Lao, Khmer and Myanmar (added with the rule above).
const SEGMENTED_RUN = /(?:(?!\p{N})[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])+/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
import { termOf } from '../../../src/engine/text/term.js';
import { STOP_TERMS } from '../../../src/engine/text/stop-terms.js';

/** Bits of `TokenStream.flags`. */
const TokenFlag = {
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
interface TokenStream {
  readonly text: string;
  readonly terms: readonly string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
}

/**
 * One token: letters, digits and marks, joined across inner apostrophes
 * (Russia’s, don't), hyphens (build-up, and "escal-\nate" broken at a line end),
 * soft hyphens, and digit-group separators (94,000). Dotted initialisms
 * (U.S., U.K.) are one token.
 */
const TOKEN_PATTERN =
  /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{N}\p{M}]+(?:(?:['’\u02BC]|[-\u2010\u2011]\n?|\u00AD)[\p{L}\p{N}\p{M}]+|(?<=\p{N})[.,]\p{N}+)*/gu;

/** Scripts written without spaces: each character is a token of its own (Han, kana), or each dictionary word. */
const UNSPACED_SCRIPT = new RegExp(`[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]|${SEGMENTED_RUN.source}`, 'u');
const UNSPACED_SCRIPT_GLOBAL = new RegExp(UNSPACED_SCRIPT.source, 'gu');
const POSSESSIVE = /['’\u02BC]s$/i;
const JOINERS = /['’\u02BC\u00AD\-\u2010\u2011\n.]/g;
const HAS_JOINER = /['’\u02BC\u00AD\-\u2010\u2011\n.]/;
const UPPER_START = /^\p{Lu}/u;
const DIGIT_START = /^\p{N}/u;

/**
 * Word → term, remembered: word frequencies are Zipfian, so a few thousand
 * entries answer most lookups and spare the Unicode folding and stemming.
 * Bounded, and cleared when full, so memory stays flat on any corpus.
 */
const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string>();
function cachedTermOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    term = termOf(word);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

function mayBeUnspaced(raw: string): boolean {
  return UNSPACED_SCRIPT.test(raw);
}

/** Cuts `text` into tokens and terms. Pure; linear in the text's length. */
export function referenceTokenize(text: string): TokenStream {
  const terms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];

  const push = (raw: string, start: number, end: number): void => {
    let word = raw;
    const first = raw.charCodeAt(0);
    const digitFirst = first >= 48 && first <= 57 ? true : first < 128 ? false : DIGIT_START.test(raw);
    if (digitFirst) {
      if (word.includes(',')) word = word.replace(/,/g, '');
    } else if (HAS_JOINER.test(word)) {
      word = word.replace(POSSESSIVE, '').replace(JOINERS, '');
    }
    const term = cachedTermOf(word);
    if (term.length === 0) return;
    let flag = 0;
    if (STOP_TERMS.has(term)) flag |= TokenFlag.Stop;
    const termFirst = term.charCodeAt(0);
    if (termFirst >= 48 && termFirst <= 57 ? true : termFirst >= 128 && DIGIT_START.test(term)) flag |= TokenFlag.Number;
    if (first >= 65 && first <= 90 ? true : first >= 128 && UPPER_START.test(raw)) flag |= TokenFlag.Capitalized;
    terms.push(term);
    starts.push(start);
    ends.push(end);
    flags.push(flag);
  };

  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const start = match.index;
    if (!mayBeUnspaced(raw)) {
      push(raw, start, start + raw.length);
      continue;
    }
    // Split runs of unspaced scripts into characters, keeping any spaced-script remainder whole.
    let last = 0;
    for (const ch of raw.matchAll(UNSPACED_SCRIPT_GLOBAL)) {
      if (ch.index > last) push(raw.slice(last, ch.index), start + last, start + ch.index);
      if (SEGMENTED_RUN.test(ch[0])) {
        for (const word of wordSegmenter.segment(ch[0])) {
          const at = start + ch.index + word.index;
          push(word.segment, at, at + word.segment.length);
        }
      } else {
        push(ch[0], start + ch.index, start + ch.index + ch[0].length);
      }
      last = ch.index + ch[0].length;
    }
    if (last < raw.length) push(raw.slice(last), start + last, start + raw.length);
  }

  return {
    text,
    terms,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    flags: Uint8Array.from(flags),
  };
}
