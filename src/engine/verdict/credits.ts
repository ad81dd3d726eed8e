/**
 * Credit lines: what a text says about where its words came from. Wire datelines ("WASHINGTON (AP) —"),
 * wire bylines ("By Reuters"), "Source: X", "This article originally appeared on X", "Read more at X",
 * and the marks autoblogs leave when they paste another site's article ("[ad_1]", "Source link").
 */

/** A text's statement that its words came from somewhere. */
export interface Credit {
  /** Who is credited, as written ("Reuters", "Live Science"); null for a scraper's mark, which names no one. */
  readonly name: string | null;
  /** The line it was read from, for the report. */
  readonly line: string;
}

/** News agencies by the names and addresses they go by: a credit to any of them is a credit to the wire. */
export const WIRES: ReadonlyArray<{ readonly name: string; readonly aliases: readonly string[]; readonly site: string }> = [
  { name: 'Associated Press', aliases: ['ap', 'associated press', 'the associated press'], site: 'apnews.com' },
  { name: 'Reuters', aliases: ['reuters', 'thomson reuters'], site: 'reuters.com' },
  { name: 'AFP', aliases: ['afp', 'agence france-presse', 'agence france presse'], site: 'afp.com' },
  { name: 'Bloomberg', aliases: ['bloomberg', 'bloomberg news'], site: 'bloomberg.com' },
  { name: 'UPI', aliases: ['upi', 'united press international'], site: 'upi.com' },
  { name: 'dpa', aliases: ['dpa', 'deutsche presse-agentur'], site: 'dpa.com' },
  { name: 'Xinhua', aliases: ['xinhua'], site: 'xinhuanet.com' },
];

const WIRE_ALIASES = WIRES.flatMap((w) => w.aliases.filter((a) => a.length <= 4 || !a.includes(' ')).map((a) => a.replace(/[-]/g, '\\-')));
/** "WASHINGTON (AP) —", "NEW YORK (Reuters) -": a wire's dateline opens its copy. */
const DATELINE = new RegExp(`^[^\\n()]{0,60}\\((${WIRE_ALIASES.join('|')})\\)\\s*[—–-]`, 'im');
const LINE_CREDITS: readonly RegExp[] = [
  // a byline that is a wire, not a reporter: "By Reuters", "By The Associated Press", "By AFP"
  /^\s*by\s+((?:the\s+)?associated press|reuters|afp|agence france[- ]presse|bloomberg(?: news)?|upi|xinhua)\s*$/i,
  /^\s*(?:source|sources|via|credit|courtesy(?: of)?)\s*:\s*([^\n]{2,80}?)\s*\.?\s*$/i,
  /^\s*(?:this (?:article|story|post|piece) )?(?:was )?(?:originally|first) (?:appeared|published|posted) (?:on|in|at|by) ([^\n]{2,80}?)\s*\.?\s*$/i,
  /^\s*read (?:more|the full (?:article|story)) (?:at|on) ([^\n]{2,80}?)\s*\.?\s*$/i,
];
/** A byline sits above the story: among its first few paragraphs, */
const BYLINE_PARAGRAPHS = 10;
/** above its second distinct long paragraph (a caption or a deck may come first; a compiled story's later credits do not count), */
const LONG_PARAGRAPH_WORDS = 20;
/** and is a name or two and the wire's: a longer line is a sentence that mentions the wire. */
const MAX_BYLINE_WORDS = 10;

/**
 * Which of a text's paragraphs is its byline naming a wire, or -1: the first near the top, above
 * the story's second long paragraph, that bylineWire reads.
 */
export function wireBylineAt(paragraphs: readonly string[]): number {
  // a caption a page repeats (its picture and its lightbox) is one
  const long = new Set<string>();
  for (let i = 0; i < Math.min(BYLINE_PARAGRAPHS, paragraphs.length); i++) {
    const words = paragraphs[i]!.split(/\s+/).filter(Boolean);
    if (words.length >= LONG_PARAGRAPH_WORDS && long.add(words.join(' ')).size >= 2) return -1;
    if (words.length > 0 && words.length <= MAX_BYLINE_WORDS && bylineWire(words.join(' ')) !== null) return i;
  }
  return -1;
}
/** What an autoblog leaves behind when it pastes another site's article. */
// Horizontal space only around the mark: `\s*` after `^` in multiline mode rescans a run of blank lines from each of them (quadratic).
const SCRAPER_MARK = /^[ \t\u00a0]*(?:\[ad_[12]\]|source link)[ \t\u00a0]*$/im;

/** Every credit line in a text, in order of the kinds above (at most one of each line). */
export function creditsIn(text: string): Credit[] {
  const credits: Credit[] = [];
  const dateline = DATELINE.exec(text);
  if (dateline) credits.push({ name: dateline[1]!, line: dateline[0].trim() });
  for (const line of text.split('\n')) {
    if (line.length > 200) continue;
    const pattern = LINE_CREDITS.find((p) => p.test(line));
    if (pattern) credits.push({ name: pattern.exec(line)![1]!.trim(), line: line.trim() });
  }
  // a byline naming a wire, the reporter's or none: "By GEOFF MULVIHILL Associated Press", "Associated Press"
  const paragraphs = text.split(/\n[ \t]*\n/, BYLINE_PARAGRAPHS + 1);
  const byline = wireBylineAt(paragraphs);
  if (byline >= 0) {
    const line = paragraphs[byline]!.replace(/\s+/g, ' ').trim();
    credits.push({ name: bylineWire(line)!, line });
  }
  const mark = SCRAPER_MARK.exec(text);
  if (mark) credits.push({ name: null, line: mark[0].trim() });
  return credits;
}

/** The wire a credited name is, or null. */
export function wireOf(name: string): (typeof WIRES)[number] | null {
  const key = name.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '').trim();
  return WIRES.find((w) => w.aliases.some((a) => a.replace(/^the /, '') === key)) ?? null;
}

/** A reporter's name or two before the wire's: capitalised words ("Jill Colvin and Zeke Miller", "GEOFF MULVIHILL"). */
const REPORTER = /^[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|&|de|van|von|der|la|del)){0,5}$/u;

/**
 * The wire a byline names, as written: the wire alone ("By Reuters", "The Associated Press") or
 * after its reporter ("By GEOFF MULVIHILL Associated Press", "Jill Colvin, AP"): either way the
 * words are the wire's.
 */
export function bylineWire(byline: string): string | null {
  const bare = byline.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim();
  if (wireOf(bare)) return bare;
  const words = bare.split(' ');
  // the wire's name is the byline's last one to four words, after the reporter's name
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ').replace(/^[,|–—-]\s*/, '');
    const reporter = words.slice(0, -n).join(' ').replace(/[,|–—-]\s*$/, '').trim();
    if (wireOf(tail) && REPORTER.test(reporter)) return tail;
  }
  return null;
}
