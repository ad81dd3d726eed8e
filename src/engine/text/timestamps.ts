/**
 * A sentence that only says when, maybe with the outlet that says it: "ET July 15, 2018",
 * "CBS News July 15, 2018, 2:09 PM", "Published 9:21 a.m. ET July 15, 2018 | Updated 8:33 p.m.".
 * Every article of a day carries one, so two of them alike say nothing about the texts; aligned,
 * they made passages and propped up a stock sentence beside them (real-news dev #7060, #290).
 */

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_WORD = new RegExp(`^(?:${MONTH}|\\d{4}|\\d{1,2}(?:st|nd|rd|th)?)$`, 'i');
/** A whole date in one word: 7/15/2018, 2018-07-15. */
const FULL_DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;
const CLOCK = /^\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$/i;
const TIME_WORD = /^(?:[ap]\.?m\.?|[ecmp][sd]?t|gmt|utc|bst|cest?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|updated|published|posted|modified|last|on|at|ago)$/i;
/** The outlet's name beside the time: a few capitalised words ("CBS News Videos"). */
const MAX_NAME_WORDS = 3;
const MAX_WORDS = 16;

export function isTimestamp(sentence: string): boolean {
  const words = sentence.split(/[\s,|•·–—]+/u).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  let dates = 0;
  let clocks = 0;
  let names = 0;
  for (const word of words) {
    const bare = word.replace(/\.$/, '');
    if (FULL_DATE.test(bare)) dates += 2;
    else if (DATE_WORD.test(word) || DATE_WORD.test(bare)) dates++;
    else if (CLOCK.test(word) || CLOCK.test(bare)) clocks++;
    else if (TIME_WORD.test(word) || TIME_WORD.test(bare)) continue;
    else if (/^\p{Lu}/u.test(word) && ++names <= MAX_NAME_WORDS) continue;
    else return false;
  }
  // "Published 9:21 a.m.": a clock time alone, once a sentence splitter cut it from its date
  return dates >= 2 || (clocks > 0 && names === 0);
}
