import type { ReaderSegmentStore } from '../../../src/extension/background/reader-segments.js';

/** A store whose writes (or commits) fail from the n-th on, as a worker stopped mid-change would leave it. */
export function failing(store: ReaderSegmentStore) {
  const counts = { writes: 0, commits: 0, textChunks: 0 };
  let failWrite: number | null = null;
  let failCommit: number | null = null;
  const wrapped: ReaderSegmentStore = {
    ...store,
    async write(name, bytes) {
      if (failWrite !== null && counts.writes >= failWrite) throw new Error('the worker stopped');
      counts.writes++;
      return store.write(name, bytes);
    },
    async commit(manifest) {
      if (failCommit !== null && counts.commits >= failCommit) throw new Error('the worker stopped');
      counts.commits++;
      return store.commit(manifest);
    },
    textChunks(name, chunks) {
      counts.textChunks += chunks.length;
      return store.textChunks(name, chunks);
    },
  };
  return {
    store: wrapped, counts,
    failWritesFrom(n: number | null) {
      failWrite = n === null ? null : counts.writes + n;
    },
    failCommitsFrom(n: number | null) {
      failCommit = n === null ? null : counts.commits + n;
    },
  };
}

