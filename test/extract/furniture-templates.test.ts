/**
 * Furniture recognised by its template at any length (issue 18): photo-credit captions, script
 * text an ad network leaked into the body, a player's "Site View • date" line. Each made a false
 * flag on the real-news dev day; article paragraphs of the same length and words stay.
 */
import { describe, expect, it } from 'vitest';
import { isBoilerplateLine } from '../../src/extract/boilerplate-lines.js';
import { dropFurnitureParagraphs } from '../../src/extract/furniture-text.js';

const LONG_CAPTION =
  'People hold placards and banners during a march towards the main square of the capital to defend human rights, freedom of speech and democracy on a Sunday afternoon, a day ahead of the arrival of two presidents for a summit that has drawn protesters from across the region and beyond. (Photo by Jane Photographer / AFP) (Photo credit should read JANE PHOTOGRAPHER/AFP/Getty Images)';

describe('furniture templates', () => {
  it.each([
    LONG_CAPTION,
    'Leaders stand on the steps of the palace to watch the bands perform a ceremonial welcome as they arrive for a dinner with business leaders on the first day of a visit that includes talks, a tea and a private weekend, and is set to be greeted by a mass protest in the capital on Friday. / AFP PHOTO / Jane PhotographerJANE PHOTOGRAPHER/AFP/Getty Images ORIG FILE ID: AFP_17J9SP',
    'The president and first lady arrive aboard the plane at the international airport on a Sunday, ahead of talks with the visiting leader that are expected to run through Monday afternoon. (Photo by Chris Photographer/Getty Images)',
    'A man wearing a mask attends a rally against the policy of both presidents in the centre of the capital on Sunday, a day before the two leaders meet there for their first summit. (AP Photo/Jane Photographer)',
    "window._ad = window._ad || [];    _ad.push({      mode: 'thumbnails-c',      container: 'gallery-thumbnails-3',      placement: 'Interstitial Gallery Thumbnails 3',      target_type: 'mix'    });",
    "FILE - In this Nov. 11, 2017 file photo, two presidents talk during the family photo session at a summit. Their persistence in pursuing a warm relationship has confounded critics.",
    // a caption closed by AP's pool credit (real-news dev #8957)
    "This Nov. 11, 2017 file photo, shows two presidents talking during the family photo session at a summit. They meet again on Monday. (Jane Photographer/Pool Photo via AP, File)",
    'A woman shows a poster as she attends a rally in the centre of the capital on Sunday. The two presidents will meet there on Monday. less',
    'A woman shows a poster as she attends a rally in the centre of the capital on Sunday. The two presidents will ... more',
    'CBS News Videos • July 15, 2018',
    'latimes.com•',
    'Channel 8 San Diego•',
  ])('drops %s', (line) => expect(isBoilerplateLine(line)).toBe(true));

  it.each([
    'The photographer, who asked that his photo credit be withheld, said the crowd was peaceful throughout the march (and the police agreed).',
    'File sharing services were blamed in this photo essay for more than a third of the losses, the report said.',
    'He said the plan would cost more, not less',
    'In this town of 4,000 people, nobody remembers a photographer ever visiting before the summit.',
    'In this July 4, 2018 speech the governor said the state would not raise taxes, whatever the photo opportunities.',
    'The mayor (Jane Smith / city council) said the photo via AP was taken on Monday.',
    '• It has been building like the run-up to a royal wedding: the two presidents will finally have their first standalone summit meeting.',
    'The agency said the code was written as window.location = "x"; but that it did nothing harmful to readers, according to the researchers who found it in May.',
    'Voters approved the measure 59 percent to 41 percent • turnout was the highest in a decade, officials said in a statement that was released late on Tuesday night after counting.',
  ])('keeps %s', (line) => expect(isBoilerplateLine(line)).toBe(false));

  it('drops furniture paragraphs from a text, keeps the article', () => {
    const article = 'Council passes the budget after a long night of debate over roads, schools and the new library that residents asked for.';
    const text = [article, LONG_CAPTION, article.replace('budget', 'plan'), 'CBS News Videos • July 15, 2018'].join('\n\n');
    expect(dropFurnitureParagraphs(text)).toBe([article, article.replace('budget', 'plan')].join('\n\n'));
  });

  it('drops a caption whose credit is a line of its own, "(Name / AP)"', () => {
    const article = 'Council passes the budget after a long night of debate over roads, schools and the new library that residents asked for.';
    const caption = 'Two presidents talk during the family photo session at a summit in a coastal city.';
    const text = [article, caption, '(Jane Photographer / AP)', article.replace('budget', 'plan')].join('\n\n');
    expect(dropFurnitureParagraphs(text)).toBe([article, article.replace('budget', 'plan')].join('\n\n'));
  });

  it('keeps a text that is nothing but its caption: the card is the caption', () => {
    expect(dropFurnitureParagraphs(LONG_CAPTION)).toBe(LONG_CAPTION);
  });

  it('returns a text without furniture unchanged (offsets stay valid)', () => {
    const text = 'One paragraph here.\n\n\nAnother one, after two blank lines.\n';
    expect(dropFurnitureParagraphs(text)).toBe(text);
  });
});
