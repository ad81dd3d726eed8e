/**
 * Furniture lines in plain text (a text file for the CLI, a scraped dataset's rows): the same
 * paragraph rules the HTML extraction applies to a page's blocks, so furniture that arrives as text
 * never reaches the engine either. A text that is nothing but furniture (a card holding one photo
 * caption) is kept whole: that caption is what the page is, and dropping it would leave nothing.
 */
import { isBoilerplateLine } from './boilerplate-lines.js';

/** Fewer words than this left after the furniture goes: the text was its furniture, keep it. */
const MIN_KEPT_WORDS = 20;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * `text` without its furniture paragraphs (paragraphs are separated by blank lines). `keep` spares
 * furniture-shaped paragraphs its host still needs (a credit line is furniture to align, evidence to
 * the direction rules).
 */
export function dropFurnitureParagraphs(text: string, keep: (paragraph: string) => boolean = () => false): string {
  const paragraphs = text.split(/\n[ \t]*\n/);
  const kept = paragraphs.filter((p) => !isBoilerplateLine(p) || keep(p));
  if (kept.length === paragraphs.length) return text;
  const out = kept.join('\n\n');
  return wordCount(out) >= MIN_KEPT_WORDS ? out : text;
}
