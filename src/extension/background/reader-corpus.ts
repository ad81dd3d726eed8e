/**
 * The reader's own corpus: the one place articles are added to it, whether followed sources
 * brought them, the reader checked them with "Remember what I read" on, or pressed "Add this
 * page". It is a growing corpus (engine/retrieve/grow.ts) kept in IndexedDB (reader-segments.ts):
 * each change appends its articles as a small segment, merges the segments the engine says are
 * due, applies the reader's retention, and commits the segment list last. A change never reads
 * every article: only the heads, the texts of stored articles whose text checksum matches a new
 * one, and the texts of the segments a merge rewrites.
 *
 * The same address (as following tells addresses apart, item-key.ts) is stored once: an updated
 * text replaces the older version and keeps its id and first-seen time. The same text (exactly)
 * is stored once: a copy at another address is not added. How an article came in is the start of
 * its id (`followed-…`, `read-…`, `added-…`), kept by the segments themselves.
 */
import {
  ArticleTextMissingError, backgroundOf, buildSegment, DEFAULT_INDEX_PARAMS, EMPTY_MANIFEST, groupSegments, loadCorpusHead, segmentName,
  type ArticleInput, type ArticleTextSource, type Corpus, type GrowingCorpusManifest, type SegmentHost,
} from '../../engine/index.js';
// The growing corpus with following's address key, which keeps an article's own query (`story.php?id=123`).
import { growCorpus } from '../../engine/retrieve/grow.js';
import { MERGE_FACTOR } from '../../engine/retrieve/growing-corpus.js';
import { checksumBytes } from '../../engine/fingerprint/corpus-file.js';
import { itemKey } from '../../follow/item-key.js';
import { shortHash } from '../../follow/short-hash.js';
import type { CorpusStore } from '../corpus-store.js';
import type { StorageArea } from '../storage-area.js';
import { StoredTexts } from '../stored-texts.js';
import { ChangeTexts, mergesLikelyDue } from './change-texts.js';
import { readRetention, retentionOf, writeRetention, type ReaderRetention } from './reader-retention.js';
import type { LegacyReaderArticle, ReaderSegmentStore, SegmentHead } from './reader-segments.js';

/** How an article came into the reader's corpus. */
export type ArticleOrigin = 'followed' | 'read' | 'added';
const ORIGINS: readonly ArticleOrigin[] = ['followed', 'read', 'added'];

/** What the corpus needs of an article, and no more. */
export interface NewReaderArticle {
  readonly url: string;
  readonly title: string;
  readonly outlet: string | null;
  /** Publication instant or date; null when unknown. */
  readonly published: string | null;
  /** The text as checks compare it (headline first, see extract/page-text.ts). */
  readonly text: string;
  readonly origin: ArticleOrigin;
}

export interface ReaderArticle extends NewReaderArticle {
  readonly id: string;
  /** When this corpus first saw the article (ISO instant): a clock no page can set. */
  readonly firstSeen: string;
}

export interface AddOutcome {
  readonly added: number;
  readonly replaced: number;
  /** Already stored (same address and text, or the same text at another address). */
  readonly unchanged: number;
  /** The id each article is stored under, in the order given; null when its text is stored under another address. */
  readonly ids: ReadonlyArray<string | null>;
  /** What became of each article, in the order given. */
  readonly outcomes: ReadonlyArray<'added' | 'replaced' | 'unchanged'>;
}

export interface ReaderCorpusSummary {
  readonly articles: number;
  readonly byOrigin: Readonly<Record<ArticleOrigin, number>>;
  /** Bytes of stored text and metadata: what retention's size limit counts. */
  readonly bytes: number;
  readonly retention: ReaderRetention;
}

/** One segment of the reader's corpus as a check uses it (see loaded-corpora.ts). */
export interface ReaderCorpusSegment {
  /** Changes whenever the segment's articles do: a cached verdict made with another is not reused. */
  readonly id: string;
  /** Grouped with the other segments (a shared boilerplate cut, removed articles skipped). */
  readonly corpus: Corpus;
  /** Its texts, read for a check's candidates. */
  readonly texts: StoredTexts;
  /** Live articles in it. */
  readonly articles: number;
}

export interface ReaderCorpus {
  add(articles: readonly NewReaderArticle[]): Promise<AddOutcome>;
  /** Removes the articles with these ids; answers how many there were. */
  remove(ids: readonly string[]): Promise<number>;
  /** Removes every article of these origins (all of them when none is given); answers how many. */
  clear(origins?: readonly ArticleOrigin[]): Promise<number>;
  summary(): Promise<ReaderCorpusSummary>;
  /** Stores the reader's retention (throws the reason for one out of bounds) and applies it at once. */
  setRetention(retention: unknown): Promise<ReaderCorpusSummary>;
  /** The corpus as checks look it up: its segments, texts read on demand; the same array until the corpus changes. */
  segments(): Promise<ReaderCorpusSegment[]>;
  /** Every article with its text, oldest segment first. */
  articles(): Promise<ReaderArticle[]>;
}

/** Ids of the reader's corpus among the corpora a check uses start so. */
export const READER_CORPUS_PREFIX = 'reader-';
export const READER_CORPUS_NAME = 'Your corpus (followed sources and pages you kept)';

/** The reader's corpus, or version 1's index of it in the corpus store (removed once migrated). */
export const isReaderCorpusId = (id: string): boolean => id.startsWith(READER_CORPUS_PREFIX);

export function originOf(id: string): ArticleOrigin {
  return ORIGINS.find((o) => id.startsWith(`${o}-`)) ?? 'followed';
}

export interface ReaderCorpusDeps {
  store: ReaderSegmentStore;
  /** Where version 1 kept its rebuilt index (rows whose id isReaderCorpusId): emptied of it once migrated. */
  corpusStore: CorpusStore;
  /** Where the reader's retention is kept (storage.local). */
  settings: StorageArea;
  now(): Date;
  /** Told after each committed change, so a check engine elsewhere (Chrome's offscreen document) reads the corpus again. */
  changed?(): void;
}

interface Classified {
  readonly incoming: ArticleInput[];
  readonly outcome: AddOutcome;
}

const utf8 = new TextEncoder();
const textKeyOf = (bytes: number, checksum: number): string => `${bytes}:${checksum}`;
const NO_TEXTS: ArticleTextSource = { read: () => undefined };

export function readerCorpus(deps: ReaderCorpusDeps): ReaderCorpus {
  // One change at a time: a follow run and a checked page may add at once, and each change starts from the committed list.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  /** Heads by segment name: a name is never reused for other bytes once listed. */
  const heads = new Map<string, SegmentHead>();
  let committed: Promise<GrowingCorpusManifest> | null = null;
  let view: Promise<ReaderCorpusSegment[]> | null = null;

  /** The heads of these segments, the ones not in memory read in one transaction. */
  const headsOf = async (names: readonly string[]): Promise<SegmentHead[]> => {
    const missing = names.filter((name) => !heads.has(name));
    for (const head of await deps.store.heads(missing)) heads.set(head.name, head);
    return names.map((name) => heads.get(name)!);
  };
  const headOf = async (name: string): Promise<SegmentHead> => (await headsOf([name]))[0]!;

  /** The segments of `manifest`, opened and grouped, their texts read through `texts`. */
  async function open(manifest: GrowingCorpusManifest, texts: (name: string, textBytes: number) => ArticleTextSource): Promise<Corpus[]> {
    const stored = await headsOf(manifest.segments.map((e) => e.name));
    return groupSegments(manifest, stored.map(({ name, head, textBytes }) => ({ name, corpus: loadCorpusHead(head, texts(name, textBytes)) })));
  }

  /** The committed list, after a migration of version 1's records and the removal of what a stopped change left. */
  function current(): Promise<GrowingCorpusManifest> {
    committed ??= (async () => {
      const manifest = (await deps.store.manifest()) ?? (await migrate(await deps.store.legacyArticles()));
      const listed = new Set(manifest.segments.map((e) => e.name));
      await deps.store.discard((await deps.store.storedNames()).filter((name) => !listed.has(name)));
      return manifest;
    })().catch((error: unknown) => {
      committed = null;
      throw error;
    });
    return committed;
  }

  /**
   * Version 1's records become the first segment, each keeping its id and first-seen time; its list
   * is committed with the records' deletion, so a stop before that leaves the records to do it again.
   */
  async function migrate(legacy: readonly LegacyReaderArticle[]): Promise<GrowingCorpusManifest> {
    let manifest = EMPTY_MANIFEST;
    const articles: ArticleInput[] = legacy
      .filter((r) => typeof r.id === 'string' && typeof r.url === 'string' && typeof r.text === 'string' && r.text.trim() !== '')
      .sort((a, b) => String(a.firstSeen).localeCompare(String(b.firstSeen)) || (a.id < b.id ? -1 : 1))
      .map((r) => ({
        id: r.id, title: typeof r.title === 'string' ? r.title : r.url, outlet: r.outlet ?? null, published: r.published ?? null, url: r.url, text: r.text,
        ...(typeof r.firstSeen === 'string' ? { firstSeen: r.firstSeen } : {}),
      }));
    if (articles.length > 0) {
      const name = segmentName(manifest.nextSegment);
      heads.set(name, await deps.store.write(name, buildSegment(articles, DEFAULT_INDEX_PARAMS, backgroundOf([]))));
      manifest = { ...manifest, segments: [{ name, articles: articles.length, removed: [] }], nextSegment: manifest.nextSegment + 1 };
    }
    await deps.store.commit(manifest);
    // version 1's index, rebuilt from the records: the segments replace it
    for (const row of await deps.corpusStore.all()) if (isReaderCorpusId(row.id)) await deps.corpusStore.remove(row.id).catch(() => undefined);
    return manifest;
  }

  /** A change to the committed corpus: append `incoming`, drop `remove`, apply retention, merge what is due. */
  async function change(incoming: readonly ArticleInput[], remove: ReadonlySet<string>, texts: ChangeTexts): Promise<void> {
    const start = await current();
    if (start.segments.length === 0 && incoming.length === 0) return;
    const retention = retentionOf(await readRetention(deps.settings));
    const now = deps.now().toISOString();
    const written = new Set<string>();
    const host: SegmentHost = {
      load: async (name) => {
        const { head, textBytes } = await headOf(name);
        return loadCorpusHead(head, texts.source(name, textBytes));
      },
      async write(name, bytes) {
        heads.delete(name);
        written.add(name);
        heads.set(name, await deps.store.write(name, bytes));
      },
      async commit(manifest) {
        await deps.store.commit(manifest);
        committed = Promise.resolve(manifest);
        view = null;
        deps.changed?.();
      },
      async discard(names) {
        for (const name of names) heads.delete(name);
        // what is left here is deleted by the next start (see current)
        await deps.store.discard(names).catch(() => undefined);
      },
    };
    for (const name of mergesLikelyDue(start, incoming.length)) await texts.readWhole(name, (await headOf(name)).textBytes);
    for (let attempt = 0; ; attempt++) {
      try {
        await growCorpus(host, start, incoming, { now, retention, remove }, itemKey);
        break;
      } catch (error) {
        const missed = texts.takeMissed();
        if (!(error instanceof ArticleTextMissingError) || missed.length === 0 || attempt > start.segments.length) {
          // Nothing was committed: the list read afresh next time, what this change wrote deleted then.
          for (const name of written) heads.delete(name);
          committed = null;
          view = null;
          throw error;
        }
        // A merge needs these segments' texts: they and the segments after them a merge takes along are read whole, and the change runs again.
        const names = start.segments.map((e) => e.name);
        const wanted = new Set<string>();
        for (const name of missed) {
          const at = names.indexOf(name);
          for (const n of at < 0 ? [name] : names.slice(at, at + MERGE_FACTOR)) wanted.add(n);
        }
        for (const name of wanted) await texts.readWhole(name, (await headOf(name)).textBytes);
      }
    }
  }

  /** What becomes of each new article, and the articles the engine is to append (one per address, stored ids given). */
  async function classify(articles: readonly NewReaderArticle[], texts: ChangeTexts): Promise<Classified> {
    const manifest = await current();
    const corpora = await open(manifest, (name, textBytes) => texts.source(name, textBytes));
    const names = manifest.segments.map((e) => e.name);
    const newTextKeys = new Map(articles.map((a) => {
      const bytes = utf8.encode(a.text);
      return [a, textKeyOf(bytes.length, checksumBytes(bytes))] as const;
    }));
    const wantedKeys = new Set(newTextKeys.values());
    const byAddress = new Map<string, string>();
    const byText = new Map<string, Array<{ id: string; address: string | null; text: () => string }>>();
    const ids = new Set<string>();
    for (const [s, corpus] of corpora.entries()) {
      const reads: Array<readonly [number, number]> = [];
      for (let doc = 0; doc < corpus.size; doc++) {
        if (corpus.isRemoved(doc)) continue;
        const meta = corpus.meta(doc);
        ids.add(meta.id);
        const address = meta.url === null ? null : itemKey(meta.url);
        if (address !== null) byAddress.set(address, meta.id);
        const [start, end] = corpus.textRange(doc);
        const key = textKeyOf(end - start, corpus.textChecksum(doc));
        if (!wantedKeys.has(key)) continue;
        // a text of the same length and checksum: read, to tell the same text from a collision
        reads.push([start, end]);
        byText.set(key, [...(byText.get(key) ?? []), { id: meta.id, address, text: () => corpus.article(doc).text }]);
      }
      if (reads.length > 0) await texts.read(names[s]!, reads);
    }

    const incoming: ArticleInput[] = [];
    /** What each of `incoming` is: a new address, or a new version of a stored one. */
    const kinds: Array<'added' | 'replaced'> = [];
    const batch = new Map<string, number>();
    /** The id each article is stored under (null: its text is stored under another address). */
    const storedAs: Array<string | null> = [];
    const outcomes: Array<'added' | 'replaced' | 'unchanged'> = [];
    for (const article of articles) {
      const address = itemKey(article.url);
      const textKey = newTextKeys.get(article)!;
      const sameText = article.text.trim() === '' ? undefined : (byText.get(textKey) ?? []).find((t) => t.text() === article.text);
      if (article.text.trim() === '' || sameText !== undefined) {
        storedAs.push(sameText !== undefined && sameText.address === address ? sameText.id : null);
        outcomes.push('unchanged');
        continue;
      }
      const earlier = batch.get(address);
      const stored = byAddress.get(address);
      let id: string;
      if (earlier !== undefined) {
        // the address came twice: the later version wins (the engine does the same)
        id = incoming[earlier]!.id;
        incoming[earlier] = toInput(article, id);
        outcomes.push(kinds[earlier]!);
      } else {
        id = stored ?? freshId(`${article.origin}-${shortHash(address)}`, ids);
        ids.add(id);
        batch.set(address, incoming.push(toInput(article, id)) - 1);
        kinds.push(stored === undefined ? 'added' : 'replaced');
        outcomes.push(kinds[kinds.length - 1]!);
      }
      storedAs.push(id);
      byText.set(textKey, [...(byText.get(textKey) ?? []), { id, address, text: () => article.text }]);
    }
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    return { incoming, outcome: { added: count('added'), replaced: count('replaced'), unchanged: outcomes.filter((o) => o === 'unchanged').length, ids: storedAs, outcomes } };
  }

  /** Ids of the live articles. */
  async function liveIds(): Promise<string[]> {
    const out: string[] = [];
    for (const corpus of await open(await current(), () => NO_TEXTS)) {
      for (let doc = 0; doc < corpus.size; doc++) if (!corpus.isRemoved(doc)) out.push(corpus.meta(doc).id);
    }
    return out;
  }

  async function removeIds(wanted: (id: string) => boolean): Promise<number> {
    const gone = new Set((await liveIds()).filter(wanted));
    if (gone.size === 0) return 0;
    await change([], gone, new ChangeTexts(deps.store));
    return gone.size;
  }

  /** Everything goes, even from a corpus that no longer loads (a damaged list): the reader can always start again. */
  async function clearAll(): Promise<number> {
    let count = 0;
    let nextSegment = EMPTY_MANIFEST.nextSegment;
    try {
      const manifest = await current();
      if (manifest.segments.length === 0) return 0;
      count = (await liveIds()).length;
      nextSegment = manifest.nextSegment;
    } catch {
      // unreadable: cleared all the same
    }
    const empty = { ...EMPTY_MANIFEST, nextSegment };
    await deps.store.commit(empty);
    committed = Promise.resolve(empty);
    view = null;
    deps.changed?.();
    heads.clear();
    await deps.store.discard(await deps.store.storedNames()).catch(() => undefined);
    return count;
  }

  async function segments(): Promise<ReaderCorpusSegment[]> {
    view ??= (async () => {
      const manifest = await current();
      return checkedSegments(manifest, await headsOf(manifest.segments.map((e) => e.name)), deps.store);
    })().catch((error: unknown) => {
      view = null;
      throw error;
    });
    return view;
  }

  async function summary(): Promise<ReaderCorpusSummary> {
    const byOrigin: Record<ArticleOrigin, number> = { followed: 0, read: 0, added: 0 };
    let articles = 0;
    let bytes = 0;
    for (const { corpus } of await segments()) {
      for (let doc = 0; doc < corpus.size; doc++) {
        if (corpus.isRemoved(doc)) continue;
        const [start, end] = corpus.textRange(doc);
        bytes += end - start + corpus.metaBytes(doc);
        byOrigin[originOf(corpus.meta(doc).id)]++;
        articles++;
      }
    }
    return { articles, byOrigin, bytes, retention: await readRetention(deps.settings) };
  }

  /** Whether retention would remove an article now: a follow run that brings nothing new still lets the old ones go. */
  async function retentionDue(): Promise<boolean> {
    const { maxAgeDays, maxBytes } = retentionOf(await readRetention(deps.settings));
    const cutoff = deps.now().getTime() - maxAgeDays * 86_400_000;
    let bytes = 0;
    for (const { corpus } of await segments()) {
      for (let doc = 0; doc < corpus.size; doc++) {
        if (corpus.isRemoved(doc)) continue;
        const [start, end] = corpus.textRange(doc);
        bytes += end - start + corpus.metaBytes(doc);
        const seen = Date.parse(corpus.meta(doc).firstSeen ?? '');
        if (seen < cutoff || bytes > maxBytes) return true;
      }
    }
    return false;
  }

  return {
    add: (articles) =>
      serial(async () => {
        const texts = new ChangeTexts(deps.store);
        const { incoming, outcome } = await classify(articles, texts);
        if (incoming.length > 0 || (await retentionDue())) await change(incoming, new Set(), texts);
        return outcome;
      }),
    remove: (ids) => serial(() => removeIds((id) => ids.includes(id))),
    clear: (origins) => serial(() => (origins === undefined ? clearAll() : removeIds((id) => origins.includes(originOf(id))))),
    summary,
    async setRetention(retention) {
      await writeRetention(deps.settings, retention);
      await serial(() => change([], new Set(), new ChangeTexts(deps.store)));
      return summary();
    },
    segments,
    async articles() {
      const out: ReaderArticle[] = [];
      for (const { corpus, texts } of await segments()) {
        await texts.load(Array.from({ length: corpus.size }, (_, doc) => corpus.textRange(doc)));
        for (let doc = 0; doc < corpus.size; doc++) {
          if (corpus.isRemoved(doc)) continue;
          const a = corpus.article(doc);
          out.push({ id: a.id, url: a.url ?? '', title: a.title, outlet: a.outlet, published: a.published, text: a.text, origin: originOf(a.id), firstSeen: a.firstSeen ?? '' });
        }
      }
      return out;
    },
  };
}

function toInput(article: NewReaderArticle, id: string): ArticleInput {
  return { id, title: article.title, outlet: article.outlet, published: article.published, url: article.url, text: article.text };
}

function freshId(id: string, taken: ReadonlySet<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  return out;
}

/** The segments of `manifest` (their `heads` in its order) as checks look them up, texts read from `store` on demand. */
function checkedSegments(manifest: GrowingCorpusManifest, heads: readonly SegmentHead[], store: ReaderSegmentStore): ReaderCorpusSegment[] {
  const texts = heads.map(({ name, textBytes }) => new StoredTexts(store, name, textBytes));
  const corpora = groupSegments(manifest, heads.map(({ name, head }, i) => ({ name, corpus: loadCorpusHead(head, texts[i]!) })));
  return manifest.segments.map((entry, i) => ({
    id: `${READER_CORPUS_PREFIX}${entry.name}-${entry.removed.length}`, corpus: corpora[i]!, texts: texts[i]!, articles: entry.articles - entry.removed.length,
  }));
}

/** The reader's corpus as another context's checks read it: its committed segments, never changed from there. */
export interface ReaderCorpusView {
  segments(): Promise<ReaderCorpusSegment[]>;
  /** Drops what was read, after the owner committed a change (see ReaderCorpusDeps.changed). */
  forget(): void;
}

/**
 * A read-only view of the committed corpus, for Chrome's offscreen engine: the owning worker alone
 * migrates, appends, merges and deletes (one writer), so the view reads the list as committed and
 * before a migration shows nothing. A segment deleted under a read makes that read fail; the check
 * lists the corpus as unreadable, and the owner's next change notice reloads it.
 */
export function readerCorpusView(store: ReaderSegmentStore): ReaderCorpusView {
  let view: Promise<ReaderCorpusSegment[]> | null = null;
  return {
    segments() {
      view ??= (async () => {
        const manifest = (await store.manifest()) ?? EMPTY_MANIFEST;
        return checkedSegments(manifest, await store.heads(manifest.segments.map((e) => e.name)), store);
      })().catch((error: unknown) => {
        view = null;
        throw error;
      });
      return view;
    },
    forget() {
      view = null;
    },
  };
}
