/**
 * Furniture recognised by its shape at any length, where `isBoilerplateLine`'s short-line rules
 * stop: a photo caption that ends in an agency's credit template, script text a page leaked into
 * its body, a video player's "Site View • date" line. Each is a template a site fills in, never
 * a word list of one page: the article text around them never ends or reads this way.
 */

/** Longest caption judged by its credit: a gallery caption runs to ~100 words, an article paragraph ending in a credit does not exist. */
export const MAX_CAPTION_WORDS = 150;

/**
 * A credit template closing a caption: "(AP Photo/Evan Vucci)", "(Photo by Chris McGrath/Getty Images)",
 * "(Photo credit should read JONATHAN NACKSTRAND/AFP/Getty Images)", "/ AFP PHOTO / Brendan Smialowski",
 * "BRENDAN SMIALOWSKI/AFP/Getty Images", "ORIG FILE ID: AFP_17J9SP", "Pool photo by …".
 */
export const CREDIT_END = new RegExp(
  '(?:' +
    [
      '\\((?:[\\w.-]+ )?photos?(?: credit| by)?\\b[^()]*\\)', // (AP Photo/…), (AFP Photo/…), (Photo by …), (Photo credit should read …)
      '\\([^()]{2,60}\\/(?:pool )?photo via (?:ap|afp|epa|reuters)\\b[^()]*\\)', // (Jorge Silva/Pool Photo via AP, File)
      '\\/ ?(?:afp|ap|epa|reuters) photo ?\\/[^/]*', // / AFP PHOTO / Name
      '\\b[\\w .-]+\\/(?:afp|ap|epa(?:-efe)?|reuters|pool)\\/getty images', // NAME/AFP/Getty Images
      'orig file id: \\S+', // a photo desk's file id
      '^pool photo by [^.]*',
    ].join('|') +
    ')\\s*\\.?\\s*$',
  'i',
);

/**
 * Caption openings and endings a photo desk's template writes: AP's "FILE - In this Nov. 11, 2017
 * file photo, …", and a gallery caption's show-more/show-less toggle ("… more", ". less"). Its
 * dated forms without the FILE mark ("In this Nov. 11, 2017, photo, …") are left to the credit
 * rules: dropped on their own they took wire text that held-out carriers share (real-news test
 * recall 52/55 → 46/55).
 */
const CAPTION_START = /^file\s*[-–—]+\s*in this\b.{0,60}?\bphoto\b/i;
const GALLERY_TOGGLE = /(?:(?:\.\.\.|…)\s*more|[.!?]["”’]?\s+less)\s*$/;

/**
 * Every credit template above holds a slash, "photo" or "orig file id": a paragraph without them is
 * not tried, since trying CREDIT_END at each word of a paragraph costs in proportion to the length
 * of its runs of words (a tenth of a second over a 60,000-word page's paragraphs).
 */
export const CREDIT_MARK = /\/|photo|orig file id/i;

export function isCreditedCaption(paragraph: string, words: number): boolean {
  if (words > MAX_CAPTION_WORDS) return false;
  if (CAPTION_START.test(paragraph) || GALLERY_TOGGLE.test(paragraph)) return true;
  // the length bound keeps the scan for a credit at the end linear in practice on hostile input
  return paragraph.length <= MAX_CAPTION_WORDS * 20 && CREDIT_MARK.test(paragraph) && CREDIT_END.test(paragraph);
}

/** Marks of program text: assignments, calls with object literals, statement ends, `||` defaults. */
const CODE_MARK = /[{};]|\|\||=>|\b(?:window|document)\.\w|\bfunction\s*\(|\bvar\s+\w+\s*=/g;

/** Script or style text that reached the body (an ad network's loader): code marks in every few words. */
export function isScriptText(paragraph: string, words: number): boolean {
  const marks = paragraph.match(CODE_MARK)?.length ?? 0;
  return marks >= 4 && marks / words >= 0.15;
}

/** A date or time after the bullet: one bounded character class, so no input makes the pattern backtrack. */
const WHEN = '[\\w.,: ]{0,60}';

/**
 * A video player's or a teaser's source line: a site name and a bullet, maybe a date after it
 * ("CBS News Videos • July 15, 2018", "latimes.com•"). A bulleted list item starts with its bullet.
 */
const PLAYER_LINE = new RegExp(`^(?:[^•.!?"“]|\\.(?=\\S)){2,60}?\\s*•\\s*${WHEN}$`, 'u');

export function isPlayerLine(paragraph: string, words: number): boolean {
  return words <= 14 && paragraph.length <= 160 && PLAYER_LINE.test(paragraph) && !/^•/.test(paragraph);
}

/** A photographer and the agency or desk a photo came from, as a line of its own: "Pablo Martinez Monsivais, AP". */
const PHOTO_CREDIT_LINE = new RegExp(
  '^(?:' +
    [
      '\\((?:photo|image)s?\\s*:[^()]{2,80}\\)', // (Photo: Geert Vanden Wijngaert, AP)
      '\\([\\p{Lu}][\\p{L}.\'’ -]{1,50}\\s*\\/\\s*(?:ap|afp|epa|reuters|pool|getty images)\\)', // (Jorge Silva / AP)
      '(?:pool photo by\\s+)?[\\p{Lu}][\\p{L}.\'’ -]{1,50},\\s*(?:ap|afp|epa(?:-efe)?|reuters|pool|getty images|(?:ap|afp|epa)\\/getty images|usa today(?: network)?)',
      '(?:ap|afp|reuters) photo\\s*\\/\\s*[\\p{L}.\'’ -]{2,50}', // AP Photo/Markus Schreiber
    ].join('|') +
    ')\\s*$',
  'iu',
);

/** A line that is nothing but a photo's credit (the caption it belongs to is the paragraph before it). */
export function isPhotoCreditLine(paragraph: string): boolean {
  return paragraph.length <= 120 && PHOTO_CREDIT_LINE.test(paragraph.trim());
}
