/**
 * Fetching a followed source's feeds and articles politely and safely: conditional requests
 * (ETag / Last-Modified), one request at a time per site with a pause between, a timeout, a cap
 * on body size, and redirects followed only to addresses Firsthand may fetch (never from https
 * down to http). `fetch` is injected: Node's in the CLI, the worker's in the extension.
 */
import { followableAddress } from './address-policy.js';

export interface Validators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type FetchOutcome =
  | {
      readonly kind: 'body';
      /** Where the body came from, after redirects. */
      readonly url: string;
      readonly contentType: string | null;
      readonly bytes: Uint8Array;
      readonly validators: Validators;
    }
  | { readonly kind: 'not-modified'; readonly url: string }
  | {
      readonly kind: 'failed';
      readonly url: string;
      /** What went wrong, in words. */
      readonly message: string;
      /** The HTTP status when the server answered. */
      readonly status: number | null;
      /** How long the server asked us to wait (Retry-After), when it did. */
      readonly retryAfterMs: number | null;
    };

export interface PoliteFetcherOptions {
  readonly fetch: typeof fetch;
  /** Per request, body included. */
  readonly timeoutMs?: number;
  /** Bodies larger than this are refused. */
  readonly maxBytes?: number;
  /** Pause between the starts of two requests to one host. */
  readonly perSiteIntervalMs?: number;
  readonly maxRedirects?: number;
  /**
   * `manual` (default): each redirect is checked before it is followed (Node). `after`: the
   * browser follows redirects itself, as an extension worker's fetch must (it hides a manual
   * redirect's target), and the address it ends at is checked before its body is read.
   */
  readonly redirects?: 'manual' | 'after';
  /** Extra request headers (a User-Agent in Node; browsers set their own). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_PER_SITE_INTERVAL_MS = 1_000;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class PoliteFetcher {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #intervalMs: number;
  readonly #maxRedirects: number;
  readonly #redirects: 'manual' | 'after';
  readonly #headers: Readonly<Record<string, string>>;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Per host: when the next request may start. */
  readonly #nextSlot = new Map<string, number>();
  /** Requests made, per host: what a run reports and the tests check. */
  readonly requests = new Map<string, number>();

  constructor(options: PoliteFetcherOptions) {
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#intervalMs = options.perSiteIntervalMs ?? DEFAULT_PER_SITE_INTERVAL_MS;
    this.#maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.#redirects = options.redirects ?? 'manual';
    this.#headers = options.headers ?? {};
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** GETs `address`, conditionally when `validators` are given; never throws. */
  async get(address: string, validators: Validators = {}, accept = '*/*'): Promise<FetchOutcome> {
    let url = address;
    for (let hop = 0; ; hop++) {
      const allowed = followableAddress(url);
      if ('error' in allowed) return failed(url, allowed.error);
      url = allowed.url;
      const response = await this.#request(url, hop === 0 ? validators : {}, accept);
      if ('message' in response) return failed(url, response.message);
      if (response.status < 200 || response.status > 299) this.#release(response);
      const { status } = response;
      if (response.type === 'opaqueredirect') return failed(url, 'redirected, and the browser does not say where to');
      if (this.#redirects === 'after' && response.redirected && response.url) {
        const landed = followableAddress(response.url);
        if ('error' in landed) {
          this.#release(response);
          await discard(response);
          return failed(url, `redirected to an address that is not followed: ${landed.error}`, status);
        }
        url = landed.url;
      }
      if (REDIRECTS.has(status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location) return failed(url, `the server answered ${status} (a redirect) without saying where to`, status);
        if (hop >= this.#maxRedirects) return failed(url, `more than ${this.#maxRedirects} redirects`, status);
        const next = followableAddress(location, url);
        if ('error' in next) return failed(url, `redirected to an address that is not followed: ${next.error}`, status);
        url = next.url;
        continue;
      }
      if (status === 304) {
        await discard(response);
        return { kind: 'not-modified', url };
      }
      if (status < 200 || status > 299) {
        await discard(response);
        return failed(url, statusInWords(status), status, retryAfterMs(response.headers.get('retry-after'), this.#now()));
      }
      const body = await this.#readBody(response);
      if ('message' in body) return failed(url, body.message, status);
      return {
        kind: 'body', url, contentType: response.headers.get('content-type'), bytes: body.bytes,
        validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      };
    }
  }

  async #request(url: string, validators: Validators, accept: string): Promise<Response | { message: string }> {
    const host = new URL(url).host;
    const now = this.#now();
    const slot = Math.max(now, this.#nextSlot.get(host) ?? 0);
    this.#nextSlot.set(host, slot + this.#intervalMs);
    if (slot > now) await this.#sleep(slot - now);
    this.requests.set(host, (this.requests.get(host) ?? 0) + 1);
    const headers: Record<string, string> = { accept, ...this.#headers };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      const redirect = this.#redirects === 'manual' ? 'manual' : 'follow';
      const response = await this.#fetch(url, { headers, redirect, signal: controller.signal, credentials: 'omit' });
      // The timer keeps running while the body is read: a server that trickles bytes is cut off too.
      this.#pendingTimers.set(response, timer);
      return response;
    } catch (error) {
      clearTimeout(timer);
      return { message: controller.signal.aborted ? `no answer within ${seconds(this.#timeoutMs)}` : `could not connect (${networkCause(error)})` };
    }
  }

  readonly #pendingTimers = new WeakMap<Response, ReturnType<typeof setTimeout>>();

  /** Stops a response's timeout once its body will not be read: a pending timer would keep a CLI process alive. */
  #release(response: Response): void {
    const timer = this.#pendingTimers.get(response);
    if (timer !== undefined) clearTimeout(timer);
    this.#pendingTimers.delete(response);
  }

  async #readBody(response: Response): Promise<{ bytes: Uint8Array } | { message: string }> {
    const timer = this.#pendingTimers.get(response);
    try {
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > this.#maxBytes) {
        await discard(response);
        return { message: `larger than ${megabytes(this.#maxBytes)} (${megabytes(declared)}), not read` };
      }
      if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()) };
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > this.#maxBytes) {
          await reader.cancel().catch(() => undefined);
          return { message: `larger than ${megabytes(this.#maxBytes)}, not read` };
        }
        chunks.push(value);
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      return { bytes };
    } catch (error) {
      const aborted = (error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError';
      return { message: aborted ? `no complete answer within ${seconds(this.#timeoutMs)}` : `the answer broke off (${networkCause(error)})` };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }
}

function failed(url: string, message: string, status: number | null = null, retryAfter: number | null = null): FetchOutcome {
  return { kind: 'failed', url, message, status, retryAfterMs: retryAfter };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function statusInWords(status: number): string {
  if (status === 404 || status === 410) return `not found (${status})`;
  if (status === 401 || status === 403) return `access refused (${status})`;
  if (status === 429) return 'too many requests: the site asks us to slow down (429)';
  if (status >= 500) return `the server failed (${status})`;
  return `the server answered ${status}`;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
