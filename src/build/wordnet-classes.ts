/**
 * Turns WordNet into synonym classes over *terms* (what `termOf` makes of a
 * word). Two terms are related when they share a class. The policy decides how
 * much of WordNet counts: every extra relation helps a spun copy align but also
 * risks aligning two outlets that merely report the same fact, so each knob was
 * chosen by measuring both effects on the seed labels (see DEFAULT_CLASS_POLICY).
 */
import { tokenize, TokenFlag } from '../engine/text/tokenize.js';
import type { Wordnet, WordnetSense } from './wordnet-parse.js';

export interface ClassPolicy {
  /** A lemma joins a synset only when that synset is among its `maxSense` commonest senses (1-based, per part of speech). */
  readonly maxSense: number;
  /**
   * ... and, when the lemma has tagged senses, only when this sense was seen at least
   * `minTagShare` × as often as the lemma's commonest sense. 0 turns the test off.
   */
  readonly minTagShare: number;
  /** Lemmas never seen in the tagged corpora keep only senses up to this number (their order is a lexicographer's guess). */
  readonly untaggedMaxSense: number;
  /** Also relate a satellite adjective to its head ("harsh" ~ "severe" through similar-to). */
  readonly similarTo: boolean;
  /** Relate adjectives to the proper nouns they pertain to (Ukrainian ~ Ukraine, Russian ~ Russia). */
  readonly demonyms: boolean;
  /** Relate adjectives to every noun they pertain to (presidential ~ president). */
  readonly pertainyms: boolean;
  /**
   * The stemmer folds some distinct lemmas into one term ("stately" and "state" both
   * become "stat"). A lemma speaks for its term only when it was tagged at least this
   * share as often as the term's most frequent lemma, so a rare collision cannot
   * relate "state" to "imposing". 0 turns the test off.
   */
  readonly collisionShare: number;
  /** Relate derivationally related forms (discuss ~ discussion) when both ends are kept senses. */
  readonly derivation: boolean;
}

/** Chosen on the seed labels; the measurements are in the header of build-lexicon.ts. */
export const DEFAULT_CLASS_POLICY: ClassPolicy = {
  maxSense: 4,
  minTagShare: 0.1,
  untaggedMaxSense: 1,
  similarTo: false,
  demonyms: true,
  pertainyms: false,
  derivation: false,
  collisionShare: 0.2,
};

/** The single term a WordNet lemma compares as, or null when it is several words, a function word, or one letter. */
export function lemmaTerm(lemma: string): string | null {
  if (lemma.includes('_')) return null;
  const stream = tokenize(lemma);
  if (stream.terms.length !== 1) return null;
  const term = stream.terms[0]!;
  if ((stream.flags[0]! & TokenFlag.Stop) !== 0 || term.length < 2) return null;
  return term;
}

/** Synonym classes: each a sorted list of at least two distinct terms, the whole list sorted and without duplicates. */
export function buildClasses(wordnet: Wordnet, policy: ClassPolicy = DEFAULT_CLASS_POLICY): string[][] {
  const selected = selectSenses(wordnet.senses, policy);
  const speaks = termSpeakers(wordnet.senses, policy.collisionShare);
  const members = new Map<string, Set<string>>();
  for (const sense of selected) {
    const term = lemmaTerm(sense.lemma);
    if (term === null || !speaks.has(sense.lemma)) continue;
    let set = members.get(sense.synset);
    if (set === undefined) members.set(sense.synset, (set = new Set()));
    set.add(term);
  }

  const classes: Set<string>[] = [...members.values()];

  if (policy.similarTo) {
    for (const synset of wordnet.synsets.values()) {
      if (synset.type !== 's') continue;
      const own = members.get(synset.key);
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '&') continue;
        const head = members.get(pointer.target);
        if (own !== undefined && head !== undefined) classes.push(new Set([...own, ...head]));
      }
    }
  }

  if (policy.demonyms || policy.pertainyms) {
    const selectedKeys = new Set(selected.map((s) => `${s.lemma}\t${s.synset}`));
    for (const synset of wordnet.synsets.values()) {
      if (synset.type !== 'a' && synset.type !== 's') continue;
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '\\' || pointer.sourceWord === 0) continue;
        const adjective = synset.words[pointer.sourceWord - 1];
        const noun = wordnet.synsets.get(pointer.target)?.words[pointer.targetWord - 1];
        if (adjective === undefined || noun === undefined) continue;
        const proper = /^\p{Lu}/u.test(noun);
        if (!(policy.pertainyms || (policy.demonyms && proper))) continue;
        // A common-noun pertainym must hold in the adjective's common senses too.
        if (!proper && !selectedKeys.has(`${adjective.toLowerCase()}\t${synset.key}`)) continue;
        if (!speaks.has(adjective.toLowerCase()) || !speaks.has(noun.toLowerCase())) continue;
        const a = lemmaTerm(adjective);
        const n = lemmaTerm(noun);
        if (a !== null && n !== null) classes.push(new Set([a, n]));
      }
    }
  }

  if (policy.derivation) {
    const selectedKeys = new Set(selected.map((s) => `${s.lemma}\t${s.synset}`));
    for (const synset of wordnet.synsets.values()) {
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '+' || pointer.sourceWord === 0) continue;
        const from = synset.words[pointer.sourceWord - 1]?.toLowerCase();
        const to = wordnet.synsets.get(pointer.target)?.words[pointer.targetWord - 1]?.toLowerCase();
        if (from === undefined || to === undefined) continue;
        if (!selectedKeys.has(`${from}\t${synset.key}`) || !selectedKeys.has(`${to}\t${pointer.target}`)) continue;
        if (!speaks.has(from) || !speaks.has(to)) continue;
        const a = lemmaTerm(from);
        const b = lemmaTerm(to);
        if (a !== null && b !== null) classes.push(new Set([a, b]));
      }
    }
  }

  const unique = new Map<string, string[]>();
  for (const set of classes) {
    if (set.size < 2) continue;
    const sorted = [...set].sort();
    unique.set(sorted.join(' '), sorted);
  }
  return [...unique.values()].sort((x, y) => (x.join(' ') < y.join(' ') ? -1 : 1));
}

/** The senses the policy keeps. */
export function selectSenses(senses: readonly WordnetSense[], policy: ClassPolicy): WordnetSense[] {
  const topTags = new Map<string, number>();
  for (const s of senses) {
    const key = `${s.lemma}\t${s.pos}`;
    topTags.set(key, Math.max(topTags.get(key) ?? 0, s.tagCount));
  }
  return senses.filter((s) => {
    const top = topTags.get(`${s.lemma}\t${s.pos}`) ?? 0;
    if (top === 0) return s.senseNumber <= policy.untaggedMaxSense;
    return s.senseNumber <= policy.maxSense && s.tagCount >= policy.minTagShare * top;
  });
}

/**
 * Lemmas (lower case) that may speak for their term: see `ClassPolicy.collisionShare`.
 * A lemma that shares a synset with a speaking lemma of the same term is a spelling
 * variant of it ("emphasise"/"emphasize"), not a collision, so it speaks too.
 */
export function termSpeakers(senses: readonly WordnetSense[], share: number): Set<string> {
  const tags = new Map<string, number>();
  const synsetsOf = new Map<string, string[]>();
  for (const s of senses) {
    tags.set(s.lemma, (tags.get(s.lemma) ?? 0) + s.tagCount);
    let list = synsetsOf.get(s.lemma);
    if (list === undefined) synsetsOf.set(s.lemma, (list = []));
    list.push(s.synset);
  }
  const lemmasByTerm = new Map<string, string[]>();
  for (const lemma of tags.keys()) {
    const term = lemmaTerm(lemma);
    if (term === null) continue;
    let list = lemmasByTerm.get(term);
    if (list === undefined) lemmasByTerm.set(term, (list = []));
    list.push(lemma);
  }
  const out = new Set<string>();
  for (const lemmas of lemmasByTerm.values()) {
    const top = Math.max(...lemmas.map((l) => tags.get(l) ?? 0));
    const speaking = lemmas.filter((l) => (tags.get(l) ?? 0) >= share * top);
    const speakingSynsets = new Set(speaking.flatMap((l) => synsetsOf.get(l) ?? []));
    for (const lemma of lemmas) {
      if (speaking.includes(lemma) || (synsetsOf.get(lemma) ?? []).some((k) => speakingSynsets.has(k))) out.add(lemma);
    }
  }
  return out;
}
