/**
 * A corpus that grows: new articles are appended as small segments (each an ordinary corpus file,
 * see corpus-file.ts) and segments are merged, a tier at a time, into larger ones, so a check
 * looks up a handful of segments however many batches were added. Pure: the host stores the
 * segment files and the manifest (the CLI in files, atomically renamed; the extension in
 * IndexedDB) and passes their bytes and loaded segments in.
 *
 * What is per segment and what is corpus-wide:
 * - fingerprints (winnowed k-grams) depend on the article alone: per segment, never recomputed;
 * - document frequencies are stored per segment (its own articles') and add up across segments;
 * - an article's distinctive terms and sentence anchors are chosen with the corpus-wide document
 *   frequencies *when its segment is written* (append or merge), and recomputed when a merge
 *   rewrites its segment: between merges an older article's choice may lag the corpus's by the
 *   articles added since. A merge of every segment (compact) is byte for byte the corpus built at
 *   once from the same articles in the same order;
 * - the boilerplate cut is corpus-wide at query time: each segment drops the hashes too common in
 *   itself and records how many articles held them, and retrieval sums a hash's articles over the
 *   segments and drops it when the sum passes the cut (candidates.ts), as the build at once does;
 * - replaced and expired articles are marked removed in the manifest and skipped by retrieval
 *   until a merge rewrites their segment without them.
 */
import { buildSegment, type CorpusBackground } from '../fingerprint/build-corpus-index.js';
import type { Corpus } from './corpus.js';
import type { IndexParams } from '../fingerprint/params.js';
import { checksumBytes } from '../fingerprint/corpus-file.js';
import { CorpusFormatError, type ArticleInput } from '../types.js';

export const MANIFEST_FORMAT = 'firsthand-growing-corpus';
export const MANIFEST_VERSION = 1;

/** A segment as the manifest lists it. */
export interface SegmentEntry {
  /** The host's name for the segment's bytes (a file name, a store key); never reused. */
  readonly name: string;
  readonly articles: number;
  /** Article numbers of this segment that are gone (replaced or expired), ascending. */
  readonly removed: readonly number[];
}

/** The list of a growing corpus's segments, oldest first: the one thing a change rewrites last. */
export interface GrowingCorpusManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: typeof MANIFEST_VERSION;
  readonly segments: readonly SegmentEntry[];
  /** Number of the next segment name: names are never reused, so a half-written one is never taken for a listed one. */
  readonly nextSegment: number;
}

export const EMPTY_MANIFEST: GrowingCorpusManifest = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, segments: [], nextSegment: 1 };

/** A loaded segment with its manifest name. */
export interface LoadedSegment {
  readonly name: string;
  readonly corpus: Corpus;
}

/** How long and how big a growing corpus may get. Only articles it saw arrive (with firstSeen) ever expire. */
export interface Retention {
  readonly maxAgeDays: number;
  /** Bytes of stored article text and metadata. */
  readonly maxBytes: number;
}

export const DEFAULT_RETENTION: Retention = { maxAgeDays: 90, maxBytes: 200 * 1024 * 1024 };

/** Segments a tier holds before they are merged into one of the next tier. */
export const MERGE_FACTOR = 4;

const utf8 = new TextEncoder();
const DAY_MS = 86_400_000;

export function encodeManifest(manifest: GrowingCorpusManifest): Uint8Array {
  return utf8.encode(`${JSON.stringify(manifest)}\n`);
}

/** Whether these bytes start like a manifest (JSON) rather than a corpus file. */
export function looksLikeManifest(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
}

/** Reads a manifest; throws CorpusFormatError for anything else. */
export function parseManifest(bytes: Uint8Array): GrowingCorpusManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new CorpusFormatError('not a Firsthand corpus: neither a corpus file nor a readable list of segments');
  }
  const v = value as Partial<GrowingCorpusManifest> | null;
  if (!v || v.format !== MANIFEST_FORMAT) throw new CorpusFormatError('not a Firsthand corpus: a JSON file that is not a list of corpus segments');
  if (v.version !== MANIFEST_VERSION) throw new CorpusFormatError(`segment list version ${String(v.version)} is not supported (this build reads ${MANIFEST_VERSION}); update Firsthand`);
  if (!Array.isArray(v.segments) || !Number.isSafeInteger(v.nextSegment)) throw new CorpusFormatError('corrupt corpus: the segment list is damaged');
  const names = new Set<string>();
  for (const s of v.segments as unknown[]) {
    const e = s as Partial<SegmentEntry> | null;
    const ok = e && typeof e.name === 'string' && /^[A-Za-z0-9._-]+$/.test(e.name) && !e.name.startsWith('.') && Number.isSafeInteger(e.articles)
      && Array.isArray(e.removed) && e.removed.every((d, i) => Number.isSafeInteger(d) && d >= 0 && d < e.articles! && (i === 0 || d > e.removed![i - 1]!));
    if (!ok) throw new CorpusFormatError('corrupt corpus: a segment in the segment list is damaged');
    if (names.has(e.name!)) throw new CorpusFormatError(`corrupt corpus: segment ${e.name} is listed twice`);
    names.add(e.name!);
  }
  return v as GrowingCorpusManifest;
}

/**
 * Ties loaded segments into one corpus for retrieval: a shared boilerplate cut, and removed
 * articles skipped. Throws CorpusFormatError when a segment does not match its entry.
 */
export function groupSegments(manifest: GrowingCorpusManifest, segments: readonly LoadedSegment[]): Corpus[] {
  const corpora = segments.map((s) => s.corpus);
  const group = { segments: corpora };
  const params = corpora[0]?.params;
  segments.forEach(({ name, corpus }) => {
    const entry = manifest.segments.find((e) => e.name === name);
    if (!entry) throw new CorpusFormatError(`corrupt corpus: segment ${name} is not in the segment list`);
    if (entry.articles !== corpus.size) throw new CorpusFormatError(`corrupt corpus: segment ${name} holds ${corpus.size} articles, the list says ${entry.articles}`);
    if (!sameParams(corpus.params, params!)) throw new CorpusFormatError(`corrupt corpus: segment ${name} was built with other index parameters`);
    corpus.markRemoved(entry.removed);
    corpus.group = group;
  });
  return corpora;
}

function sameParams(a: IndexParams, b: IndexParams): boolean {
  return a.k === b.k && a.windowSize === b.windowSize && a.signatureTerms === b.signatureTerms && a.anchorPairs === b.anchorPairs && a.maxDocFrequency === b.maxDocFrequency;
}

/** Corpus-wide document frequencies of the segments a new segment is written beside. */
export function backgroundOf(segments: readonly Corpus[]): CorpusBackground {
  const tables = segments.map((s) => {
    if (s.stats === null) throw new Error('a format 2 segment has no statistics: rebuild it (migrateSegment) before writing beside it');
    return s.stats;
  });
  // summed once: a segment's build asks for each of its terms several times
  let summed: Map<number, number> | null = null;
  return {
    articles: segments.reduce((n, s) => n + s.size, 0),
    documentFrequency(termHash) {
      if (summed === null) {
        summed = new Map();
        for (const t of tables) {
          for (let i = 0; i < t.dfHashes.length; i++) summed.set(t.dfHashes[i]!, (summed.get(t.dfHashes[i]!) ?? 0) + t.dfCounts[i]!);
        }
      }
      return summed.get(termHash) ?? 0;
    },
  };
}

/** The live articles of a segment, in order, with their texts. */
export function liveArticles(corpus: Corpus): ArticleInput[] {
  const out: ArticleInput[] = [];
  for (let doc = 0; doc < corpus.size; doc++) if (!corpus.isRemoved(doc)) out.push(corpus.article(doc));
  return out;
}

export interface AppendOutcome {
  /** The new segment's bytes, or null when nothing new was added. */
  readonly segment: Uint8Array | null;
  readonly manifest: GrowingCorpusManifest;
  readonly added: number;
  readonly replaced: number;
  /** Articles not added: the same address with the same text, or the same text at another address. */
  readonly duplicates: number;
}

/**
 * Appends articles as one new segment named `name`. The same address or the same text is stored
 * once: an article whose exact text a live article already has is a duplicate; one at a live
 * article's address with a new text replaces it (the older version is marked removed) and keeps
 * the older's id and first-seen time. Other articles are first seen `now` (an ISO instant from
 * the host's clock). `segments` are the corpus's loaded segments, in manifest order, grouped.
 * Texts are told apart by length and checksum (stored per article), and read only to confirm a match.
 * `addressKey` says when two addresses are one page (verdict/identity.ts; the engine's surface binds it).
 */
export function appendArticles(
  manifest: GrowingCorpusManifest, segments: readonly LoadedSegment[], incoming: readonly ArticleInput[], now: string, params: IndexParams,
  addressKey: (address: string) => string | null,
): AppendOutcome & { readonly name: string } {
  const byAddress = new Map<string, number>();
  const byText = new Map<string, Array<() => string>>();
  const ids = new Set<string>();
  const removed = manifest.segments.map((e) => new Set(e.removed));
  const fresh: ArticleInput[] = [];
  const stored: Array<{ segment: number; doc: number }> = [];
  segments.forEach(({ corpus }, segment) => {
    for (let doc = 0; doc < corpus.size; doc++) {
      if (corpus.isRemoved(doc)) continue;
      const meta = corpus.meta(doc);
      ids.add(meta.id);
      const key = meta.url === null ? null : addressKey(meta.url);
      if (key !== null) byAddress.set(key, stored.push({ segment, doc }) - 1);
      const [start, end] = corpus.textRange(doc);
      const textKey = `${end - start}:${corpus.textChecksum(doc)}`;
      byText.set(textKey, [...(byText.get(textKey) ?? []), () => corpus.article(doc).text]);
    }
  });
  const hasText = (text: string, key: string): boolean => (byText.get(key) ?? []).some((read) => read() === text);
  let added = 0;
  let replaced = 0;
  let duplicates = 0;
  for (const article of incoming) {
    const bytes = utf8.encode(article.text);
    const textKey = `${bytes.length}:${checksumBytes(bytes)}`;
    if (article.text.trim().length === 0 || hasText(article.text, textKey)) {
      duplicates++;
      continue;
    }
    const key = article.url === null ? null : addressKey(article.url);
    const older = key === null ? undefined : byAddress.get(key);
    let kept: ArticleInput;
    if (older !== undefined && older < 0) {
      // the address came twice in this batch: the later version wins
      const i = -older - 1;
      fresh[i] = { ...article, id: fresh[i]!.id, firstSeen: fresh[i]!.firstSeen };
      byText.set(textKey, [...(byText.get(textKey) ?? []), () => article.text]);
      continue;
    }
    if (older !== undefined) {
      const { segment, doc } = stored[older]!;
      const old = segments[segment]!.corpus.meta(doc);
      removed[segment]!.add(doc);
      kept = { ...article, id: old.id, firstSeen: old.firstSeen ?? now };
      replaced++;
    } else {
      kept = { ...article, id: freshId(article.id, ids), firstSeen: now };
      added++;
    }
    ids.add(kept.id);
    byText.set(textKey, [...(byText.get(textKey) ?? []), () => article.text]);
    if (key !== null) byAddress.set(key, -fresh.length - 1);
    fresh.push(kept);
  }
  const name = segmentName(manifest.nextSegment);
  const withRemovals = manifest.segments.map((e, i) => ({ ...e, removed: [...removed[i]!].sort((a, b) => a - b) }));
  if (fresh.length === 0) {
    return { segment: null, name, manifest: { ...manifest, segments: withRemovals }, added, replaced, duplicates };
  }
  const segment = buildSegment(fresh, params, backgroundOf(segments.map((s) => s.corpus)));
  return {
    segment, name,
    manifest: { ...manifest, segments: [...withRemovals, { name, articles: fresh.length, removed: [] }], nextSegment: manifest.nextSegment + 1 },
    added, replaced, duplicates,
  };
}

export function segmentName(n: number): string {
  return `seg-${String(n).padStart(6, '0')}.fhc`;
}

function freshId(id: string, taken: ReadonlySet<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  return out;
}

/** Tier of a segment: segments of about the same size share one, MERGE_FACTOR times apart. */
function tierOf(liveArticles: number): number {
  return Math.floor(Math.log(Math.max(1, liveArticles)) / Math.log(MERGE_FACTOR));
}

/**
 * The next merge due, as the names of adjacent segments to merge into one, or null: MERGE_FACTOR
 * segments of one tier in a row, or a segment half of whose articles are removed. Merging only
 * neighbours keeps the corpus's article order, which a merge of everything must reproduce.
 */
export function nextMerge(manifest: GrowingCorpusManifest): string[] | null {
  const entries = manifest.segments;
  const live = (e: SegmentEntry): number => e.articles - e.removed.length;
  for (let i = 0; i + MERGE_FACTOR <= entries.length; i++) {
    const tier = tierOf(live(entries[i]!));
    const run = entries.slice(i, i + MERGE_FACTOR);
    if (run.every((e) => tierOf(live(e)) === tier)) return run.map((e) => e.name);
  }
  const stale = entries.find((e) => e.removed.length > 0 && e.removed.length * 2 >= e.articles);
  return stale ? [stale.name] : null;
}

/** Every segment into one: what `compact` merges. */
export function allSegments(manifest: GrowingCorpusManifest): string[] {
  return manifest.segments.map((e) => e.name);
}

export interface MergeOutcome {
  /** The merged segment's bytes; null when nothing of the merged segments is left. */
  readonly segment: Uint8Array | null;
  readonly manifest: GrowingCorpusManifest;
}

/**
 * Merges the adjacent segments `names` into one new segment: their live articles, in order, with
 * distinctive terms and anchors chosen again with the corpus-wide document frequencies.
 */
export function mergeSegments(
  manifest: GrowingCorpusManifest, segments: readonly LoadedSegment[], names: readonly string[], params: IndexParams,
): MergeOutcome & { readonly name: string } {
  const at = names.map((n) => manifest.segments.findIndex((e) => e.name === n));
  if (at.length === 0 || at.some((i) => i < 0) || at.some((i, k) => k > 0 && i !== at[k - 1]! + 1)) throw new RangeError('merge: the segments are not adjacent segments of this corpus');
  const first = at[0]!;
  const last = at[at.length - 1]!;
  const merged: ArticleInput[] = [];
  for (let i = first; i <= last; i++) {
    const { corpus } = segments[i]!;
    const removed = new Set(manifest.segments[i]!.removed);
    for (let doc = 0; doc < corpus.size; doc++) if (!removed.has(doc)) merged.push(corpus.article(doc));
  }
  const others = segments.filter((_, i) => i < first || i > last).map((s) => s.corpus);
  const name = segmentName(manifest.nextSegment);
  const replacement = merged.length === 0 ? [] : [{ name, articles: merged.length, removed: [] }];
  return {
    segment: merged.length === 0 ? null : buildSegment(merged, params, backgroundOf(others)),
    name,
    manifest: { ...manifest, segments: [...manifest.segments.slice(0, first), ...replacement, ...manifest.segments.slice(last + 1)], nextSegment: manifest.nextSegment + 1 },
  };
}

/**
 * Retention over the whole corpus: articles first seen more than `maxAgeDays` before `now` are
 * marked removed, then the oldest first-seen until the stored text and metadata fit `maxBytes`.
 * Articles with no first-seen time (built at once, imported) never expire. The next merge of
 * their segments drops them (a segment half removed is merged on its own, see nextMerge).
 */
export function applyRetention(
  manifest: GrowingCorpusManifest, segments: readonly LoadedSegment[], now: string, retention: Retention,
): { manifest: GrowingCorpusManifest; expired: number } {
  const removed = manifest.segments.map((e) => new Set(e.removed));
  const expired = expire(segments, removed, Date.parse(now), retention);
  if (expired === 0) return { manifest, expired };
  return { manifest: { ...manifest, segments: manifest.segments.map((e, i) => ({ ...e, removed: [...removed[i]!].sort((x, y) => x - y) })) }, expired };
}

/** Marks the live articles with these ids removed (a host's own retention, e.g. by count). */
export function removeArticles(manifest: GrowingCorpusManifest, segments: readonly LoadedSegment[], ids: ReadonlySet<string>): { manifest: GrowingCorpusManifest; removed: number } {
  let count = 0;
  const entries = manifest.segments.map((entry, i) => {
    const corpus = segments[i]!.corpus;
    const removed = new Set(entry.removed);
    for (let doc = 0; doc < corpus.size; doc++) {
      if (!removed.has(doc) && ids.has(corpus.meta(doc).id)) {
        removed.add(doc);
        count++;
      }
    }
    return { ...entry, removed: [...removed].sort((a, b) => a - b) };
  });
  return { manifest: count === 0 ? manifest : { ...manifest, segments: entries }, removed: count };
}

/** Marks expired articles in `removed`; returns how many. */
function expire(segments: readonly LoadedSegment[], removed: Set<number>[], now: number, retention: Retention): number {
  const cutoff = now - retention.maxAgeDays * DAY_MS;
  const aging: Array<{ segment: number; doc: number; seen: number; bytes: number }> = [];
  let bytes = 0;
  let expired = 0;
  segments.forEach(({ corpus }, segment) => {
    for (let doc = 0; doc < corpus.size; doc++) {
      if (removed[segment]!.has(doc)) continue;
      const [start, end] = corpus.textRange(doc);
      const size = end - start + corpus.metaBytes(doc);
      const firstSeen = corpus.meta(doc).firstSeen;
      const seen = firstSeen ? Date.parse(firstSeen) : NaN;
      if (Number.isFinite(seen) && seen < cutoff) {
        removed[segment]!.add(doc);
        expired++;
        continue;
      }
      bytes += size;
      if (Number.isFinite(seen)) aging.push({ segment, doc, seen, bytes: size });
    }
  });
  aging.sort((a, b) => a.seen - b.seen || a.segment - b.segment || a.doc - b.doc);
  for (const a of aging) {
    if (bytes <= retention.maxBytes) break;
    removed[a.segment]!.add(a.doc);
    bytes -= a.bytes;
    expired++;
  }
  return expired;
}
