/**
 * A listing is a page made of other articles' headlines and ledes: an aggregator's page, a section
 * front, a search page, a wire's news digest. It is no article: it neither copies the stories it
 * lists nor is their source. Told by structure alone: each listed story opens with a headline line
 * and a lede, and a listing has several; an article has one dateline and at most a few subheads
 * each followed by a run of paragraphs.
 */

/** Stories a page must list before it is a listing: two could be an article and a sidebar. */
export const MIN_LISTED = 3;
/** A headline line: a few words, no sentence end. */
const HEADLINE_WORDS: readonly [number, number] = [3, 18];
/** A lede: a sentence or more. */
const MIN_LEDE_WORDS = 12;
/**
 * Without datelines, teaser items (a headline and one lede) must be most of the page and many: a
 * subheaded article has a few sections of several paragraphs each, never a page of one-paragraph ones.
 */
const MIN_TEASERS = 5;
const MIN_TEASER_SHARE = 0.6;

/** "HELSINKI (AP) —", "ASWAN, Egypt (AP) —", "WASHINGTON (Reuters) -": where a wire story starts. */
const DATELINE = /^[A-Z][A-Z.'’ -]{1,30}(?:,\s+[A-Z][\w.'’ -]{1,30})?\s+\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa)\)\s*[—–-]{1,2}\s/;

const wordsOf = (p: string): number => p.split(/\s+/).filter(Boolean).length;

function isHeadline(p: string): boolean {
  // the shape first: most paragraphs end as sentences, and counting words is what costs on a long page
  if (/[.!?:;,"”’)]$/.test(p) || !/^[\p{Lu}\d"“‘']/u.test(p)) return false;
  const n = wordsOf(p);
  return n >= HEADLINE_WORDS[0] && n <= HEADLINE_WORDS[1];
}

function isLede(p: string): boolean {
  return wordsOf(p) >= MIN_LEDE_WORDS && /[.!?"”’)]$/.test(p);
}

/** How many stories `text` lists (paragraphs separated by blank lines), or 0 when it is an article. */
export function listedStories(text: string): number {
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  // a wire digest: each story keeps its headline and its dateline lede
  let datelines = 0;
  for (let i = 1; i < paragraphs.length; i++) {
    if (DATELINE.test(paragraphs[i]!) && isHeadline(paragraphs[i - 1]!)) datelines++;
  }
  if (datelines >= MIN_LISTED) return datelines;
  // a section front or an aggregator: headline, one lede, next headline
  let teasers = 0;
  let teaserWords = 0;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const next = paragraphs[i + 2];
    if (isHeadline(paragraphs[i]!) && isLede(paragraphs[i + 1]!) && (next === undefined || isHeadline(next))) {
      teasers++;
      teaserWords += wordsOf(paragraphs[i]!) + wordsOf(paragraphs[i + 1]!);
      i++;
    }
  }
  if (teasers < MIN_TEASERS) return 0;
  const total = paragraphs.reduce((s, p) => s + wordsOf(p), 0);
  return teaserWords >= total * MIN_TEASER_SHARE ? teasers : 0;
}
