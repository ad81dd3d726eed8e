/**
 * Issue 18, page furniture: every article of a day carries a line that only says when it was
 * published, and every agency photo a bracketed credit. Two such lines alike say nothing about the
 * texts, so they are never aligned.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { alignSource } from '../../../src/engine/align/align.js';
import { prepareText } from '../../../src/engine/align/prepared-text.js';
import { TermMatcher } from '../../../src/engine/align/sentence-similarity.js';
import type { Lexicon } from '../../../src/engine/index.js';
import { TermIds } from '../../../src/engine/text/term-ids.js';
import { isOnlyAsides } from '../../../src/engine/text/asides.js';
import { isTimestamp } from '../../../src/engine/text/timestamps.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

describe('isTimestamp', () => {
  test.each([
    'ET July 15, 2018',
    'CBS News July 15, 2018, 2:09 PM',
    'Published 9:21 a.m. ET July 15, 2018 | Updated 8:33 p.m. ET July 15, 2018',
    'Sunday, July 15, 2018',
    'Updated 2018-07-15 14:09 GMT',
    'Published 9:21 a.m.',
  ])('%s only says when', (line) => expect(isTimestamp(line)).toBe(true));

  test.each([
    'On July 15, 2018, President Trump met Vladimir Putin in Helsinki.',
    'Trump and Putin meet on Monday.',
    'July',
    'Helsinki talks at 9:21',
    'The Washington Post Company Inc. July 2018',
  ])('%s says more, or too little of when', (line) => expect(isTimestamp(line)).toBe(false));
});

describe('isOnlyAsides', () => {
  test.each([
    '(Photo by Maxim Zmeyev / AFP) (Photo credit should read MAXIM ZMEYEV/AFP/Getty Images)',
    '(AP Photo/Evan Vucci)',
    '[Reuters]',
  ])('%s is only asides', (line) => expect(isOnlyAsides(line)).toBe(true));

  test.each([
    'The summit (the first since 2010) ends on Monday.',
    '(He did not say why.) Officials declined to comment.',
    '',
  ])('%s is prose', (line) => expect(isOnlyAsides(line)).toBe(false));
});

const PAGE_OWN = 'Protesters gathered in the city centre on Saturday carrying banners about press freedom and human rights.\n\nLocal police said the demonstrations were peaceful and that no arrests had been made by the evening.';
const SOURCE_OWN = 'Analysts in Washington expect little progress on arms control, though both sides have said they want to talk.\n\nThe last formal meeting between the two leaders took place on the sidelines of an economic forum in Vietnam.';

function passagesOf(page: string, source: string): string[] {
  const ids = new TermIds();
  const prepared = prepareText(page, ids);
  return alignSource(prepared, prepareText(source, ids), new TermMatcher(lexicon, ids)).passages.map((p) => page.slice(p.page[0], p.page[1]));
}

describe('aligning two texts that share only a publication line', () => {
  const stamp = 'Published 9:21 a.m. ET July 15, 2018 | Updated 8:33 p.m. ET July 15, 2018';

  test('the line makes no passage', () => {
    expect(passagesOf(`${stamp}\n\n${PAGE_OWN}`, `${stamp}\n\n${SOURCE_OWN}`)).toEqual([]);
  });

  test('nor do two credits of different photos', () => {
    const page = `${PAGE_OWN} (Photo by Maxim Zmeyev / AFP) (Photo credit should read MAXIM ZMEYEV/AFP/Getty Images)`;
    const source = `${SOURCE_OWN} (Photo by Jonathan Nackstrand / AFP) (Photo credit should read JONATHAN NACKSTRAND/AFP/Getty Images)`;
    expect(passagesOf(page, source)).toEqual([]);
  });

  test('a shared sentence beside it still does', () => {
    const shared = 'Finnish officials have spent weeks preparing the presidential palace, closing streets and harbour lanes around it.';
    expect(passagesOf(`${stamp}\n\n${PAGE_OWN}\n\n${shared}`, `${stamp}\n\n${SOURCE_OWN}\n\n${shared}`).join(' ')).toContain('Finnish officials');
  });
});
