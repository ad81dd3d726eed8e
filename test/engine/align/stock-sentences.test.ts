/**
 * Issue 18, "paraphrase evidence proportional to the claim": two reports of one event both write
 * the sentence that says who met whom where; sharing it is not reuse. A sentence pair with no
 * derived sentence beside it stands only when it shares more than the event's names, and a
 * verbatim run of names and titles alone is not a sentence taken. A lone rewritten sentence that
 * keeps the source's own content still counts (PAN25's short reused paragraphs are such).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { alignSource } from '../../../src/engine/align/align.js';
import { prepareText } from '../../../src/engine/align/prepared-text.js';
import { TermMatcher } from '../../../src/engine/align/sentence-similarity.js';
import { attribute, buildCorpusIndex, loadCorpus, type Lexicon } from '../../../src/engine/index.js';
import { TermIds } from '../../../src/engine/text/term-ids.js';
import { loadNewsFiles, toArticleInput, toPageInput, NEWS_DATASET } from '../../../src/eval/news/load-news.js';
import { locateDataset } from '../../../src/eval/shared-data.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';
import { hasShared, requireShared } from '../../helpers/shared-data.js';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

function coverage(page: string, source: string): number {
  const corpus = loadCorpus(buildCorpusIndex([{ id: 'source', title: 'Source', outlet: 'Outlet A', published: '2018-07-15', url: null, text: source }]));
  return attribute({ text: page, published: '2018-07-16' }, [corpus], { lexicon }).sources.find((s) => s.id === 'source')?.coverage ?? 0;
}

/** The passages aligning `page` with `source` (the aligner alone: one sentence is too little for retrieval to offer the source). */
function passagesOf(page: string, source: string): Array<readonly [string, number]> {
  const ids = new TermIds();
  const prepared = prepareText(page, ids);
  return alignSource(prepared, prepareText(source, ids), new TermMatcher(lexicon, ids)).passages.map((p) => [p.kind, p.similarity] as const);
}

const PAGE_OWN = [
  'Protesters gathered in the city centre on Saturday carrying banners about press freedom and human rights.',
  'Local police said the demonstrations were peaceful and that no arrests had been made by the evening.',
  'Finnish officials have spent weeks preparing the presidential palace, closing streets and harbour lanes around it.',
].join('\n\n');
const SOURCE_OWN = [
  'Analysts in Washington expect little progress on arms control, though both sides have said they want to talk.',
  'The last formal meeting between the two leaders took place on the sidelines of an economic forum in Vietnam.',
  'Critics in Congress urged the White House to raise election interference before anything else on the agenda.',
].join('\n\n');

describe('a stock same-event sentence', () => {
  test('shared names, place and day alone do not make a passage', () => {
    const page = `${PAGE_OWN}\n\nWith the Nato meeting behind him, Donald Trump has arrived in Helsinki, Finland, the site of his summit with Russian President Vladimir Putin.`;
    const source = `President Trump arrived in Finland ahead of his highly anticipated summit with Russian President Vladimir Putin.\n\n${SOURCE_OWN}`;
    expect(passagesOf(page, source)).toEqual([]);
  });

  test('nor a short blurb sharing a senator\u2019s name and title with another', () => {
    const page = 'Warner wants company in the room\n\nSen. Mark Warner (D-Va.), Vice Chair of the Senate Intelligence Committee, tells a Sunday host that the president should not meet Putin alone.';
    const source = 'Warner on the summit\n\nOn a Sunday show, Sen. Mark Warner (D-Va.), Vice Chair of the Senate Intelligence Committee, says that Putin does his homework before every meeting.';
    expect(coverage(page, source)).toBeLessThan(0.05);
  });

  test('a lone rewritten sentence that keeps the source\u2019s own content still counts', () => {
    const page = `${PAGE_OWN}\n\nThe outbreak has forced schools across the region to keep their doors shut for at least two more weeks, health officials warned.`;
    const source = `Health officials warned that schools across the region must keep their doors closed for at least another two weeks because of the outbreak.\n\n${SOURCE_OWN}`;
    expect(passagesOf(page, source)).toEqual([['paraphrase', expect.any(Number)]]);
  });
});

// vitest runs a skipped describe's body: the dataset is read only inside the test
describe.skipIf(!hasShared && !requireShared)('on the real-news dev day (../shared/eval/news-scrape-2018)', () => {
  test('stock sentences of independent reports, labelled independent, are not flagged', () => {
    const located = locateDataset(NEWS_DATASET);
    if ('skip' in located) return;
    const file = loadNewsFiles(located.dir).find((f) => f.name === 'helsinki-2018-07-15')!;
    const byId = new Map(file.articles.map((a) => [a.id, a]));
    // a lone "Trump arrived in Finland ahead of his summit with Putin"; a blurb pair sharing a senator's name and title
    for (const [pageId, sourceId] of [['850', '10791'], ['1050', '7170'], ['7170', '1050']] as const) {
      const corpus = loadCorpus(buildCorpusIndex([toArticleInput(byId.get(sourceId)!)]));
      const v = attribute(toPageInput(byId.get(pageId)!), [corpus], { lexicon });
      expect(v.sources.find((s) => s.id === sourceId)?.coverage ?? 0, `${pageId} from ${sourceId}`).toBeLessThan(0.05);
    }
  });
});
