/**
 * The stored texts one change to the reader's corpus reads, and no others: those of stored articles
 * a new one may repeat, and those of the segments its merges rewrite, read ahead where the engine's
 * merge schedule says (see reader-corpus.ts).
 */
import { nextMerge, type ArticleTextSource, type GrowingCorpusManifest } from '../../engine/index.js';
import { StoredTexts } from '../stored-texts.js';
import type { ReaderSegmentStore } from './reader-segments.js';

/**
 * The stored segments the merges after appending `appended` articles will rewrite, as the engine's
 * schedule (nextMerge) has them when nothing is replaced or expired on the way: their texts are read
 * before the change, so it need not run again for them (it still does, for what this misses).
 */
export function mergesLikelyDue(start: GrowingCorpusManifest, appended: number): string[] {
  const stored = new Set(start.segments.map((e) => e.name));
  let manifest: GrowingCorpusManifest = appended === 0 ? start : {
    ...start, segments: [...start.segments, { name: ' appended', articles: appended, removed: [] }],
  };
  const due: string[] = [];
  for (let merged = 0; ; merged++) {
    const names = nextMerge(manifest);
    if (names === null) return due;
    due.push(...names.filter((n) => stored.has(n)));
    const first = manifest.segments.findIndex((e) => e.name === names[0]);
    const run = manifest.segments.slice(first, first + names.length);
    const live = run.reduce((n, e) => n + e.articles - e.removed.length, 0);
    const rest = [...manifest.segments.slice(0, first), ...manifest.segments.slice(first + names.length)];
    rest.splice(first, 0, ...(live === 0 ? [] : [{ name: ` merged ${merged}`, articles: live, removed: [] }]));
    manifest = { ...manifest, segments: rest };
  }
}

/**
 * The texts one change reads: of stored articles a new one may repeat, and of the segments a merge
 * rewrites. Which segments a merge takes is the engine's to decide: a read of a text not in memory
 * is noted, so the change can read that segment and run again (see change in reader-corpus.ts).
 */
export class ChangeTexts {
  readonly #texts = new Map<string, StoredTexts>();
  #missed = new Set<string>();

  constructor(private readonly store: ReaderSegmentStore) {}

  #of(name: string, textBytes: number): StoredTexts {
    let texts = this.#texts.get(name);
    if (texts === undefined) this.#texts.set(name, (texts = new StoredTexts(this.store, name, textBytes, Infinity)));
    return texts;
  }

  source(name: string, textBytes: number): ArticleTextSource {
    const texts = this.#of(name, textBytes);
    return {
      read: (start, end) => {
        const bytes = texts.read(start, end);
        if (bytes === undefined) this.#missed.add(name);
        return bytes;
      },
    };
  }

  read(name: string, ranges: ReadonlyArray<readonly [number, number]>): Promise<void> {
    return this.#texts.get(name)!.load(ranges);
  }

  readWhole(name: string, textBytes: number): Promise<void> {
    return this.#of(name, textBytes).load([[0, textBytes]]);
  }

  takeMissed(): string[] {
    const missed = [...this.#missed];
    this.#missed = new Set();
    return missed;
  }
}
