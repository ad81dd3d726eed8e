/**
 * Republications on the real-news dev day that a general rule recovered, each checked as the eval
 * scores it: the page, at its own address against its day's corpus, is copy/partial of an earlier
 * reuse partner in the frozen labels. The texts are read from ../shared when a test runs.
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Corpus } from '../../src/engine/index.js';
import { labelledPairs, readLabels, splitKey } from '../../src/eval/news/labels.js';
import { loadNewsFiles, toArticleInput, toPageInput, type NewsFile } from '../../src/eval/news/load-news.js';
import { locateDataset } from '../../src/eval/shared-data.js';
import { lexicon } from '../helpers/seed-corpus.js';
import { requireShared } from '../helpers/shared-data.js';

let day: { file: NewsFile; corpus: Corpus } | null = null;
function devDay(): { file: NewsFile; corpus: Corpus } {
  if (day) return day;
  const located = locateDataset('news-scrape-2018');
  if ('skip' in located) throw new Error(located.skip);
  const file = loadNewsFiles(located.dir).find((f) => f.name === 'helsinki-2018-07-15')!;
  day = { file, corpus: loadCorpus(buildCorpusIndex(file.articles.map(toArticleInput))) };
  return day;
}

/** What the page is called, and whether it names a reuse partner the labels put earlier. */
function verdictOf(id: string): { status: string; namesEarlierPartner: boolean } {
  const { file, corpus } = devDay();
  const labels = readLabels(file.name)!;
  const time = new Map(file.articles.map((a) => [a.id, Date.parse(a.scrapeTime)]));
  const partners = [...labelledPairs(labels)]
    .filter(([, e]) => e.label === 'original-and-copy' || e.label === 'common-source')
    .map(([k]) => splitKey(k))
    .filter((pair) => pair.includes(id))
    .map(([x, y]) => (x === id ? y : x))
    .filter((p) => time.get(p)! <= time.get(id)!);
  const page = file.articles.find((a) => a.id === id)!;
  const v = attribute(toPageInput(page), [corpus], { lexicon: lexicon() });
  return { status: v.status, namesEarlierPartner: v.likelyOriginal !== null && partners.includes(v.likelyOriginal) };
}

describe.skipIf('skip' in locateDataset('news-scrape-2018') && !requireShared)('republications on the real-news dev day', () => {
  // two AP slideshows of one story's photos: their captions are the story's sentences
  test.each(['10117', '6012'])('gallery #%s carries the story it illustrates', (id) => {
    const { status, namesEarlierPartner } = verdictOf(id);
    expect(['copy', 'partial']).toContain(status);
    expect(namesEarlierPartner).toBe(true);
  }, 120_000);

  // AP copy credited only by a byline ("Associated Press" under the headline, "AP" over the dateline),
  // and an AP live-blog page whose later update holds it whole
  test.each(['5770', '12130', '7887'])('#%s, AP copy credited in its byline, carries the wire story', (id) => {
    const { status, namesEarlierPartner } = verdictOf(id);
    expect(['copy', 'partial']).toContain(status);
    expect(namesEarlierPartner).toBe(true);
  }, 120_000);
});
