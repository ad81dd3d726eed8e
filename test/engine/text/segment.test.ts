import { describe, expect, test } from 'vitest';
import { findQuotedSpans, segmentSentences } from '../../../src/engine/text/segment.js';
import { tokenize } from '../../../src/engine/text/tokenize.js';

const sentencesOf = (text: string): string[] => segmentSentences(tokenize(text)).map((s) => text.slice(s.start, s.end));

describe('segmentSentences', () => {
  test('splits at terminal punctuation but not after abbreviations or initials', () => {
    expect(sentencesOf('Mr. Biden spoke to Gen. Milley on Jan. 3. They met in the U.S. Capitol. J. Smith left!')).toEqual([
      'Mr. Biden spoke to Gen. Milley on Jan. 3.',
      'They met in the U.S. Capitol.',
      'J. Smith left!',
    ]);
  });

  test('a closing quote stays with its sentence', () => {
    expect(sentencesOf('“We will respond,” she said. He agreed.')).toEqual(['“We will respond,” she said.', 'He agreed.']);
  });

  test('a headline line without punctuation is its own sentence', () => {
    expect(sentencesOf('Biden speaks to Ukraine’s president\nUS President Joe Biden has spoken.')).toEqual([
      'Biden speaks to Ukraine’s president',
      'US President Joe Biden has spoken.',
    ]);
  });

  test('hard-wrapped lines are not cut at every line break', () => {
    const text = 'Inheritance is a basic concept of Object-Oriented Programming where\nthe basic idea is to create new classes.';
    expect(sentencesOf(text)).toEqual([text]);
  });

  test('a page typed in one case ends its datelines and headlines where its normal-case form does', () => {
    const text = 'Biden speaks to Ukraine’s president\n7 Dec 2021\nUS President Joe Biden has warned Vladimir Putin against any escalation';
    const expected = ['biden speaks to ukraine’s president', '7 dec 2021', 'us president joe biden has warned vladimir putin against any escalation'];
    expect(sentencesOf(text).map((s) => s.toLowerCase())).toEqual(expected);
    expect(sentencesOf(text.toLowerCase())).toEqual(expected);
    expect(sentencesOf(text.toUpperCase()).map((s) => s.toLowerCase())).toEqual(expected);
  });

  test('sentences tile the tokens and a run-on text is cut into bounded pieces', () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const sentences = segmentSentences(tokenize(text));
    expect(sentences[0]!.firstToken).toBe(0);
    for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.firstToken).toBe(sentences[i - 1]!.endToken);
    expect(sentences.at(-1)!.endToken).toBe(500);
    expect(Math.max(...sentences.map((s) => s.endToken - s.firstToken))).toBeLessThanOrEqual(80);
  });
});

describe('findQuotedSpans', () => {
  test('curly, straight and low-high quotes', () => {
    const text = 'He said “yes” and "no" and „ja“.';
    expect(findQuotedSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['“yes”', '"no"', '„ja“']);
  });

  test('an unclosed quote ends at the paragraph break', () => {
    const text = '“We will go on\n\nNext paragraph.';
    expect(findQuotedSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['“We will go on']);
  });
});

describe('stray quote marks do not swallow the text', () => {
  test('a straight quote that touches the word before it opens nothing', () => {
    const text = 'The 12" pipe burst.\nLater the crew said "it held" for hours.';
    expect(findQuotedSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['"it held"']);
  });

  test('straight quotes are read like curly ones, unclosed ones included', () => {
    const curly = 'She said “we stay” and “we will go on\nNext.';
    const straight = curly.replace(/[“”]/g, '"');
    expect(findQuotedSpans(straight)).toEqual(findQuotedSpans(curly));
  });

  test('a quotation that lost its closing mark before the next one opens is read the same in straight quotes', () => {
    const curly = 'Officials said “the talks will go on. They warned of “strong measures” if troops moved.';
    const straight = curly.replace(/[“”]/g, '"');
    expect(findQuotedSpans(curly).map(([s, e]) => curly.slice(s, e))).toEqual(['“the talks will go on. They warned of “strong measures”']);
    expect(findQuotedSpans(straight)).toEqual(findQuotedSpans(curly));
  });

  test('an unclosed curly quote on a very long line is taken as stray', () => {
    const text = `He said “${'word '.repeat(120)}`;
    expect(findQuotedSpans(text)).toEqual([]);
  });
});

test('all-caps text still splits after a one-letter word', () => {
  expect(sentencesOf('COUNCIL PICKS PLAN A. BIDEN SPEAKS TO UKRAINE.')).toEqual(['COUNCIL PICKS PLAN A.', 'BIDEN SPEAKS TO UKRAINE.']);
});
