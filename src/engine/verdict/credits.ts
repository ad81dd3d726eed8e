/**
 * Credit lines: what a text says about where its words came from. Wire datelines ("WASHINGTON (AP) —"),
 * wire bylines ("By Reuters"), "Source: X", "This article originally appeared on X", "Read more at X",
 * the marks autoblogs leave when they paste another site's article ("[ad_1]", "Source link"), and an
 * agency's photo credit on a page that is little more than the photo's caption.
 */
import { BYLINE_PARAGRAPHS, bylineWire, WIRES, wireBylineAt, wireOf } from '../text/wire-bylines.js';

/** A text's statement that its words came from somewhere. */
export interface Credit {
  /** Who is credited, as written ("Reuters", "Live Science"); null for a scraper's mark, which names no one. */
  readonly name: string | null;
  /** The line it was read from, for the report. */
  readonly line: string;
  /**
   * The line says the words were first published by the one it names ("via Oilprice.com", "originally
   * appeared on", "read more at"), not only that they came from it ("Source: company filings").
   */
  readonly republished?: true;
  /**
   * Read from a photo's credit on a caption that is most of the text (a photo card): it says whose
   * the text is only as a whole, so a caption paragraph alone is still furniture.
   */
  readonly photo?: true;
}

const WIRE_ALIASES = WIRES.flatMap((w) => w.aliases.filter((a) => a.length <= 4 || !a.includes(' ')).map((a) => a.replace(/[-]/g, '\\-')));
/** "WASHINGTON (AP) —", "NEW YORK (Reuters) -": a wire's dateline opens its copy. */
const DATELINE = new RegExp(`^[^\\n()]{0,60}\\((${WIRE_ALIASES.join('|')})\\)\\s*[—–-]`, 'im');
const LINE_CREDITS: ReadonlyArray<{ readonly pattern: RegExp; readonly republished?: true }> = [
  // a byline that is a wire, not a reporter: "By Reuters", "By The Associated Press", "By AFP"
  { pattern: /^\s*by\s+((?:the\s+)?associated press|reuters|afp|agence france[- ]presse|bloomberg(?: news)?|upi|xinhua)\s*$/i },
  { pattern: /^\s*(?:source|sources|via|credit|courtesy(?: of)?)\s*:\s*([^\n]{2,80}?)\s*\.?\s*$/i },
  { pattern: /^\s*(?:this (?:article|story|post|piece) )?(?:was )?(?:originally|first) (?:appeared|published|posted) (?:on|in|at|by) ([^\n]{2,80}?)\s*\.?\s*$/i, republished: true },
  { pattern: /^\s*read (?:more|the full (?:article|story)) (?:at|on) ([^\n]{2,80}?)\s*\.?\s*$/i, republished: true },
  // a syndicator's line above a partner's article: "Authored by Tsvetana Paraskova via Oilprice.com,"
  { pattern: /^\s*(?:authored|written|submitted) by [^\n]{2,60}? via ([^\n]{2,80}?)\s*[,.:]?\s*$/i, republished: true },
];
/** What an autoblog leaves behind when it pastes another site's article. */
// Horizontal space only around the mark: `\s*` after `^` in multiline mode rescans a run of blank lines from each of them (quadratic).
const SCRAPER_MARK = /^[ \t\u00a0]*(?:\[ad_[12]\]|source link)[ \t\u00a0]*$/im;

/**
 * A photo credit naming who took the picture for whom: "(Photo by Jonathan NACKSTRAND / AFP)",
 * "(AP Photo/Evan Vucci)", "(REUTERS/Kevin Lamarque)", "Photo credit should read …/AFP/Getty Images".
 * A bare "(AP)" is a dateline's, not a photo's: a credit here has a slash or the word "photo".
 */
const PHOTO_CREDIT = /\(([^()\n]{1,80})\)|photo credit should read ([^\n()]{1,80})/gi;
/**
 * A caption's photo credit speaks for the caption, not for the article around it (most articles
 * carry an agency's picture). Only when the caption is most of the page's words (a photo card, as
 * news portals publish them) are the page's words the agency's.
 */
export const CAPTION_PAGE_SHARE = 0.5;

/** The agency a photo credit names ("AFP", "AP"), or null. */
function photoAgency(credit: string): string | null {
  if (!/\/|\bphoto/i.test(credit)) return null;
  for (const part of credit.split(/\s*\/\s*/)) {
    const name = part.replace(/^\s*photo(?:graph)?s?\s+by\s+/i, '').replace(/\s+photos?\s*$/i, '').trim();
    if (wireOf(name)) return name;
  }
  return null;
}

/** The agency photo credit of a caption that makes up most of the text (CAPTION_PAGE_SHARE), or null. */
function captionCredit(paragraphs: readonly string[]): Credit | null {
  const words = paragraphs.map((p) => p.split(/\s+/).filter(Boolean).length);
  const total = words.reduce((n, w) => n + w, 0);
  for (const [i, paragraph] of paragraphs.entries()) {
    if (words[i]! < total * CAPTION_PAGE_SHARE) continue;
    for (const match of paragraph.matchAll(PHOTO_CREDIT)) {
      const agency = photoAgency(match[1] ?? match[2]!);
      if (agency !== null) return { name: agency, line: match[0].trim(), photo: true };
    }
  }
  return null;
}

/** Every credit line in a text, in order of the kinds above (at most one of each line). */
export function creditsIn(text: string): Credit[] {
  const credits: Credit[] = [];
  const dateline = DATELINE.exec(text);
  if (dateline) credits.push({ name: dateline[1]!, line: dateline[0].trim() });
  for (const line of text.split('\n')) {
    if (line.length > 200) continue;
    const kind = LINE_CREDITS.find((k) => k.pattern.test(line));
    if (kind) credits.push({ name: kind.pattern.exec(line)![1]!.trim(), line: line.trim(), ...(kind.republished ? { republished: true as const } : {}) });
  }
  // a byline naming a wire, the reporter's or none: "By GEOFF MULVIHILL Associated Press", "Associated Press"
  const paragraphs = text.split(/\n[ \t]*\n/, BYLINE_PARAGRAPHS + 1);
  const byline = wireBylineAt(paragraphs);
  if (byline >= 0) {
    const line = paragraphs[byline]!.replace(/\s+/g, ' ').trim();
    credits.push({ name: bylineWire(line)!, line });
  }
  const caption = captionCredit(text.split(/\n[ \t]*\n/));
  if (caption) credits.push(caption);
  const mark = SCRAPER_MARK.exec(text);
  if (mark) credits.push({ name: null, line: mark[0].trim() });
  return credits;
}
