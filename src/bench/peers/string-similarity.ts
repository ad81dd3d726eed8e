/**
 * string-similarity's findBestMatch: Dice coefficient on character bigrams
 * against every article. No index: it keeps the texts and redoes the bigrams of
 * every article on every query.
 */
import { createRequire } from 'node:module';
import type { ArticleInput } from '../../engine/index.js';
import type { QueryPage } from '../query-pages.js';
import type { QueryAnswer, Runner, RunnerSizes } from '../runner.js';

interface StringSimilarityModule {
  findBestMatch(main: string, targets: string[]): { bestMatch: { rating: number }; bestMatchIndex: number };
}
const stringSimilarity = createRequire(import.meta.url)('string-similarity') as StringSimilarityModule;

export function createStringSimilarityRunner(): Runner {
  let texts: string[] = [];
  return {
    name: 'string-similarity (scan)',
    build(articles: readonly ArticleInput[]) {
      texts = articles.map((a) => a.text);
    },
    query(page: QueryPage): QueryAnswer {
      const r = stringSimilarity.findBestMatch(page.text, texts);
      return { top: r.bestMatchIndex, score: r.bestMatch.rating };
    },
    sizes(): RunnerSizes {
      // The "index" is the texts themselves (UTF-8 bytes).
      return { indexDiskBytes: texts.reduce((s, t) => s + Buffer.byteLength(t), 0) };
    },
  };
}
