/**
 * Measures a synonym relation on the seed labels: how many word swaps in
 * derived sentence pairs it explains (the gain) against how many links it
 * invents between sentences that state the same fact in independent words
 * (the cost). Shared by the lexicon tests and the policy sweep.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize, TokenFlag } from '../../src/engine/text/tokenize.js';
import { EVAL_DATA_DIR } from '../../src/eval/shared-data.js';

export const SEED_LABELS_FILE = path.join(EVAL_DATA_DIR, 'seed-pairs/labels.json');

interface LabelText { readonly a: string; readonly b: string; readonly kind?: string }
interface LabelPair {
  readonly a: string;
  readonly b: string;
  readonly relation: string;
  readonly sentences: readonly LabelText[];
  readonly same_fact_not_derived: readonly LabelText[];
}

export interface SentencePairs {
  /** Paraphrase and near-verbatim correspondences, each unordered pair once. */
  readonly derived: readonly LabelText[];
  /** Hard negatives: same fact, independent words. */
  readonly independent: readonly LabelText[];
  /** Every sentence of one article against every sentence of an article the labels call independent of it. */
  readonly background: readonly LabelText[];
}

interface SeedLabel { readonly file: string; readonly boilerplate: readonly string[] }

/** The article's sentences: non-boilerplate lines cut after sentence-ending punctuation. */
function articleSentences(seed: SeedLabel): string[] {
  const text = readFileSync(path.resolve(path.dirname(SEED_LABELS_FILE), '../../seeds', path.basename(seed.file)), 'utf8');
  const boilerplate = new Set(seed.boilerplate.map((line) => line.trim()));
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !boilerplate.has(line))
    .flatMap((line) => line.split(/(?<=[.!?][”"’]?)\s+(?=[“"‘A-Z])/u));
}

/** The labelled sentence pairs, or null when ../shared is absent (a fresh clone). */
export function readSeedSentencePairs(): SentencePairs | null {
  if (!existsSync(SEED_LABELS_FILE)) return null;
  const labels = JSON.parse(readFileSync(SEED_LABELS_FILE, 'utf8')) as {
    pairs: LabelPair[];
    seeds: Record<string, SeedLabel>;
  };
  const unique = (items: LabelText[]): LabelText[] => {
    const seen = new Map<string, LabelText>();
    for (const item of items) seen.set([item.a, item.b].sort().join('\u0000'), item);
    return [...seen.values()];
  };
  return {
    derived: unique(labels.pairs.flatMap((p) => p.sentences.filter((s) => s.kind !== 'verbatim'))),
    independent: unique(labels.pairs.flatMap((p) => p.same_fact_not_derived)),
    background: labels.pairs
      .filter((p) => p.relation === 'independent' && p.a < p.b)
      .flatMap((p) => {
        const left = articleSentences(labels.seeds[p.a]!);
        const right = articleSentences(labels.seeds[p.b]!);
        return left.flatMap((a) => right.map((b) => ({ a, b })));
      }),
  };
}

export interface RelationCount {
  /** Content terms of one side missing from the other side, summed over sentences and both sides. */
  readonly unmatchedTerms: number;
  /** Of those, how many some unmatched term of the other side is related to. */
  readonly explainedTerms: number;
  /** Related (left, right) term pairs among the unmatched ones. */
  readonly relatedPairs: number;
  /** The pairs themselves, "left~right", for a person to read. */
  readonly examples: readonly string[];
}

/** Content terms (not function words, not numbers) of a sentence. */
function contentTerms(text: string): Set<string> {
  const stream = tokenize(text);
  const out = new Set<string>();
  stream.terms.forEach((term, i) => {
    if ((stream.flags[i]! & (TokenFlag.Stop | TokenFlag.Number)) === 0) out.add(term);
  });
  return out;
}

/** Counts what `related` links between the unmatched terms of each sentence pair. */
export function countRelations(pairs: readonly LabelText[], related: (a: string, b: string) => boolean): RelationCount {
  let unmatchedTerms = 0;
  let explainedTerms = 0;
  let relatedPairs = 0;
  const examples: string[] = [];
  for (const pair of pairs) {
    const a = contentTerms(pair.a);
    const b = contentTerms(pair.b);
    const onlyA = [...a].filter((t) => !b.has(t));
    const onlyB = [...b].filter((t) => !a.has(t));
    unmatchedTerms += onlyA.length + onlyB.length;
    const explainedB = new Set<string>();
    for (const x of onlyA) {
      let explained = false;
      for (const y of onlyB) {
        if (!related(x, y)) continue;
        explained = true;
        explainedB.add(y);
        relatedPairs++;
        examples.push(`${x}~${y}`);
      }
      if (explained) explainedTerms++;
    }
    explainedTerms += explainedB.size;
  }
  return { unmatchedTerms, explainedTerms, relatedPairs, examples };
}
