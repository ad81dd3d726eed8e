/**
 * Pages no extension may script, by address. Checked before injecting so the
 * reader gets a clear sentence instead of a browser error.
 */

/** Stores and viewers the browsers shield from extensions even on http(s). */
const SHIELDED_HOSTS: readonly { host: string; path?: string; name: string }[] = [
  { host: 'chromewebstore.google.com', name: 'the Chrome Web Store' },
  { host: 'chrome.google.com', path: '/webstore', name: 'the Chrome Web Store' },
  { host: 'microsoftedge.microsoft.com', path: '/addons', name: 'the Edge Add-ons store' },
  { host: 'addons.mozilla.org', name: 'Firefox Add-ons' },
  { host: 'accounts-static.cdn.mozilla.net', name: 'a Firefox account page' },
  { host: 'accounts.firefox.com', name: 'a Firefox account page' },
  { host: 'support.mozilla.org', name: 'a Mozilla support page' },
];

/** Schemes of browser-internal pages, viewers and other extensions. */
const INTERNAL_SCHEMES: Readonly<Record<string, string>> = {
  'chrome:': 'a browser page',
  'chrome-untrusted:': 'a browser page',
  'chrome-search:': 'a browser page',
  'edge:': 'a browser page',
  'brave:': 'a browser page',
  'opera:': 'a browser page',
  'vivaldi:': 'a browser page',
  'about:': 'a browser page',
  'resource:': 'a browser page',
  'moz-extension:': 'an extension page',
  'chrome-extension:': 'an extension page',
  'extension:': 'an extension page',
  'view-source:': 'a page source view',
  'devtools:': 'the developer tools',
  'javascript:': 'a script address',
  'data:': 'a data address',
  'blob:': 'a blob address',
  'filesystem:': 'a browser page',
};

/** Why a page cannot be read, or null when it may be. */
export interface ForbiddenPage {
  /** What the page is, for the message: "a browser page", "the Chrome Web Store"… */
  what: string;
}

/**
 * Classify an address. `fileAccess` says whether the user allowed the
 * extension on file:// pages (Chrome's "Allow access to file URLs").
 * Returns null for pages an activeTab grant lets us script.
 */
export function classifyForbiddenPage(url: string, fileAccess = false): ForbiddenPage | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { what: 'a page without a web address' };
  }
  const scheme = parsed.protocol;
  const internal = INTERNAL_SCHEMES[scheme];
  if (internal !== undefined) return { what: internal };
  if (scheme === 'file:') {
    if (parsed.pathname.toLowerCase().endsWith('.pdf')) return { what: 'the PDF viewer' };
    return fileAccess ? null : { what: 'a local file (allow file access for Firsthand to check it)' };
  }
  if (scheme !== 'http:' && scheme !== 'https:') return { what: `a ${scheme.slice(0, -1)}: page` };
  const host = parsed.hostname.toLowerCase();
  for (const shielded of SHIELDED_HOSTS) {
    if (host === shielded.host && (shielded.path === undefined || parsed.pathname.startsWith(shielded.path))) {
      return { what: shielded.name };
    }
  }
  // The built-in PDF viewers take over .pdf addresses; their DOM is the viewer's, not the document's.
  if (parsed.pathname.toLowerCase().endsWith('.pdf')) return { what: 'the PDF viewer' };
  return null;
}

/** The sentence the popup shows for a forbidden page. */
export function forbiddenPageMessage(page: ForbiddenPage): string {
  return `Firsthand cannot read ${page.what}: the browser does not let extensions look inside it. Open a news article and try again.`;
}
