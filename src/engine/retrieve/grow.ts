/**
 * One change to a growing corpus, as a host runs it: append a batch, merge what is due (or
 * everything), and commit the new segment list last. Every segment is written under a new name
 * before the list that names it, and no listed segment is ever overwritten, so a run that dies
 * anywhere before the commit leaves the corpus as it was (with unlisted segments to discard).
 */
import {
  allSegments, appendArticles, applyRetention, groupSegments, mergeSegments, nextMerge, removeArticles, type GrowingCorpusManifest, type LoadedSegment, type Retention,
} from './growing-corpus.js';
import { buildSegment, EMPTY_BACKGROUND } from '../fingerprint/build-corpus-index.js';
import { DEFAULT_INDEX_PARAMS, type IndexParams } from '../fingerprint/params.js';
import { loadCorpus, type Corpus } from './corpus.js';
import type { ArticleInput } from '../types.js';

/** Where a growing corpus keeps its segments and its list (files, IndexedDB rows). */
export interface SegmentHost {
  /** A listed segment, loaded (its texts may stay in the store). */
  load(name: string): Corpus | Promise<Corpus>;
  /** Stores a new segment durably under `name`, not yet listed. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes `manifest` the corpus's list, all at once (a rename, a transaction). */
  commit(manifest: GrowingCorpusManifest): Promise<void>;
  /** Deletes segments no list names any more; a failure here loses nothing. */
  discard(names: readonly string[]): Promise<void>;
}

export interface GrowOptions {
  /** The host clock's ISO instant: the first-seen time of new articles, and retention's "now". */
  readonly now: string;
  readonly retention: Retention;
  /** 'due': tiered merges (the default); 'all': one segment (compaction). */
  readonly merge?: 'due' | 'all';
  /** Index parameters of a corpus that has no segment yet. */
  readonly params?: IndexParams;
  /** Ids of articles to remove as well (the host's own retention rules); counted as expired. */
  readonly remove?: ReadonlySet<string>;
}

export interface GrowReport {
  readonly manifest: GrowingCorpusManifest;
  readonly added: number;
  readonly replaced: number;
  readonly duplicates: number;
  readonly expired: number;
  readonly merges: number;
  /** Segments rebuilt because their format had no statistics (format 2, or an older corpus). */
  readonly migrated: number;
}

export async function growCorpus(
  host: SegmentHost, start: GrowingCorpusManifest, incoming: readonly ArticleInput[], options: GrowOptions,
  addressKey: (address: string) => string | null,
): Promise<GrowReport> {
  let manifest = start;
  const loaded = new Map<string, Corpus>();
  for (const entry of manifest.segments) loaded.set(entry.name, await host.load(entry.name));
  const params = loaded.values().next().value?.params ?? options.params ?? DEFAULT_INDEX_PARAMS;
  const segments = (): LoadedSegment[] => {
    const list = manifest.segments.map((e) => ({ name: e.name, corpus: loaded.get(e.name)! }));
    groupSegments(manifest, list);
    return list;
  };
  const put = async (name: string, bytes: Uint8Array): Promise<void> => {
    await host.write(name, bytes);
    loaded.set(name, loadCorpus(bytes));
  };

  // A segment without statistics (format 2), or of a format read only by rebuilding it (format 1, an
  // older hash version), is rewritten as it is: the same articles, numbered as before.
  let migrated = 0;
  for (const entry of [...manifest.segments]) {
    const corpus = loaded.get(entry.name)!;
    if (corpus.stats !== null && !corpus.rebuilt) continue;
    const articles: ArticleInput[] = [];
    for (let doc = 0; doc < corpus.size; doc++) articles.push(corpus.article(doc));
    const name = `seg-${String(manifest.nextSegment).padStart(6, '0')}.fhc`;
    await put(name, buildSegment(articles, corpus.params, EMPTY_BACKGROUND));
    manifest = {
      ...manifest, nextSegment: manifest.nextSegment + 1,
      segments: manifest.segments.map((e) => (e.name === entry.name ? { ...e, name } : e)),
    };
    migrated++;
  }

  const appended = appendArticles(manifest, segments(), incoming, options.now, params, addressKey);
  manifest = appended.manifest;
  if (appended.segment !== null) await put(appended.name, appended.segment);

  const dropped = options.remove && options.remove.size > 0 ? removeArticles(manifest, segments(), options.remove) : { manifest, removed: 0 };
  manifest = dropped.manifest;
  const retained = applyRetention(manifest, segments(), options.now, options.retention);
  manifest = retained.manifest;

  let merges = 0;
  for (;;) {
    const names = options.merge === 'all' ? (merges === 0 ? allSegments(manifest) : null) : nextMerge(manifest);
    if (names === null || names.length === 0) break;
    const merged = mergeSegments(manifest, segments(), names, params);
    if (merged.segment !== null) await put(merged.name, merged.segment);
    manifest = merged.manifest;
    merges++;
  }

  await host.commit(manifest);
  const listed = new Set(manifest.segments.map((e) => e.name));
  await host.discard([...loaded.keys()].filter((name) => !listed.has(name)));
  return { manifest, added: appended.added, replaced: appended.replaced, duplicates: appended.duplicates, expired: retained.expired + dropped.removed, merges, migrated };
}
