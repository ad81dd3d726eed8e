/**
 * A photo gallery's captions are what it publishes: an agency's captions carry its story's
 * sentences, and a slideshow of them republishes the story. On the real-news dev day three AP
 * galleries (a chron.com, an omaha.com and an sfgate.com slideshow of a story's photos) lost all
 * their captions to the credited-caption rule and were left with a headline and "Image N of M"
 * lines, so none was found to carry the story. An article with a picture keeps losing its caption,
 * however long the caption or often the page repeats it.
 */
import { describe, expect, it } from 'vitest';
import { dropFurnitureParagraphs, withoutFurniture } from '../../src/extract/furniture-text.js';
import { isPhotoCreditLine } from '../../src/extract/furniture-templates.js';

const captions = [
  'A cabinet secretary addresses a convention of state election officials on Saturday in a large eastern city, where she said there were no signs of a foreign campaign against this year\'s elections on the scale of the last one. (AP Photo/Jane Photographer)',
  'Computer mouse pads with a campaign logo on them are seen on a vendor\'s table at the convention on Saturday, an event that is usually a low-key affair about voter registration and ballot machines. (AP Photo/Jane Photographer)',
  'A state official answers a question about voting security during the convention on Saturday, as officials who run elections said the public\'s confidence in fair elections must not be undermined. (AP Photo/Jane Photographer)',
  'Protesters stand outside the hotel where the cabinet secretary addressed the convention on Saturday, after police escorted them from the lobby where they had chanted for an hour. (AP Photo/Jane Photographer)',
];

const gallery = [
  'Official: foreign agents use social media to divide voters',
  'Jane Reporter, Associated Press',
  ...captions.flatMap((c, i) => [`Image ${i + 1} of ${captions.length}`, c]),
].join('\n\n');

const article = (caption: string) => [
  'Leader sets expectations low for the summit',
  caption,
  caption,
  'The leader said nothing bad would come of the summit on Monday, and that maybe some good would, in a television interview taped at his golf resort on Saturday.',
  'He also said he had not thought about asking for the extradition of the officers indicted this past week, but that he certainly would be asking about it.',
].join('\n\n');

describe('gallery captions', () => {
  it('keeps a gallery\'s captions and drops its other furniture', () => {
    const kept = dropFurnitureParagraphs(gallery);
    for (const c of captions) expect(kept).toContain(c);
    expect(kept).not.toMatch(/Image \d of \d/);
  });

  it('drops the caption of an article with one picture, long and repeated', () => {
    const caption = `FILE - In this Nov. 11, 2017 file photo, two presidents talk during the family photo session at a summit. ${'Their persistence in pursuing a warm relationship has confounded critics at home and abroad, and the summit will test it. '.repeat(3)}`.trim();
    expect(dropFurnitureParagraphs(article(caption))).not.toContain('FILE - In this');
  });

  it('drops the captions of an article whose own paragraphs outweigh them', () => {
    const paragraphs = [
      ...article('x').split('\n\n').filter((p) => p !== 'x'),
      'Officials said the talks would cover trade, security and the war, and that no agreement was expected to be signed by either side at the end of the day.',
      'Critics of both leaders planned protests in the capital on Sunday and Monday, organisers said, with thousands expected to march to the main square.',
      'The two leaders last met briefly at a summit in November, where they spoke on the sidelines for a few minutes and agreed to meet again.',
      ...captions.slice(0, 3),
    ];
    const kept = withoutFurniture(paragraphs);
    for (const c of captions) expect(kept).not.toContain(c);
  });
});

/**
 * A layout that sets the photo's credit on a line of its own under the caption (USA Today's, a
 * chain's galleries): the credit line is furniture, and so is the caption above it. On the dev
 * day an article's caption of a NATO photo, kept because its credit was the next line, matched a
 * gallery's caption of the same photo (a pair the labels call furniture-only).
 */
describe('captions credited on the next line', () => {
  it.each([
    'Pablo Martinez Monsivais, AP',
    'BRENDAN SMIALOWSKI, AFP/Getty Images',
    '(Photo: Geert Vanden Wijngaert, AP)',
    'AP Photo/Markus Schreiber',
    'Pool photo by Tatyana Zenkovich , EPA-EFE',
    'KIMMO BRANDT, EPA-EFE',
  ])('%s is a credit line', (line) => expect(isPhotoCreditLine(line)).toBe(true));

  it.each([
    'Geoff Mulvihill, Associated Press',
    'Washington, D.C.',
    'The president spoke to AP reporters in Helsinki on Monday, July 16, 2018.',
  ])('%s is not', (line) => expect(isPhotoCreditLine(line)).toBe(false));

  it('drops the caption above a credit line and the line, keeps the headline above a byline', () => {
    const caption = 'The president attends a meeting of the alliance during a summit of heads of state at its headquarters on Wednesday, July 11, 2018.';
    const body = 'The president and the first lady are arriving at the airport on Sunday ahead of the first formal summit with the Russian president on Monday.';
    const text = ['Leaders land ahead of the summit', 'Jane Reporter, AP', caption, '(Photo: Jane Photographer, AP)', body].join('\n\n');
    // the byline names a wire: it stays as the text's credit (see below)
    expect(dropFurnitureParagraphs(text)).toBe(['Leaders land ahead of the summit', 'Jane Reporter, AP', body].join('\n\n'));
  });
});

describe('a byline naming a wire', () => {
  it('stays in the text (it credits the wire), other bylines go', () => {
    const body = 'The homeland security secretary said on Saturday there are no signs that a foreign power is targeting this year\'s elections.';
    expect(dropFurnitureParagraphs(['Headline of the story', 'By GEOFF MULVIHILL Associated Press', body].join('\n\n'))).toContain('By GEOFF MULVIHILL Associated Press');
    expect(dropFurnitureParagraphs(['Headline of the story', 'By Jane Doe', body].join('\n\n'))).not.toContain('By Jane Doe');
  });
});
