/**
 * One paragraph lifted word for word into a long report is reuse, though it is
 * a small share of the page: the page is `partial`, naming the paragraph's
 * source. A single sentence is not enough. The long report is seeds 003 and 004
 * (two outlets' own words on the Biden–Putin call), the lifted paragraphs come
 * from seed 000, the only article in the corpus.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, LIFTED_PASSAGE_WORDS, loadCorpus, PARTIAL_THRESHOLD, type Corpus, type Lexicon } from '../../src/engine/index.js';
import { lexicon as loadLexicon, seedArticles, seedId, seedText } from '../helpers/seed-corpus.js';

let corpus: Corpus;
let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
  corpus = loadCorpus(buildCorpusIndex(seedArticles().filter((a) => a.id === seedId('000'))));
});

const paragraphsOf = (prefix: string): string[] => seedText(prefix).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;
/** Seed 003's paragraphs, `inserted` after its sixth, then seed 004's. */
const reportWith = (inserted: string): string =>
  [...paragraphsOf('003').slice(0, 6), inserted, ...paragraphsOf('003').slice(6), ...paragraphsOf('004')].join('\n\n');
const check = (text: string) => attribute({ text, published: '2021-12-20' }, [corpus], { lexicon });

describe('a lifted paragraph', () => {
  test('the long report alone borrows nothing from seed 000', () => {
    expect(check(reportWith('')).status).toBe('no-match');
  });

  test(`a paragraph of ${LIFTED_PASSAGE_WORDS} words or more is partial reuse, though under ${PARTIAL_THRESHOLD * 100} % of the page`, () => {
    // "Ukraine has said 94,000 Russian troops are massed along the border…" (41 words)
    const paragraph = paragraphsOf('000').find((p) => p.startsWith('Ukraine has said 94,000'))!;
    expect(wordsIn(paragraph)).toBeGreaterThanOrEqual(LIFTED_PASSAGE_WORDS);
    const v = check(reportWith(paragraph));
    expect(v.overlap).toBeLessThan(PARTIAL_THRESHOLD);
    expect(v.status).toBe('partial');
    expect(v.likelyOriginal).toBe(seedId('000'));
    const passages = v.sources[0]!.passages;
    const page = reportWith(paragraph);
    const at = page.indexOf(paragraph);
    for (const p of passages) expect(p.page[0] >= at && p.page[1] <= at + paragraph.length).toBe(true);
  });

  test('a single sentence lifted is not enough', () => {
    // "US intelligence agencies have warned that Putin could be in position…" (25 words)
    const sentence = paragraphsOf('000').find((p) => p.startsWith('US intelligence agencies'))!;
    expect(wordsIn(sentence)).toBeLessThan(LIFTED_PASSAGE_WORDS);
    const v = check(reportWith(sentence));
    expect(v.sources.find((s) => s.id === seedId('000'))?.passages.length ?? 0).toBeGreaterThan(0);
    expect(v.status).toBe('no-match');
  });

  test('a paragraph written later than the page does not make it partial (direction still rules)', () => {
    const paragraph = paragraphsOf('000').find((p) => p.startsWith('Ukraine has said 94,000'))!;
    const v = attribute({ text: reportWith(paragraph), published: '2021-12-01' }, [corpus], { lexicon });
    expect(v.status).toBe('no-match');
  });
});
