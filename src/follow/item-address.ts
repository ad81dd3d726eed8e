import { followableAddress } from './address-policy.js';

/**
 * Collects the article addresses a feed lists: resolved against the feed's address, kept when
 * Firsthand may fetch them, and the refused ones remembered with the reason.
 */
export class ItemAddresses {
  readonly refused: string[] = [];
  readonly #seen = new Set<string>();

  constructor(private readonly feedUrl: string) {}

  /** The absolute address to fetch, or null (an empty, repeated or refused address). */
  accept(raw: string): string | null {
    const text = raw.trim();
    if (!text) return null;
    const verdict = followableAddress(text, this.feedUrl);
    if ('error' in verdict) {
      if (this.refused.length < MAX_REFUSED_KEPT) this.refused.push(verdict.error);
      return null;
    }
    if (this.#seen.has(verdict.url)) return null;
    this.#seen.add(verdict.url);
    return verdict.url;
  }
}

/** A feed full of bad addresses says so in a few lines, not thousands. */
const MAX_REFUSED_KEPT = 5;
