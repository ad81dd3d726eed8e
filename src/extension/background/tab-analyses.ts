/**
 * The latest verdict per tab, with what identifies the text it was made from: kept in this
 * worker's memory and in `deps.cache` (storage.session) for the next worker, since Chrome stops
 * an idle one after 30 seconds.
 */
import type { Analysis } from '../analysis.js';
import type { StorageArea } from '../storage-area.js';

export interface CachedAnalysis {
  url: string;
  textSha256: string;
  /** Ids of the corpora checked: importing or removing one makes the entry stale. */
  corpora: string;
  analysis: Analysis;
}

const cacheKey = (tabId: number): string => `analysis:${tabId}`;

export interface TabAnalyses {
  get(tabId: number): Promise<CachedAnalysis | null>;
  set(tabId: number, entry: CachedAnalysis): void;
  forget(tabId: number): Promise<void>;
}

export function tabAnalyses(cache: StorageArea): TabAnalyses {
  const remembered = new Map<number, CachedAnalysis>();
  return {
    async get(tabId) {
      const known = remembered.get(tabId);
      if (known !== undefined) return known;
      const entry = (await cache.get(cacheKey(tabId)))[cacheKey(tabId)] as CachedAnalysis | undefined;
      return entry ?? null;
    },
    set(tabId, entry) {
      remembered.set(tabId, entry);
      // Written after the answer: reports and highlights read the in-memory copy meanwhile.
      cache.set({ [cacheKey(tabId)]: entry }).catch(() => undefined);
    },
    async forget(tabId) {
      remembered.delete(tabId);
      await cache.remove(cacheKey(tabId));
    },
  };
}
