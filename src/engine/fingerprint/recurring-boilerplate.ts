/**
 * Boilerplate found by recurrence, at any corpus size: a paragraph that recurs in three or more
 * corpus articles whose other text is not shared (a subscription box, a widget's prompts, a
 * network's sharing lines). A wire story recurs too, but its carriers share the rest of its text
 * as well: that is reuse, never boilerplate. The cut on fingerprints found in more than
 * `maxDocFrequency` articles does the same for a large corpus only; a corpus of a few hundred
 * articles has no fingerprint in 64 of them.
 */
import type { Span } from '../types.js';

/** Articles a paragraph must recur in before it can be boilerplate: two are a pair, three a habit. */
export const MIN_HOLDERS = 3;
/**
 * Two holders "share other text" when the paragraphs they have in common, besides the recurring
 * ones held by exactly the same articles, make up this share of the shorter one's other words.
 */
const SHARED_OTHER_TEXT = 0.2;
/**
 * A box, a widget, a credit line, a headline in a rail: a few lines. A block longer than this, or
 * more than half of a holder's words, is a story its holders carry, however trimmed elsewhere.
 */
const MAX_BLOCK_WORDS = 80;
const MAX_BLOCK_SHARE = 0.5;
/** Holder pairs looked at per recurring block: enough to tell a habit from a wire story, bounded. */
const MAX_PAIRS = 64;

interface Paragraph {
  readonly key: string;
  readonly span: Span;
  readonly words: number;
}

/** Paragraphs (separated by blank lines) with a case- and space-insensitive key. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\S(?:[^\n]|\n(?![ \t]*\n))*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[0].trimEnd();
    const key = body.toLowerCase().replace(/\s+/g, ' ');
    const words = key.split(' ').length;
    out.push({ key, span: [m.index, m.index + body.length], words });
  }
  return out;
}

/** For each article, the spans of its paragraphs that are boilerplate by recurrence (often none). */
export function recurringBoilerplate(texts: readonly string[]): Span[][] {
  const paragraphs = texts.map(paragraphsOf);
  const holders = new Map<string, number[]>();
  paragraphs.forEach((list, doc) => {
    for (const p of list) {
      const h = holders.get(p.key);
      if (!h) holders.set(p.key, [doc]);
      else if (h[h.length - 1] !== doc) h.push(doc);
    }
  });
  // paragraphs recurring in the same articles form one block (a box of several lines)
  const blocks = new Map<string, string[]>();
  for (const [key, docs] of holders) {
    if (docs.length < MIN_HOLDERS) continue;
    const id = docs.join(',');
    blocks.set(id, [...(blocks.get(id) ?? []), key]);
  }
  const words = paragraphs.map((list) => new Map(list.map((p) => [p.key, p.words])));
  const boilerplate = new Set<string>();
  for (const [id, keys] of blocks) {
    const docs = id.split(',').map(Number);
    const block = new Set(keys);
    if (isSmall(docs, block, words) && isFurnitureShaped(block) && isHabit(docs, block, words)) keys.forEach((k) => boilerplate.add(k));
  }
  return paragraphs.map((list) => list.filter((p) => boilerplate.has(p.key)).map((p) => p.span));
}

/** Whether the block is a few lines in each holder, never most of one. */
function isSmall(docs: readonly number[], block: ReadonlySet<string>, words: readonly Map<string, number>[]): boolean {
  return docs.every((doc) => {
    let inside = 0;
    let all = 0;
    for (const [key, n] of words[doc]!) {
      all += n;
      if (block.has(key)) inside += n;
    }
    return inside <= MAX_BLOCK_WORDS && inside <= all * MAX_BLOCK_SHARE;
  });
}

/** A label, a button, a heading in a rail: a few words. */
const MAX_LABEL_WORDS = 8;
/** Words that speak to the reader (a prompt, a pitch) or for the site; quoted speech aside. */
const READER_ADDRESS = /\b(?:you|your|you're|you'll|we|we're|us|our|please)\b/i;
const QUOTATION = /["“”«»]/;

/**
 * A teaser card's byline, an author and a posting time: "by quoth the raven - jul 14, 2018 2:45 pm".
 * A story's own byline carries no clock time on the line; a rail of other posts' teasers does.
 */
const TEASER_BYLINE = /^by [^\n]{1,60}? [-–—|•] [^\n]{0,30}\b\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?$/;

/**
 * Furniture talks to the reader or labels a control ("SIGN ME UP!", "Your weather is set to",
 * "No one covers … better than we do"); a paragraph of news prose does neither. A wire's stock
 * background paragraph recurs across its different stories just as a box does, but it is reused
 * text, so a block counts only when each of its paragraphs has furniture's shape — or when it is a
 * card teasing another post (a headline, the teaser's byline with its time, a dek), which only a
 * site's rail repeats.
 */
function isFurnitureShaped(block: ReadonlySet<string>): boolean {
  for (const key of block) if (TEASER_BYLINE.test(key)) return true;
  for (const key of block) {
    if (key.split(' ').length <= MAX_LABEL_WORDS) continue;
    if (!READER_ADDRESS.test(key) || QUOTATION.test(key)) return false;
  }
  return true;
}

/** Whether most pairs of `docs` share nothing but `block` (and paragraphs too short to tell). */
function isHabit(docs: readonly number[], block: ReadonlySet<string>, words: readonly Map<string, number>[]): boolean {
  let pairs = 0;
  let sharing = 0;
  for (let i = 0; i < docs.length && pairs < MAX_PAIRS; i++) {
    for (let j = i + 1; j < docs.length && pairs < MAX_PAIRS; j++) {
      pairs++;
      if (sharesOtherText(words[docs[i]!]!, words[docs[j]!]!, block)) sharing++;
    }
  }
  return sharing * 2 < pairs;
}

function sharesOtherText(a: Map<string, number>, b: Map<string, number>, block: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let other = 0;
  let shared = 0;
  for (const [key, n] of small) {
    if (block.has(key)) continue;
    other += n;
    if (large.has(key)) shared += n;
  }
  // nothing else at all: two copies of the block alone are the same text, not a habit of two pages
  return other === 0 || shared >= other * SHARED_OTHER_TEXT;
}
