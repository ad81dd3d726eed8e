/**
 * A byline naming a wire is a credit of the wire (issue 17, part 3), with or without its reporter
 * ("By GEOFF MULVIHILL Associated Press", "Jill Colvin, AP", "Associated Press" on a line of its own
 * under a headline). On the real-news dev day carriers of AP copy without a dateline credit (a
 * Star Tribune, a Boston Globe page) were called `original` for want of it. And two carriers of one
 * wire's credited copy are not each other's source because one holds more of the wire's text.
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus } from '../../../src/engine/index.js';
import { creditsIn } from '../../../src/engine/verdict/credits.js';
import { bylineWire } from '../../../src/engine/text/wire-bylines.js';
import { lexicon, seedText } from '../../helpers/seed-corpus.js';

describe('bylineWire', () => {
  test.each([
    ['By GEOFF MULVIHILL Associated Press', 'Associated Press'],
    ['Jill Colvin, AP', 'AP'],
    ['By Jill Colvin and Zeke Miller, The Associated Press', 'The Associated Press'],
    ['Associated Press', 'Associated Press'],
    ['By Reuters', 'Reuters'],
  ])('%s names %s', (byline, wire) => expect(bylineWire(byline)).toBe(wire));

  test.each(['Trump attacks AP', 'Reporters questioned the AP', 'Jill Colvin', 'By Jane Doe, Staff Writer'])('%s names no wire', (line) => {
    expect(bylineWire(line)).toBeNull();
  });
});

describe('a byline line in a text', () => {
  const lede = 'PHILADELPHIA — The homeland security secretary said on Saturday there are no signs that a foreign power is targeting this year\'s elections on the scale it did two years ago.';
  const second = 'She spoke at a convention of state election officials, an event that is usually a low-key affair about voter registration, ballot machines and security.';

  test('under the headline, it credits the wire', () => {
    expect(creditsIn(['Official sees no sign of election meddling', 'By GEOFF MULVIHILL Associated Press', lede, second].join('\n\n')))
      .toEqual([{ name: 'Associated Press', line: 'By GEOFF MULVIHILL Associated Press' }]);
  });

  test('below the story\'s opening paragraphs (a compiled story\'s section), it does not credit the whole text', () => {
    expect(creditsIn(['Official sees no sign of election meddling', lede, second, 'The Associated Press', 'A brewery has issued a lager.'].join('\n\n'))).toEqual([]);
  });
});

describe('two carriers of one wire story', () => {
  const story = seedText('003').split('\n').filter((l) => l.trim().length > 0);
  const short = `WASHINGTON (AP) — ${story.slice(0, 6).join('\n\n')}`;
  // a later carrier holding the whole story and more of its own (photo captions, related items)
  const long = `WASHINGTON (AP) — ${story.join('\n\n')}\n\n${seedText('000')}`;
  // the earlier one in the corpus too, checked at its own address: its date is the corpus's record, not a claim
  const corpus = loadCorpus(buildCorpusIndex([
    { id: 'earlier-carrier', title: 'Story', outlet: 'Earlier Daily', published: '2021-12-09T09:00:00Z', url: 'https://earlier.example/story', text: short },
    { id: 'later-carrier', title: 'Story', outlet: 'Later Daily', published: '2021-12-09T12:00:00Z', url: 'https://later.example/story', text: long },
  ]));

  test('the later one, holding the earlier one whole, is not its source: the words are the wire\'s', () => {
    // Before: "the page lies inside a text twice as long" (containment) against the dates made the order unknown.
    const verdict = attribute({ text: short, url: 'https://earlier.example/story', published: '2021-12-09T09:00:00Z' }, [corpus], { lexicon: lexicon() });
    const later = verdict.sources.find((s) => s.id === 'later-carrier')!;
    expect(later.coverage).toBeGreaterThan(0.8);
    expect(later.relation).toBe('copy');
    expect(verdict.status).not.toBe('same-text');
  });
});
