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
