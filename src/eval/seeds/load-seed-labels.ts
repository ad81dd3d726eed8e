/**
 * The hand-made sentence-level labels for the five seeds (../shared/eval/seed-pairs, see its
 * README): per ordered pair (A, B), the share of A's article words in sentences that correspond
 * to B, with an upper bound that also counts borderline sentences.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_PAIRS_DATASET = 'seed-pairs';

export interface SeedInfo {
  /** Label id, e.g. `000`: the prefix of the corpus id. */
  readonly label: string;
  /** Corpus id: the file name without extension. */
  readonly id: string;
  readonly file: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly titleLines: readonly string[];
  readonly boilerplate: readonly string[];
  readonly articleWords: number;
}

export interface SeedPairLabel {
  readonly a: string;
  readonly b: string;
  readonly relation: 'a_derives_from_b' | 'b_derives_from_a' | 'independent';
  readonly engineRelationOfB: 'source' | 'copy' | null;
  readonly coverage: number;
  readonly coverageWithBorderline: number;
  /** The labels' notes call the correspondence transitive (through a third seed), not direct. */
  readonly transitive: boolean;
}

export interface SeedLabels {
  readonly seeds: ReadonlyMap<string, SeedInfo>;
  readonly pairs: readonly SeedPairLabel[];
}

interface RawLabels {
  seeds: Record<string, { file: string; outlet: string | null; published: string | null; title_lines: string[]; boilerplate: string[]; article_words: number }>;
  pairs: { a: string; b: string; relation: SeedPairLabel['relation']; engine_relation_of_b: SeedPairLabel['engineRelationOfB']; coverage: number; coverage_with_borderline: number; notes?: string }[];
}

export function parseSeedLabels(json: string): SeedLabels {
  const raw = JSON.parse(json) as RawLabels;
  const seeds = new Map(
    Object.entries(raw.seeds).map(([label, s]) => [
      label,
      {
        label, id: s.file.replace(/\.[^.]+$/, ''), file: s.file, outlet: s.outlet, published: s.published,
        titleLines: s.title_lines, boilerplate: s.boilerplate, articleWords: s.article_words,
      },
    ]),
  );
  const pairs = raw.pairs.map((p) => ({
    a: p.a, b: p.b, relation: p.relation, engineRelationOfB: p.engine_relation_of_b,
    coverage: p.coverage, coverageWithBorderline: p.coverage_with_borderline,
    transitive: /^transitive/i.test(p.notes ?? ''),
  }));
  return { seeds, pairs };
}

export function loadSeedLabels(dir: string): SeedLabels {
  return parseSeedLabels(readFileSync(path.join(dir, 'labels.json'), 'utf8'));
}

/**
 * The whitespace-separated words of the article part of a seed text (every non-empty line that is
 * not listed as boilerplate), each with its span, as the labels count them.
 */
export function articleWordSpans(text: string, boilerplate: readonly string[]): [number, number][] {
  const skip = new Set(boilerplate);
  const spans: [number, number][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (!skip.has(line)) {
      for (const m of line.matchAll(/\S+/g)) spans.push([lineStart + m.index, lineStart + m.index + m[0].length]);
    }
    lineStart += line.length + 1;
  }
  return spans;
}
