/**
 * Issue 18, "quotes stay quotes": two reports that quote one statement, post or broadcast in their
 * own words share the quotation, and that is all they share. Whatever frames the quotation (who
 * said it, in what release), whatever marks it (curly, straight, single, none at all in a
 * transcript or an embedded post), it is reported under `quotes` and never counted in coverage.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Lexicon, type SourceMatch } from '../../../src/engine/index.js';
import { loadNewsFiles, NEWS_DATASET, toArticleInput, toPageInput } from '../../../src/eval/news/load-news.js';
import { locateDataset } from '../../../src/eval/shared-data.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';
import { hasShared, requireShared } from '../../helpers/shared-data.js';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

/** Two reports of one quarter's results in their own words, around a shared piece `shared(i)`. */
const OWN = [
  [
    'Home Depot beat analysts\u2019 expectations on Tuesday as shoppers spent more on garden supplies and paint during a warm spring.',
    'The retailer\u2019s shares rose nearly four percent in early trading in New York before settling slightly lower by the close.',
  ],
  [
    'Quarterly revenue at the home improvement chain climbed to a record, helped by contractors buying lumber for a busy building season.',
    'Investors had worried that rising mortgage rates would cool remodeling projects, but store traffic held up in most regions.',
  ],
];
const reportWith = (i: number, shared: string): string => `${OWN[i]![0]}\n\n${shared}\n\n${OWN[i]![1]}`;

function sourceOf(page: string, source: string): SourceMatch | undefined {
  const corpus = loadCorpus(buildCorpusIndex([{ id: 'source', title: 'Source', outlet: 'Outlet A', published: '2018-05-15', url: null, text: source }]));
  return attribute({ text: page, published: '2018-05-16' }, [corpus], { lexicon }).sources.find((s) => s.id === 'source');
}

function expectOnlyQuoted(page: string, source: string, quotation: string): void {
  const match = sourceOf(page, source);
  expect(match?.coverage ?? 0).toBe(0);
  expect(match?.passages ?? []).toEqual([]);
  const quoted = (match?.quotes ?? []).map((q) => page.slice(q.page[0], q.page[1])).join(' ');
  expect(quoted).toContain(quotation);
}

const STATEMENT = 'We delivered record sales this quarter and our teams executed well across every region of the country';

describe('a shared quotation in an attribution frame', () => {
  test('the frame ("said CEO X in the company\u2019s news release") does not drag the quotation into a passage', () => {
    const shared = `\u201c${STATEMENT},\u201d said CEO Craig Menear in the company\u2019s news release.`;
    expectOnlyQuoted(reportWith(0, shared), reportWith(1, shared), STATEMENT);
  });

  test('nor a frame before the quotation, in straight quotes', () => {
    const page = reportWith(0, `In a statement, Chief Executive Craig Menear said: "${STATEMENT}."`);
    const source = reportWith(1, `Craig Menear said in the company's news release: "${STATEMENT}."`);
    expectOnlyQuoted(page, source, STATEMENT);
  });

  test('single quotes, as British outlets print speech', () => {
    const page = reportWith(0, `Mr Menear told reporters: '${STATEMENT}.'`);
    const source = reportWith(1, `\u2018${STATEMENT},\u2019 Mr Menear said on Tuesday.`);
    expectOnlyQuoted(page, source, STATEMENT);
  });

  test('guillemets', () => {
    const page = reportWith(0, `Menear a d\u00e9clar\u00e9 : \u00ab ${STATEMENT} \u00bb.`);
    const source = reportWith(1, `\u201c${STATEMENT},\u201d Menear said.`);
    expectOnlyQuoted(page, source, STATEMENT);
  });
});

describe('a block quotation without marks', () => {
  test('a statement printed as its own paragraph after "X said in a statement:" is quoted speech', () => {
    const block = `The company said in a statement:\n\n${STATEMENT}, and we will keep investing in our stores and our people next year.`;
    expectOnlyQuoted(reportWith(0, block), reportWith(1, `In a statement, Home Depot said:\n\n${STATEMENT}, and we will keep investing in our stores and our people next year.`), STATEMENT);
  });
});

describe('quoted on one side only', () => {
  test('a broadcast transcript carries unquoted the words a report quotes', () => {
    const remarks = 'I would feel a lot better if the ambassador, who I have a lot of confidence in, was actually sitting in on the meeting';
    const transcript = `${OWN[1]![0]}\n\nSENATOR MARK WARNER: Well, Chuck, ${remarks}. We know he does not do a lot of prep work.\n\n${OWN[1]![1]}`;
    const report = reportWith(0, `\u201c${remarks},\u201d Warner said on Sunday.`);
    expectOnlyQuoted(report, transcript, remarks);
    const back = sourceOf(transcript, report);
    expect(back?.coverage ?? 0).toBe(0);
  });
});

describe('an embedded post in text shape', () => {
  const post = 'Heading to Helsinki, Finland \u2013 looking forward to meeting with President Putin tomorrow. No matter how well I do at the Summit, the critics will say it was not good enough';
  const embedded = `${post}\n\n\u2014 Donald J. Trump (@realDonaldTrump) July 16, 2018`;

  test('the post text before "\u2014 Name (@handle) date" is quoted speech', () => {
    expectOnlyQuoted(reportWith(0, embedded), reportWith(1, embedded), 'looking forward to meeting with President Putin tomorrow');
  });

  test('also when the other report quotes it in marks', () => {
    const source = reportWith(1, `The president tweeted: \u201c${post}.\u201d`);
    expectOnlyQuoted(reportWith(0, embedded), source, 'looking forward to meeting with President Putin tomorrow');
  });
});

describe('quotes that are taken with their context stay derived', () => {
  test('a copied paragraph with a quotation in it is one derived passage', () => {
    const shared = `\u201c${STATEMENT},\u201d said CEO Craig Menear in the company\u2019s news release.`;
    const copied = `${OWN[0]![0]} ${shared} ${OWN[0]![1]}`;
    const match = sourceOf(`${copied}\n\n${OWN[1]![0]}`, `${copied}\n\nA different ending paragraph written by the first outlet.`);
    expect(match?.quotes ?? []).toEqual([]);
    expect(match!.coverage).toBeGreaterThan(0.6);
  });

  test('a quotation across paragraphs (no closing mark before the next paragraph\u2019s opening one) is one quotation', () => {
    const first = 'We have worked hard for three years to build a store network that serves every customer';
    const second = 'and the results this spring show that the investment in our people has paid off';
    const shared = `\u201c${first},\n\n\u201c${second},\u201d Menear said.`;
    expectOnlyQuoted(reportWith(0, shared), reportWith(1, shared), second);
  });
});

// vitest runs a skipped describe's body: the dataset is read only inside the test
describe.skipIf(!hasShared && !requireShared)('on the real-news dev day (../shared/eval/news-scrape-2018)', () => {
  test('independent reports sharing only a statement, a broadcast, posts or single-quoted remarks flag nothing', () => {
    const located = locateDataset(NEWS_DATASET);
    if ('skip' in located) return;
    const file = loadNewsFiles(located.dir).find((f) => f.name === 'helsinki-2018-07-15')!;
    const byId = new Map(file.articles.map((a) => [a.id, a]));
    // labelled independent: a congressman's words on a Sunday show in an attribution frame (2504, 2758); a report
    // quoting a broadcast whose transcript is in the file (586, 5489); reports of the same posts, quoted in text
    // shape (291, 6192); single-quoted remarks (7606, 7937); one senator's statement (5790, 8587)
    const pairs = [['2504', '2758'], ['586', '5489'], ['291', '6192'], ['7606', '7937'], ['5790', '8587']] as const;
    const flagged: string[] = [];
    for (const [x, y] of pairs) {
      for (const [pageId, sourceId] of [[x, y], [y, x]] as const) {
        const corpus = loadCorpus(buildCorpusIndex([toArticleInput(byId.get(sourceId)!)]));
        const v = attribute(toPageInput(byId.get(pageId)!), [corpus], { lexicon });
        const c = v.sources.find((s) => s.id === sourceId)?.coverage ?? 0;
        if (c >= 0.05) flagged.push(`${pageId} from ${sourceId}: ${c}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});
