/**
 * The report endpoint the reader may configure: HTTPS anywhere, plain HTTP
 * only on 127.0.0.1 (for local testing), nothing else.
 */

export type EndpointCheck =
  | {
      ok: true;
      /** The normalised address reports are POSTed to. */
      url: string;
      /** Host permission pattern to request for it, e.g. `https://reports.example.org/*` (ports are not part of match patterns). */
      originPattern: string;
    }
  | { ok: false; message: string };

/** Validate what the reader typed. An empty string is not valid here; clearing is a separate action. */
export function checkEndpoint(input: string): EndpointCheck {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'That is not a web address. Enter one starting with https://.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'Leave user names and passwords out of the address.' };
  }
  if (url.protocol === 'https:') {
    return { ok: true, url: url.href, originPattern: `https://${url.hostname}/*` };
  }
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1') {
    return { ok: true, url: url.href, originPattern: 'http://127.0.0.1/*' };
  }
  if (url.protocol === 'http:') {
    return { ok: false, message: 'Reports travel only over HTTPS (plain http is allowed for 127.0.0.1 only).' };
  }
  return { ok: false, message: 'Enter an https:// address.' };
}
