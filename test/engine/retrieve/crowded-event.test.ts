/**
 * Issue 18, recall on a crowded day: when hundreds of articles cover one event, every one of them
 * shares the event's distinctive terms and anchor words with a page, and retrieval's few slots went
 * to those. A carrier of the page's own text shares its fingerprints (verbatim 5-grams), the
 * evidence of reuse itself, so that counts for more in the ranking than terms of the event.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Corpus, type Lexicon } from '../../../src/engine/index.js';
import { loadNewsFiles, toArticleInput, toPageInput, NEWS_DATASET, type NewsFile } from '../../../src/eval/news/load-news.js';
import { locateDataset } from '../../../src/eval/shared-data.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';
import { hasShared, requireShared } from '../../helpers/shared-data.js';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

// vitest runs a skipped describe's body: the dataset is read only inside the tests
describe.skipIf(!hasShared && !requireShared)('on the real-news dev day (../shared/eval/news-scrape-2018)', () => {
  let file: NewsFile | undefined;
  let corpus: Corpus;
  beforeAll(() => {
    const located = locateDataset(NEWS_DATASET);
    if ('skip' in located) return;
    file = loadNewsFiles(located.dir).find((f) => f.name === 'helsinki-2018-07-15')!;
    corpus = loadCorpus(buildCorpusIndex(file.articles.map(toArticleInput)));
  });

  // carriers of versions of one AP story (labelled common-source), among 331 articles on the Helsinki summit
  test.each([['11387', '13015'], ['1579', '3049'], ['5016', '5966'], ['2634', '5770']])('#%s and #%s are found as sharing text', (a, b) => {
    if (!file) return;
    const byId = new Map(file.articles.map((x) => [x.id, x]));
    const coverage = (page: string, source: string) =>
      attribute(toPageInput(byId.get(page)!), [corpus], { lexicon }).sources.find((s) => s.id === source)?.coverage ?? 0;
    expect(Math.max(coverage(a, b), coverage(b, a))).toBeGreaterThanOrEqual(0.05);
  });
});
