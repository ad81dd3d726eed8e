/** The paragraph-level clean-up rules: furniture lines go, article sentences that look similar stay. */
import { describe, expect, it } from 'vitest';
import { isBoilerplateLine } from '../../src/extract/boilerplate-lines.js';
import { blockParagraphs } from '../../src/extract/block-text.js';
import { parseHtmlDocument } from '../../src/extract/node-html.js';

describe('isBoilerplateLine', () => {
  it.each([
    'Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing',
    'Related: Possible Water Plumes on Europa: The Discovery in Images',
    'By Justine Coleman - 11/18/19 11:04 PM EST',
    'Nov. 20, 2019 5:52 AM EST',
    'Published 10:02 AM EST Nov 19, 2019',
    'Advertisement',
    'Continue Reading Below',
    'China has warned they will cease control of Hong Kong (Image: GETTY )',
    'Vicente Aguiar loads garage door trims into his pickup truck (AP Photo/Alan Diaz, File)',
    'Source: Al Jazeera and news agencies',
    'Associated Press writers Alan Fram and Zeke Miller contributed to this report.',
    '[ad_1]',
    'Source link',
    'Back to top button',
    '© 2022 Al Jazeera Media Network',
    'Sign up for our newsletter to get the news in your inbox',
    'Image 3 of 15',
    '1 of 12',
    '1 / 19',
    'Trending in Politics',
    'Brooke Singman is a Politics Reporter for Fox News. Follow her on Twitter at @brookefoxnews.',
  ])('drops %s', (line) => expect(isBoilerplateLine(line)).toBe(true));

  it.each([
    'More than 100 people died in the floods, officials said on Tuesday.',
    'Published reports say the deal was signed last week.',
    'By contrast, a Kremlin spokesman told Russian state-owned news outlet Sputnik that Putin told Biden.',
    'By Tuesday, the number had risen to 40.',
    'Sign up for the Disney+ bundle using the same email as your Hulu account',
    '[Ni’matul Ukhuwah hal. 41]',
    'http://amzn.to/2iJFhRj',
    '3 of 5 voters said they would back the measure.',
    'Trending in Europe this summer are short stays and night trains, travel agents say.',
    'Fans were urged to follow him on Twitter as the tour went on, and millions did within a week of the first concert.',
    'Russia has denied it plans to invade Ukraine, but Putin has warned any expansion of US military hardware into Ukraine would cross a red line. Source: officials.',
  ])('keeps %s', (line) => expect(isBoilerplateLine(line)).toBe(false));
});

describe('blockParagraphs', () => {
  it('splits on block elements and <br>, joins inline runs, collapses whitespace', () => {
    const doc = parseHtmlDocument('<div><p>One <b>bold</b>\n  word.</p><p>Two</p>Three<br>Four<ul><li>Five</li></ul><script>x()</script></div>');
    expect(blockParagraphs(doc.body)).toEqual(['One bold word.', 'Two', 'Three', 'Four', 'Five']);
  });
});
