/**
 * Whether two addresses name the same page. The same article is served under
 * small variations of one address — http or https, with or without `www.`,
 * `m.` or `amp.`, tracking parameters, a fragment, a trailing slash or an
 * `/amp` suffix — so those are ignored; a different host or path is a
 * different page, even when it shows the same words.
 */
export function sameAddress(a: string, b: string): boolean {
  const ka = addressKey(a);
  const kb = addressKey(b);
  return ka !== null && ka === kb;
}

/** The comparable part of an http(s) or file address, or null when it is not one. */
export function addressKey(address: string): string | null {
  // A local file's address is its path: a saved copy elsewhere on disk is another document.
  const file = /^\s*file:\/\/(?:localhost)?(\/[^?#\s]*)/i.exec(address);
  if (file) return `file:${decoded(file[1]!)}`;
  const match = /^\s*https?:\/\/([^/?#\s]+)([^?#\s]*)/i.exec(address);
  if (!match) return null;
  const host = match[1]!.toLowerCase().replace(/:(80|443)$/, '').replace(/^(?:www\d*|m|amp|mobile)\./, '');
  const path = decoded(match[2]!).replace(/\/(?:amp|index\.html?)\/?$/i, '').replace(/\/+$/, '');
  return `${host}${path}`;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape is compared as written
  }
}

/**
 * Whether two http(s) addresses are on one host (`www.`, `m.`, `amp.` aside): one site's server,
 * where the same words under two paths are its article under two addresses (a slug changed, a
 * section moved, a tracking path), never a copy. A host, not a registrable domain: the blogs of
 * `a.blogspot.com` and `b.blogspot.com` are different publishers.
 */
export function sameHost(a: string, b: string): boolean {
  const ha = addressKey(a);
  const hb = addressKey(b);
  if (ha === null || hb === null || ha.startsWith('file:') || hb.startsWith('file:')) return false;
  return ha.split('/', 1)[0] === hb.split('/', 1)[0];
}

/** Second-level labels under which a country's sites register (`bbc.co.uk`, `abc.net.au`). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

/**
 * The site an http(s) address belongs to: its registrable domain (`edition.cnn.com` → `cnn.com`,
 * `www.bbc.co.uk` → `bbc.co.uk`), or null for anything else. A site speaks for its own pages;
 * another site's address names another publisher.
 */
export function siteOf(address: string): string | null {
  const match = /^\s*https?:\/\/(?:[^@/?#\s]*@)?([^/?#\s:]+)/i.exec(address);
  if (!match) return null;
  const labels = match[1]!.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const keep = labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether two http(s) addresses are on one site (see siteOf). */
export function sameSite(a: string, b: string): boolean {
  const sa = siteOf(a);
  return sa !== null && sa === siteOf(b);
}

/**
 * Whether two http(s) addresses are on one name's sites in different countries (`bbc.co.uk` ↔
 * `bbc.com`, `cnn.co.jp` ↔ `cnn.com`): one outlet's national and international sites, as far as
 * addresses can tell, or a look-alike registered to pass for it, which they cannot tell apart. The
 * same words on both are then neither surely one article nor surely a copy. Two generic domains of
 * one name (`example.com`, `example.org`) are not taken for this: at least one must be a country's.
 */
export function sitesShareName(a: string, b: string): boolean {
  const sa = siteOf(a);
  const sb = siteOf(b);
  if (sa === null || sb === null || sa === sb) return false;
  const [nameA, ...restA] = sa.split('.');
  const [nameB, ...restB] = sb.split('.');
  const national = (rest: string[]) => rest.at(-1)!.length === 2;
  return nameA!.length >= 3 && nameA === nameB && restA.length > 0 && restB.length > 0 && (national(restA) || national(restB));
}

/** Words an outlet's name carries that its domain often leaves out. */
const NAME_FILLER = new Set(['the', 'news', 'online', 'com', 'daily', 'and']);

/**
 * Whether an outlet's name is the site at `address`, where the two can be matched: `Al Jazeera` ↔
 * `aljazeera.com`, `The Guardian` ↔ `theguardian.com`, `BBC News` ↔ `bbc.co.uk`, `New York Times` ↔
 * `nytimes.com`. False when they cannot be matched, which is not proof of another site: a corpus
 * article known only by its outlet is the page only when the names agree.
 */
export function outletIsSite(outlet: string | null, address: string): boolean {
  if (outlet === null) return false;
  const site = siteOf(address);
  if (site === null) return false;
  const label = site.split('.')[0]!.replace(/[^a-z0-9]/g, '');
  const words = outlet.toLowerCase().normalize('NFKD').replace(/[^a-z0-9\s]/g, '').split(/\s+/).filter(Boolean);
  if (label.length < 2 || words.length === 0 || words.length > 6) return false;
  const whole = words.join('');
  const core = words.filter((w) => !NAME_FILLER.has(w)).join('');
  if (label === whole || label === core) return true;
  // a domain that drops or abbreviates the name's first words: nytimes ← New York Times
  const initials = words.map((w) => w[0]).join('');
  for (let i = 1; i < words.length; i++) {
    if (label === initials.slice(0, i) + words.slice(i).join('')) return true;
  }
  return (core.length >= 5 && label.includes(core)) || (label.length >= 5 && core.includes(label)) || (initials.length >= 2 && label === initials);
}
