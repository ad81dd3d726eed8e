/**
 * Quotations in single marks (‘…’ or '…'), as British outlets and headlines
 * print speech: "Trump: 'I go in with low expectations'". The closing mark is
 * also the apostrophe, so a span is taken only where it closes: an opening
 * mark after a space or bracket and before a letter, then, on the same line
 * and within MAX_SINGLE_QUOTE_WORDS words, a mark after a word and before a
 * space, punctuation or the end ("don’t" and "Russia’s" close nothing). Some papers print
 * double quotes as doubled single marks (‘‘…’’): a pair is one mark.
 */

export const MAX_SINGLE_QUOTE_WORDS = 60;

const OPENS_AFTER = /[\s(\[{—–\-“"/]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function findSingleQuotedSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  let open = -1;
  let words = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      open = -1;
      continue;
    }
    if (open >= 0 && i > 0 && /\s/.test(c) && !/\s/.test(text[i - 1]!) && ++words > MAX_SINGLE_QUOTE_WORDS) open = -1;
    if (c !== '‘' && c !== '\'' && c !== '’') continue;
    const before = i > 0 ? text[i - 1]! : ' ';
    // doubled marks stand for double quotes (‘‘I think …,’’ Trump said): one mark each, never an apostrophe
    if (c !== '\'' && text[i + 1] === c) {
      if (c === '’' && open >= 0 && !/\s/.test(before)) {
        spans.push([open, i + 2]);
        open = -1;
      } else if (c === '‘' && open < 0 && OPENS_AFTER.test(before) && LETTER_OR_DIGIT.test(text[i + 2] ?? ' ')) {
        open = i;
        words = 0;
      }
      i++;
      continue;
    }
    const after = text[i + 1] ?? ' ';
    if (open >= 0 && c !== '‘' && !/\s/.test(before) && !LETTER_OR_DIGIT.test(after)) {
      spans.push([open, i + 1]);
      open = -1;
    } else if (open < 0 && c !== '’' && OPENS_AFTER.test(before) && LETTER_OR_DIGIT.test(after)) {
      open = i;
      words = 0;
    }
  }
  return spans;
}
