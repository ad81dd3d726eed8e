/**
 * The article text of a plain-text input (a text file for `check` and `build-corpus`, a scraped
 * dataset's row): furniture paragraphs dropped as they are from a page's blocks, except credit lines
 * and scrapers' marks ("Source: Al Jazeera", "By Reuters", "[ad_1]", "Source link"). A text file has
 * no byline or metadata beside it, so those lines are the only record of where its words came from,
 * and the direction rules read them (issue 17); alignment does not count them as reuse.
 */
import { creditsOf } from '../engine/index.js';
import { dropFurnitureParagraphs } from '../extract/furniture-text.js';

export function textFileArticle(text: string): string {
  // a caption stays furniture whoever took its photo (a photo credit speaks for a photo card as a whole)
  return dropFurnitureParagraphs(text, (paragraph) => creditsOf(paragraph).some((c) => !c.photo));
}
