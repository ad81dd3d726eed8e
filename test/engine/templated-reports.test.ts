/**
 * Automated and templated news (earnings briefs, market wraps) says different
 * things in the same words: one company's quarter and another's share every
 * word but the figures. That is a template, not a copy. A spun copy of the
 * same brief keeps its figures, and stays a copy.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Corpus, type Lexicon } from '../../src/engine/index.js';
import { lexicon as loadLexicon } from '../helpers/seed-corpus.js';

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
