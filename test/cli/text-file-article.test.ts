/**
 * A text file's credit lines survive the furniture pass: they are the file's only record of where
 * its words came from. The seeds are real: 001 is an autoblog's paste ("[ad_1]" … "Source link"),
 * 000 ends "Source: Al Jazeera and news agencies" under two credited photo captions.
 */
import { expect, test } from 'vitest';
import { textFileArticle } from '../../src/cli/text-file-article.js';
import { attribute } from '../../src/engine/index.js';
import { lexicon, seedCorpus, seedId, seedText } from '../helpers/seed-corpus.js';

test('captions go, credit lines and scrapers\' marks stay', () => {
  const spun = textFileArticle(seedText('001'));
  expect(spun).toContain('[ad_1]');
  expect(spun).toContain('Source link');
  expect(spun).not.toMatch(/^Related Articles$/m);
  const original = textFileArticle(seedText('000'));
  expect(original).toContain('Source: Al Jazeera and news agencies');
  expect(original).not.toContain('[File: Evan Vucci/AP Photo]');
});

test('the bundled corpus keeps the autoblog\'s mark, so an undated paste is still told to be the copy', () => {
  const v = attribute({ text: textFileArticle(seedText('000')), published: '2021-12-09' }, [seedCorpus()], { lexicon: lexicon() });
  const spun = v.sources.find((s) => s.id === seedId('001'))!;
  expect(spun.relation).toBe('copy');
  expect(spun.evidence.some((e) => e.kind === 'credit' && e.says === 'copy')).toBe(true);
});

test('a caption an agency’s photo credit ends is furniture still: its credit speaks for a photo card, not for a paragraph of an article', () => {
  // real-news dev #4579 (Daily Mail's AP story), its last caption
  const caption = 'A man with a Putin mask and a rainbow flag attends a rally against the policy of U.S. President Donald Trump and Russian President Vladimir Putin in central Helsinki, Sunday, July 15, 2018. (AP Photo/Markus Schreiber)';
  const story = [
    'TURNBERRY, Scotland (AP) - President Donald Trump is keeping expectations low for his high-stakes summit with Russia\'s Vladimir Putin.',
    'The United States has no extradition treaty with Moscow and can\'t compel Russia to hand over citizens.',
    caption,
  ].join('\n\n');
  const kept = textFileArticle(story);
  expect(kept).toContain('TURNBERRY, Scotland (AP)');
  expect(kept).not.toContain('AP Photo/Markus Schreiber');
});
