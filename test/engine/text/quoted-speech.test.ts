/**
 * The text stage's readers of quoted speech beyond double quotes: single marks (whose closing
 * mark is also the apostrophe), and social posts embedded in text shape, known by their
 * "— Name (@handle) date" signature line.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { markAttributionFrames } from '../../../src/engine/text/attribution.js';
import { findBlockQuoteSpans } from '../../../src/engine/text/block-quotes.js';
import { findEmbeddedPostSpans, MAX_POST_WORDS } from '../../../src/engine/text/embedded-posts.js';
import { segmentSentences } from '../../../src/engine/text/segment.js';
import { findSingleQuotedSpans } from '../../../src/engine/text/single-quotes.js';
import { tokenize } from '../../../src/engine/text/tokenize.js';
import { growthRatio, LINEAR_AT_8X } from '../../helpers/growth.js';

const pieces = (text: string, spans: ReadonlyArray<readonly [number, number]>) => spans.map(([s, e]) => text.slice(s, e));

describe('single quotes', () => {
  test('straight and curly, closed on the same line', () => {
    const text = "Trump: 'I go in with low expectations' and \u2018we will see,\u2019 he said.";
    expect(pieces(text, findSingleQuotedSpans(text))).toEqual(["'I go in with low expectations'", '\u2018we will see,\u2019']);
  });

  test('apostrophes close nothing and open nothing', () => {
    const text = "Russia\u2019s envoy didn't say, and the Russians' hacking went on.";
    expect(findSingleQuotedSpans(text)).toEqual([]);
  });

  test('doubled single marks are one double quote, not two apostrophes', () => {
    const text = '\u2018\u2018I think we get along well,\u2019\u2019 Trump said of Putin\u2019s visit.';
    expect(pieces(text, findSingleQuotedSpans(text))).toEqual(['\u2018\u2018I think we get along well,\u2019\u2019']);
  });

  test('an opening mark with no closing one on its line quotes nothing', () => {
    const text = "He called it 'a disgrace\nand left.' Then";
    expect(findSingleQuotedSpans(text)).toEqual([]);
  });

  test('spans lie inside the text, in order, without overlap', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z '\u2018\u2019\n.,]{0,80}$/), (text) => {
      let last = 0;
      for (const [s, e] of findSingleQuotedSpans(text)) {
        expect(s).toBeGreaterThanOrEqual(last);
        expect(e).toBeGreaterThan(s);
        expect(e).toBeLessThanOrEqual(text.length);
        last = e;
      }
    }));
  });
});

describe('embedded posts', () => {
  const post = 'Heading to Helsinki, Finland \u2013 looking forward to meeting with President Putin tomorrow.';
  test('the signature line and the paragraph before it', () => {
    const text = `The president wrote on Sunday morning.\n\n${post}\n\n\u2014 Donald J. Trump (@realDonaldTrump) July 15, 2018\n\nHe landed at noon.`;
    expect(pieces(text, findEmbeddedPostSpans(text))).toEqual([`${post}\n\n\u2014 Donald J. Trump (@realDonaldTrump) July 15, 2018`]);
  });

  test('a paragraph too long to be a post is the article\u2019s own: only the signature is marked', () => {
    const long = Array.from({ length: MAX_POST_WORDS + 5 }, (_, i) => `word${i}`).join(' ');
    const text = `${long}\n\n\u2014 CBS News (@CBSNews) July 15, 2018`;
    expect(pieces(text, findEmbeddedPostSpans(text))).toEqual(['\u2014 CBS News (@CBSNews) July 15, 2018']);
  });

  test('a dash line without a handle and a date is no signature', () => {
    const text = `${post}\n\n\u2014 Donald J. Trump, July 15, 2018\n\n- Reporting by Jane Roe (@janeroe)`;
    expect(findEmbeddedPostSpans(text)).toEqual([]);
  });
});

describe('attribution frames', () => {
  const framed = (text: string, quotedWords: string) => {
    const tokens = tokenize(text);
    const quoted = new Uint8Array(tokens.terms.length);
    const at = text.indexOf(quotedWords);
    tokens.starts.forEach((s, t) => { if (s >= at && s < at + quotedWords.length) quoted[t] = 1; });
    const frame = markAttributionFrames(tokens, segmentSentences(tokens), quoted);
    return [...frame.keys()].filter((t) => frame[t]).map((t) => text.slice(tokens.starts[t], tokens.ends[t])).join(' ');
  };

  test('who said it and where', () => {
    expect(framed('\u201cWe are pleased with the quarter,\u201d said CEO Craig Menear in the company\u2019s news release.', 'We are pleased with the quarter'))
      .toBe('said CEO Craig Menear in the company\u2019s news release');
  });

  test('not a sentence of the outlet\u2019s own that carries a few quoted words', () => {
    const text = 'The senator, who has opposed the summit for weeks and voted against the sanctions bill, called the plan \u201ca real disgrace for us.\u201d';
    expect(framed(text, 'a real disgrace for us')).toBe('');
  });
});

describe('linear time on hostile input', () => {
  test('single quotes, on a run of opening marks never closed', () => {
    expect(growthRatio(findSingleQuotedSpans, (n) => " 'w".repeat(n / 3) + 'x', 4000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('embedded posts, on signature lines one after another and a long line of spaces before one', () => {
    const signature = '\u2014 A (@a) July 1, 2018\n';
    expect(growthRatio(findEmbeddedPostSpans, (n) => signature.repeat(n / signature.length), 4000)).toBeLessThan(LINEAR_AT_8X);
    expect(growthRatio(findEmbeddedPostSpans, (n) => 'w' + ' '.repeat(n) + `\n${signature}`, 4000)).toBeLessThan(LINEAR_AT_8X);
  });
});

describe('block quotations', () => {
  test('the paragraph after a line that ends in a colon and says who speaks', () => {
    const text = 'Spotify said in a statement:\n\nWe have long had a policy against hate content.\n\nThe company did not say more.';
    expect(pieces(text, findBlockQuoteSpans(text))).toEqual(['We have long had a policy against hate content.']);
  });

  test('not after a colon that introduces no speaker', () => {
    const text = 'The results were as follows:\n\nRevenue rose by a third in the quarter.';
    expect(findBlockQuoteSpans(text)).toEqual([]);
  });

  test('linear time, on a run of introducing lines', () => {
    expect(growthRatio(findBlockQuoteSpans, (n) => 'He said:\n'.repeat(n / 9) + 'x', 4000)).toBeLessThan(LINEAR_AT_8X);
  });
});
