/**
 * What every contender in the benchmark implements: build an index over the
 * corpus, then answer "which article is this page from?" for one page.
 */
import type { ArticleInput } from '../engine/index.js';
import type { QueryPage } from './query-pages.js';

/** One page's answer. */
export interface QueryAnswer {
  /** Corpus index of the best article, null when the contender proposes none. */
  readonly top: number | null;
  /** The contender's own similarity for `top` (0 when none); scales differ between contenders. */
  readonly score: number;
  /** Firsthand only: the verdict's status and its coverage of the page by `top`. */
  readonly status?: string;
  readonly coverage?: number;
  /** Time spent inside retrieval alone, when the contender can tell (ms). */
  readonly retrievalMs?: number;
}

/** Sizes a contender can report after building, in bytes. */
export interface RunnerSizes {
  /** Bytes of the serialised retrieval index (null: the library cannot serialise it). */
  readonly indexDiskBytes: number | null;
  /** Bytes of the serialised article store used for alignment (Firsthand only). */
  readonly storeDiskBytes?: number | null;
}

export interface Runner {
  readonly name: string;
  /** Indexes the corpus. May keep references to the articles. */
  build(articles: readonly ArticleInput[]): void | Promise<void>;
  /** Prepares an index for querying after build (Firsthand: serialise, drop, reload); timed as load. */
  load?(): void | Promise<void>;
  query(page: QueryPage): QueryAnswer;
  sizes(): RunnerSizes;
  /** Called once after all queries (Firsthand: end-to-end checks). */
  extra?(pages: readonly QueryPage[]): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** Lower-case word tokens as a developer reaching for these libraries would split them. */
export function naiveWords(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** Word k-gram strings ("string shingles"), as minhash/dolos users build them. */
export function wordShingles(words: readonly string[], k = 5): string[] {
  const out: string[] = [];
  for (let i = 0; i + k <= words.length; i++) out.push(words.slice(i, i + k).join(' '));
  return out;
}

/** FNV-1a of a string's UTF-16 code units, unsigned 32-bit. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
