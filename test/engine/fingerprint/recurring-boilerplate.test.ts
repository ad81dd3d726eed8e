/**
 * Boilerplate by recurrence at any corpus size (issue 18): a box that recurs in three or more
 * articles whose other text is not shared is no evidence of reuse, in a corpus far smaller than
 * the 64 articles the fingerprint cut needs. A wire story carried by three sites is still reuse, and
 * so is a wire's stock background paragraph reused across its different stories.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type ArticleInput, type Corpus, type Lexicon } from '../../../src/engine/index.js';
import { recurringBoilerplate } from '../../../src/engine/fingerprint/recurring-boilerplate.js';
import { CorpusFormatError } from '../../../src/engine/types.js';
import { reseal, sections } from '../../helpers/corpus-surgery.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';

const BOX = [
  'SIGN UP',
  'Be the first to know.',
  "No one covers what is happening in our community better than we do. And with a digital subscription, you'll never miss a local story.",
  'SIGN ME UP!',
].join('\n\n');

/** Own reporting on unrelated local subjects: nothing shared but the box. */
const STORIES = [
  'The county fair opened on Saturday with a record crowd of families who came for the livestock shows, the fried dough and a new ferris wheel that organizers rented from a company in Ohio.\n\nVendors said sales were up from last year, when two days of rain kept visitors away and several food stands closed early.',
  'A water main broke under Fifth Street early Tuesday, flooding basements along three blocks and forcing the utility to shut off service to about 400 homes while crews dug through the pavement.\n\nOfficials expected repairs to last until Thursday and set up a tank truck outside the elementary school.',
  'The high school robotics team won its regional championship with a machine that stacks crates faster than any other entry, earning a trip to the national finals in Houston next spring.\n\nThe team raised money for the trip with a car wash and a bake sale that drew half the town.',
  'City council members voted five to two to repave the harbor parking lot, after a debate about whether the money would be better spent on the library roof that has leaked since winter.\n\nThe work will start after the summer festival so that visitors still have somewhere to park.',
];

const WIRE = 'Regulators approved the merger of the two largest regional airlines on Monday, ending a year-long review that drew objections from unions and three state attorneys general.\n\nThe combined carrier will keep both hubs open for at least five years under the terms of the deal, the agency said in its decision.\n\nShares of both companies rose more than six percent in afternoon trading after the announcement.';

const article = (id: string, site: string, text: string): ArticleInput => ({
  id, title: id, outlet: site, published: '2026-07-15T10:00:00Z', url: `https://${site}/${id}`, text,
});

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

function corpusOf(articles: readonly ArticleInput[]): Corpus {
  return loadCorpus(buildCorpusIndex(articles));
}

describe('boilerplate by recurrence', () => {
  const sites = ['herald.example', 'observer.example', 'star.example', 'bee.example'];
  const withBox = STORIES.map((s, i) => article(`box-${i}`, sites[i]!, `${s}\n\n${BOX}`));

  test('a box in four articles of a small corpus makes no flag between them', () => {
    const corpus = corpusOf(withBox);
    for (const a of withBox) {
      const v = attribute({ text: a.text, url: a.url, published: '2026-07-15T12:00:00Z' }, [corpus], { lexicon });
      expect(v.sources.filter((s) => s.coverage > 0).map((s) => s.id)).toEqual([]);
      expect(['original', 'no-match']).toContain(v.status);
    }
  });

  test('a page at another address with the box and its own story is no copy of anything', () => {
    const corpus = corpusOf(withBox);
    const page = `A fire broke out in a downtown bakery on Sunday morning; nobody was hurt, and the owner said she hopes to reopen within a month once the ovens are replaced.\n\n${BOX}`;
    const v = attribute({ text: page, url: 'https://gazette.example/fire', published: '2026-07-16T09:00:00Z' }, [corpus], { lexicon });
    expect(v.status).toBe('no-match');
    expect(v.overlap).toBe(0);
  });

  test('a wire story carried by three sites with the box is still reuse', () => {
    const carriers = sites.slice(0, 3).map((site, i) => article(`wire-${i}`, site, `${WIRE}\n\n${BOX}`));
    const corpus = corpusOf([...withBox, ...carriers]);
    const v = attribute({ text: `${WIRE}\n\n${BOX}`, url: 'https://gazette.example/merger', published: '2026-07-16T09:00:00Z' }, [corpus], { lexicon });
    expect(v.status).toBe('copy');
    expect(v.sources[0]!.coverage).toBeGreaterThan(0.5);
  });

  test('only the box is recorded, never the stories or a wire text', () => {
    const carriers = sites.slice(0, 3).map((site, i) => article(`wire-${i}`, site, `${WIRE}\n\n${BOX}`));
    const all = [...withBox, ...carriers];
    const spans = recurringBoilerplate(all.map((a) => a.text));
    all.forEach((a, i) => {
      const marked = spans[i]!.map(([s, e]) => a.text.slice(s, e)).join('\n\n');
      expect(marked).toBe(BOX);
    });
  });

  test('a stock background paragraph a wire reuses across different stories is not boilerplate', () => {
    const background = 'The agency has reviewed airline mergers since the industry was deregulated in 1978, and it blocked only one of them, in 2001.';
    const texts = STORIES.map((s) => `${s}\n\n${background}`);
    expect(recurringBoilerplate(texts).every((spans) => spans.length === 0)).toBe(true);
  });

  test('a rail card teasing another post (headline, byline with its time, dek) is boilerplate', () => {
    // the shape of zerohedge's rail on the real-news dev day (#547, #3611, #7923)
    const card = 'The correlation between gold and the exchange rate has become clear recently.\n\nby quoth the raven - Jul 14, 2018 2:45 pm\n\nAfter lashing out at one rescue worker, another gives the founder a much needed smack down.';
    const texts = STORIES.slice(0, 3).map((s) => `${card}\n\n${s}`);
    recurringBoilerplate(texts).forEach((spans, i) => {
      expect(spans.map(([s, e]) => texts[i]!.slice(s, e)).join('\n\n')).toBe(card);
    });
  });

  test('a story\'s own byline without a time does not make its lede a card', () => {
    const lede = 'By Jill Colvin - Associated Press\n\nPresident Donald Trump says he is going into his summit with low expectations, and that nothing bad will come of it.';
    expect(recurringBoilerplate(STORIES.slice(0, 3).map((s) => `${lede}\n\n${s}`)).flat()).toEqual([]);
  });

  test('two articles sharing a box are a pair, not a habit', () => {
    expect(recurringBoilerplate(STORIES.slice(0, 2).map((s) => `${s}\n\n${BOX}`)).flat()).toEqual([]);
  });
});

describe('corpus files and the boilerplate record', () => {
  test('a corpus without a boilerplate record (older builds) loads, with none', () => {
    const corpus = corpusOf(STORIES.map((s, i) => article(`s-${i}`, 'one.example', s)));
    expect(corpus.article(0).boilerplate).toEqual([]);
  });

  test('a boilerplate record that is not ordered spans inside the text is a corrupt corpus', () => {
    const sites = ['herald.example', 'observer.example', 'star.example'];
    const bytes = buildCorpusIndex(STORIES.slice(0, 3).map((s, i) => article(`box-${i}`, sites[i]!, `${s}\n\n${BOX}`)));
    const { metaBlob } = sections(bytes);
    const meta = new TextDecoder().decode(metaBlob);
    // swap the first span's ends (same digits, same length): a span that ends before it starts
    const m = /"boilerplate":\[\[(\d+),(\d+)\]/.exec(meta)!;
    expect(m[1]!.length).toBe(m[2]!.length);
    const at = new TextEncoder().encode(meta.slice(0, m.index)).length + '"boilerplate":[['.length;
    metaBlob.set(new TextEncoder().encode(`${m[2]},${m[1]}`), at);
    const corpus = loadCorpus(reseal(bytes));
    expect(() => corpus.article(0)).toThrow(CorpusFormatError);
  });
});
