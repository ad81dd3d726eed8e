/**
 * Automated and templated news (earnings briefs, market wraps) says different
 * things in the same words: one company's quarter and another's share every
 * word but the figures. That is a template, not a copy. A spun copy of the
 * same brief keeps its figures, and stays a copy.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Corpus, type Lexicon } from '../../../src/engine/index.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';

const brief = (company: string, city: string, figures: readonly string[]): string => {
  const [quarter, profit, perShare, adjusted, expected, revenue, forecast, shares] = figures;
  return [
    `${city} (AP) — ${company} on Tuesday reported ${quarter} net income of ${profit} million.`,
    `On a per-share basis, the ${city}-based company said it had profit of ${perShare} cents.`,
    `Earnings, adjusted for one-time gains and costs, were ${adjusted} cents per share.`,
    `The results exceeded Wall Street expectations. The average estimate of four analysts surveyed by Zacks Investment Research was for earnings of ${expected} cents per share.`,
    `The company posted revenue of ${revenue} million in the period, which also topped Street forecasts of ${forecast} million.`,
    `${company} shares have risen ${shares}% since the beginning of the year.`,
  ].join(' ');
};

const ACME = brief('Acme Tools Inc.', 'Denver', ['third-quarter', '41.2', '57', '63', '58', '512.4', '498.1', '14']);
const GLOBEX = brief('Globex Corp.', 'Denver', ['third-quarter', '18.9', '31', '36', '33', '287.6', '279.3', '9']);

let corpus: Corpus;
let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
  corpus = loadCorpus(buildCorpusIndex([
    { id: 'acme-q3', title: 'Acme Tools: Q3 earnings snapshot', outlet: 'AP', published: '2026-10-20', url: 'https://example.com/acme-q3', text: ACME },
  ]));
});
const check = (text: string) => attribute({ text, published: '2026-10-21', url: 'https://news.example.org/business/earnings' }, [corpus], { lexicon });

describe('templated reports', () => {
  test("another company's brief from the same template borrows nothing", () => {
    const v = check(GLOBEX);
    expect(v.status).toBe('no-match');
    expect(v.overlap).toBeLessThan(0.05);
  });

  test('a spun copy of the brief, keeping its figures, is still a copy', () => {
    const spun = ACME
      .replace('reported', 'announced').replace('exceeded', 'beat').replace('topped', 'surpassed')
      .replace('have risen', 'have climbed').replace('surveyed', 'polled').replace('posted', 'reported');
    const v = check(spun);
    expect(v.status).toBe('copy');
    expect(v.overlap).toBeGreaterThan(0.9);
  });

  test('a copy that updates most figures but keeps one (an updated story) is still a copy', () => {
    const updated = brief('Acme Tools Inc.', 'Denver', ['third-quarter', '41.9', '58', '64', '58', '514.0', '499.2', '15']);
    const v = check(updated);
    expect(v.status).toBe('copy');
    expect(v.likelyOriginal).toBe('acme-q3');
  });

  test('figures written another way ("$512.4 million" as "512,400,000") still agree', () => {
    const rewritten = ACME.replace('512.4 million', '512,400,000').replace('498.1 million', '498,100,000');
    expect(check(rewritten).overlap).toBeGreaterThan(0.9);
  });
});

/**
 * Wikipedia's thousands of town articles carry one generated census paragraph.
 * Two towns' paragraphs share every word and the template's own figures ("for
 * every 100 females", "from 18 to 24"); only the figures in its slots differ.
 */
const census = (town: string, f: readonly string[]): string => {
  const [people, households, families, density, white, children, married, size, family, under18, young, adult, middle, old, age, males, adultMales, income, familyIncome] = f;
  return [
    `${town} is a village in Ontario County, New York, United States.`,
    `As of the census of 2000, there were ${people} people, ${households} households, and ${families} families residing in the village.`,
    `The population density was ${density} people per square mile.`,
    `The racial makeup of the village was ${white}% White.`,
    `There were ${households} households out of which ${children}% had children under the age of 18 living with them and ${married}% were married couples living together.`,
    `The average household size was ${size} and the average family size was ${family}.`,
    `In the village the population was spread out with ${under18}% under the age of 18, ${young}% from 18 to 24, ${adult}% from 25 to 44, ${middle}% from 45 to 64, and ${old}% who were 65 years of age or older.`,
    `The median age was ${age} years. For every 100 females there were ${males} males. For every 100 females age 18 and over, there were ${adultMales} males.`,
    `The median income for a household in the village was $${income}, and the median income for a family was $${familyIncome}.`,
  ].join(' ');
};

const HOLCOMB = census('Holcomb', ['790', '341', '215', '612.4', '97.1', '28.4', '51.0', '2.32', '2.91', '23.3', '6.2', '27.8', '26.5', '16.2', '40', '91.3', '87.9', '41,875', '50,417']);
const BLOOMFIELD = census('Bloomfield', ['1,267', '518', '352', '1,104.8', '98.6', '31.9', '55.2', '2.45', '2.96', '25.1', '5.4', '29.6', '24.2', '15.7', '38', '94.0', '89.5', '46,250', '53,889']);

describe('generated census paragraphs', () => {
  let censusCorpus: Corpus;
  beforeAll(() => {
    censusCorpus = loadCorpus(buildCorpusIndex([
      { id: 'holcomb', title: 'Holcomb, New York', outlet: 'Wikipedia', published: '2004-06-01', url: 'https://en.wikipedia.org/wiki/Holcomb,_New_York', text: HOLCOMB },
    ]));
  });
  // the page on another host: the same words at another address on the corpus article's own host are that
  // site's article under two addresses, which is the article cannot be told (claims.test.ts)
  const checkTown = (text: string) =>
    attribute({ text, published: '2004-07-01', url: 'https://wiki-mirror.example/Bloomfield,_New_York' }, [censusCorpus], { lexicon });

  test("another town's paragraph borrows nothing, though it shares the template's own figures", () => {
    const v = checkTown(BLOOMFIELD);
    expect(v.status).toBe('no-match');
    expect(v.overlap).toBeLessThan(0.05);
  });

  test("a copy of the town's paragraph that updates its head count is still a copy", () => {
    const v = checkTown(HOLCOMB.replace('there were 790 people', 'there were 802 people'));
    expect(v.status).toBe('copy');
    expect(v.likelyOriginal).toBe('holcomb');
  });
});
