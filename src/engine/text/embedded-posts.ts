/**
 * A social post embedded in an article keeps, in text, no quote marks: only
 * its signature line after the post's words, as the post widgets print it —
 * "— Donald J. Trump (@realDonaldTrump) July 15, 2018". Outlets that quote one
 * post that day all carry it word for word, so its words must be read as
 * quoted speech, not as text one outlet took from another.
 */

/** A signature line: a dash, a name, an @handle in brackets, and a date ending in a year. */
const SIGNATURE = /^[ \t]*[—–-]{1,2}[ \t]*[^\n(]{1,80}\(@\w{1,30}\)[^\n]{0,40}?\b\d{4}[ \t]*$/gmu;

/** Longest post read back from a signature: a 280-character post is some 60 words. */
export const MAX_POST_WORDS = 80;

/**
 * Spans of embedded posts in `text`: each signature line with the paragraph
 * before it (back to the previous blank line), when that paragraph is short
 * enough to be a post; a longer one is the article's own text, and only the
 * signature line is marked.
 */
export function findEmbeddedPostSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  let covered = 0;
  for (const m of text.matchAll(SIGNATURE)) {
    const lineStart = m.index;
    const end = lineStart + m[0].length;
    let start = lineStart;
    const post = precedingParagraph(text, lineStart, covered);
    if (post !== null) start = post;
    spans.push([Math.max(start, covered), end]);
    covered = end;
  }
  return spans;
}

/** Start of the paragraph before `lineStart` (skipping blank lines), or null when there is none or it is too long for a post. */
function precedingParagraph(text: string, lineStart: number, floor: number): number | null {
  let end = lineStart;
  while (end > floor && /\s/.test(text[end - 1]!)) end--;
  if (end <= floor) return null;
  // back to a blank line (two breaks with only spaces between), the floor, or past the word limit
  let words = 0;
  let inWord = false;
  for (let i = end - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c === '\n') {
      let k = i - 1;
      while (k >= floor && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
      if (k < floor || text[k] === '\n') return i + 1;
    }
    const space = /\s/.test(c);
    if (!space && !inWord && ++words > MAX_POST_WORDS) return null;
    inWord = !space;
  }
  return floor;
}
