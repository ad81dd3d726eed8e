/**
 * Issue 13 item 6 / issue 19 item 4: the extension's check asks for the candidates' articles and
 * then attributes the same page; the page is cut up (tokenized, segmented) and looked up once for both.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { attribute, buildCorpusIndex, candidateArticles, loadCorpus, type Corpus, type Lexicon } from '../../../src/engine/index.js';
import { lexicon, seedArticles, seedText } from '../../helpers/seed-corpus.js';

const prepared = vi.hoisted(() => ({ texts: [] as string[] }));
vi.mock('../../../src/engine/align/prepared-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/engine/align/prepared-text.js')>();
  return {
    ...original,
    prepareText: (text: string, ...rest: unknown[]) => {
      prepared.texts.push(text);
      return (original.prepareText as (...args: unknown[]) => unknown)(text, ...rest);
    },
  };
});

describe('candidateArticles then attribute on one page', () => {
  let corpus: Corpus;
  let lex: Lexicon;
  beforeAll(() => {
    corpus = loadCorpus(buildCorpusIndex(seedArticles()));
    lex = lexicon();
  });
  // a copy of seed 001 with a line of its own, so no corpus article has the very same text
  const page = () => ({ text: `${seedText('001')}\n\nThe story was updated on Friday with a statement from the ministry.`, url: 'https://copy.example/story' });
  const pageCuts = (text: string) => prepared.texts.filter((t) => t === text).length;

  test('cuts the page up once, and gives the verdict attribute alone gives', () => {
    const alone = attribute(page(), [corpus], { lexicon: lex });
    const checked = page();
    prepared.texts.length = 0;
    const wanted = candidateArticles(checked, [corpus], { lexicon: lex });
    const verdict = attribute(checked, [corpus], { lexicon: lex });
    expect(pageCuts(checked.text)).toBe(1);
    expect(wanted.length).toBeGreaterThan(0);
    expect(verdict).toEqual(alone);
  });

  test('a second attribute on the same page cuts it up afresh (aligning adds the sources’ terms to the first one’s ids)', () => {
    const checked = page();
    candidateArticles(checked, [corpus], { lexicon: lex });
    const first = attribute(checked, [corpus], { lexicon: lex });
    prepared.texts.length = 0;
    expect(attribute(checked, [corpus], { lexicon: lex })).toEqual(first);
    expect(pageCuts(checked.text)).toBe(1);
  });

  test('other corpora or another limit are looked up again, not answered from the first lookup', () => {
    const checked = page();
    expect(candidateArticles(checked, [corpus], { lexicon: lex }).length).toBeGreaterThan(0);
    expect(candidateArticles(checked, [], { lexicon: lex })).toEqual([]);
    expect(candidateArticles(checked, [corpus], { lexicon: lex, maxCandidates: 1 })).toHaveLength(1);
    expect(attribute(checked, [], { lexicon: lex }).sources).toEqual([]);
  });
});
