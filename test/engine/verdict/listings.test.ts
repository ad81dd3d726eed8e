/**
 * Listings are not articles (issue 18): a page of other articles' headlines and ledes (a wire's
 * news digest, a section front, an aggregator) is recognised; checked, it says how many stories it
 * lists; in a corpus it is never reported as a copy or a source of an article it lists.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type ArticleInput, type Lexicon } from '../../../src/engine/index.js';
import { listedStories } from '../../../src/engine/text/listing.js';
import { loadNewsFiles, toArticleInput, toPageInput } from '../../../src/eval/news/load-news.js';
import { readLabels } from '../../../src/eval/news/labels.js';
import { locateDataset } from '../../../src/eval/shared-data.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';
import { requireShared } from '../../helpers/shared-data.js';

const STORIES = [
  {
    headline: 'Regulators approve merger of two regional airlines',
    body: [
      'DENVER (AP) — Regulators approved the merger of the two largest regional airlines on Monday, ending a year-long review that drew objections from unions and three state attorneys general.',
      'The combined carrier will keep both hubs open for at least five years under the terms of the deal, the agency said in its decision, and it must sell twelve gates at the busiest airport.',
      'Shares of both companies rose more than six percent in afternoon trading after the announcement, while analysts said fares on some routes could rise by next summer.',
    ],
  },
  {
    headline: 'Flooding closes mountain highway for third day',
    body: [
      'BOULDER, Colo. (AP) — Floodwater closed the mountain highway west of the city for a third day on Tuesday as crews cleared mud and boulders from four miles of road.',
      'State officials said the road could reopen by the weekend if no more rain falls, but warned that a bridge near the canyon mouth would need weeks of repairs.',
      'Residents of two small towns have been driving a gravel detour that adds an hour to the trip to the nearest hospital and grocery store.',
    ],
  },
  {
    headline: 'Robotics team heads to national finals',
    body: [
      'PUEBLO, Colo. (AP) — A high school robotics team won its regional championship with a machine that stacks crates faster than any other entry, earning a trip to the national finals.',
      'The team raised money for the trip with a car wash and a bake sale that drew half the town, and a local company donated the parts for a spare arm.',
      'Its coach said the students had rebuilt the robot twice since January after it failed inspection at the first qualifying event of the season.',
    ],
  },
];

const storyText = (s: (typeof STORIES)[number]) => [s.headline, ...s.body].join('\n\n');
/** A wire digest: each story's headline and first two paragraphs, one after another. */
const DIGEST = ['AP News in Brief at 6:04 a.m. EDT', ...STORIES.flatMap((s) => [s.headline, ...s.body.slice(0, 2)])].join('\n\n');

const at = (id: string, site: string, published: string, text: string): ArticleInput => ({
  id, title: id, outlet: site, published, url: `https://${site}/${id}`, text,
});

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

describe('listings (built pages)', () => {
  test('a digest of three stories is a listing of three; each story alone is an article', () => {
    expect(listedStories(DIGEST)).toBe(3);
    for (const s of STORIES) expect(listedStories(storyText(s))).toBe(0);
  });

  test('a subheaded article is no listing', () => {
    const article = [
      'What the merger means for travelers',
      STORIES[0]!.body[0],
      'WHAT CHANGES',
      ...STORIES[0]!.body.slice(1),
      'WHAT STAYS THE SAME',
      ...STORIES[1]!.body.slice(1),
    ].join('\n\n');
    expect(listedStories(article)).toBe(0);
  });

  test('a digest published before the stories is never their source, and the digest says it lists three', () => {
    const corpus = loadCorpus(buildCorpusIndex([
      at('digest', 'paper.example', '2026-07-15T10:00:00Z', DIGEST),
      ...STORIES.map((s, i) => at(`story-${i}`, 'wire.example', '2026-07-15T12:00:00Z', storyText(s))),
    ]));
    for (const [i, s] of STORIES.entries()) {
      const v = attribute({ text: storyText(s), url: `https://wire.example/story-${i}`, published: '2026-07-15T12:00:00Z' }, [corpus], { lexicon });
      expect(v.sources.map((x) => x.id)).not.toContain('digest');
      expect(v.status).toBe('original');
      expect(v.listing).toBeNull();
    }
    const digest = attribute({ text: DIGEST, url: 'https://paper.example/digest', published: '2026-07-15T10:00:00Z' }, [corpus], { lexicon });
    expect(digest.listing).toEqual({ stories: 3 });
    expect(digest.status).not.toBe('copy');
  });
});

describe.skipIf('skip' in locateDataset('news-scrape-2018') && !requireShared)('listings (real news, dev day)', () => {
  test('the wire digests labelled listings are recognised, no other article is, and no article names a digest as a source', () => {
    const located = locateDataset('news-scrape-2018');
    if ('skip' in located) throw new Error(located.skip);
    const file = loadNewsFiles(located.dir).find((f) => f.name === 'helsinki-2018-07-15')!;
    const labels = readLabels(file.name)!;
    const digests = file.articles.filter((a) => /digest/i.test(labels.articles[a.id]?.reason ?? '') && labels.articles[a.id]?.label === 'listing');
    expect(digests.length).toBeGreaterThanOrEqual(3);
    for (const a of file.articles) {
      const listed = listedStories(toPageInput(a).text) > 0;
      expect([a.id, listed]).toEqual([a.id, digests.includes(a)]);
    }
    // the stories the digests list: before, their checks named a digest among their sources
    const corpus = loadCorpus(buildCorpusIndex(file.articles.map(toArticleInput)));
    const digestIds = new Set(digests.map((d) => d.id));
    const listedIn = new Set(labels.texts.filter((t) => t.members.some((m) => digestIds.has(m))).flatMap((t) => t.members).filter((m) => !digestIds.has(m)));
    const named: string[] = [];
    for (const a of file.articles.filter((x) => listedIn.has(x.id)).slice(0, 12)) {
      const v = attribute(toPageInput(a), [corpus], { lexicon });
      for (const s of v.sources) if (digestIds.has(s.id)) named.push(`${a.id} → ${s.id}`);
    }
    expect(named).toEqual([]);
  }, 120_000);

  test('a scraper that copies a whole listing copies the listing (the listing is its source, not its stories)', () => {
    const corpus = loadCorpus(buildCorpusIndex([
      at('digest', 'paper.example', '2026-07-15T10:00:00Z', DIGEST),
      ...STORIES.map((s, i) => at(`story-${i}`, 'wire.example', '2026-07-15T09:00:00Z', storyText(s))),
    ]));
    const scraped = attribute({ text: DIGEST, url: 'https://scraper.example/news', published: '2026-07-15T14:00:00Z' }, [corpus], { lexicon });
    expect(scraped.status).toBe('copy');
    expect(scraped.likelyOriginal).toBe('digest');
  });
});
