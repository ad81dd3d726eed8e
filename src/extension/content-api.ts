/**
 * What the injected content script offers the background. content.ts installs
 * it as `globalThis[CONTENT_GLOBAL]`; the background calls it through
 * `scripting.executeScript({func})`, which runs in the same isolated world, or,
 * for a check's extraction, as the last statement of content-extract.js.
 */
import type { ExtractedArticle } from '../extract/types.js';

export const CONTENT_GLOBAL = '__firsthandContent';

/** The article as the background receives it: the page's address at extraction time plus the article or why there is none. */
export type PageExtraction = (
  | { url: string; article: ExtractedArticle }
  | { url: string; error: { code: string; message: string } }
) & {
  /** Time the extraction took inside the page, milliseconds. */
  readMs: number;
  /** The page had not changed since the last extraction, which was given again (see ExtractionCache). */
  cached?: boolean;
};

/** A stretch of extracted text to mark in the live page. */
export interface HighlightMark {
  /** The passage's text as extracted; found again in the page ignoring whitespace. */
  text: string;
  /** Becomes `<mark data-firsthand="<kind>">`. */
  kind: string;
}

export interface ContentApi {
  extract(): PageExtraction;
  /** Replace any marks with these; scroll to the first. Returns how many marks were placed. */
  highlight(marks: readonly HighlightMark[]): number;
  /** Remove every mark. Returns how many were removed. */
  clearHighlights(): number;
  /** Stop watching the page: a newer build's content script replaces this one. */
  dispose(): void;
  /** The build that installed it: a script injected again by the same build keeps it (and its cache). */
  readonly build?: string;
}
