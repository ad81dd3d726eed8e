/**
 * simhash-js: a 32-bit SimHash per article, compared by Hamming similarity in a scan.
 */
import { createRequire } from 'node:module';
import type { ArticleInput } from '../../engine/index.js';
import type { QueryPage } from '../query-pages.js';
import type { QueryAnswer, Runner, RunnerSizes } from '../runner.js';

interface SimhashModule {
  SimHash: new () => { hash(text: string): number };
  Comparator: { similarity(a: number, b: number): number };
}
const simhash = createRequire(import.meta.url)('simhash-js') as SimhashModule;

export function createSimhashRunner(): Runner {
  const hasher = new simhash.SimHash();
  let hashes = new Uint32Array(0);
  return {
    name: 'simhash-js',
    build(articles: readonly ArticleInput[]) {
      hashes = Uint32Array.from(articles, (a) => hasher.hash(a.text) >>> 0);
    },
    query(page: QueryPage): QueryAnswer {
      const q = hasher.hash(page.text);
      let top: number | null = null;
      let score = -1;
      for (let i = 0; i < hashes.length; i++) {
        const s = simhash.Comparator.similarity(q, hashes[i]!);
        // First best wins a tie, as a straightforward scan would report it.
        if (s > score) [top, score] = [i, s];
      }
      return { top, score: Math.max(0, score) };
    },
    sizes(): RunnerSizes {
      return { indexDiskBytes: hashes.byteLength };
    },
  };
}
