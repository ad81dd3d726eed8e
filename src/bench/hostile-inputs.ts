/**
 * Hostile page texts for the adversarial benchmark (issue 15): each one is
 * the kind of input that once made an engine stage quadratic, or that could
 * (one sentence with no punctuation, a word repeated a million times, a run of
 * opening quotes). Each is built to a given length in characters, from
 * repetition or a seeded generator, so a size names one text forever.
 */
import { createRng } from './prng.js';

export interface HostileInput {
  readonly name: string;
  /** What the text is, for the table. */
  readonly shape: string;
  readonly make: (chars: number) => string;
}

/** `unit` repeated to exactly `chars` characters (cut mid-unit at the end). */
function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Everyday news words: the giant sentence draws from them, so its tokens are real terms with real postings. */
const WORDS = (
  'the council said on tuesday that police officers would review the plan after residents raised concerns about ' +
  'traffic safety near the school while the mayor promised a report on funding for new roads and bridges ' +
  'before the election next year officials added that the budget was still under discussion with the state'
).split(' ');

/** Words drawn at random (seeded), joined by single spaces, with no punctuation and no line break. */
function giantSentence(chars: number): string {
  const rng = createRng(15);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = rng.pick(WORDS);
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: 'dots', shape: '`.` × N', make: (n) => 'Dots' + repeatTo('.', n - 5) + 'x' },
  { name: 'marks', shape: '`?!.”)` × N/5, then ` .x`', make: (n) => 'Wait' + repeatTo('?!.”)', n - 7) + ' .x' },
  { name: 'full-width marks', shape: '`中文` then `。` × N', make: (n) => '中文' + repeatTo('。', n - 2) },
  { name: 'newlines', shape: '`\\n` × N', make: (n) => 'A line\n' + repeatTo('\n', n - 8) + 'x' },
  { name: 'dotted initials', shape: '`U.S.` × N/4, then `x1`', make: (n) => repeatTo('U.S.', n - 2) + 'x1' },
  { name: 'giant sentence', shape: 'news words, no punctuation or line break', make: giantSentence },
  { name: 'one word', shape: '`police ` × N/7', make: (n) => repeatTo('police ', n) },
  { name: 'one 5-gram', shape: '`the council said on tuesday ` × N/29', make: (n) => repeatTo('the council said on tuesday ', n) },
  { name: 'one long token', shape: '`a` × N', make: (n) => repeatTo('a', n) },
  { name: 'open quotes', shape: '`“` × N, then 101 words', make: (n) => repeatTo('“', n - 202) + ' w'.repeat(101) },
  { name: 'short quotes', shape: '`“a” ` × N/4', make: (n) => repeatTo('“a” ', n) },
];
