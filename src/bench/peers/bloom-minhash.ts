/**
 * bloom-filters' MinHash (128 permutations). The library has no LSH index, so a
 * query scans every signature: the most-downloaded MinHash, used as documented.
 */
import { createRequire } from 'node:module';
import type { MinHash } from 'bloom-filters';
import type { ArticleInput } from '../../engine/index.js';
import type { QueryPage } from '../query-pages.js';
import { fnv1a, naiveWords, wordShingles, type QueryAnswer, type Runner, type RunnerSizes } from '../runner.js';

// A CommonJS package whose named exports Node's ESM loader cannot see.
const { MinHashFactory } = createRequire(import.meta.url)('bloom-filters') as typeof import('bloom-filters');

export function createBloomMinHashRunner(permutations = 128): Runner {
  // Unseeded randomness inside the factory: the hash functions would have to ship with any saved index.
  const factory = new MinHashFactory(permutations, 0xffffffff);
  let signatures: MinHash[] = [];

  const sign = (text: string): MinHash => {
    const sketch = factory.create();
    const values = [...new Set(wordShingles(naiveWords(text)).map(fnv1a))];
    if (values.length > 0) sketch.bulkLoad(values);
    return sketch;
  };

  return {
    name: 'bloom-filters MinHash (scan)',
    build(articles: readonly ArticleInput[]) {
      signatures = articles.map((a) => sign(a.text));
    },
    query(page: QueryPage): QueryAnswer {
      const q = sign(page.text);
      let top: number | null = null;
      let score = -1;
      for (let i = 0; i < signatures.length; i++) {
        const s = q.compareWith(signatures[i]!);
        if (s > score) {
          score = s;
          top = i;
        }
      }
      return { top, score: Math.max(0, score) };
    },
    sizes(): RunnerSizes {
      // The signature alone as u32s; the library's own JSON (saveAsJSON) repeats all hash functions in each one.
      return { indexDiskBytes: signatures.length * permutations * 4 };
    },
  };
}
