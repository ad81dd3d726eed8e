/**
 * Which addresses Firsthand fetches when following sources: https only, so what a source
 * serves cannot be altered on the way; plain http only on 127.0.0.1, where nothing travels
 * over a network (a local test server, a local mirror).
 */

export type AddressVerdict = { readonly url: string } | { readonly error: string };

/** `address` (made absolute against `base` when given) if Firsthand may fetch it, else why not. */
export function followableAddress(address: string, base?: string): AddressVerdict {
  let url: URL;
  try {
    url = base === undefined ? new URL(address.trim()) : new URL(address.trim(), base);
  } catch {
    return { error: `"${clip(address)}" is not a web address` };
  }
  if (url.username || url.password) return { error: `${url.origin}: addresses with a user name or password are not followed` };
  if (url.protocol === 'https:') return { url: withoutFragment(url) };
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return { url: withoutFragment(url) };
  if (url.protocol === 'http:') return { error: `${url.href}: only https addresses are followed (plain http can be altered on the way)` };
  return { error: `${clip(url.href)}: only https addresses are followed, not ${url.protocol.replace(/:$/, '')}` };
}

export function isFollowable(address: string, base?: string): boolean {
  return 'url' in followableAddress(address, base);
}

function withoutFragment(url: URL): string {
  url.hash = '';
  return url.href;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
