/**
 * Whole paragraphs that are page furniture whatever element holds them: "Read more: …" lines,
 * bylines, timestamps, photo credits, sign-up prompts. Only short paragraphs are judged, so a real
 * paragraph that happens to start with "Published" or "More" is kept.
 */

import { isCreditedCaption, isPlayerLine, isScriptText } from './furniture-templates.js';

/** Paragraphs of more words than this are always article text as far as these rules go. */
const MAX_FURNITURE_WORDS = 40;

const EXACT = new RegExp(
  '^(?:' +
    [
      'advertisement', 'advert', 'ad', 'ads', 'sponsored( content)?', 'skip to (main )?content', 'continue reading( below)?',
      'read more', 'see more', 'more', 'related', 'related (articles?|stories|news|posts|content|coverage)', 'more on this( story)?',
      'you (may|might) also like', 'recommended( for you| stories)?', 'trending( now| stories)?', 'most (read|popular|viewed)',
      "don'?t miss", 'share( this)?( article| story| post)?', 'comments?', 'post (a )?comment( \\(\\+\\))?', 'leave a (reply|comment)',
      'tell us what you think( \\.\\.\\.|…)?', 'loading( content)?( \\.\\.\\.|…)?', 'subscribe( now)?', 'sign in', 'sign up', 'log ?in',
      'print', 'e-?mail', 'back to top( button)?', 'source link', '\\[ad_\\d\\]', 'this slideshow requires javascript',
      'highlights', 'latest', 'popular', 'top stories', 'view author archive', 'email the author', 'follow (us|the author)',
      'by', 'previous post next post', 'previous( post| article)?', 'next( post| article)?', 'world news', 'watch', 'video',
      'getty images', 'reuters', 'ap', '\\(ap\\)', 'afp', 'associated press', 'shutterstock', 'istock',
      'caption', 'close', 'breaking news', 'trending in [\\w ]{2,30}',
      // a slideshow's counter: "Image 3 of 15", "3 of 15", "3 / 15"
      'image \\d+( ?(of|/) ?\\d+)?', '\\d+ ?(of|/) ?\\d+',
    ].join('|') +
    ')$',
  'i',
);

const PREFIX = new RegExp(
  '^(?:' +
    [
      'read more\\b', 'read also\\b', 'also read\\b', 'see more\\b', 'see also\\b', 'more\\s*:', 'related\\s*:', 'also on \\S+',
      'watch\\s*:', 'click here\\b', 'sign up\\b.*\\b(newsletters?|inbox|alerts)\\b', 'subscribe (to|for|now)\\b', 'follow (us|him|her|them|@|the author)\\b',
      'get (the|breaking|our|fox|the latest)\\b.*\\b(app|newsletter|alerts?|inbox|here)\\b', 'like this (story|article)\\b',
      'share (this|on)\\b', 'download (the|our)\\b.*\\bapp\\b', 'listen to\\b.*\\b(live|podcast)\\b', 'join our\\b',
      'image (copyright|caption|source)\\b', 'photo( credit)?\\s*:', 'photograph\\s*:', 'pictured\\s*:', 'credit\\s*:',
      '\\(image:', 'sources?\\s*:', 'via syndigate',
      '(published|updated|posted|first published|last updated|modified)\\s*:?\\s*(on\\s+)?(\\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\\d+\\s+(min|minute|hour|day)s?\\s+ago|an? (hour|day|minute))',
      '(©|\\(c\\)|copyright\\b)',
      'this (post|article) (may )?contains? affiliate',
      '\\(?(additional )?reporting by\\b', 'editing by\\b', 'have a tip\\?', 'want more stories like this\\?',
    ].join('|') +
    ')',
  'i',
);

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE = new RegExp(
  `^(?:[a-z]+day,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})\\b[^.!?]*$`,
  'i',
);

/** A photo credit or caption tail: "(Image: GETTY)", "(AP Photo/Alan Diaz, File)", "[… via Reuters]", "| Getty Images". */
const CAPTION_TAIL = /(?:\((?:image|photo|pictured|credit)s?:[^)]*\)|\((?:ap|afp|reuters) photo[^)]*\)|\[[^\]]*(?:via reuters|photo|afp|getty|\/ap)[^\]]*\]|\|\s*(?:getty images|reuters|ap|afp|bloomberg)|image copyright [\w\s]+)\s*$/i;

/** "By Jane Doe", "By Jane Doe - 11/18/19 11:04 PM EST", "by Regan September 15, 2014". */
const BYLINE = /^[Bb]y\s+(?:[\p{Lu}][\p{L}.'’-]*|[\p{Ll}]{1,3})(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|&|de|van|von|der|la|del)){0,5}\s*(?:[,|–—-]|$|\s+\p{Lu}|\s+\d)/u;

/** Wire credit lines: "Associated Press writers … contributed to this report." */
const CONTRIBUTED = /\b(?:contributed (?:to )?this (?:report|story|article)|contributed reporting)\.?\)?$/i;

/** An author's handle offered to the reader: the bio line under a story. */
const AUTHOR_BIO = /(?:^|[.!?]\s+)Follow (?:him|her|them) on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b/;

/** "[Engadget]": a bracketed source name standing alone. */
const BRACKETED_NAME = /^\[[^\]\d\s]+(?:\s[^\]\d\s]+){0,3}\]$/u;

/** `words`: the paragraph's whitespace-separated words, when the caller has counted them already. */
export function isBoilerplateLine(paragraph: string, words = paragraph.trim().split(/\s+/).length): boolean {
  const text = paragraph.trim();
  // templates recognised by shape at any length: a credited caption, leaked script, a player line
  if (isCreditedCaption(text, words) || isScriptText(text, words) || isPlayerLine(text, words)) return true;
  if (words > MAX_FURNITURE_WORDS) return false;
  const bare = text.replace(/[\s:.…»›>|→-]+$/u, '');
  if (EXACT.test(bare)) return true;
  if (PREFIX.test(text)) return true;
  if (BRACKETED_NAME.test(text)) return true;
  if (words <= 12 && DATE_LINE.test(text)) return true;
  // an author's bio line: "Jane Doe is an editor for Fox News. Follow him on Twitter @jdoe"
  if (words <= 30 && AUTHOR_BIO.test(text)) return true;
  // A sentence that starts with "By Tuesday, …" ends like a sentence; a byline does not.
  if (words <= 16 && BYLINE.test(text) && !/[.!?]["”’]?$/.test(text)) return true;
  if (CAPTION_TAIL.test(text)) return true;
  if (CONTRIBUTED.test(text)) return true;
  return false;
}
