/**
 * The `minhash` package: MinHash (128 permutations) + LshIndex (bands of 4),
 * the only npm package offering "find similar documents" through LSH.
 */
import { createRequire } from 'node:module';
import type { ArticleInput } from '../../engine/index.js';
import type { QueryPage } from '../query-pages.js';
import { naiveWords, wordShingles, type QueryAnswer, type Runner, type RunnerSizes } from '../runner.js';

interface Minhash {
  hashvalues: number[];
  update(value: string): void;
  jaccard(other: Minhash): number;
}
interface LshIndex {
  index: Record<string, string[]>;
  insert(key: string, minhash: Minhash): void;
  getHashbands(minhash: Minhash): string[];
}
interface MinhashModule {
  Minhash: new (config?: { numPerm?: number; seed?: number }) => Minhash;
  LshIndex: new (args?: { bandSize?: number }) => LshIndex;
}

const minhashModule = createRequire(import.meta.url)('minhash') as MinhashModule;

export function createMinhashLshRunner(bandSize = 4): Runner {
  let lsh = new minhashModule.LshIndex({ bandSize });
  let signatures: Minhash[] = [];

  const sign = (text: string): Minhash => {
    const m = new minhashModule.Minhash();
    for (const shingle of new Set(wordShingles(naiveWords(text)))) m.update(shingle);
    return m;
  };

  return {
    name: 'minhash MinHash + LSH',
    build(articles: readonly ArticleInput[]) {
      lsh = new minhashModule.LshIndex({ bandSize });
      signatures = articles.map((a, i) => {
        const m = sign(a.text);
        lsh.insert(String(i), m);
        return m;
      });
    },
    query(page: QueryPage): QueryAnswer {
      const q = sign(page.text);
      // LshIndex.query() throws a TypeError as soon as one of the page's bands is
      // absent from the index (every unrelated or partly copied page), so the
      // lookup is done band by band here, skipping absent bands: the fix any user must make.
      const candidates = new Set<string>();
      for (const band of lsh.getHashbands(q)) {
        const keys = Object.prototype.hasOwnProperty.call(lsh.index, band) ? lsh.index[band] : undefined;
        if (keys !== undefined) for (const k of keys) candidates.add(k);
      }
      let top: number | null = null;
      let score = 0;
      for (const key of candidates) {
        const i = Number(key);
        const s = q.jaccard(signatures[i]!);
        if (top === null || s > score) {
          score = s;
          top = i;
        }
      }
      return { top, score };
    },
    sizes(): RunnerSizes {
      // Signature values are < 2^33 (the package's prime), so 8 bytes each at best; plus the band keys as strings.
      let bandBytes = 0;
      for (const [band, keys] of Object.entries(lsh.index)) bandBytes += band.length + keys.length * 4;
      return { indexDiskBytes: signatures.length * 128 * 8 + bandBytes };
    },
  };
}
