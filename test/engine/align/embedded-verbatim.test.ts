/**
 * A rewritten sentence can keep a long stretch of its source word for word.
 * That stretch is verbatim reuse and is shown and counted as such; the words
 * rewritten around it stay paraphrase; and the page words the sentence
 * accounts for are the same either way.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Corpus, type Lexicon } from '../../../src/engine/index.js';
import { markWords, wordSpans } from '../../../src/engine/align/prepared-text.js';
import { lexicon as loadLexicon, seedArticles, seedId } from '../../helpers/seed-corpus.js';

let corpus: Corpus;
let lexicon: Lexicon;
let source: string;
/** The rest of the page: seed 003, another outlet's own report of the same call (nothing from 000). */
let ownReport: string;
beforeAll(() => {
  ownReport = seedArticles().find((a) => a.id === seedId('003'))!.text;
  lexicon = loadLexicon();
  const article = seedArticles().find((a) => a.id === seedId('000'))!;
  source = article.text;
  corpus = loadCorpus(buildCorpusIndex([article]));
});

// Seed 000: "Ukraine has said 94,000 Russian troops are massed along the border in the second such
// buildup so far this year, prompting a slew of warnings from top Biden administration officials
// seeking to deter Moscow from taking “significant aggressive moves” against Kyiv."
const KEPT = 'in the second such buildup so far this year, prompting a slew of warnings from top Biden administration officials';
const SENTENCE = `Kyiv says 94,000 Russian soldiers have gathered near the frontier ${KEPT}, who want to stop Moscow from taking major hostile steps against Ukraine.`;

describe('a long verbatim stretch inside a rewritten sentence', () => {
  test('is a verbatim passage, between paraphrased pieces that tile the sentence', () => {
    const page = `${SENTENCE}\n\n${ownReport}`;
    const v = attribute({ text: page, published: '2021-12-20' }, [corpus], { lexicon });
    const passages = v.sources[0]!.passages;
    const verbatim = passages.filter((p) => p.kind === 'verbatim');
    expect(verbatim).toHaveLength(1);
    expect(page.slice(verbatim[0]!.page[0], verbatim[0]!.page[1])).toBe(KEPT);
    expect(source.slice(verbatim[0]!.source[0], verbatim[0]!.source[1])).toBe(KEPT);
    expect(passages.some((p) => p.kind === 'paraphrase')).toBe(true);
    // Each piece starts at a word of its own, not at the comma the copied stretch ends in.
    for (const p of passages) expect(page.slice(p.page[0], p.page[1])).toMatch(/^[\p{L}\p{N}]/u);
    // In page order, without overlap, and every word of the sentence accounted for, none beyond it.
    for (let k = 1; k < passages.length; k++) expect(passages[k]!.page[0]).toBeGreaterThanOrEqual(passages[k - 1]!.page[1]);
    const sentenceWords = wordSpans(SENTENCE).starts.length;
    const marks = markWords(wordSpans(page), passages.map((p) => p.page));
    expect(marks.slice(0, sentenceWords).every((m) => m === 1)).toBe(true);
    expect(marks.slice(sentenceWords).every((m) => m === 0)).toBe(true);
    expect(v.derived.verbatim).toBe(KEPT.split(' ').length);
    expect(v.derived.paraphrase).toBe(sentenceWords - KEPT.split(' ').length);
  });

  test('a short identical stretch (under a sentence) does not split the rewrite', () => {
    // Its longest identical stretch is "to deter Moscow from taking … against Kyiv" (10 words).
    const sentence = 'Ukraine says 94,000 Russian troops are massed near the border in the second such buildup this year, prompting many warnings from top Biden administration aides hoping to deter Moscow from taking “significant aggressive moves” against Kyiv.';
    const page = `${sentence}\n\n${ownReport}`;
    const v = attribute({ text: page, published: '2021-12-20' }, [corpus], { lexicon });
    const passages = v.sources[0]?.passages ?? [];
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.every((p) => p.kind !== 'verbatim')).toBe(true);
  });
});
