// Reference copy of src/engine/segment.ts as of commit 0548d9c (before its scans were made linear), kept
// verbatim (only the import path differs) so that the linear version can be checked against it. Used only by tests.
import type { TokenStream } from '../../../src/engine/text/tokenize.js';

/**
 * A sentence: its span in the text and the tokens inside it, `[firstToken, endToken)`.
 * Sentences tile the tokens: every token belongs to exactly one sentence.
 */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  readonly endToken: number;
}

/**
 * Longest sentence the aligner compares as a unit. Text without punctuation
 * (a scraped list, a 10 MB line) would otherwise make one quadratic "sentence".
 */
export const MAX_SENTENCE_TOKENS = 80;

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st sen rep gov gen lt col sgt capt cmdr adm rev hon pres jr sr inc ltd co corp vs no nos fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft est approx dept univ etc al e.g i.e u.s u.k u.n')
    .split(' '),
);
/** A line this short, without final punctuation, reads as a headline or label: it ends its sentence. */
const MAX_HEADING_WORDS = 15;
const wordCount = (line: string): number => line.split(/\s+/).filter(Boolean).length;
const CLOSERS = new Set(['"', '\'', '”', '’', '»', ')', ']', '}']);
const WIDE_CLOSERS = new Set(['。', '！', '？', '」', '』', '）', '”', '’', '》', '〉', '】']);
/** Opening marks of text written without spaces: they belong to the sentence after them. */
const WIDE_OPENERS = new Set(['「', '『', '（', '“', '‘', '《', '〈', '【']);
// Any letter may open a sentence, so a page typed all in lower (or upper) case segments the same way.
const SENTENCE_OPENER = /[\p{L}\p{N}"'“‘«(\[]/u;
const LOWER_START = /\p{Ll}/u;

/**
 * Character offsets where a new sentence starts, from punctuation (Latin, and
 * the full-width marks of Chinese and Japanese) and line breaks. A single line
 * break ends a sentence only where it looks like one (after terminal
 * punctuation, or a short line such as a headline followed by a capitalised
 * line), so hard-wrapped text is not cut at every line.
 */
function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  const n = text.length;
  let lineStart = 0;
  // A text typed in one case says nothing by its capitals: it segments as one with none (Chinese, Thai).
  const hasCase = /\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i + 1;
      while (j < n && (CLOSERS.has(text[j]!) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
      if (j >= n || !/\s/.test(text[j]!)) continue;
      let k = j;
      while (k < n && /\s/.test(text[k]!)) k++;
      if (k >= n) continue;
      if (!SENTENCE_OPENER.test(text[k]!)) continue;
      if (c === '.' && isAbbreviation(text, i, k)) continue;
      starts.push(k);
      i = k - 1;
    } else if (c === '。' || c === '！' || c === '？') {
      // Chinese and Japanese end a sentence here, with no space after it.
      let k = i + 1;
      while (k < n && (WIDE_CLOSERS.has(text[k]!) || /\s/.test(text[k]!))) k++;
      if (k >= n) continue;
      starts.push(k);
      i = k - 1;
    } else if (c === '\n') {
      const prevLine = text.slice(lineStart, i).trimEnd();
      let k = i + 1;
      let blank = false;
      while (k < n && /\s/.test(text[k]!)) {
        if (text[k] === '\n') blank = true;
        k++;
      }
      lineStart = i + 1;
      if (k >= n) continue;
      const endsSentence = /[.!?:;…"”’»)\]]$/.test(prevLine);
      // measured in words, not characters, so doubled spaces do not change where sentences end
      const looksLikeHeading = wordCount(prevLine) <= MAX_HEADING_WORDS && !(hasCase && LOWER_START.test(text[k]!));
      if (blank || endsSentence || looksLikeHeading || prevLine.length === 0) starts.push(k);
    }
  }
  return starts;
}

/**
 * The period at `dot` ends an abbreviation or an initial ("Mr.", "J. Smith")
 * rather than a sentence; `next` is where the following word starts. A lone
 * capital is an initial only before a name written in normal case, so all-caps
 * text ("PLAN A. THE COUNCIL") still splits.
 */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[s]!)) return /^\p{Lu}\p{Ll}/u.test(text.slice(next, next + 2));
  return ABBREVIATIONS.has(word);
}

/** Splits the text into sentences aligned with its tokens; sentences with no token are dropped. */
export function segmentSentences(tokens: TokenStream): Sentence[] {
  const { text, starts: tokenStarts, ends: tokenEnds } = tokens;
  const tokenCount = tokenStarts.length;
  const boundaries = sentenceStarts(text);
  const sentences: Sentence[] = [];
  let t = 0;
  let previousEnd = 0;
  for (let b = 0; b <= boundaries.length && t < tokenCount; b++) {
    const limit = b < boundaries.length ? boundaries[b]! : text.length;
    const first = t;
    while (t < tokenCount && tokenStarts[t]! < limit) t++;
    if (t === first) continue;
    for (let chunk = first; chunk < t; chunk += MAX_SENTENCE_TOKENS) {
      const endToken = Math.min(t, chunk + MAX_SENTENCE_TOKENS);
      const start = extendBackOverPunctuation(text, tokenStarts[chunk]!, previousEnd);
      const end = extendOverPunctuation(text, tokenEnds[endToken - 1]!, endToken < tokenCount ? tokenStarts[endToken]! : text.length);
      sentences.push({ start, end, firstToken: chunk, endToken });
      previousEnd = end;
    }
  }
  return sentences;
}

/** Carries a sentence's start back over its opening quote or bracket, not past the previous sentence. */
function extendBackOverPunctuation(text: string, start: number, limit: number): number {
  let s = start;
  while (s > limit && !/\s/.test(text[s - 1]!)) s--;
  return s;
}

/** Carries a sentence's end over its closing punctuation and quotes, up to the next token or an opening quote. */
function extendOverPunctuation(text: string, end: number, limit: number): number {
  let e = end;
  while (e < limit && !/\s/.test(text[e]!) && !WIDE_OPENERS.has(text[e]!)) e++;
  return e;
}

/**
 * A straight double quote opens a quotation where a curly one would be “:
 * glued to the word after it and not to the word before it. Once open, the
 * next straight quote closes it, as ” would, unless it opens a word as “
 * does: a closing mark went missing, and “ would not close the quotation either.
 */
function opensQuote(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(after) && /[\s(\[{—–-]/.test(before);
}

/**
 * Longest stretch, in words, a quotation may run without its closing mark.
 * News style leaves a quote open at a paragraph's end when it continues in the
 * next one, but a stray quote mark in scraped text must not turn the rest of a
 * document into "quotation". Counted in words so spacing cannot change it.
 */
export const MAX_UNCLOSED_QUOTE_WORDS = 100;

/**
 * Spans of quoted speech: between curly double quotes, guillemets or low-high
 * quotes, or straight double quotes (an opening one is told from a closing
 * one by the words it touches). A quote left open ends at its line's end (a
 * paragraph, in extracted text); one still open after MAX_UNCLOSED_QUOTE_WORDS
 * words of a single line is taken as a stray mark.
 */
export function findQuotedSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const closers = c === '“' ? '”' : c === '„' ? '“”' : c === '«' ? '»' : c === '"' && opensQuote(text, i) ? '"' : '';
    if (!closers) continue;
    let end = text.length;
    let words = 0;
    for (let j = i + 1; j < text.length; j++) {
      if (/\s/.test(text[j]!) && !/\s/.test(text[j - 1]!) && ++words > MAX_UNCLOSED_QUOTE_WORDS) {
        end = -1;
        break;
      }
      // a straight quote that opens, as “ would, cannot close: the open quote lost its closing mark (“…they “would…”)
      if (closers.includes(text[j]!) && !(text[j] === '"' && opensQuote(text, j))) {
        end = j + 1;
        break;
      }
      if (text[j] === '\n') {
        end = j;
        break;
      }
    }
    if (end < 0) continue;
    spans.push([i, end]);
    i = end - 1;
  }
  return spans;
}


