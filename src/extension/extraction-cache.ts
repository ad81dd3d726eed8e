/**
 * The page's last extraction, kept in the content script until the page changes: a second click
 * on a long page (Readability takes hundreds of milliseconds on 60,000 words) is then answered
 * without reading the page again. Any change to the document — nodes, text or attributes, the
 * extension's own highlights included — or to its address or the reader's selection drops it.
 */
import type { PageExtraction } from './content-api.js';

interface Entry {
  url: string;
  selection: string;
  extraction: PageExtraction;
}

export class ExtractionCache {
  #entry: Entry | null = null;
  #observer: MutationObserver | null = null;

  constructor(private readonly doc: Document) {}

  /** The extraction made at this address with this selection, if the document has not changed since. */
  get(url: string, selection: string): PageExtraction | null {
    // Changes made in this same task have not reached the observer's callback yet.
    if (this.#observer !== null && this.#observer.takeRecords().length > 0) this.clear();
    const entry = this.#entry;
    if (entry === null || entry.url !== url || entry.selection !== selection) return null;
    return entry.extraction;
  }

  set(url: string, selection: string, extraction: PageExtraction): void {
    const Observer = this.doc.defaultView?.MutationObserver;
    // Without a way to see changes, keeping a copy would risk answering with an old page.
    if (Observer === undefined) return;
    this.clear();
    this.#observer = new Observer(() => this.clear());
    this.#observer.observe(this.doc, { subtree: true, childList: true, characterData: true, attributes: true });
    this.#entry = { url, selection, extraction };
  }

  /** Forget the entry and stop watching the page (nothing is watched while nothing is kept). */
  clear(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#entry = null;
  }
}
