/**
 * Whether one POST of a report reached the endpoint the reader set, and if not, why, in words a
 * reader understands. Reports are sent with `redirect: 'manual'`: a 302 would turn the POST into a
 * GET that "succeeds", and a 307 would hand the whole report to another site, so a redirect is
 * never followed and never counts as delivered.
 */

/** Seconds one POST may take before it counts as failed. */
export const SEND_TIMEOUT_SECONDS = 10;

export type SendOutcome = { delivered: true } | { delivered: false; reason: string };

const REDIRECT_REASON =
  'the endpoint answered with a redirect; reports go only to the address you set, so it was not followed. Set the final address in Options';

/** Judge the endpoint's answer: only a 2xx from the configured origin, not redirected, is delivered. */
export function judgeResponse(response: Response, endpoint: string): SendOutcome {
  // A browser's manual redirect is opaque (status 0); Node's fetch shows the 3xx itself.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    const status = response.status === 0 ? '' : ` (${response.status})`;
    return { delivered: false, reason: REDIRECT_REASON.replace('redirect;', `redirect${status};`) };
  }
  if (response.redirected || (response.url !== '' && new URL(response.url).origin !== new URL(endpoint).origin)) {
    return { delivered: false, reason: REDIRECT_REASON };
  }
  if (response.status >= 200 && response.status < 300) return { delivered: true };
  const text = `${response.status} ${response.statusText}`.trim();
  return { delivered: false, reason: `the endpoint refused it (it answered ${text})` };
}

/** Why a fetch threw, in words: the raw messages ("Failed to fetch", "NetworkError…") say nothing to a reader. */
export function describeSendError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || /timed? ?out/i.test(message)) return `the endpoint did not answer within ${SEND_TIMEOUT_SECONDS} seconds`;
  if (name === 'TypeError' || /failed to fetch|networkerror|fetch failed|load failed/i.test(message)) {
    return 'could not reach the endpoint (it is down, the address is wrong, or it does not allow requests from this extension)';
  }
  return `the send failed (${message})`;
}

/**
 * A stored reason in words. Reports kept by earlier versions hold the raw error ("Failed to fetch",
 * "the endpoint answered 503 …"); those are translated here, reasons already in words pass through.
 */
export function failureInWords(stored: string): string {
  if (/^(failed to fetch|networkerror|fetch failed|load failed)/i.test(stored)) return describeSendError(new TypeError(stored));
  if (/signal timed out|timeouterror/i.test(stored)) return describeSendError(new DOMException(stored, 'TimeoutError'));
  const answered = /^the endpoint answered (\d{3}.*)$/.exec(stored);
  if (answered) return `the endpoint refused it (it answered ${answered[1]})`;
  return stored;
}
