import { SPEECH_TERMS } from './attribution.js';
import { termOf } from './term.js';

/**
 * A statement printed as a block, without quote marks, after a line that
 * introduces it: "In a statement, Spotify said:" and then the statement as
 * its own paragraph. Outlets that print one statement carry it word for
 * word; it is quoted speech, not text one took from the other.
 */

/** Longest block read as a quotation: a statement of a paragraph, not the rest of an article. */
export const MAX_BLOCK_QUOTE_WORDS = 150;
/** How far back from the colon the introducing words are looked for. */
const INTRO_CHARS = 200;

/** Spans of block quotations: the line after a line that ends in a colon and says who speaks. */
export function findBlockQuoteSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let k = i + 1;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
    if (text[k] !== '\n' || !introducesSpeech(text, i)) continue;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    let end = text.indexOf('\n', k);
    if (end < 0) end = text.length;
    while (end > k && /\s/.test(text[end - 1]!)) end--;
    if (end <= k || text.slice(k, end).split(/\s+/).length > MAX_BLOCK_QUOTE_WORDS) continue;
    spans.push([k, end]);
    i = end;
  }
  return spans;
}

/** Whether the words on the colon's line before it include a speech word ("said", "statement"). */
function introducesSpeech(text: string, colon: number): boolean {
  let from = colon;
  while (from > 0 && colon - from < INTRO_CHARS && text[from - 1] !== '\n') from--;
  return text.slice(from, colon).split(/[^\p{L}\p{N}'’]+/u).some((w) => w !== '' && SPEECH_TERMS.has(termOf(w)));
}
