/**
 * @dodona/dolos-core's FingerprintIndex (winnowing, k = 5 words, window 4): the
 * maintained MOSS-style index. Its public API only compares all pairs, so a
 * query is added to the index as a file and its shared fingerprints are
 * counted per corpus file. dolos has no remove: queries stay in the index.
 */
import { File, FingerprintIndex, Region, TokenizedFile } from '@dodona/dolos-core';
import type { ArticleInput } from '../../engine/index.js';
import type { QueryPage } from '../query-pages.js';
import { naiveWords, type QueryAnswer, type Runner, type RunnerSizes } from '../runner.js';

export function createDolosRunner(k = 5, window = 4): Runner {
  let index = new FingerprintIndex(k, window, false);
  const fileIndex = new Map<number, number>();
  let queries = 0;

  const tokenized = (path: string, text: string): TokenizedFile => {
    const words = naiveWords(text);
    // One region per word in a single "line": dolos only needs them ordered.
    const mapping = words.map((_, i) => new Region(0, i, 0, i + 1));
    return new TokenizedFile(new File(path, text), words, mapping);
  };

  return {
    name: 'dolos-core winnowing',
    build(articles: readonly ArticleInput[]) {
      index = new FingerprintIndex(k, window, false);
      const files = articles.map((a, i) => {
        const f = tokenized(`corpus/${i}`, a.text);
        fileIndex.set(f.id, i);
        return f;
      });
      index.addFiles(files);
    },
    query(page: QueryPage): QueryAnswer {
      const file = tokenized(`query/${queries++}`, page.text);
      index.addFiles([file]);
      const entry = index.entries().find((e) => e.file.id === file.id);
      const counts = new Map<number, number>();
      let total = 0;
      for (const shared of entry?.shared ?? []) {
        total++;
        for (const other of shared.files()) {
          const i = fileIndex.get(other.id);
          if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
        }
      }
      let top: number | null = null;
      let best = 0;
      for (const [i, n] of counts) if (n > best) [top, best] = [i, n];
      return { top, score: total === 0 ? 0 : best / total };
    },
    sizes(): RunnerSizes {
      return { indexDiskBytes: null };
    },
  };
}
