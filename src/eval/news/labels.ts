/**
 * The reading labels of the real-news evaluation: ids only (the licence forbids copying the
 * texts), each with a short reason in the labeller's words. One file per news file, made by
 * reading before any tuning and frozen (README lists each file's sha256; a test recomputes them).
 *
 * Labels are written compactly and expanded here: a `texts` group lists the articles carrying one
 * text (a wire story, a press release, one outlet's article copied); two members of a group share
 * that text (`common-source`), or, when the group names its `original` and that article is a
 * member, the original and each other member are `original-and-copy`. An explicit pair label
 * always wins over one derived from groups.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NewsSplit } from './load-news.js';

export const LABELS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labels');

export const PAIR_LABELS = ['original-and-copy', 'common-source', 'same-article', 'independent', 'furniture-only', 'unrelated'] as const;
export type PairLabel = (typeof PAIR_LABELS)[number];
/** Pair labels that mean the two texts share reused text. */
export const REUSE_PAIR_LABELS: readonly PairLabel[] = ['original-and-copy', 'common-source', 'same-article'];

export const COPY_KINDS = ['credited-wire-carrier', 'uncredited-copy', 'rewrite'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

export const ARTICLE_LABELS = ['original', 'wire-carrier', 'copy', 'rewrite', 'listing', 'independent-report'] as const;
export type ArticleLabel = (typeof ARTICLE_LABELS)[number];
/** Articles that republish another's text. */
export const REPUBLICATION_LABELS: readonly ArticleLabel[] = ['wire-carrier', 'copy', 'rewrite'];

export interface ArticleLabelEntry {
  readonly label: ArticleLabel;
  /** For a wire carrier: the wire (AP, Reuters, AFP…). */
  readonly wire?: string;
  readonly reason: string;
}

export interface PairLabelEntry {
  readonly label: PairLabel;
  readonly kind?: CopyKind;
  /** For original-and-copy: the id of the original, when known. */
  readonly original?: string;
  readonly reason: string;
}

export interface TextGroup {
  /** A short name of the shared text, in the labeller's words. */
  readonly name: string;
  /** Who wrote it: a wire, an outlet, a press office. */
  readonly source: string;
  /** The member that is the source's own publication, if the file holds it. */
  readonly original?: string;
  readonly members: readonly string[];
  readonly reason: string;
}

export interface SelectionStratum {
  /** `reference`, `engine <band>`, `anchor <band>`, `same-event`. */
  readonly name: string;
  /** How many pairs the stratum had before sampling. */
  readonly population: number;
  readonly pairs: readonly string[];
}

export interface NewsLabels {
  readonly file: string;
  readonly split: NewsSplit;
  readonly labelledOn: string;
  readonly method: string;
  /** The pairs chosen for reading, frozen with the labels (the engine's flags will move). */
  readonly selection: { readonly seed: number; readonly perBand: number; readonly strata: readonly SelectionStratum[] };
  /** Rows that are one article scraped more than once. */
  readonly sameArticle: readonly (readonly string[])[];
  readonly texts: readonly TextGroup[];
  readonly articles: Readonly<Record<string, ArticleLabelEntry>>;
  readonly pairs: Readonly<Record<string, PairLabelEntry>>;
  /** What was not read, if anything, and why. */
  readonly unread?: string;
  /** Zyte pages only: the benchmark id of each page id used, so a changed benchmark is caught. */
  readonly benchmarkIds?: Readonly<Record<string, string>>;
}

export class LabelFormatError extends Error {
  override readonly name = 'LabelFormatError';
}

/** Key of an unordered pair: the numerically smaller id first. */
export function pairKey(x: string, y: string): string {
  return Number(x) < Number(y) ? `${x}-${y}` : `${y}-${x}`;
}

export function splitKey(key: string): [string, string] {
  const m = /^(\d+)-(\d+)$/.exec(key);
  if (!m || !(Number(m[1]) < Number(m[2]))) throw new LabelFormatError(`pair key ${JSON.stringify(key)} is not "<smaller id>-<larger id>"`);
  return [m[1]!, m[2]!];
}

/** Checks a parsed label file against the ids of its news file; every fault is reported, not the first. */
export function validateLabels(labels: NewsLabels, ids: ReadonlySet<string>): string[] {
  const faults: string[] = [];
  const known = (id: string, where: string) => {
    if (!ids.has(id)) faults.push(`${where}: unknown article id ${id}`);
  };
  for (const [id, entry] of Object.entries(labels.articles)) {
    known(id, 'articles');
    if (!ARTICLE_LABELS.includes(entry.label)) faults.push(`articles ${id}: unknown label ${entry.label}`);
    if (!entry.reason?.trim()) faults.push(`articles ${id}: no reason`);
  }
  for (const [key, entry] of Object.entries(labels.pairs)) {
    try {
      splitKey(key).forEach((id) => known(id, `pairs ${key}`));
    } catch (e) {
      faults.push((e as Error).message);
    }
    if (!PAIR_LABELS.includes(entry.label)) faults.push(`pairs ${key}: unknown label ${entry.label}`);
    if (entry.kind && !COPY_KINDS.includes(entry.kind)) faults.push(`pairs ${key}: unknown kind ${entry.kind}`);
    if (!entry.reason?.trim()) faults.push(`pairs ${key}: no reason`);
  }
  for (const group of labels.texts) {
    group.members.forEach((id) => known(id, `texts ${group.name}`));
    if (group.original && !group.members.includes(group.original)) faults.push(`texts ${group.name}: original ${group.original} is not a member`);
  }
  labels.sameArticle.forEach((g) => g.forEach((id) => known(id, 'sameArticle')));
  for (const stratum of labels.selection.strata) {
    for (const key of stratum.pairs) {
      try {
        splitKey(key).forEach((id) => known(id, `selection ${stratum.name}`));
      } catch (e) {
        faults.push((e as Error).message);
      }
    }
  }
  return faults;
}

/** The label of a pair, explicit or derived from the groups; undefined when the pair was not labelled. */
export function pairLabelOf(labels: NewsLabels, key: string): PairLabelEntry | undefined {
  const explicit = labels.pairs[key];
  if (explicit) return explicit;
  const [x, y] = splitKey(key);
  if (labels.sameArticle.some((g) => g.includes(x) && g.includes(y))) {
    return { label: 'same-article', reason: 'one article scraped twice (identical text, same publisher)' };
  }
  for (const group of labels.texts) {
    if (!group.members.includes(x) || !group.members.includes(y)) continue;
    if (group.original === x || group.original === y) {
      const copy = group.original === x ? y : x;
      const copyLabel = labels.articles[copy]?.label;
      const kind: CopyKind = copyLabel === 'wire-carrier' ? 'credited-wire-carrier' : copyLabel === 'rewrite' ? 'rewrite' : 'uncredited-copy';
      return { label: 'original-and-copy', kind, original: group.original, reason: `both carry ${group.name} (${group.source}); ${group.original} is its own publication` };
    }
    return { label: 'common-source', reason: `both carry ${group.name} (${group.source})` };
  }
  return undefined;
}

/** Every pair whose label is known (selected pairs and all pairs inside groups). */
export function labelledPairs(labels: NewsLabels): Map<string, PairLabelEntry> {
  const keys = new Set<string>(Object.keys(labels.pairs));
  for (const s of labels.selection.strata) s.pairs.forEach((k) => keys.add(k));
  for (const g of [...labels.texts.map((t) => t.members), ...labels.sameArticle]) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (g[i] !== g[j]) keys.add(pairKey(g[i]!, g[j]!));
  }
  const out = new Map<string, PairLabelEntry>();
  for (const k of keys) {
    const entry = pairLabelOf(labels, k);
    if (entry) out.set(k, entry);
  }
  return out;
}

export function readLabels(file: string, dir = LABELS_DIR): NewsLabels | null {
  const p = path.join(dir, `${file}.json`);
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as NewsLabels;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LabelFormatError(`${p}: ${(error as Error).message}`);
  }
}
