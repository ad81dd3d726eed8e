/**
 * A sentence made only of asides in brackets: "(Photo by Maxim Zmeyev / AFP) (Photo credit should read
 * MAXIM ZMEYEV/AFP/Getty Images)". A photo desk's credit, a source note: a site's template, never the
 * prose of a report, so two of them alike say nothing about the texts (real-news dev #1051, #3785:
 * two captions of different AFP photos paired by their credits).
 */

/** Longest sentence read as asides: a pair of credit templates runs to ~150 characters. */
const MAX_ASIDES_LENGTH = 400;
const ONLY_ASIDES = /^(?:[([][^()[\]]*[)\]]\s*[.,;:]?\s*)+$/;

/** Whether `text` from `start` to `end` (a sentence of it) is only asides; a sentence opening otherwise is not sliced. */
export function isOnlyAsides(text: string, start = 0, end = text.length): boolean {
  let first = start;
  while (first < end && /\s/.test(text[first]!)) first++;
  if (text[first] !== '(' && text[first] !== '[') return false;
  const sentence = text.slice(first, end).trimEnd();
  return sentence.length <= MAX_ASIDES_LENGTH && ONLY_ASIDES.test(sentence);
}
