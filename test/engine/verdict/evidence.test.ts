/** Issue 17, part 3: evidence of direction beyond dates, one kind of fact per function. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { creditsIn } from '../../../src/engine/verdict/credits.js';
import { wireOf } from '../../../src/engine/text/wire-bylines.js';
import { directionOf } from '../../../src/engine/verdict/direction.js';
import {
  basedOnEvidence, containmentEvidence, creditEvidence, creditsOf, namesOutlet, sourceLinkEvidence,
} from '../../../src/engine/verdict/evidence.js';
import type { DirectionEvidence } from '../../../src/engine/index.js';
import { hasShared, requireShared, sharedPath } from '../../helpers/shared-data.js';

describe('credit lines', () => {
  test.each([
    ['WASHINGTON (AP) — Ambassador Gordon Sondland testified on Wednesday.', 'AP'],
    ['NEW YORK (Reuters) - Oil prices fell sharply on Tuesday.', 'Reuters'],
    ['PARIS (AFP) – Talks resumed.', 'AFP'],
    ['Story text.\nBy Reuters\nMore text.', 'Reuters'],
    ['Story text.\n\nSource: Al Jazeera and news agencies', 'Al Jazeera and news agencies'],
    ['Story text.\n\nThis article originally appeared on The Conversation.', 'The Conversation'],
    ['Story text.\n\nOriginally published on Live Science.', 'Live Science'],
    ['Story text.\n\nRead more at nytimes.com', 'nytimes.com'],
    // zerohedge's syndication line (real-news dev #3611, copied with it by beforeitsnews #2826)
    ['Authored by Tsvetana Paraskova via Oilprice.com,\n\nRussia is getting ready to invest.', 'Oilprice.com'],
    ['Submitted by Jane Doe via The Conversation\n\nStory text.', 'The Conversation'],
    // a portal's card of a network's video (real-news dev #1050, CenturyLink): the provider's line under the title
    ['Full Warner: Putin could try to take advantage of Trump\n\nNBC News\n\nSen. Mark Warner tells Chuck Todd that Putin could have maps prepared for his meeting.', 'NBC News'],
  ])('%j credits %s', (text, name) => {
    expect(creditsIn(text).map((c) => c.name)).toContain(name);
  });

  test('a line saying the words were first published elsewhere names their origin; a source line need not', () => {
    const origins = (text: string) => creditsIn(text).filter((c) => c.republished).map((c) => c.name);
    expect(origins('Authored by Tsvetana Paraskova via Oilprice.com,\n\nStory text.')).toEqual(['Oilprice.com']);
    expect(origins('Story text.\n\nThis article originally appeared on The Conversation.')).toEqual(['The Conversation']);
    expect(origins('Story text.\n\nSource: company filings')).toEqual([]);
  });

  // a news portal's photo card (real-news dev #965): the page is the agency's caption
  const photoCard = 'share\n\nmore_vert\n\nPeople hold placards and banners during the so-called "Helsinki Calling" march towards the Senate Square to defend human rights on July 15, 2018, ahead of the summit in the Finnish capital Helsinki. (Photo by Jonathan NACKSTRAND / AFP) (Photo credit should read JONATHAN NACKSTRAND/AFP/Getty Images)';
  test('a page that is an agency photo’s caption credits the agency', () => {
    expect(creditsIn(photoCard).map((c) => c.name)).toEqual(['AFP']);
    expect(creditsIn('Protesters march in Helsinki on Sunday, ahead of the summit between the two presidents. (AP Photo/Evan Vucci)').map((c) => c.name)).toEqual(['AP']);
  });

  test('a photo credit in an article speaks for its caption only, and a bare "(AP)" inside a sentence is no photo credit', () => {
    const story = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the reporter's own story about the summit, written in the newsroom for this paper's readers today.`).join('\n\n');
    expect(creditsIn(`Protesters march in Helsinki. (Photo by Jonathan NACKSTRAND / AFP)\n\n${story}`)).toEqual([]);
    expect(creditsIn('Officials said the talks were going well (AP) and would resume on Monday after the holiday weekend.')).toEqual([]);
  });

  test('an autoblog’s marks are a credit to no one', () => {
    expect(creditsIn('World News\n[ad_1]\nBiden spoke on Thursday.\n[ad_2]\nSource link')).toEqual([{ name: null, line: '[ad_1]' }]);
  });

  test.each([
    'The company said when contacted by Reuters that it would appeal.',
    'Sources said the deal was close.',
    'He said (AP) reporters were present.',
  ])('a mention inside prose is no credit: %j', (text) => {
    expect(creditsIn(text)).toEqual([]);
  });

  test('wires go by several names', () => {
    expect(wireOf('The Associated Press')?.name).toBe('Associated Press');
    expect(wireOf('AP')?.name).toBe('Associated Press');
    expect(wireOf('Agence France-Presse')?.name).toBe('AFP');
    expect(wireOf('Al Jazeera')).toBeNull();
  });

  test('a credited name is matched to an outlet by name, site or wire', () => {
    expect(namesOutlet('Al Jazeera and news agencies', 'Al Jazeera', null)).toBe(true);
    expect(namesOutlet('Live Science', null, 'https://www.livescience.com/x.html')).toBe(true);
    expect(namesOutlet('AP', null, 'https://apnews.com/article/1')).toBe(true);
    expect(namesOutlet('nytimes.com', null, 'https://www.nytimes.com/2019/x')).toBe(true);
    expect(namesOutlet('Reuters', 'Al Jazeera', 'https://www.aljazeera.com/x')).toBe(false);
  });
});

describe.skipIf(!hasShared && !requireShared)('credit lines on real pages (Zyte article-extraction-benchmark)', () => {
  const truth = (): Record<string, { articleBody: string; url: string }> =>
    JSON.parse(readFileSync(sharedPath('eval/article-extraction-benchmark/ground-truth.json'), 'utf8'));
  const byUrl = (prefix: string) => Object.values(truth()).find((p) => p.url.startsWith(prefix))!;

  test('wire datelines name the wire, including on carriers (SFGate, Chron) and the AP’s own hosting', () => {
    expect(creditsIn(byUrl('https://www.sfgate.com/news/crime/article/The-Latest-Man-sta').articleBody)[0]?.name).toBe('AP');
    expect(creditsIn(byUrl('https://www.chron.com/news/world/article/Esper-says').articleBody)[0]?.name).toBe('AP');
    expect(creditsIn(byUrl('https://www.reuters.com/article/us-global-markets').articleBody)[0]?.name).toBe('Reuters');
  });

  test('VentureBeat’s Reuters copy credits Reuters; a mention of Reuters later in it does not add a credit', () => {
    const credits = creditsIn(byUrl('https://venturebeat.com/2019/11/18/new-york-state-attorney-g').articleBody);
    expect(credits.map((c) => c.name)).toEqual(['Reuters']);
  });

  test('Live Science crediting itself says nothing about direction', () => {
    const page = byUrl('https://www.livescience.com/feather-duvet-lung');
    const self = { url: page.url, outlet: 'Live Science', credits: creditsOf(page.articleBody) };
    const other = { url: 'https://www.space.com/feather', outlet: 'Space.com', credits: [] };
    expect(self.credits.map((c) => c.name)).toContain('Live Science');
    expect(creditEvidence(self, other, 0.9)).toBeNull();
    // a republisher with the same line credits Live Science: it derives from Live Science's article
    expect(creditEvidence({ ...self, url: 'https://www.space.com/feather', outlet: 'Space.com' }, { url: page.url, outlet: 'Live Science', credits: [] }, 0.9)?.says).toBe('source');
  });

  test('two carriers of one AP story have a common source: neither is the other’s author, and the dates order them', () => {
    const sfgate = byUrl('https://www.sfgate.com/news/article/7-key-questions');
    const chron = byUrl('https://www.chron.com/news/world/article/Esper-says');
    const evidence = creditEvidence(
      { url: sfgate.url, outlet: 'SFGATE', credits: creditsOf(sfgate.articleBody) },
      { url: chron.url, outlet: 'Houston Chronicle', credits: creditsOf(chron.articleBody) }, 0.9,
    );
    expect(evidence).toMatchObject({ kind: 'credit', says: 'unknown-order' });
    expect(directionOf([evidence!, { kind: 'dates', says: 'source', detail: '' }])).toBe('source');
    expect(directionOf([evidence!, { kind: 'dates', says: 'unknown-order', detail: '' }])).toBe('unknown-order');
  });
});

describe('the page’s own declarations and the texts’ shapes', () => {
  const article = 'https://www.aljazeera.com/news/2021/12/9/biden-call';

  test('isBasedOn / original-source / syndication-source naming the article: the page derives from it', () => {
    expect(basedOnEvidence([`${article}?utm_source=feed`], article)?.says).toBe('source');
    expect(basedOnEvidence(['https://other.example/x'], article)).toBeNull();
  });

  test('a body link to the article’s address: the page points at its source', () => {
    expect(sourceLinkEvidence(['https://twitter.com/x', `http://aljazeera.com/news/2021/12/9/biden-call/`], article)?.says).toBe('source');
    expect(sourceLinkEvidence(['https://www.aljazeera.com/'], article)).toBeNull();
  });

  test('a page mostly inside an article twice its length or more is an excerpt of it', () => {
    expect(containmentEvidence(150, 800, 0.95)?.says).toBe('source');
    expect(containmentEvidence(150, 250, 0.95)).toBeNull();
    expect(containmentEvidence(150, 800, 0.5)).toBeNull();
  });
});

describe('one rule combines them', () => {
  const dates = (says: DirectionEvidence['says']): DirectionEvidence => ({ kind: 'dates', says, detail: '' });
  const credit = (says: DirectionEvidence['says']): DirectionEvidence => ({ kind: 'credit', says, detail: '' });
  const canonical: DirectionEvidence = { kind: 'canonical', says: 'source', detail: '' };

  test('evidence settles an order the dates leave unknown', () => {
    expect(directionOf([canonical, dates('unknown-order')])).toBe('source');
  });
  test('dates decide alone', () => {
    expect(directionOf([dates('copy')])).toBe('copy');
  });
  test('dates that contradict the evidence make the order unknown', () => {
    expect(directionOf([credit('copy'), dates('source')])).toBe('unknown-order');
  });
  test('evidence pointing both ways is an unknown order', () => {
    expect(directionOf([canonical, credit('copy'), dates('unknown-order')])).toBe('unknown-order');
  });
});
