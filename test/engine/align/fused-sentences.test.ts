/**
 * Rewriters, human and machine, fuse two sentences of a source into one. Each
 * source sentence alone then matches only half of the page sentence, so the
 * pair is scored as one.
 */
import { beforeAll, expect, test } from 'vitest';
import { attribute, type Corpus, type Lexicon } from '../../../src/engine/index.js';
import { lexicon as loadLexicon, seedCorpus, seedId, storedSeedText } from '../../helpers/seed-corpus.js';

let corpus: Corpus;
let lexicon: Lexicon;
beforeAll(() => {
  corpus = seedCorpus();
  lexicon = loadLexicon();
});

// Seed 000: "US intelligence agencies have warned that Putin could be in position to launch a large-scale
// offensive involving as many as 175,000 troops in early January." + "Russia has denied it plans to invade
// Ukraine, but Putin has warned any expansion of US military hardware into Ukraine, as well as the country's
// admittance into NATO, are “red lines” that must not be crossed."
const FUSED = 'US intelligence agencies warn that Putin could soon be ready to launch a large-scale offensive with as many as '
  + '175,000 troops in early January, although Russia denies that it intends to invade Ukraine and has warned that more '
  + 'US military hardware in Ukraine, or its entry into NATO, would be a red line that must not be crossed.';
const PAGE = [
  'Markets in Kyiv were calm on Friday as traders waited for news from Washington about the talks.',
  FUSED,
  'The hryvnia closed slightly higher against the dollar, and bond yields fell for a second day.',
].join('\n\n');

test('a page sentence that fuses two source sentences is aligned with both, as a paraphrase', () => {
  const v = attribute({ text: PAGE }, [corpus], { lexicon });
  const source = v.sources.find((s) => s.id === seedId('000'));
  expect(source).toBeDefined();
  const fusedStart = PAGE.indexOf(FUSED);
  const passage = source!.passages.find((p) => p.page[0] <= fusedStart && p.page[1] >= fusedStart + FUSED.length - 1);
  expect(passage?.kind).toBe('paraphrase');
  const sourceText = storedSeedText(corpus, '000').slice(...passage!.source);
  expect(sourceText).toContain('US intelligence agencies have warned');
  expect(sourceText).toContain('must not be crossed');
  // the page's own sentences stay its own
  const own = PAGE.indexOf('The hryvnia');
  expect(source!.passages.every((p) => p.page[1] <= own)).toBe(true);
});
