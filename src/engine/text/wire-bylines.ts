/**
 * Wire bylines: the news agencies and the byline that names one ("By Reuters", "By GEOFF MULVIHILL
 * Associated Press") above a story. A text rule both sides of the pipeline read: extraction keeps such
 * a byline when it drops a page's furniture, and the verdict reads it as a credit (verdict/credits.ts).
 */

/** News agencies, and the news services that syndicate as they do, by the names and addresses they go by: a credit to any of them is a credit to the wire. */
export const WIRES: ReadonlyArray<{ readonly name: string; readonly aliases: readonly string[]; readonly site: string }> = [
  { name: 'Associated Press', aliases: ['ap', 'associated press', 'the associated press'], site: 'apnews.com' },
  { name: 'Reuters', aliases: ['reuters', 'thomson reuters'], site: 'reuters.com' },
  { name: 'AFP', aliases: ['afp', 'agence france-presse', 'agence france presse'], site: 'afp.com' },
  { name: 'Bloomberg', aliases: ['bloomberg', 'bloomberg news'], site: 'bloomberg.com' },
  { name: 'UPI', aliases: ['upi', 'united press international'], site: 'upi.com' },
  { name: 'dpa', aliases: ['dpa', 'deutsche presse-agentur'], site: 'dpa.com' },
  { name: 'Xinhua', aliases: ['xinhua'], site: 'xinhuanet.com' },
  { name: 'CNN', aliases: ['cnn', 'cnn wire', 'cnn newsource'], site: 'cnn.com' },
  // The networks' news divisions feed their affiliates and the portals (CenturyLink, Yahoo, MSN) as a wire does.
  { name: 'NBC News', aliases: ['nbc news'], site: 'nbcnews.com' },
  { name: 'CBS News', aliases: ['cbs news'], site: 'cbsnews.com' },
  // abcnews.go.com: a site is a registrable domain (see siteOf), and ABC's is Disney's go.com
  { name: 'ABC News', aliases: ['abc news'], site: 'go.com' },
  { name: 'Fox News', aliases: ['fox news'], site: 'foxnews.com' },
  { name: 'USA Today', aliases: ['usa today', 'usa today network'], site: 'usatoday.com' },
  { name: 'The Washington Post', aliases: ['washington post', 'the washington post'], site: 'washingtonpost.com' },
  { name: 'The New York Times', aliases: ['new york times', 'the new york times', 'new york times news service'], site: 'nytimes.com' },
];

/** A byline sits above the story: among its first few paragraphs, */
export const BYLINE_PARAGRAPHS = 10;
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
