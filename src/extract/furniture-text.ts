/**
 * Furniture paragraphs dropped, with the two cases where furniture is what a page publishes:
 *  - a photo gallery (a slideshow page): its credited captions outweigh the rest of its text, and
 *    they are its content — an agency's captions carry its story's sentences, and a gallery of them
 *    republishes that story as much as a page of its paragraphs would;
 *  - a text that is nothing but furniture (a card holding one photo caption): that caption is what
 *    the page is, and dropping it would leave nothing.
 * Applied alike to a page's extracted blocks and to plain text (a text file for the CLI, a scraped
 * dataset's rows), so furniture that arrives as text never reaches the engine either.
 */
import { wireBylineAt } from '../engine/text/wire-bylines.js';
import { isBoilerplateLine } from './boilerplate-lines.js';
import { isCreditedCaption, isPhotoCreditLine, MAX_CAPTION_WORDS } from './furniture-templates.js';

/** Fewer words than this left after the furniture goes: the text was its furniture, keep it. */
const MIN_KEPT_WORDS = 20;
/** A gallery shows several photos: one caption, however long or repeated, is an article's picture. */
const MIN_GALLERY_CAPTIONS = 3;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * A photo's caption: credited at its end, or a sentence followed by a line that is only the photo's
 * credit (a layout that sets the credit under the caption: "… on Wednesday, July 11, 2018." then
 * "Geert Vanden Wijngaert, AP"). A headline before a byline does not end as a sentence does.
 */
function captionAt(paragraphs: readonly string[], words: number, i: number): boolean {
  const text = paragraphs[i]!.trim();
  if (isCreditedCaption(text, words)) return true;
  const next = paragraphs[i + 1];
  return next !== undefined && words <= MAX_CAPTION_WORDS && /[.!?]["”’)]?$/.test(text) && isPhotoCreditLine(next);
}

/**
 * The paragraphs that are not furniture, in order, and a byline naming a wire. A gallery — several
 * distinct captions, holding more words than every other paragraph kept — keeps its captions (its
 * other furniture still goes).
 */
export function withoutFurniture(paragraphs: readonly string[], keep: (paragraph: string) => boolean = () => false): string[] {
  // counted once: a 60,000-word page's paragraphs are read by several rules
  const words = paragraphs.map(wordCount);
  const caption = paragraphs.map((_, i) => captionAt(paragraphs, words[i]!, i));
  const furniture = paragraphs.map((p, i) => caption[i]! || isBoilerplateLine(p, words[i]!) || isPhotoCreditLine(p));
  if (!furniture.includes(true)) return [...paragraphs];
  let captionWords = 0;
  let keptWords = 0;
  const captions = new Set<string>();
  paragraphs.forEach((p, i) => {
    if (!furniture[i]) keptWords += words[i]!;
    else if (caption[i]) {
      captionWords += words[i]!;
      captions.add(p.trim());
    }
  });
  const gallery = captions.size >= MIN_GALLERY_CAPTIONS && captionWords > keptWords;
  // a byline naming a wire says whose words the text carries (the engine reads it as a credit), as a page's byline does
  // (counted among the story's paragraphs, not the captions above them)
  const byline = wireBylineAt(paragraphs.map((p, i) => (furniture[i] && !(gallery && caption[i]) ? p.split(/\s+/).slice(0, 12).join(' ') : p)));
  return paragraphs.filter((p, i) => !furniture[i] || (gallery && caption[i]) || i === byline || keep(p));
}

/**
 * `text` without its furniture paragraphs (paragraphs are separated by blank lines). `keep` spares
 * furniture-shaped paragraphs its host still needs (a credit line is furniture to align, evidence to
 * the direction rules).
 */
export function dropFurnitureParagraphs(text: string, keep: (paragraph: string) => boolean = () => false): string {
  const paragraphs = text.split(/\n[ \t]*\n/);
  const kept = withoutFurniture(paragraphs, keep);
  if (kept.length === paragraphs.length) return text;
  const out = kept.join('\n\n');
  return wordCount(out) >= MIN_KEPT_WORDS ? out : text;
}
